package ui

import (
	"testing"

	"github.com/crm101/crm101/glossary"
	"github.com/crm101/crm101/quiz"
)

// The quiz screen weighs every term's question kinds when it is built,
// before the program starts: this is the cost added to start-up.
func BenchmarkQuizNewModel(b *testing.B) {
	g, err := glossary.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	styles := NewStyles(true)
	clock := newClock()
	b.ResetTimer()
	for range b.N {
		newQuizModel(g, quiz.NewIndex(g), nil, styles, clock.Now, 1, QuizSettings{})
	}
}

// Choosing and building the next question happens inside Update.
func BenchmarkQuizQuestion(b *testing.B) {
	g, err := glossary.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	styles := NewStyles(true)
	m := newQuizModel(g, quiz.NewIndex(g), nil, styles, newClock().Now, 1, QuizSettings{})
	entries := g.Entries()
	b.ResetTimer()
	for i := range b.N {
		m.gen.Pick(entries[i%len(entries)].Term, m.settings.Mode.Kinds(), nil)
	}
}
