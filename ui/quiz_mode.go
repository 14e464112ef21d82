package ui

import (
	"cmp"
	"fmt"
	"strings"
	"time"

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

// nextIn is the next (or previous) of the sorted choices after cur,
// wrapping; cur need not be one of them (the command line may have set
// any value).
func nextIn[T cmp.Ordered](choices []T, cur T, delta int) T {
	if delta > 0 {
		for _, c := range choices {
			if c > cur {
				return c
			}
		}
		return choices[0]
	}
	for i := len(choices) - 1; i >= 0; i-- {
		if choices[i] < cur {
			return choices[i]
		}
	}
	return choices[len(choices)-1]
}

// nextLength is the next (or previous) length in sessionLengths.
func nextLength(cur, delta int) int { return nextIn(sessionLengths, cur, delta) }

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
func nextNewPerDay(cur, delta int) int { return nextIn(newPerDayChoices, cur, delta) }

// retentionChoices are the desired retentions the start panel cycles
// through, within quiz.MinRetention–quiz.MaxRetention.
var retentionChoices = []float64{0.80, 0.85, 0.90, 0.93, 0.95, 0.97}

// nextRetention is the next (or previous) retention in retentionChoices.
func nextRetention(cur float64, delta int) float64 {
	return nextIn(retentionChoices, quiz.ClampRetention(cur), delta)
}

// nextEndDate moves a course's end date (--by) a week later or earlier.
// With none, → sets one a week from today; stepping back to today or
// before clears it, as --by off does. Dates are calendar days in local
// time, as the store keeps them.
func nextEndDate(cur, now time.Time, delta int) time.Time {
	y, mo, d := now.In(time.Local).Date()
	today := time.Date(y, mo, d, 0, 0, 0, 0, time.Local)
	if cur.IsZero() {
		if delta > 0 {
			return today.AddDate(0, 0, 7)
		}
		return time.Time{}
	}
	if cur.Before(today) {
		cur = today
	}
	next := cur.AddDate(0, 0, 7*delta)
	if !next.After(today) {
		return time.Time{}
	}
	return next
}
