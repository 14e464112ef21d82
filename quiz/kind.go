package quiz

// Kind names a question type. The string values are stable: they appear
// in exported JSON and in the progress store's review log (reviews.kind).
type Kind string

// The question kinds, from plain recall to applied arithmetic.
const (
	// Flashcard shows the term; the learner recalls the definition and
	// grades themselves.
	Flashcard Kind = "flashcard"
	// Choice shows a definition; the learner picks the term out of four.
	Choice Kind = "choice"
	// ReverseChoice shows a term; the learner picks its definition out of four.
	ReverseChoice Kind = "reverse-choice"
	// Acronym shows an acronym; the learner types what it stands for.
	Acronym Kind = "acronym"
	// Typed shows a definition; the learner types the term.
	Typed Kind = "typed"
	// Metric is a word problem with generated numbers; the learner
	// types the computed value.
	Metric Kind = "metric"
	// Article is one of the source article's own "Test Yourself"
	// questions, rewritten and answered from the glossary.
	Article Kind = "article"
	// Compare gives a scenario or definition; the learner picks which
	// member of a confusable set (CPL/CPA/CAC, …) it describes.
	Compare Kind = "compare"
)

// Skill is what a right answer to a kind shows the learner can do, and
// so how high scheduling may rate it (see RatingFor).
type Skill int

const (
	// Recognition: the learner picked the answer among options, which
	// proves less than recall; a right answer rates at most Good. It is
	// the zero value, so a kind the table does not know (a live round's
	// "live", say) is weighed as recognition.
	Recognition Skill = iota
	// Recall: the learner produced the answer from memory; a right,
	// quick answer rates Easy.
	Recall
	// SelfGraded: there is nothing to check; the learner reads the back
	// and grades themselves (SelfGrade).
	SelfGraded
)

// kindRow is everything quiz knows about one kind. Adding a kind is
// adding one row to kindTable plus the file holding its fits and ask.
type kindRow struct {
	kind Kind
	// label names the kind in a question's header ("multiple choice").
	label string
	skill Skill
	// fits reports whether a question of the kind can be asked about
	// entry i. It must be cheap: sessions ask it of every term.
	fits func(gen *Generator, i int) bool
	// ask makes the question about entry i; it is only called when fits.
	ask func(gen *Generator, i int) (Question, error)
	// first: the kind may be a term's first question (a flashcard or
	// multiple choice); the others wait until the term was answered right.
	first bool
	// ready, when set, replaces that rule: whether the kind may be asked
	// about entry i given the terms the learner has met; mixed is true in
	// a session whose kinds include first kinds.
	ready func(gen *Generator, i int, known func(string) bool, mixed bool) bool
}

// kindTable lists every kind, in the order menus and Kinds show them.
var kindTable = []kindRow{
	{Flashcard, "flashcard", SelfGraded, fitsAnyEntry, (*Generator).flashcard, true, nil},
	{Choice, "multiple choice", Recognition, (*Generator).fitsChoice, (*Generator).choice, true, nil},
	{ReverseChoice, "pick the definition", Recognition, (*Generator).fitsReverseChoice, (*Generator).reverseChoice, true, nil},
	{Acronym, "acronym", Recall, (*Generator).fitsAcronym, (*Generator).acronym, false, nil},
	{Typed, "typed recall", Recall, (*Generator).fitsTyped, (*Generator).typed, false, nil},
	{Metric, "metric problem", Recall, (*Generator).fitsMetric, (*Generator).metricQuestion, false, nil},
	{Article, "from the article", Recognition, (*Generator).fitsArticle, (*Generator).article, false, nil},
	{Compare, "compare", Recognition, (*Generator).fitsCompare, (*Generator).compare, false, (*Generator).compareReady},
}

// row finds k's row in kindTable.
func (k Kind) row() (kindRow, bool) {
	for _, r := range kindTable {
		if r.kind == k {
			return r, true
		}
	}
	return kindRow{}, false
}

// Kinds lists every kind in the order menus show them.
func Kinds() []Kind {
	out := make([]Kind, len(kindTable))
	for i, r := range kindTable {
		out[i] = r.kind
	}
	return out
}

// Valid reports whether k is one of Kinds.
func (k Kind) Valid() bool {
	_, ok := k.row()
	return ok
}

// Label names the kind for a question's header; an unknown kind is
// shown as it is stored.
func (k Kind) Label() string {
	if r, ok := k.row(); ok {
		return r.label
	}
	return string(k)
}

// Skill is what a right answer to a question of kind k shows;
// Recognition for an unknown kind.
func (k Kind) Skill() Skill {
	r, _ := k.row()
	return r.skill
}

// row0 is k's row, or the zero row for a kind the table does not know.
func (k Kind) row0() kindRow {
	r, _ := k.row()
	return r
}
