package quiz

import (
	"fmt"
	"iter"
	"slices"
	"strings"
)

// OptionCount is how many options a choice question offers: enough to
// make guessing costly, few enough to read while a live round's
// countdown runs.
const OptionCount = 4

// tiers orders candidate distractors for entry i by plausibility:
// entries related to it (either direction) first, then its category,
// then the rest, each tier shuffled so a term does not always meet the
// same companions.
func (gen *Generator) tiers(i int) []int {
	e := gen.g.At(i)
	related := gen.keys()[i].related
	tier := [3][]int{slices.Clone(related)}
	for j, o := range gen.g.Entries() {
		switch {
		case j == i || slices.Contains(related, j):
		case o.Category == e.Category:
			tier[1] = append(tier[1], j)
		default:
			tier[2] = append(tier[2], j)
		}
	}
	out := make([]int, 0, gen.g.Len())
	for _, t := range tier {
		gen.rng.Shuffle(len(t), func(a, b int) { t[a], t[b] = t[b], t[a] })
		out = append(out, t...)
	}
	return out
}

// order yields distractor candidates for entry i, best tier first. A
// real question shuffles each tier; checking whether a question can be
// made at all needs no shuffle and walks the glossary lazily, stopping
// at the first few usable entries, so it stays cheap in a big deck.
func (gen *Generator) order(i int, shuffle bool) iter.Seq[int] {
	if shuffle {
		return slices.Values(gen.tiers(i))
	}
	return func(yield func(int) bool) {
		related := gen.keys()[i].related
		for _, j := range related {
			if !yield(j) {
				return
			}
		}
		category := gen.g.At(i).Category
		for _, sameCategory := range []bool{true, false} {
			for j, o := range gen.g.Entries() {
				if j == i || (o.Category == category) != sameCategory || slices.Contains(related, j) {
					continue
				}
				if !yield(j) {
					return
				}
			}
		}
	}
}

// termDistractors returns up to want entries whose terms may stand
// beside entry i's term as wrong options, most plausible first: never a
// name of the answer, never two options that read the same, never an
// entry with the very same definition (it would be a second right answer).
func (gen *Generator) termDistractors(i int, shuffle bool, want int) []int {
	k := gen.keys()[i]
	usedTerm := map[string]bool{}
	for _, n := range k.names {
		usedTerm[n] = true
	}
	usedDef := map[string]bool{k.def: true}
	var out []int
	for j := range gen.order(i, shuffle) {
		o := gen.keys()[j]
		if usedTerm[o.term] || usedDef[o.def] || gen.unfair(i, j) {
			continue
		}
		usedTerm[o.term], usedDef[o.def] = true, true
		if out = append(out, j); len(out) == want {
			break
		}
	}
	return out
}

// definitionDistractors is termDistractors for reverse questions: the
// options are definitions, which must all read differently. A wrong
// option is another entry's definition as the glossary writes it: only
// the asked term's names and stems are ever blanked in a question, so a
// wrong option keeps its own words ("promoters" in NPS's) and never
// becomes a puzzle of blanks.
//
// A definition that speaks of the asked term ("each deal's stage" when
// Opportunity Stage is asked) is left out rather than blanked: its
// blanks would mark it as not the answer.
func (gen *Generator) definitionDistractors(i int, shuffle bool, want int) []int {
	used := map[string]bool{gen.keys()[i].maskedDef: true, gen.keys()[i].def: true}
	asked, stems := gen.g.At(i).Names(), gen.keys()[i].stems
	var out []int
	for j := range gen.order(i, shuffle) {
		d := gen.keys()[j].def
		if used[d] || d == "" || gen.unfair(i, j) {
			continue
		}
		if def := gen.g.At(j).Definition; maskAll(def, asked, stems) != def {
			continue
		}
		used[d] = true
		if out = append(out, j); len(out) == want {
			break
		}
	}
	return out
}

// options shuffles the answer in among the distractors and reports
// where it landed.
func (gen *Generator) options(answer string, distractors []string) ([]string, int) {
	opts := append([]string{answer}, distractors...)
	perm := gen.rng.Perm(len(opts))
	out := make([]string, len(opts))
	at := 0
	for to, from := range perm {
		out[to] = opts[from]
		if from == 0 {
			at = to
		}
	}
	return out, at
}

// fitsChoice: the masked definition must say something, and the
// glossary must hold three terms that can stand beside the answer.
func (gen *Generator) fitsChoice(i int) bool {
	return hasContent(gen.keys()[i].masked) && len(gen.termDistractors(i, false, OptionCount-1)) == OptionCount-1
}

// fitsReverseChoice: the right option is the definition without its
// sentences that name the term (reverseAnswer), so some sentence must be
// free of the term, and three other definitions must read differently.
func (gen *Generator) fitsReverseChoice(i int) bool {
	return reverseAnswer(gen.keys()[i].masked) != "" && len(gen.definitionDistractors(i, false, OptionCount-1)) == OptionCount-1
}

// reverseAnswer is the right option of a reverse-choice question: the
// masked definition without the sentences that had to be blanked. The
// wrong options are definitions as written, so a blank would mark the
// right one ("unlike an ideal ____, it describes people").
func reverseAnswer(masked string) string {
	var keep []string
	for _, s := range Sentences(masked) {
		if !strings.Contains(s, Blank) {
			keep = append(keep, s)
		}
	}
	return strings.Join(keep, " ")
}

// choice shows entry i's masked definition and offers four terms.
func (gen *Generator) choice(i int) (Question, error) {
	e := gen.g.At(i)
	ds := gen.termDistractors(i, true, OptionCount-1)
	names := make([]string, len(ds))
	for k, j := range ds {
		names[k] = gen.g.At(j).Term
	}
	opts, at := gen.options(e.Term, names)
	notes := make([]string, len(opts))
	for k, o := range opts {
		if k != at {
			oe, _ := gen.g.Lookup(o)
			notes[k] = o + ": " + FirstSentence(oe.Definition)
		}
	}
	return Question{
		Kind: Choice, Term: e.Term,
		Prompt:  "Which term matches this definition?\n\n" + gen.keys()[i].masked,
		Options: opts, AnswerIndex: at, Answer: e.Term, Back: back(e),
		OptionNotes: notes, HideCategory: gen.singlesOut(i, ds),
	}, nil
}

// reverseChoice shows entry i's title and offers four definitions: its
// own without the sentences that name it, and three others as written.
func (gen *Generator) reverseChoice(i int) (Question, error) {
	ds := gen.definitionDistractors(i, true, OptionCount-1)
	defs := make([]string, len(ds))
	for k, j := range ds {
		defs[k] = gen.g.At(j).Definition
	}
	answer := reverseAnswer(gen.keys()[i].masked)
	opts, at := gen.options(answer, defs)
	notes := make([]string, len(opts))
	for k, o := range opts {
		for n, d := range defs {
			if k != at && o == d {
				notes[k] = "That one describes " + gen.g.At(ds[n]).Title() + "."
			}
		}
	}
	return Question{
		Kind: ReverseChoice, Term: gen.g.At(i).Term,
		Prompt:  fmt.Sprintf("Which definition fits %s?", gen.g.At(i).Title()),
		Options: opts, AnswerIndex: at, Answer: answer, Back: back(gen.g.At(i)),
		OptionNotes: notes, HideCategory: gen.singlesOut(i, ds),
	}, nil
}
