package quiz

import (
	"testing"
	"time"

	"github.com/crm101/crm101/glossary"
)

// packGlossary layers a pack that adds "SPICED" and overrides "Churn
// Rate" over two built-in-like entries.
func packGlossary(t *testing.T) *glossary.Glossary {
	t.Helper()
	g, err := glossary.New([]glossary.Entry{
		{Term: "Churn Rate", Category: glossary.Metrics, Definition: "At Acme: cancelled accounts per quarter.", Pack: "acme.csv"},
		{Term: "Lead", Category: glossary.Sales, Definition: "Someone interested."},
		{Term: "SPICED", Category: glossary.Sales, Definition: "A qualification checklist.", Pack: "acme.csv"},
	})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// Cards are keyed by pack and term: a pack's Churn Rate has its own card,
// separate from the built-in one, and the built-in card is neither lost
// nor counted while the pack overrides the term.
func TestStoreKeysCardsByPackAndTerm(t *testing.T) {
	base := openTestStore(t)
	record(t, base, "Churn Rate", Again, t0) // history from before the pack
	view := base.ForGlossary(packGlossary(t))

	if _, ok, _ := view.Card("Churn Rate"); ok {
		t.Fatal("the pack's Churn Rate inherited the built-in card")
	}
	record(t, view, "Churn Rate", Good, t0.Add(3*time.Minute))
	record(t, view, "SPICED", Good, t0.Add(3*time.Minute))
	record(t, view, "Lead", Good, t0.Add(3*time.Minute))

	cards, err := view.Cards()
	if err != nil {
		t.Fatal(err)
	}
	decks := map[string]string{}
	for _, c := range cards {
		decks[c.Term] = c.Deck
	}
	want := map[string]string{"Churn Rate": "pack:acme.csv", "SPICED": "pack:acme.csv", "Lead": BuiltinDeck}
	if len(decks) != len(want) {
		t.Fatalf("view cards %v, want %v", decks, want)
	}
	for term, deck := range want {
		if decks[term] != deck {
			t.Errorf("%s in deck %q, want %q", term, decks[term], deck)
		}
	}
	// The built-in card is still there for a glossary without the pack.
	c, ok, err := base.Card("Churn Rate")
	if err != nil || !ok || c.Reps != 1 {
		t.Fatalf("built-in card: %+v, %v, %v", c, ok, err)
	}
	st, err := view.Stats(t0.Add(3*time.Minute), []string{"Churn Rate", "Lead", "SPICED"})
	if err != nil {
		t.Fatal(err)
	}
	if st.Reviews != 3 || st.Correct != 3 || st.New != 0 {
		t.Fatalf("stats over the view: %+v", st)
	}
	n, err := view.NewSince(t0)
	if err != nil || n != 3 {
		t.Fatalf("NewSince over the view = %d, %v; want 3", n, err)
	}
}
