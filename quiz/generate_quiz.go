package quiz

import (
	"errors"
	"fmt"
	"slices"

	"github.com/crm101/crm101/glossary"
)

// Quiz builds a balanced quiz of n questions about n different terms:
// kinds take turns in the order given (all kinds when kinds is empty),
// and terms are drawn from the categories in turn (all categories when
// empty), so no kind or category crowds the others out. A term that
// does not fit the kind whose turn it is gets the next kind that fits.
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
		categories = glossary.Categories()
	}
	terms, err := gen.interleavedTerms(categories)
	if err != nil {
		return nil, err
	}
	var out []Question
	turn := 0
	for _, i := range terms {
		if len(out) == n {
			break
		}
		fit := gen.Kinds(gen.g.At(i).Term)
		for step := range kinds {
			k := kinds[(turn+step)%len(kinds)]
			if !slices.Contains(fit, k) {
				continue
			}
			q, err := gen.For(gen.g.At(i).Term, k)
			if err != nil {
				return nil, fmt.Errorf("quiz: %w", err)
			}
			out = append(out, q)
			turn = (turn + step + 1) % len(kinds)
			break
		}
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
