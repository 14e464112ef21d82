package main

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/crm101/crm101/glossary"
)

func newDeckInspectCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "inspect FILE",
		Short: "Show how a pack is read: format, separator, header, columns, first notes and counts",
		Long: "Reads one pack and shows, before anything uses it, what was detected: the format,\n" +
			"the separator and header row, which column fills which field, the first notes as\n" +
			"crm101 reads them, and how many notes would load, be skipped or clash with the\n" +
			"built-in glossary (or nothing with --only-decks). The reading flags (--separator,\n" +
			"--row-separator, --category, --on-clash) apply as they would with --deck.",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			base, opts, err := deckSetup(cmd)
			if err != nil {
				return err
			}
			in := glossary.Inspect(base, args[0], opts.ReadOptions)
			if asJSON {
				if in.Problems == nil {
					in.Problems = glossary.PackProblems{}
				}
				if in.Warnings == nil {
					in.Warnings = glossary.PackProblems{}
				}
				err = writeJSON(cmd.OutOrStdout(), in)
			} else {
				err = printInspection(cmd.OutOrStdout(), in)
			}
			if err == nil && in.Refused {
				err = exitError{1, fmt.Errorf("%s cannot be loaded", args[0])}
			}
			return err
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the inspection as a JSON object")
	return cmd
}

func printInspection(w io.Writer, in glossary.Inspection) error {
	var b strings.Builder
	row := func(label, format string, args ...any) {
		fmt.Fprintf(&b, "%-11s %s\n", label, fmt.Sprintf(format, args...))
	}
	b.WriteString(in.Path + "\n")
	l := in.Layout
	if l.Format != "" {
		row("format", "%s", l.Format)
	}
	if l.Separator != "" {
		row("separator", "%s (%s)", l.Separator, l.SeparatorFrom)
		if l.RowSeparator != "" {
			row("rows", "separated by %s, read without quotes", l.RowSeparator)
		}
		switch {
		case l.HeaderLine > 0:
			row("header", "row on line %d", l.HeaderLine)
		case l.HeaderLine < 0:
			row("header", "#columns line")
		default:
			row("header", "none: columns are term, definition, tags")
		}
		for i, c := range l.Columns {
			label := ""
			if i == 0 {
				label = "columns"
			}
			name := c.Name
			if name == "" {
				name = "(no name)"
			}
			to := "→ " + c.Field
			if c.Field == "" {
				to = "left out: " + c.Note
			}
			row(label, "%d %s %s", c.Index, name, to)
		}
		if l.Format == glossary.FormatAnki {
			row("html", "%v", l.HTML)
		}
		if len(l.Tags) > 0 {
			row("tags", "%s (every note)", strings.Join(l.Tags, " "))
		}
	}
	if l.DefaultCategory != "" {
		row("category", "%s, for notes that name none", l.DefaultCategory)
		row("on clash", "%s", l.OnClash)
	}
	if len(in.Notes) > 0 {
		b.WriteString("first notes\n")
		for _, n := range in.Notes {
			e := n.Entry
			fmt.Fprintf(&b, "  line %d: %s · %s · %s", n.Line, e.Title(), e.Category, clip(e.Definition, 60))
			if len(e.Tags) > 0 {
				fmt.Fprintf(&b, " · tags %s", strings.Join(e.Tags, " "))
			}
			if n.Override {
				b.WriteString(" · override")
			}
			if n.Skipped {
				b.WriteString(" · SKIPPED")
			}
			b.WriteString("\n")
		}
	}
	if !in.Refused || in.Report.Loaded > 0 {
		r := in.Report
		row("counts", "%d loaded, %d skipped, %d clashing (%s), %d replacing earlier entries", r.Loaded, r.Skipped, r.Clashed, r.OnClash, r.Replaced)
	}
	for _, p := range in.Problems {
		b.WriteString(p.String() + "\n")
	}
	for _, p := range in.Warnings {
		b.WriteString(warningLine(p) + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// clip shortens s to n runes on one line, for a preview.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
