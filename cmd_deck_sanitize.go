package main

import (
	"fmt"
	"io"
	"slices"

	"github.com/crm101/crm101/glossary"
)

// Control characters in pack text (glossary.PackSummary.Stripped) are
// removed when the packs load, with a warning, and are problems to
// `deck validate`. The hooks are one call each in loadGlossary and the
// validate command.

// warnStripped tells the user which control characters loading removed.
func warnStripped(w io.Writer, stripped glossary.PackProblems) {
	for _, p := range stripped {
		fmt.Fprintf(w, "crm101: warning: %s (removed)\n", p)
	}
}

// withStripped adds the control characters found to validate's
// problems, ordered by file and line with the rest.
func withStripped(problems, stripped glossary.PackProblems) glossary.PackProblems {
	if len(stripped) == 0 {
		return problems
	}
	all := append(slices.Clone(problems), stripped...)
	order := map[string]int{}
	for _, p := range all {
		if _, ok := order[p.File]; !ok {
			order[p.File] = len(order)
		}
	}
	slices.SortStableFunc(all, func(a, b glossary.PackProblem) int {
		if c := order[a.File] - order[b.File]; c != 0 {
			return c
		}
		return a.Line - b.Line
	})
	return all
}
