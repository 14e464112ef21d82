package quiz

import (
	"fmt"
	"strings"
)

// fitsCompare: the entry belongs to a confusable set (CPL/CPA/CAC,
// MRR/ARR, …) and its definition, with every member's names and stems
// blanked, still says something.
func (gen *Generator) fitsCompare(i int) bool {
	k := gen.keys()[i]
	return len(k.sets) > 0 && hasContent(gen.compareText(i, k.sets[0], gen.g.At(i).Definition))
}

// compareReady: a mixed session asks a compare question once the
// learner has met at least two members of the set, so the options are
// terms they know; a compare session asks it once the term itself is met.
func (gen *Generator) compareReady(i int, known func(string) bool, mixed bool) bool {
	if !known(gen.g.At(i).Term) {
		return false
	}
	if !mixed {
		return true
	}
	for _, s := range gen.keys()[i].sets {
		met := 0
		for _, j := range gen.ix.sets[s].members {
			if known(gen.g.At(j).Term) {
				met++
			}
		}
		if met >= 2 {
			return true
		}
	}
	return false
}

// compareText blanks the names and stems of every member of set s in
// text, so the prompt names none of the options.
func (gen *Generator) compareText(i, s int, text string) string {
	for _, j := range gen.ix.sets[s].members {
		text = maskAll(text, gen.g.At(j).Names(), gen.keys()[j].stems)
	}
	return text
}

// compare gives a scenario (the entry's example) or its definition, and
// asks which member of its confusable set it describes. The feedback
// shows the whole set side by side.
func (gen *Generator) compare(i int) (Question, error) {
	k := gen.keys()[i]
	s := k.sets[gen.rng.IntN(len(k.sets))]
	set := gen.ix.sets[s]
	e := gen.g.At(i)
	lead, text := "Which of these does this describe?", gen.compareText(i, s, e.Definition)
	if ex := gen.compareText(i, s, e.Example); e.Example != "" && hasContent(ex) && gen.rng.IntN(2) == 0 {
		lead, text = "Which of these is this about?", ex
	}
	var others []string
	var notes []string
	for _, j := range set.members {
		if j != i {
			others = append(others, gen.g.At(j).Term)
		}
	}
	opts, at := gen.options(e.Term, others)
	for _, o := range opts {
		oe, _ := gen.g.Lookup(o)
		notes = append(notes, o+": "+FirstSentence(oe.Definition))
	}
	var back strings.Builder
	for _, j := range set.members {
		m := gen.g.At(j)
		mark := "  "
		if j == i {
			mark = "› "
		}
		fmt.Fprintf(&back, "%s%s: %s\n", mark, m.Title(), FirstSentence(m.Definition))
	}
	back.WriteString("\n" + set.distinction)
	return Question{
		Kind: Compare, Term: e.Term,
		Prompt:  lead + "\n\n" + text,
		Options: opts, AnswerIndex: at, Answer: e.Term,
		Back: back.String(), OptionNotes: notes,
		HideCategory: gen.singlesOut(i, set.members),
	}, nil
}

// FirstSentence is the first sentence of a definition: the one line
// that says what a term is.
func FirstSentence(text string) string {
	text = strings.TrimSpace(text)
	for from := 0; ; {
		at := strings.Index(text[from:], ". ")
		if at < 0 {
			return text
		}
		end := from + at + 1
		before := strings.ToLower(text[max(0, end-5):end])
		if strings.HasSuffix(before, "e.g.") || strings.HasSuffix(before, "i.e.") || strings.HasSuffix(before, " vs.") {
			from = end
			continue
		}
		return text[:end]
	}
}

// singlesOut reports whether showing entry i's category before the
// answer would give it away: no other option shares it.
func (gen *Generator) singlesOut(i int, options []int) bool {
	c := gen.g.At(i).Category
	for _, j := range options {
		if j != i && gen.g.At(j).Category == c {
			return false
		}
	}
	return true
}
