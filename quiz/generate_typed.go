package quiz

import (
	"strings"

	"github.com/crm101/crm101/glossary"
)

// fitsTyped: the masked definition must still say something once the
// entry's own names are blanked.
func (gen *Generator) fitsTyped(i int) bool { return hasContent(gen.keys()[i].masked) }

// typed asks for the term behind entry i's masked definition.
func (gen *Generator) typed(i int) (Question, error) {
	e := gen.g.At(i)
	return Question{
		Kind: Typed, Term: e.Term,
		Prompt: "Which term is this? Type it.\n\n" + gen.keys()[i].masked,
		Answer: e.Term, Back: back(e), Accept: e.Names(), Confusable: gen.confusable(i, e.Names()),
	}, nil
}

// fitsAcronym: only an entry with an acronym can be asked to expand it.
func (gen *Generator) fitsAcronym(i int) bool { return gen.g.At(i).Acronym != "" }

// acronym asks what entry i's acronym stands for.
func (gen *Generator) acronym(i int) (Question, error) {
	e := gen.g.At(i)
	accept := acronymExpansions(e)
	return Question{
		Kind: Acronym, Term: e.Term, Prompt: "What does " + e.Acronym + " stand for?",
		Answer: e.Term, Back: back(e), Accept: accept, Confusable: gen.confusable(i, accept),
	}, nil
}

// acronymExpansions are the answers to "what does CAC stand for?":
// every name the glossary gives the term that spells words out — the
// term and its worded aliases ("Lifetime Value" for CLV) — but no other
// acronym ("LTV" does not say what CLV stands for).
func acronymExpansions(e glossary.Entry) []string {
	out := []string{e.Term}
	for _, a := range e.Aliases {
		if !acronymLike(a) && answerKey(a) != answerKey(e.Term) {
			out = append(out, a)
		}
	}
	return out
}

// acronymLike reports whether a name is itself an acronym: one word in
// capitals ("LTV", "LTV:CAC", "A/B").
func acronymLike(name string) bool {
	return !strings.ContainsAny(strings.TrimSpace(name), " \t") && strings.ToUpper(name) == name
}
