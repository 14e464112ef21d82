package quiz

import (
	"slices"

	"github.com/crm101/crm101/glossary"
)

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
// kinds that fit it and are ready for it, so the same term is not always
// asked the same way. known reports whether the learner has answered a
// term right before (nil: every term is known).
//
// A term's first question is a flashcard or multiple choice: recall
// kinds (typed, acronym, metric) and compare drills wait until it is
// known. When no wanted kind may come first (a typed or metric session),
// the term is met as a flashcard and intro is true: the session brings
// it back afterwards (Session.FollowUp) to ask it in the mode's kind.
// A card due from an earlier session in another mode may fit none of
// the kinds; it is then asked as a flashcard, and a term the glossary
// lacks as a bare card naming it.
func (gen *Generator) Pick(term string, kinds []Kind, known func(string) bool) (q Question, intro bool) {
	if known == nil {
		known = func(string) bool { return true }
	}
	i, inGlossary := gen.g.Index(term)
	mixed := slices.ContainsFunc(kinds, func(k Kind) bool { r, _ := k.row(); return r.first })
	var fit, ready []Kind
	for _, k := range kinds {
		r, ok := k.row()
		if !ok || !inGlossary || !r.fits(gen, i) {
			continue
		}
		fit = append(fit, k)
		switch {
		case r.ready != nil:
			if r.ready(gen, i, known, mixed) {
				ready = append(ready, k)
			}
		case r.first || known(term):
			ready = append(ready, k)
		}
	}
	switch {
	case len(ready) > 0:
		if q, err := gen.For(term, ready[gen.rng.IntN(len(ready))]); err == nil {
			return q, false
		}
	case len(fit) > 0 && !known(term):
		intro = true
	case len(fit) > 0:
		// Known, yet no kind is ready (a compare drill whose set the
		// learner has barely met): ask what fits rather than skip it.
		if q, err := gen.For(term, fit[gen.rng.IntN(len(fit))]); err == nil {
			return q, false
		}
	}
	q, err := gen.For(term, fallbackKind)
	if err != nil {
		return Question{Kind: fallbackKind, Term: term, Prompt: term, Answer: term, Back: term}, false
	}
	return q, intro && !slices.Contains(kinds, fallbackKind)
}
