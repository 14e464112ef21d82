package quiz

import "github.com/crm101/crm101/glossary"

// fallbackKind is what Pick asks when none of the wanted kinds fits a
// term: a flashcard fits every term.
const fallbackKind = Flashcard

// Askable lists the terms of category c ("" for every category) that at
// least one of kinds fits, in glossary order. It walks the whole
// glossary, so a UI calls it off its event loop.
func (gen *Generator) Askable(kinds []Kind, c glossary.Category) []string {
	var out []string
	for i, e := range gen.g.Entries() {
		if c != "" && e.Category != c {
			continue
		}
		for _, k := range kinds {
			if gen.fits(i, k) {
				out = append(out, e.Term)
				break
			}
		}
	}
	return out
}

// Pick returns a question about term of a kind drawn at random from the
// kinds that fit it, so the same term is not always asked the same way.
// A card due from an earlier session in another mode may fit none of
// them; it is then asked as a flashcard, and a term the glossary lacks
// as a bare card naming it.
func (gen *Generator) Pick(term string, kinds []Kind) Question {
	var fit []Kind
	for _, k := range kinds {
		if gen.Fits(term, k) {
			fit = append(fit, k)
		}
	}
	if len(fit) > 0 {
		if q, err := gen.For(term, fit[gen.rng.IntN(len(fit))]); err == nil {
			return q
		}
	}
	q, err := gen.For(term, fallbackKind)
	if err != nil {
		return Question{Kind: fallbackKind, Term: term, Prompt: term, Answer: term, Back: term}
	}
	return q
}
