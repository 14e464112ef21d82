package ui

import (
	"fmt"
	"strings"

	"github.com/crm101/crm101/glossary"
	"github.com/crm101/crm101/quiz"
)

// ParseCategory reads a --category value among g's categories (the
// built-in ones, then those its packs bring; the built-in ones when g is
// nil), ignoring case; "" and "all" mean every category.
func ParseCategory(g *glossary.Glossary, s string) (glossary.Category, error) {
	if s == "" || strings.EqualFold(s, "all") {
		return "", nil
	}
	var names []string
	for _, c := range categoriesOf(g) {
		if strings.EqualFold(s, string(c)) {
			return c, nil
		}
		names = append(names, fmt.Sprintf("%q", string(c)))
	}
	return "", fmt.Errorf("unknown category %q (want all, %s)", s, strings.Join(names, ", "))
}

// categoriesOf is g's categories, or the built-in ones without a glossary.
func categoriesOf(g *glossary.Glossary) []glossary.Category {
	if g == nil {
		return glossary.Categories()
	}
	return g.Categories()
}

// QuizSettings are the start panel's choices; the command line presets them.
type QuizSettings struct {
	Mode     quiz.Mode
	Category glossary.Category // "" for every category
	Length   int               // questions drawn per session; 0 means quiz.DefaultSessionLength
	Study    quiz.Study        // scheduled, practise or missed
}

// sessionLengths are the lengths the start panel cycles through.
var sessionLengths = []int{5, 10, 15, 20, 30, 50}

// cycle moves a value through a cycle of n choices by delta, wrapping.
func cycle(i, delta, n int) int { return ((i+delta)%n + n) % n }

// nextLength is the next (or previous) length in sessionLengths, from
// any length the command line may have set.
func nextLength(cur, delta int) int {
	if delta > 0 {
		for _, l := range sessionLengths {
			if l > cur {
				return l
			}
		}
		return sessionLengths[0]
	}
	for i := len(sessionLengths) - 1; i >= 0; i-- {
		if sessionLengths[i] < cur {
			return sessionLengths[i]
		}
	}
	return sessionLengths[len(sessionLengths)-1]
}

// nextCategory cycles "" (all) and then each of g's categories, a
// pack's own included.
func nextCategory(g *glossary.Glossary, cur glossary.Category, delta int) glossary.Category {
	all := append([]glossary.Category{""}, categoriesOf(g)...)
	i := 0
	for k, c := range all {
		if c == cur {
			i = k
		}
	}
	return all[cycle(i, delta, len(all))]
}

// categoryLabel names a category filter for the start panel.
func categoryLabel(c glossary.Category) string {
	if c == "" {
		return "All categories"
	}
	return string(c)
}

// newPerDayChoices are the daily new counts the start panel cycles through.
var newPerDayChoices = []int{5, 10, 15, 20, 30, 50}

// nextNewPerDay is the next (or previous) count in newPerDayChoices.
func nextNewPerDay(cur, delta int) int {
	if delta > 0 {
		for _, n := range newPerDayChoices {
			if n > cur {
				return n
			}
		}
		return newPerDayChoices[0]
	}
	for i := len(newPerDayChoices) - 1; i >= 0; i-- {
		if newPerDayChoices[i] < cur {
			return newPerDayChoices[i]
		}
	}
	return newPerDayChoices[len(newPerDayChoices)-1]
}
