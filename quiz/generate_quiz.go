package quiz

import (
	"errors"
	"fmt"
	"slices"

	"github.com/crm101/crm101/glossary"
)

// Quiz builds a balanced quiz of n questions about n different terms:
// kinds take turns in the order given (all kinds when kinds is empty),
// each turn asking about the next term that fits it, and terms are
// dealt from the categories in turn (all of the glossary's categories,
// a pack's own included, when empty), so no
// kind or category crowds the others out. A kind that no remaining term
// fits drops out of the rotation.
func (gen *Generator) Quiz(n int, kinds []Kind, categories []glossary.Category) ([]Question, error) {
	if n < 1 {
		return nil, errors.New("quiz: the number of questions must be at least 1")
	}
	if len(kinds) == 0 {
		kinds = Kinds()
	}
	for _, k := range kinds {
		if !k.Valid() {
			return nil, fmt.Errorf("quiz: unknown question kind %q", k)
		}
	}
	if len(categories) == 0 {
		categories = gen.g.Categories()
	}
	terms, err := gen.interleavedTerms(categories)
	if err != nil {
		return nil, err
	}
	active := slices.Clone(kinds)
	var out []Question
	for turn := 0; len(out) < n && len(active) > 0; {
		k := active[turn%len(active)]
		at := slices.IndexFunc(terms, func(i int) bool { return gen.fits(i, k) })
		if at < 0 {
			active = slices.Delete(active, turn%len(active), turn%len(active)+1)
			continue
		}
		q, err := gen.For(gen.g.At(terms[at]).Term, k)
		if err != nil {
			return nil, fmt.Errorf("quiz: %w", err)
		}
		out = append(out, q)
		terms = slices.Delete(terms, at, at+1)
		turn++
	}
	if len(out) < n {
		return nil, fmt.Errorf("quiz: asked for %d questions, but only %d terms fit the chosen kinds and categories", n, len(out))
	}
	return out, nil
}

// interleavedTerms shuffles each category's entries and deals them out
// one category at a time.
func (gen *Generator) interleavedTerms(categories []glossary.Category) ([]int, error) {
	var piles [][]int
	for _, c := range categories {
		if !c.Valid() {
			return nil, fmt.Errorf("quiz: unknown category %q", c)
		}
		pile := gen.g.InCategory(c)
		gen.rng.Shuffle(len(pile), func(a, b int) { pile[a], pile[b] = pile[b], pile[a] })
		piles = append(piles, pile)
	}
	var out []int
	for more := true; more; {
		more = false
		for k, p := range piles {
			if len(p) > 0 {
				out = append(out, p[0])
				piles[k] = p[1:]
				more = true
			}
		}
	}
	return out, nil
}
