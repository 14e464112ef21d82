package main

import (
	"bufio"
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

// writeTermTable prints n entries, one "term  category" row each,
// aligned. It is buffered: tabwriter writes every cell and every pad on
// its own, which for a 100,000-term pack was over a million write calls
// and half of `terms`' time.
func writeTermTable(w io.Writer, n int, entry func(int) glossary.Entry) error {
	bw := bufio.NewWriter(w)
	tw := tabwriter.NewWriter(bw, 0, 4, 2, ' ', 0)
	for i := range n {
		e := entry(i)
		fmt.Fprintf(tw, "%s\t%s\n", glossary.Printable(e.Title()), glossary.Printable(string(e.Category)))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	return bw.Flush()
}

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
				return writeJSON(cmd.OutOrStdout(), termJSONs(g.Entries()))
			}
			return writeTermTable(cmd.OutOrStdout(), len(g.Entries()), g.At)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the entries as a JSON array")
	return cmd
}

func newDefineCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "define TERM",
		Short: "Show one term: exact name, acronym or alias (exit 0), else the closest match (exit 1)",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			g, err := loadGlossary(cmd)
			if err != nil {
				return err
			}
			query := joinArgs(args)
			idx, how := g.Resolve(query)
			if how == glossary.NoMatch {
				return exitError{1, notFound(g, query)}
			}
			e, versions := g.At(idx), g.PackVersions(idx)
			if asJSON {
				err = writeJSON(cmd.OutOrStdout(), newDefineJSON(e, versions))
			} else {
				err = printEntry(cmd.OutOrStdout(), e, versions)
			}
			if err != nil || how == glossary.ExactName {
				return err
			}
			// A human reads the entry; a script sees from the status that
			// it was a guess.
			return exitError{1, fmt.Errorf("no exact match for %q; closest: %s", query, e.Term)}
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, `print the entry as a JSON object, with "versions": the packs' own definitions of a term the built-in glossary kept`)
	return cmd
}

// notFound explains a miss and offers the closest spellings, else the
// loose matches search finds.
func notFound(g *glossary.Glossary, query string) error {
	msg := fmt.Sprintf("no term matches %q", query)
	names := suggestions(g, query)
	if len(names) == 0 {
		for _, m := range g.Search(query).Matches {
			if len(names) == 3 {
				break
			}
			names = append(names, g.At(m.Index).Term)
		}
	}
	if len(names) > 0 {
		msg += "; did you mean " + strings.Join(names, ", ") + "?"
	}
	return errors.New(msg)
}

// suggestions are the terms of the closest spellings of query, best first.
func suggestions(g *glossary.Glossary, query string) []string {
	var names []string
	for _, idx := range g.Suggest(query, 3) {
		names = append(names, g.At(idx).Term)
	}
	return names
}

// printEntry prints e as define shows it, with the packs' own
// definitions of its term (versions) after its own, as Browse's detail
// pane shows them.
func printEntry(w io.Writer, e glossary.Entry, versions []glossary.Entry) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n%s", e.Title(), e.Category)
	if len(e.Aliases) > 0 {
		fmt.Fprintf(&b, " · also: %s", strings.Join(e.Aliases, ", "))
	}
	fmt.Fprintf(&b, "\n\n%s\n", e.Definition)
	for _, v := range versions {
		fmt.Fprintf(&b, "\n%s: %s\n", v.VersionLabel(), v.Definition)
	}
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
	_, err := io.WriteString(w, glossary.Printable(b.String())) // pack text never reaches the terminal raw
	return err
}

// searchHit is one result of `search`: the entry, and whether it is a
// spelling suggestion offered ahead of weak matches.
type searchHit struct {
	glossary.Entry
	Suggested bool
}

func newSearchCmd() *cobra.Command {
	var (
		asJSON bool
		limit  int
	)
	cmd := &cobra.Command{
		Use:   "search QUERY",
		Short: "Search terms by name and definition, best match first (exit 1 when nothing matches)",
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
			hits, weak := searchHits(g, query, limit)
			if weak && len(hits) > 0 && hits[0].Suggested {
				names := []string{}
				for _, h := range hits {
					if h.Suggested {
						names = append(names, h.Term)
					}
				}
				fmt.Fprintf(cmd.ErrOrStderr(), "crm101: only loose matches for %q; did you mean %s?\n", query, strings.Join(names, ", "))
			}
			if asJSON {
				out := make([]searchHitJSON, len(hits))
				for i, h := range hits {
					out[i] = searchHitJSON{newTermJSON(h.Entry), h.Suggested}
				}
				if err := writeJSON(cmd.OutOrStdout(), out); err != nil {
					return err
				}
			} else {
				if err := writeTermTable(cmd.OutOrStdout(), len(hits), func(i int) glossary.Entry { return hits[i].Entry }); err != nil {
					return err
				}
			}
			if len(hits) == 0 {
				return exitError{1, fmt.Errorf("no term matches %q", query)}
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, `print the matching entries as a JSON array, best first; a spelling suggestion offered ahead of weak matches has "suggested": true`)
	cmd.Flags().IntVar(&limit, "limit", 10, "show at most N results (0 for all)")
	return cmd
}

// searchHits are the first limit (0: all) matches of query, best first.
// When every match is weak (scattered letters, a definition), the
// closest spellings come first, marked Suggested: "chrun" leads with
// Churn Rate, not with Asynchronous Communication. Only the hits shown
// are copied: in a 100,000-term pack "churn" matches half the entries.
func searchHits(g *glossary.Glossary, query string, limit int) (hits []searchHit, weak bool) {
	res := g.Search(query)
	n := len(res.Matches)
	if limit > 0 {
		n = min(n, limit)
	}
	hits = make([]searchHit, 0, n)
	seen := map[int]bool{}
	if res.Weak() { // only then is a spelling suggestion worth its index
		weak = true
		for _, idx := range g.Suggest(query, 3) {
			if limit > 0 && len(hits) == limit {
				break
			}
			seen[idx] = true
			hits = append(hits, searchHit{Entry: g.At(idx), Suggested: true})
		}
	}
	for _, m := range res.Matches {
		if limit > 0 && len(hits) == limit {
			break
		}
		if !seen[m.Index] {
			hits = append(hits, searchHit{Entry: g.At(m.Index)})
		}
	}
	return hits, weak
}
