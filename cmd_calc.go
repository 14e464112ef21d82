package main

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/crm101/crm101/glossary"
	"github.com/crm101/crm101/ui"
)

// calcJSON is the `calc --json` contract of issue 3; the field order is
// the order the object prints in.
type calcJSON struct {
	ID      string             `json:"id"`   // as in calc --list --json
	Term    string             `json:"term"` // the metric's glossary term
	Value   float64            `json:"value"`
	Unit    glossary.Unit      `json:"unit"`
	Formula string             `json:"formula"`
	Inputs  map[string]float64 `json:"inputs"`
	Notes   []string           `json:"notes"` // how ambiguous input was read ("0.5" as 50%)
}

// metricJSON is one metric of `calc --list --json`.
type metricJSON struct {
	ID      string          `json:"id"`
	Term    string          `json:"term"`
	Unit    glossary.Unit   `json:"unit"`
	Formula string          `json:"formula"`
	Inputs  []metricInputJS `json:"inputs"`
}

type metricInputJS struct {
	ID       string   `json:"id"`
	Label    string   `json:"label"`
	Kind     string   `json:"kind"`
	Optional bool     `json:"optional,omitempty"`
	Default  *float64 `json:"default,omitempty"`
}

func newCalcCmd() *cobra.Command {
	var asJSON, list bool
	cmd := &cobra.Command{
		Use:   "calc [METRIC [--INPUT VALUE]...]",
		Short: "Work out a CRM metric, in the app or straight from the command line",
		Long: "Without inputs, calc opens the app on Calculate (on METRIC when given).\n" +
			"With METRIC and its inputs as flags it prints the result and the formula\n" +
			"with your numbers, e.g.\n\n" +
			"  crm101 calc cac --marketing-spend 30,000 --sales-spend 20k --new-customers 100\n\n" +
			"Values may be typed as 5000, 5,000, $5,000, 5k or 12.5%. `calc --list` shows\n" +
			"every metric and its inputs.",
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if list {
				if len(args) > 0 {
					return exitError{2, errors.New("calc --list takes no metric")}
				}
				return printMetricList(cmd.OutOrStdout(), asJSON)
			}
			given := givenInputs(cmd.Flags())
			if len(args) == 0 {
				if len(given) > 0 || asJSON {
					return exitError{2, errors.New("calc: name a metric before its inputs (see crm101 calc --list)")}
				}
				return runTUI(cmd, tuiOptions{start: ui.CalculateScreen})
			}
			m, ok := glossary.MetricByID(args[0])
			if !ok {
				return exitError{2, fmt.Errorf("calc: unknown metric %q (one of %s)", args[0], metricIDs())}
			}
			if len(given) == 0 && !asJSON {
				return runTUI(cmd, tuiOptions{start: ui.CalculateScreen, metric: m.ID})
			}
			c, err := calculate(m, given)
			if err != nil {
				return exitError{2, fmt.Errorf("calc %s: %w", m.ID, err)}
			}
			if asJSON {
				return writeJSON(cmd.OutOrStdout(), calcJSON{
					ID: m.ID, Term: m.Term, Value: glossary.Round(c.Value, 2), Unit: c.Unit,
					Formula: c.Formula, Inputs: c.Inputs, Notes: nonNil(c.Notes),
				})
			}
			for _, n := range c.Notes {
				fmt.Fprintln(cmd.ErrOrStderr(), "crm101: note:", n)
			}
			_, err = fmt.Fprintf(cmd.OutOrStdout(), "%s: %s\n%s\n", m.Term, c.Text, c.Formula)
			return err
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the result (or the --list) as JSON")
	cmd.Flags().BoolVar(&list, "list", false, "list the metrics and their inputs")
	for _, id := range inputIDs() {
		cmd.Flags().String(id, "", "input "+id+" (see calc --list for which metric takes it)")
	}
	return cmd
}

// inputIDs is every input of every metric, once, sorted: metrics share
// inputs such as --new-customers, so each is one flag.
func inputIDs() []string {
	seen := map[string]bool{}
	var ids []string
	for _, m := range glossary.AllMetrics() {
		for _, in := range m.Inputs {
			if !seen[in.ID] {
				seen[in.ID] = true
				ids = append(ids, in.ID)
			}
		}
	}
	sort.Strings(ids)
	return ids
}

// givenInputs maps each input flag the user set to its text.
func givenInputs(fs *pflag.FlagSet) map[string]string {
	given := map[string]string{}
	for _, id := range inputIDs() {
		if fs.Changed(id) {
			given[id], _ = fs.GetString(id)
		}
	}
	return given
}

// calculate checks that every flag belongs to m, then computes it. Its
// error is one line naming each offending input by its flag.
func calculate(m glossary.Metric, given map[string]string) (glossary.Calculation, error) {
	var foreign []string
	for id := range given {
		if _, ok := m.Input(id); !ok {
			foreign = append(foreign, "--"+id)
		}
	}
	if len(foreign) > 0 {
		sort.Strings(foreign)
		verb := "are not inputs"
		if len(foreign) == 1 {
			verb = "is not an input"
		}
		return glossary.Calculation{}, fmt.Errorf("%s %s of %s (its inputs: %s)",
			strings.Join(foreign, ", "), verb, m.ID, flagList(m))
	}
	c, err := m.Calculate(given)
	var fe glossary.FieldErrors
	if errors.As(err, &fe) {
		msgs := make([]string, len(fe))
		for i, e := range fe {
			msgs[i] = e.Msg
			if e.Input != "" {
				msgs[i] = "--" + e.Input + ": " + e.Msg
			}
		}
		return c, errors.New(strings.Join(msgs, "; "))
	}
	return c, err
}

func flagList(m glossary.Metric) string {
	flags := make([]string, len(m.Inputs))
	for i, in := range m.Inputs {
		flags[i] = "--" + in.ID
		if in.Optional {
			flags[i] = "[" + flags[i] + "]"
		}
	}
	return strings.Join(flags, " ")
}

func metricIDs() string {
	var ids []string
	for _, m := range glossary.AllMetrics() {
		ids = append(ids, m.ID)
	}
	return strings.Join(ids, ", ")
}

func printMetricList(w io.Writer, asJSON bool) error {
	ms := glossary.AllMetrics()
	if asJSON {
		out := make([]metricJSON, len(ms))
		for i, m := range ms {
			out[i] = metricJSON{ID: m.ID, Term: m.Term, Unit: m.Unit, Formula: m.Formula(), Inputs: []metricInputJS{}}
			for _, in := range m.Inputs {
				js := metricInputJS{ID: in.ID, Label: in.Label, Kind: in.Kind.String(), Optional: in.Optional}
				if in.Optional {
					d := in.Default
					js.Default = &d
				}
				out[i].Inputs = append(out[i].Inputs, js)
			}
		}
		return writeJSON(w, out)
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, m := range ms {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", m.ID, m.Term, flagList(m))
	}
	return tw.Flush()
}
