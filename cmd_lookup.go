package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/crm101/crm101/glossary"
)

func joinArgs(args []string) string { return strings.TrimSpace(strings.Join(args, " ")) }

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func newTermsCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "terms",
		Short: "List every glossary term",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			g, err := loadGlossary(cmd)
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(cmd.OutOrStdout(), g.Entries())
			}
			tw := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 4, 2, ' ', 0)
			for _, e := range g.Entries() {
				fmt.Fprintf(tw, "%s\t%s\n", e.Title(), e.Category)
			}
			return tw.Flush()
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the entries as a JSON array")
	return cmd
}

func newDefineCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "define TERM",
		Short: "Show one term: exact name, acronym or alias, else the closest match",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			g, err := loadGlossary(cmd)
			if err != nil {
				return err
			}
			query := joinArgs(args)
			idx, ok := g.Resolve(query)
			if !ok {
				return exitError{1, notFound(g, query)}
			}
			e := g.At(idx)
			if asJSON {
				return writeJSON(cmd.OutOrStdout(), e)
			}
			return printEntry(cmd.OutOrStdout(), e)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the entry as a JSON object")
	return cmd
}

// notFound explains a miss and offers the closest terms.
func notFound(g *glossary.Glossary, query string) error {
	msg := fmt.Sprintf("no term matches %q", query)
	if hint := didYouMean(g, query); hint != "" {
		msg += "; " + hint
	}
	return errors.New(msg)
}

// didYouMean names the closest spellings of query, or is empty.
func didYouMean(g *glossary.Glossary, query string) string {
	sugg := g.Suggest(query, 3)
	if len(sugg) == 0 {
		return ""
	}
	names := make([]string, len(sugg))
	for i, idx := range sugg {
		names[i] = g.At(idx).Term
	}
	return "did you mean " + strings.Join(names, ", ") + "?"
}

func printEntry(w io.Writer, e glossary.Entry) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n%s", e.Title(), e.Category)
	if len(e.Aliases) > 0 {
		fmt.Fprintf(&b, " · also: %s", strings.Join(e.Aliases, ", "))
	}
	fmt.Fprintf(&b, "\n\n%s\n", e.Definition)
	if e.Example != "" {
		fmt.Fprintf(&b, "\nExample: %s\n", e.Example)
	}
	if e.Formula != "" {
		fmt.Fprintf(&b, "\nFormula: %s\n", e.Formula)
	}
	if len(e.Related) > 0 {
		fmt.Fprintf(&b, "\nRelated: %s\n", strings.Join(e.Related, ", "))
	}
	if len(e.Sources) > 0 {
		fmt.Fprintf(&b, "Sources: %s\n", strings.Join(e.Sources, ", "))
	}
	if e.BeyondSources {
		b.WriteString("Added by crm101 beyond the source documents.\n")
	}
	if e.Pack != "" {
		fmt.Fprintf(&b, "From pack: %s\n", e.Pack)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func newSearchCmd() *cobra.Command {
	var (
		asJSON bool
		limit  int
	)
	cmd := &cobra.Command{
		Use:   "search QUERY",
		Short: "Fuzzy-search terms, best match first",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if limit < 0 {
				return exitError{2, fmt.Errorf("--limit must be 0 (no limit) or more, got %d", limit)}
			}
			g, err := loadGlossary(cmd)
			if err != nil {
				return err
			}
			query := joinArgs(args)
			res := g.Search(query)
			matches := res.Matches
			if limit > 0 && len(matches) > limit {
				matches = matches[:limit]
			}
			if asJSON {
				entries := make([]glossary.Entry, len(matches))
				for i, m := range matches {
					entries[i] = g.At(m.Index)
				}
				return writeJSON(cmd.OutOrStdout(), entries)
			}
			if len(matches) == 0 {
				return exitError{1, notFound(g, query)}
			}
			if res.Weak() { // only then is a spelling suggestion worth its index
				if hint := didYouMean(g, query); hint != "" {
					fmt.Fprintf(cmd.ErrOrStderr(), "crm101: only loose matches for %q; %s\n", query, hint)
				}
			}
			tw := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 4, 2, ' ', 0)
			for _, m := range matches {
				e := g.At(m.Index)
				fmt.Fprintf(tw, "%s\t%s\n", e.Title(), e.Category)
			}
			return tw.Flush()
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the matching entries as a JSON array, best first")
	cmd.Flags().IntVar(&limit, "limit", 10, "show at most N results (0 for all)")
	return cmd
}
