package quiz

import (
	"math/rand/v2"
	"regexp"
	"testing"

	"github.com/crm101/crm101/glossary"
)

// leakTexts are the parts of q a learner reads before answering that
// must not give the answer away: the prompt when it asks for the term,
// the options when the prompt names the term and asks for its meaning.
// A flashcard shows the term by design, an acronym question its acronym,
// and a metric problem asks for a number (see the metric property tests).
func leakTexts(q Question) []string {
	switch {
	case q.Kind == Flashcard || q.Kind == Acronym || q.Kind == Metric:
		return nil
	case q.Kind == ReverseChoice || (q.Kind == Article && len(q.Options) > 0):
		return q.Options
	}
	return []string{q.Prompt}
}

// halfBlanked finds a blank joined by a hyphen to a word ("I ____-sold"):
// the rest of the word hints at the answer.
var halfBlanked = regexp.MustCompile(`____-[\pL\pN]|[\pL\pN]-____`)

// No question of any kind about any built-in term, over 20 seeds, shows
// a name, the acronym, an alias, or a word with the stem of one of its
// distinctive name words before the answer.
func TestNoQuestionLeaksItsAnswer(t *testing.T) {
	g, err := glossary.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	ix := NewIndex(g)
	leaks := 0
	for seed := uint64(1); seed <= 20; seed++ {
		gen := ix.Generator(rand.New(rand.NewPCG(seed, seed)))
		for i, e := range g.Entries() {
			stems := g.Stems(i)
			for _, k := range gen.Kinds(e.Term) {
				q, err := gen.For(e.Term, k)
				if err != nil {
					t.Fatalf("For(%q, %s): %v", e.Term, k, err)
				}
				texts := leakTexts(q)
				var naming []string
				for _, text := range texts {
					if halfBlanked.MatchString(text) {
						t.Errorf("seed %d, %s question about %s blanks half a hyphenated word: %q", seed, k, e.Term, text)
					}
					if Mask(text, e.Names()) != text || MaskStems(text, stems) != text {
						naming = append(naming, text)
					}
				}
				// An option naming the term gives it away when the right
				// one is the only such option; options that all name it
				// (the article's persona versus profile question) do not.
				leak := (len(texts) == 1 || q.Kind == ReverseChoice) && len(naming) > 0 ||
					len(texts) > 1 && len(naming) == 1 && naming[0] == q.Answer
				if leak {
					if leaks++; leaks <= 20 {
						t.Errorf("seed %d, %s question about %s leaks it: %q", seed, k, e.Term, naming)
					}
				}
			}
		}
	}
}

func TestMaskStems(t *testing.T) {
	got := MaskStems("Collecting personal information, Personally.", []string{"perso"})
	if want := "Collecting ____ information, ____."; got != want {
		t.Fatalf("MaskStems = %q, want %q", got, want)
	}
	// The trainer's "I ____-sold a toner subscription": the hyphen
	// pointed at Cross-Selling.
	got = MaskStems("I cross-sold a toner sub, then re-cross-checked it; cross -sold.", []string{"cross"})
	if want := "I ____ a toner sub, then ____ it; ____ -sold."; got != want {
		t.Fatalf("MaskStems = %q, want %q", got, want)
	}
	if got := MaskStems("customer sales", nil); got != "customer sales" {
		t.Fatalf("no stems changed the text: %q", got)
	}
}
