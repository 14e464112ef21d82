package quiz

import "fmt"

// tiers orders candidate distractors for entry i by plausibility:
// entries related to it (either direction) first, then its category,
// then the rest, each tier shuffled so a term does not always meet the
// same companions.
func (gen *Generator) tiers(i int, shuffle bool) []int {
	e := gen.g.At(i)
	related := map[int]bool{}
	for _, r := range e.Related {
		if j, ok := gen.g.Index(r); ok {
			related[j] = true
		}
	}
	var tier [3][]int
	for j, o := range gen.g.Entries() {
		if j == i {
			continue
		}
		if !related[j] {
			for _, r := range o.Related {
				if k, ok := gen.g.Index(r); ok && k == i {
					related[j] = true
				}
			}
		}
		switch {
		case related[j]:
			tier[0] = append(tier[0], j)
		case o.Category == e.Category:
			tier[1] = append(tier[1], j)
		default:
			tier[2] = append(tier[2], j)
		}
	}
	var out []int
	for _, t := range tier {
		if shuffle {
			gen.rng.Shuffle(len(t), func(a, b int) { t[a], t[b] = t[b], t[a] })
		}
		out = append(out, t...)
	}
	return out
}

// termDistractors returns entries whose terms may stand beside entry
// i's term as wrong options, most plausible first: never a name of the
// answer, never two options that read the same, never an entry with the
// very same definition (it would be a second right answer).
func (gen *Generator) termDistractors(i int, shuffle bool) []int {
	e := gen.g.At(i)
	used := map[string]bool{answerKey(e.Definition) + "\x00def": true}
	for _, n := range e.Names() {
		used[answerKey(n)] = true
	}
	var out []int
	for _, j := range gen.tiers(i, shuffle) {
		o := gen.g.At(j)
		tk, dk := answerKey(o.Term), answerKey(o.Definition)+"\x00def"
		if used[tk] || used[dk] {
			continue
		}
		used[tk], used[dk] = true, true
		out = append(out, j)
	}
	return out
}

// definitionDistractors is termDistractors for reverse questions: the
// options are masked definitions, which must all read differently.
func (gen *Generator) definitionDistractors(i int, shuffle bool) []int {
	used := map[string]bool{answerKey(gen.masked[i]): true}
	var out []int
	for _, j := range gen.tiers(i, shuffle) {
		k := answerKey(gen.masked[j])
		if used[k] || k == "" {
			continue
		}
		used[k] = true
		out = append(out, j)
	}
	return out
}

// options shuffles the answer in among three distractors and reports
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

func (gen *Generator) choice(i int) Question {
	e := gen.g.At(i)
	ds := gen.termDistractors(i, true)[:optionCount-1]
	names := make([]string, len(ds))
	for k, j := range ds {
		names[k] = gen.g.At(j).Term
	}
	opts, at := gen.options(e.Term, names)
	return Question{
		Kind: Choice, Term: e.Term,
		Prompt:  "Which term matches this definition?\n\n" + gen.masked[i],
		Options: opts, AnswerIndex: at, Answer: e.Term, Back: back(e),
	}
}

func (gen *Generator) reverseChoice(i int) Question {
	e := gen.g.At(i)
	ds := gen.definitionDistractors(i, true)[:optionCount-1]
	defs := make([]string, len(ds))
	for k, j := range ds {
		defs[k] = gen.masked[j]
	}
	answer := gen.masked[i]
	opts, at := gen.options(answer, defs)
	return Question{
		Kind: ReverseChoice, Term: e.Term,
		Prompt:  fmt.Sprintf("Which definition fits %s?", e.Title()),
		Options: opts, AnswerIndex: at, Answer: answer, Back: back(e),
	}
}
