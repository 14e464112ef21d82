package classroom

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"text/tabwriter"
)

// Formats `crm101 report --format` accepts.
var Formats = []string{"table", "csv", "json"}

// Write renders rep in format (one of Formats) to w.
func (rep Report) Write(w io.Writer, format string) error {
	switch format {
	case "table", "":
		return rep.writeTable(w)
	case "csv":
		return rep.writeCSV(w)
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	return fmt.Errorf("unknown format %q (want table, csv or json)", format)
}

func pct(f float64) string { return strconv.FormatFloat(f*100, 'f', 0, 64) + "%" }

func (rep Report) writeTable(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "TRAINEE\tREVIEWS\tACCURACY\tMASTERED\tROUNDS\tPOINTS\t")
	for _, t := range rep.Trainees {
		fmt.Fprintf(tw, "%s\t%d\t%s\t%d\t%d\t%d\t\n", t.Name, t.Reviews, pct(t.Accuracy), t.Mastered, t.Rounds, t.Points)
	}
	if len(rep.Trainees) == 0 {
		fmt.Fprintln(tw, "(no trainees yet)\t\t\t\t\t\t")
	}
	fmt.Fprintln(tw, "\t\t\t\t\t\t")
	fmt.Fprintln(tw, "TERM (weakest first)\tREVIEWS\tACCURACY\tTRAINEES\t\t\t")
	for _, t := range rep.Terms {
		fmt.Fprintf(tw, "%s\t%d\t%s\t%d\t\t\t\n", t.Term, t.Reviews, pct(t.Accuracy), t.Trainees)
	}
	if len(rep.Terms) == 0 {
		fmt.Fprintln(tw, "(no answers yet)\t\t\t\t\t\t")
	}
	return tw.Flush()
}

// writeCSV writes one table with a leading section column ("trainee" or
// "term"), so a spreadsheet can filter either part; columns a section
// does not have are empty.
func (rep Report) writeCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"section", "name", "reviews", "correct", "accuracy", "mastered", "rounds", "points", "trainees"})
	f := func(x float64) string { return strconv.FormatFloat(x, 'f', 4, 64) }
	for _, t := range rep.Trainees {
		cw.Write([]string{"trainee", t.Name, strconv.Itoa(t.Reviews), strconv.Itoa(t.Correct), f(t.Accuracy),
			strconv.Itoa(t.Mastered), strconv.Itoa(t.Rounds), strconv.Itoa(t.Points), ""})
	}
	for _, t := range rep.Terms {
		cw.Write([]string{"term", t.Term, strconv.Itoa(t.Reviews), strconv.Itoa(t.Correct), f(t.Accuracy),
			"", "", "", strconv.Itoa(t.Trainees)})
	}
	cw.Flush()
	return cw.Error()
}
