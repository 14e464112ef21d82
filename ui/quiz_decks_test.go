package ui

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/crm101/crm101/glossary"
	"github.com/crm101/crm101/quiz"
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
	m := newTestModel(t, Options{Glossary: g, Store: st, Start: QuizScreen, Seed: 7, Clock: clk.Now, Quiz: QuizSettings{Mode: quiz.FlashcardMode}})
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

// Coming back to Test Yourself refreshes its totals: answers recorded
// elsewhere meanwhile (another window, a classroom round) show up.
func TestQuizStartPanelRefreshesOnReturn(t *testing.T) {
	tm, st, clk := quizApp(t, QuizSettings{}, 80, 24)
	tm = send(t, tm, tea.KeyPressMsg{Code: tea.KeyF1})
	if _, err := st.Record(quiz.Review{Term: "Churn Rate", Kind: "typed", Rating: quiz.Good, At: clk.Now()}); err != nil {
		t.Fatal(err)
	}
	tm = send(t, tm, tea.KeyPressMsg{Code: tea.KeyF3})
	if got := quizOf(tm).stats.Learning; got != 1 {
		t.Fatalf("learning after returning = %d, want 1", got)
	}
}
