package quiz

import (
	"strings"
	"testing"

	"github.com/crm101/crm101/glossary"
)

// verifyArticleAnswers checks the hand-written article answers against
// the glossary's definitions, so a glossary edit that contradicts them
// (or an answer that drifts from the glossary) fails here.
func verifyArticleAnswers(t *testing.T, g *glossary.Glossary) {
	t.Helper()
	def := func(name string) string {
		e, ok := g.Lookup(name)
		if !ok {
			t.Fatalf("the glossary has no %q entry, which an article question needs", name)
		}
		return strings.ToLower(e.Definition)
	}
	byTerm := map[string]articleQuestion{}
	for _, a := range articleQuestions {
		byTerm[a.term] = a
	}

	// Pipeline: a series of stages that deals move through.
	p := byTerm["Pipeline"]
	if d := def("Pipeline"); !strings.Contains(d, "stage") {
		t.Errorf("glossary Pipeline does not speak of stages: %q", d)
	}
	for k, o := range p.options {
		o = strings.ToLower(o)
		isStages := strings.Contains(o, "stage") && (strings.Contains(o, "deal") || strings.Contains(o, "opportunit"))
		if isStages != (k == p.answer) {
			t.Errorf("pipeline option %d %q: stages-and-deals = %v, but answer is %d", k, o, isStages, p.answer)
		}
	}

	// The lead judged highly likely to buy is the Sales Qualified Lead.
	if e, ok := g.Lookup("SQL"); !ok || e.Term != "Sales Qualified Lead" {
		t.Errorf(`"SQL" does not name the Sales Qualified Lead entry: %+v`, e)
	}
	if d := def("Sales Qualified Lead"); !strings.Contains(d, "likel") {
		t.Errorf("glossary SQL definition does not say likely to buy: %q", d)
	}

	// Persona is the semi-fictional one, profile the detailed, data-based
	// one; 001 says the opposite and must not win.
	persona, profile := def("Customer Persona"), def("Customer Profile")
	if !strings.Contains(persona, "fictional") || strings.Contains(profile, "fictional") {
		t.Errorf("glossary: persona %q should be the fictional one, profile %q not", persona, profile)
	}
	if !strings.Contains(profile, "detailed") {
		t.Errorf("glossary: profile %q should be the detailed description", profile)
	}
	pp := byTerm["Customer Persona"]
	for k, o := range pp.options {
		got := personaIsFictional(o)
		if (k == pp.answer) != (got == 1) {
			t.Errorf("persona option %d %q: persona-fictional/profile-detailed = %d, answer is %d", k, o, got, pp.answer)
		}
	}
	backwards := 0
	for _, o := range pp.options {
		if personaIsFictional(o) == -1 {
			backwards++
		}
	}
	if backwards != 1 {
		t.Errorf("want exactly one option stating the difference backwards (as 001 does), got %d", backwards)
	}
}

// personaIsFictional reads a persona-vs-profile statement: 1 when it
// ties "fictional" to the persona and "detailed" to the profile, -1 when
// it ties them the other way round, 0 when it does neither.
func personaIsFictional(s string) int {
	s = strings.ToLower(s)
	persona, profile := strings.Index(s, "persona"), strings.Index(s, "profile")
	fictional, detailed := strings.Index(s, "fictional"), strings.Index(s, "detailed")
	if persona < 0 || profile < 0 || fictional < 0 || detailed < 0 {
		return 0
	}
	switch {
	case persona < fictional && fictional < profile && profile < detailed:
		return 1
	case persona < detailed && detailed < profile && profile < fictional:
		return -1
	}
	return 0
}

func TestArticleAnswersAgreeWithTestGlossary(t *testing.T) {
	verifyArticleAnswers(t, testGlossary(t))
}

func TestArticleQuestions(t *testing.T) {
	g := testGlossary(t)
	gen := newGen(g, 5)
	for _, term := range []string{"Pipeline", "Sales Qualified Lead", "Customer Persona"} {
		q, err := gen.For(term, Article)
		if err != nil {
			t.Fatal(err)
		}
		checkQuestion(t, g, q)
		if !strings.Contains(q.Back, ": ") {
			t.Errorf("%s: no explanation from the glossary: %q", term, q.Back)
		}
	}
	sql, _ := gen.For("SQL", Article)
	for answer, want := range map[string]bool{"Sales Qualified Lead": true, "an SQL": true, "sales qualifed lead": true, "Marketing Qualified Lead": false} {
		if got := Check(sql, answer).Correct; got != want {
			t.Errorf("SQL article question: Check(%q).Correct = %v, want %v", answer, got, want)
		}
	}
	persona, _ := gen.For("Customer Persona", Article)
	if !strings.Contains(persona.Back, "Customer Profile: ") || personaIsFictional(persona.Answer) != 1 {
		t.Errorf("persona question: answer %q, back %q", persona.Answer, persona.Back)
	}
}

// The built-in glossary is the truth the article answers must agree with.
func TestArticleAnswersAgreeWithBuiltinGlossary(t *testing.T) {
	g, err := glossary.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	verifyArticleAnswers(t, g)
	gen := newGen(g, 1)
	for _, a := range articleQuestions {
		q, err := gen.For(a.term, Article)
		if err != nil {
			t.Fatalf("article question about %q: %v", a.term, err)
		}
		checkQuestion(t, g, q)
	}
}
