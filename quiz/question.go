package quiz

// Question is one generated question. It is a plain value: the UI shows
// it, Check grades it and Export prints it, none of which needs the
// glossary again.
type Question struct {
	Kind Kind
	// Term is the canonical term of the glossary entry under test; the
	// progress store keys reviews by it.
	Term string
	// Prompt is the full text the learner sees. Any name of the answer
	// in it is masked as "____".
	Prompt string
	// Options holds the choices of a choice question: distinct, with the
	// answer at AnswerIndex. Article questions may have options too.
	Options     []string
	AnswerIndex int
	// Answer is the canonical answer: the correct option's text, the
	// term, the definition of a flashcard, or a metric's formatted value.
	Answer string
	// Back is what the learner reads after answering: the definition
	// and example, or the worked formula with the question's numbers.
	Back string
	// Accept lists every answer a typed question takes (term, acronym,
	// aliases), before normalisation.
	Accept []string
	// Confusable lists names of OTHER entries that lie one typo away
	// from an accepted answer; typing one of them is a real mistake, not
	// a slip, so Check grants no typo leniency for it.
	Confusable []string
	// Numeric is the expected value of a metric question, nil otherwise.
	Numeric *Numeric
	// OptionNotes says, per option, in one line what that option is, so
	// a learner who picked it learns why it is not the answer; empty
	// when the kind has none.
	OptionNotes []string
	// HideCategory is set when the term's category, shown before the
	// answer, would single out the right option.
	HideCategory bool
}

// Numeric is the expected value of a numeric answer and how close an
// answer must come to count.
type Numeric struct {
	Value float64
	// Unit is the result unit as the metric states it ("$", "%",
	// "ratio", "months", "score"); it only shapes messages.
	Unit string
	// Step is the precision results are shown with (0.01 for money,
	// 0.1 for percentages, 1 for scores); answers within half a step
	// count, as do answers within 1% of Value.
	Step float64
}

// SelfGraded reports whether the learner grades q themselves (a
// flashcard): there is no answer to type or pick.
func (q Question) SelfGraded() bool { return q.Kind.Skill() == SelfGraded }

// Typed reports whether q is answered by typing: every question that is
// not self-graded and offers no options.
func (q Question) Typed() bool { return !q.SelfGraded() && len(q.Options) == 0 }

// RatingKind is the kind as scheduling weighs it (see RatingFor): any
// typed question — an article question answered by typing, say — is
// recall, like a typed one.
func (q Question) RatingKind() string {
	if q.Typed() && q.Kind.Skill() != Recall {
		return string(Typed)
	}
	return string(q.Kind)
}
