package round

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"regexp"
	"strings"

	"crm101/glossary"
)

// Options per question: four is enough to make guessing costly and few
// enough to read while a countdown runs.
const Options = 4

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

// Questions draws n distinct multiple-choice questions from g. Wrong
// choices come from the same category when it has enough entries, so the
// options are plausible rather than giveaways. rng is injected so a test
// (or a replayed round) gets the same questions.
func Questions(g *glossary.Glossary, n int, rng *rand.Rand) ([]Question, error) {
	total := g.Len()
	if total < Options {
		return nil, ErrTooFewTerms
	}
	if n <= 0 {
		return nil, fmt.Errorf("live round of %d questions: want at least one", n)
	}
	n = min(n, total)
	picked := rng.Perm(total)[:n]
	qs := make([]Question, 0, n)
	for _, i := range picked {
		qs = append(qs, questionFor(g, i, rng))
	}
	return qs, nil
}

func questionFor(g *glossary.Glossary, i int, rng *rand.Rand) Question {
	e := g.At(i)
	pool := g.InCategory(e.Category)
	if len(pool) < Options {
		pool = make([]int, g.Len())
		for j := range pool {
			pool[j] = j
		}
	}
	choices := []string{e.Term}
	for _, j := range rng.Perm(len(pool)) {
		if len(choices) == Options {
			break
		}
		if pool[j] != i {
			choices = append(choices, g.At(pool[j]).Term)
		}
	}
	rng.Shuffle(len(choices), func(a, b int) { choices[a], choices[b] = choices[b], choices[a] })
	answer := 0
	for k, c := range choices {
		if c == e.Term {
			answer = k
		}
	}
	return Question{Term: e.Term, Prompt: blank(e.Definition, e.Names()), Choices: choices, Answer: answer}
}

// blank hides the entry's own names in its definition: "Churn rate is the
// rate of churn…" would otherwise answer itself.
func blank(def string, names []string) string {
	for _, n := range names {
		if len(n) < 3 {
			continue // two-letter acronyms match inside ordinary words
		}
		re := regexp.MustCompile(`(?i)\b` + regexp.QuoteMeta(n) + `\b`)
		def = re.ReplaceAllString(def, "____")
	}
	return strings.TrimSpace(def)
}
