package quiz

// fitsAnyEntry is the eligibility of a kind every entry can be asked
// about: a flashcard needs nothing but the entry itself.
func fitsAnyEntry(*Generator, int) bool { return true }

// flashcard shows entry i's title; its back is the definition.
func (gen *Generator) flashcard(i int) (Question, error) {
	e := gen.g.At(i)
	return Question{Kind: Flashcard, Term: e.Term, Prompt: e.Title(), Answer: e.Definition, Back: back(e)}, nil
}
