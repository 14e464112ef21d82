package ui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"crm101/glossary"
)

// A pack's terms are studied on cards of the pack's own deck, so the
// learner's history is keyed by pack and term.
func TestQuizRecordsPackTermsInThePackDeck(t *testing.T) {
	entries := testGlossary(t).Entries()
	packed := make([]glossary.Entry, len(entries))
	for i, e := range entries {
		e.Pack = "acme.yaml"
		packed[i] = e
	}
	g, err := glossary.New(packed)
	if err != nil {
		t.Fatal(err)
	}
	st := openTestStore(t)
	clk := newClock()
	m := newTestModel(t, Options{Glossary: g, Store: st, Start: QuizScreen, Seed: 7, Clock: clk.Now, Quiz: QuizSettings{Mode: FlashcardMode}})
	tm := drain(send(t, m, size(80, 24)), m.Init(), 3)
	tm = send(t, tm, press(tea.KeyEnter), keys(" ")[0], keys("3")[0])

	inPack, err := st.WithDeck("pack:acme.yaml").Cards()
	if err != nil {
		t.Fatal(err)
	}
	builtin, err := st.Cards()
	if err != nil {
		t.Fatal(err)
	}
	if len(inPack) != 1 || len(builtin) != 0 {
		t.Fatalf("cards: %d in the pack deck, %d in the built-in deck; want 1 and 0", len(inPack), len(builtin))
	}
}
