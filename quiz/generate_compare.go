package quiz

import (
	"fmt"
	"slices"
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

// comparePrompt is compareText for the prompt shown: when blanks stand
// for two or more members, each member's blanks are numbered in order of
// appearance ("A [term 1] or a [term 2] is a person…; a [term 3] is one
// purchase"), so the text is not a puzzle of identical blanks. It also
// reports how many members other than entry i the text names.
func (gen *Generator) comparePrompt(i, s int, text string) (string, int) {
	members := gen.ix.sets[s].members
	others := 0
	for n, j := range members {
		masked := maskAll(text, gen.g.At(j).Names(), gen.keys()[j].stems)
		if masked != text && j != i {
			others++
		}
		// Each member's blanks become a private-use rune (no letter, no
		// digit: later members' names cannot match inside it).
		text = strings.ReplaceAll(masked, Blank, string(rune(0xE000+n)))
	}
	var order []rune
	for _, r := range text {
		if r >= 0xE000 && r < 0xE000+rune(len(members)) && !slices.Contains(order, r) {
			order = append(order, r)
		}
	}
	for n, r := range order {
		label := Blank
		if len(order) > 1 {
			label = fmt.Sprintf("[term %d]", n+1)
		}
		text = strings.ReplaceAll(text, string(r), label)
	}
	return text, others
}

// compare gives a scenario (the entry's example) or its definition, and
// asks which member of its confusable set it describes. A text that
// names no other member is preferred: "unlike ____, which…" asks the
// learner to untangle blanks before the question. The feedback shows the
// whole set side by side.
func (gen *Generator) compare(i int) (Question, error) {
	k := gen.keys()[i]
	s := k.sets[gen.rng.IntN(len(k.sets))]
	set := gen.ix.sets[s]
	e := gen.g.At(i)
	lead := "Which of these does this describe?"
	text, others := gen.comparePrompt(i, s, e.Definition)
	if e.Example != "" && hasContent(gen.compareText(i, s, e.Example)) {
		ex, exOthers := gen.comparePrompt(i, s, e.Example)
		if exOthers < others || (exOthers == others && gen.rng.IntN(2) == 0) {
			lead, text = "Which of these is this about?", ex
		}
	}
	var notes, rest []string
	for _, j := range set.members {
		if j != i {
			rest = append(rest, gen.g.At(j).Term)
		}
	}
	opts, at := gen.options(e.Term, rest)
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
	if s := Sentences(text); len(s) > 0 {
		return s[0]
	}
	return ""
}

// Sentences splits text after each ".", "?" or "!" and a space that
// ends a sentence ("e.g.", "i.e." and "vs." do not), each sentence
// keeping its mark.
func Sentences(text string) []string {
	text = strings.TrimSpace(text)
	var out []string
	for from := 0; text != ""; {
		at := strings.IndexFunc(text[from:], func(r rune) bool { return r == '.' || r == '?' || r == '!' })
		if at >= 0 && (from+at+1 == len(text) || text[from+at+1] != ' ') {
			from += at + 1 // a full stop inside a word or number: "3.5", "A/B."
			continue
		}
		if at < 0 {
			return append(out, text)
		}
		end := from + at + 1
		before := strings.ToLower(text[max(0, end-5):end])
		if strings.HasSuffix(before, "e.g.") || strings.HasSuffix(before, "i.e.") || strings.HasSuffix(before, " vs.") {
			from = end
			continue
		}
		out = append(out, text[:end])
		text, from = strings.TrimSpace(text[end:]), 0
	}
	return out
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
