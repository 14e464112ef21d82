package round

import (
	"errors"
	"fmt"

	"github.com/crm101/crm101/glossary"
	"github.com/crm101/crm101/quiz"
)

// Options per question: a live question is quiz's multiple choice.
const Options = quiz.OptionCount

// kind is the one question kind a live round asks.
const kind = quiz.Choice

// Question is one multiple-choice question of a live round: a definition
// and the terms to pick from.
type Question struct {
	Term    string   // the entry asked about, for reports
	Prompt  string   // the definition, with the term itself blanked out
	Choices []string // candidate terms, in display order
	Answer  int      // index of the right choice
}

// ErrTooFewTerms means the glossary cannot fill a round's options.
var ErrTooFewTerms = errors.New("glossary has too few terms for a live round")

// Questions draws n distinct multiple-choice questions with gen, the
// quiz's own generator: the same plausible distractors (related entries
// and the same category first) and the same masking of the term's names
// and acronym as Test Yourself. gen carries the injected rng, so a test
// (or a replayed round) gets the same questions. Ask for no more than
// Playable: a shortfall is an error.
func Questions(gen *quiz.Generator, n int) ([]Question, error) {
	if n <= 0 {
		return nil, fmt.Errorf("live round of %d questions: want at least one", n)
	}
	qs, err := gen.Quiz(n, []quiz.Kind{kind}, nil)
	if err != nil {
		return nil, fmt.Errorf("live round: %w", err)
	}
	out := make([]Question, len(qs))
	for i, q := range qs {
		out[i] = Question{Term: q.Term, Prompt: q.Prompt, Choices: q.Options, Answer: q.AnswerIndex}
	}
	return out, nil
}

// Playable counts the terms of g a live question can be asked about
// (gen must be over g). It checks every entry, so a caller computes it
// once per glossary, not per round.
func Playable(gen *quiz.Generator, g *glossary.Glossary) int {
	fit := 0
	for _, e := range g.Entries() {
		if gen.Fits(e.Term, kind) {
			fit++
		}
	}
	return fit
}
