package quiz

import (
	"slices"
	"testing"

	"github.com/crm101/crm101/glossary"
	"github.com/crm101/crm101/glossary/glossarytest"
)

// productPackGlossary is the built-in glossary with a pack whose terms sit in a
// category of its own ("Product Sales") and in a built-in one.
func productPackGlossary(t *testing.T) *glossary.Glossary {
	t.Helper()
	csv := "Term,Category,Definition\n" +
		"Spiff,Product Sales,A short cash bonus for selling one product line this month.\n" +
		"Bundle Desk,Product Sales,The team that prices several products sold together.\n" +
		"Renewal Call,Sales,A call a month before a contract ends to agree its renewal.\n"
	g := glossarytest.BuiltinWithPack(t, "acme.csv", csv)
	return g
}

// A quiz over every category asks a pack's own categories too: before,
// it dealt only the built-in five, so a pack's "Product Sales" terms
// were never asked.
func TestQuizAsksPackCategories(t *testing.T) {
	g := productPackGlossary(t)
	if !slices.Contains(g.Categories(), "Product Sales") {
		t.Fatalf("categories %q lack the pack's", g.Categories())
	}
	qs, err := newGen(g, 1).Quiz(g.Len(), []Kind{Flashcard}, nil)
	if err != nil {
		t.Fatal(err)
	}
	asked := map[string]bool{}
	for _, q := range qs {
		asked[q.Term] = true
	}
	for _, term := range []string{"Spiff", "Bundle Desk", "Renewal Call"} {
		if !asked[term] {
			t.Errorf("%s was never asked in a quiz of every term", term)
		}
	}
	qs, err = newGen(g, 2).Quiz(2, []Kind{Flashcard}, []glossary.Category{"Product Sales"})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range qs {
		if q.Term != "Spiff" && q.Term != "Bundle Desk" {
			t.Errorf("a Product Sales quiz asked %s", q.Term)
		}
	}
}

// Accuracy by category lists a pack's categories after the built-in ones.
func TestCategoryAccuracyListsPackCategories(t *testing.T) {
	g := productPackGlossary(t)
	st := openTestStore(t)
	if _, err := st.Record(Review{Term: "Spiff", Kind: "flashcard", Rating: Good, At: t0}); err != nil {
		t.Fatal(err)
	}
	acc, err := st.CategoryAccuracy(g)
	if err != nil {
		t.Fatal(err)
	}
	var got []glossary.Category
	for _, a := range acc {
		got = append(got, a.Category)
		if a.Category == "Product Sales" && (a.Reviews != 1 || a.Correct != 1) {
			t.Errorf("Product Sales: %+v", a)
		}
	}
	if !slices.Equal(got, g.Categories()) {
		t.Errorf("categories %q, want %q", got, g.Categories())
	}
}
