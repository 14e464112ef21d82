package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/crm101/crm101/glossary/glossarytest"
	"github.com/crm101/crm101/quiz"
)

// The quiz's Category setting lists a pack's own categories after the
// built-in five, --category reads them, and the summary scores them.
func TestQuizCategoryOffersPackCategories(t *testing.T) {
	csv := "Term,Category,Definition\n" +
		"Spiff,Product Sales,A short cash bonus for selling one product line this month.\n" +
		"Bundle Desk,Product Sales,The team that prices several products sold together.\n"
	g := glossarytest.BuiltinWithPack(t, "acme.csv", csv)
	if c, err := ParseCategory(g, "product sales"); err != nil || c != "Product Sales" {
		t.Fatalf("ParseCategory(product sales) = %q, %v", c, err)
	}
	if _, err := ParseCategory(nil, "product sales"); err == nil {
		t.Fatal("without the pack, Product Sales is no category")
	}

	clk := newClock()
	m := newTestModel(t, Options{Glossary: g, Store: openTestStore(t), Start: QuizScreen, Seed: 7, Clock: clk.Now,
		Quiz: QuizSettings{Mode: quiz.FlashcardMode}})
	tm := send(t, m, size(80, 24))
	tm = drain(tm, tm.Init(), 3)
	// Category row; ← from "All categories" wraps to the last category.
	tm = send(t, tm, press(tea.KeyDown), press(tea.KeyLeft))
	q := requireState(t, tm, quizStart)
	if q.settings.Category != "Product Sales" || !strings.Contains(plain(tm), "‹ Product Sales ›") {
		t.Fatalf("category %q:\n%s", q.settings.Category, plain(tm))
	}
	if q.stats.Total != 2 {
		t.Fatalf("%d terms in Product Sales, want 2:\n%s", q.stats.Total, plain(tm))
	}
	tm = send(t, tm, press(tea.KeyEnter))
	for range 2 {
		tm = send(t, tm, keys(" ")[0], keys("3")[0])
	}
	requireState(t, tm, quizSummary)
	if v := plain(tm); !strings.Contains(v, "By category  Product Sales 2/2") {
		t.Fatalf("summary lacks the pack's category:\n%s", v)
	}
}
