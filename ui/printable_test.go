package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/crm101/crm101/glossary"
	"github.com/crm101/crm101/quiz"
)

// Text from a glossary never reaches the terminal with its control
// characters, even one built without the loader's screening: Browse's
// list and entry and the quiz print it through glossary.Printable.
func TestControlCharactersNeverReachTheScreen(t *testing.T) {
	g, err := glossary.New([]glossary.Entry{
		{Term: "Evil\x1b]0;pwn\x07Term", Category: glossary.Sales, Definition: "Rings\x07 the bell and clears\x1b[2J the screen."},
		{Term: "Plain Term", Category: glossary.Sales, Definition: "A term with nothing odd in it at all."},
	})
	if err != nil {
		t.Fatal(err)
	}
	m := newTestModel(t, Options{Glossary: g, Query: "evil"})
	tm := drain(send(t, m, size(100, 30)), m.Init(), 3)
	tm = send(t, tm, press(tea.KeyEnter))
	raw := tm.(Model).View().Content
	for _, bad := range []string{"\x07", "\x1b]0;", "\x1b[2J"} {
		if strings.Contains(raw, bad) {
			t.Errorf("Browse printed %q from the data", bad)
		}
	}
	if !strings.Contains(plain(tm), "Evil]0;pwnTerm") {
		t.Errorf("the term is not shown without its controls:\n%s", plain(tm))
	}
	q := printableQuestion(quizQuestionFor(g))
	for _, s := range append([]string{q.Prompt, q.Answer, q.Back}, q.Options...) {
		if _, bad := glossary.FirstControl(s); bad {
			t.Errorf("quiz text keeps a control character: %q", s)
		}
	}
}

func quizQuestionFor(g *glossary.Glossary) quiz.Question {
	e := g.At(0)
	return quiz.Question{Prompt: e.Definition, Answer: e.Term, Back: e.Definition, Options: []string{e.Term, "x\x1b[31m"}}
}
