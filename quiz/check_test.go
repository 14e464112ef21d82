package quiz

import (
	"strings"
	"testing"

	"github.com/crm101/crm101/glossary"
)

func typedQuestion() Question {
	return Question{
		Kind: Typed, Term: "Churn Rate", Prompt: "Which term is this?", Answer: "Churn Rate",
		Accept: []string{"Churn Rate", "Customer Churn"},
	}
}

func TestCheckTyped(t *testing.T) {
	sql := Question{Kind: Typed, Term: "Sales Qualified Lead", Answer: "Sales Qualified Lead",
		Accept: []string{"Sales Qualified Lead", "SQL"}}
	lead := Question{Kind: Typed, Term: "Lead", Answer: "Lead", Accept: []string{"Lead"}}
	deal := Question{Kind: Typed, Term: "Deal", Answer: "Deal", Accept: []string{"Deal", "Opportunity"}}
	confusable := Question{Kind: Typed, Term: "Contact", Answer: "Contact", Accept: []string{"Contact"},
		Confusable: []string{"Contract"}}
	cases := []struct {
		name    string
		q       Question
		answer  string
		correct bool
		typo    bool
		message string // a fragment the message must contain
	}{
		{"exact", typedQuestion(), "Churn Rate", true, false, "Correct"},
		{"case", typedQuestion(), "cHURN rATE", true, false, ""},
		{"surrounding space", typedQuestion(), "  churn   rate ", true, false, ""},
		{"punctuation", typedQuestion(), "churn-rate!", true, false, ""},
		{"missing space", typedQuestion(), "churnrate", true, false, ""},
		{"leading article", typedQuestion(), "the churn rate", true, false, ""},
		{"plural", typedQuestion(), "churn rates", true, false, ""},
		{"alias", typedQuestion(), "customer churn", true, false, ""},
		{"alias with article and plural", typedQuestion(), "A Customer Churns", true, false, ""},
		{"one typo", typedQuestion(), "chrun rate", true, true, "accepted — watch the spelling: Churn Rate"},
		{"one typo in the alias", typedQuestion(), "customer chrun", true, true, "watch the spelling: Customer Churn"},
		{"one missing letter", typedQuestion(), "chun rate", true, true, ""},
		{"two typos", typedQuestion(), "chrun rtae", false, false, "the answer is Churn Rate (also accepted: Customer Churn)"},
		{"wrong term", typedQuestion(), "retention rate", false, false, "Not quite"},
		{"empty", typedQuestion(), "", false, false, "No answer typed — the answer is Churn Rate"},
		{"only punctuation", typedQuestion(), " ?! ", false, false, "No answer typed"},
		{"acronym", sql, "sql", true, false, ""},
		{"acronym plural", sql, "SQLs", true, false, ""},
		{"term for acronym question", sql, "sales-qualified lead", true, false, ""},
		{"short word: no typo tolerance", lead, "laed", false, false, ""},
		{"short word: exact", lead, "LEADS", true, false, ""},
		{"short acronym: no typo tolerance", sql, "SQK", false, false, ""},
		{"four letters: no typo tolerance", deal, "dael", false, false, ""},
		{"long alias typo", deal, "oportunity", true, true, "Opportunity"},
		{"another term one typo away", confusable, "contract", false, false, "Contract is a different term"},
		{"typo near but not the other term", confusable, "contcat", true, true, ""},
		{"article alone is not stripped", Question{Kind: Typed, Answer: "A", Accept: []string{"A"}}, "a", true, false, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v := Check(c.q, c.answer)
			if v.Correct != c.correct || v.Typo != c.typo {
				t.Errorf("Check(%q) = %+v, want correct=%v typo=%v", c.answer, v, c.correct, c.typo)
			}
			if !strings.Contains(v.Message, c.message) {
				t.Errorf("Check(%q).Message = %q, want it to contain %q", c.answer, v.Message, c.message)
			}
		})
	}
}

func TestCheckChoice(t *testing.T) {
	q := Question{Kind: Choice, Term: "Pipeline", Options: []string{"Deal", "Pipeline", "Lead", "Lead Scoring"},
		AnswerIndex: 1, Answer: "Pipeline"}
	cases := []struct {
		answer  string
		correct bool
		message string
	}{
		{"2", true, "Correct: Pipeline"},
		{"b", true, ""},
		{"B", true, ""},
		{"pipeline", true, ""},
		{"1", false, "Not quite — the answer is B. Pipeline"},
		{"d", false, ""},
		{"Lead", false, ""},
		{"5", false, "Choose 1–4 (or A–D)"},
		{"0", false, "Choose"},
		{"e", false, "Choose"},
		{"é", false, "Choose"},
		{"", false, "No option chosen — the answer is B. Pipeline"},
	}
	for _, c := range cases {
		v := Check(q, c.answer)
		if v.Correct != c.correct || v.Typo || !strings.Contains(v.Message, c.message) {
			t.Errorf("Check(%q) = %+v, want correct=%v, message containing %q", c.answer, v, c.correct, c.message)
		}
	}
}

func TestCheckFlashcardIsSelfGraded(t *testing.T) {
	q := Question{Kind: Flashcard, Term: "Lead", Prompt: "Lead", Answer: "A person who showed interest."}
	v := Check(q, "anything")
	if v.Correct || !strings.Contains(v.Message, "graded by you") || !strings.Contains(v.Message, q.Answer) {
		t.Errorf("Check(flashcard) = %+v", v)
	}
}

func TestEditDistance(t *testing.T) {
	cases := []struct {
		a, b string
		want int
	}{
		{"churn", "churn", 0}, {"churn", "chrun", 1}, {"churn", "chun", 1}, {"churn", "churns", 1},
		{"churn", "cgurn", 1}, {"churn", "urchn", 4}, {"", "abc", 3}, {"ca", "abc", 3}, {"éa", "aé", 1},
	}
	for _, c := range cases {
		if got := glossary.EditDistance(c.a, c.b, 5); got != c.want {
			t.Errorf("EditDistance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

// FuzzCheck feeds arbitrary answers to every question kind: Check must
// never panic and must always say something.
func FuzzCheck(f *testing.F) {
	for _, s := range []string{"", "churn rate", "B", "4", "$1,250.50", "5e2", "3 : 1", "12.5%", "é", "\x00", "1:0", "the", "-1e400"} {
		f.Add(s)
	}
	qs := []Question{
		typedQuestion(),
		{Kind: Choice, Options: []string{"a1", "b2", "c3", "d4"}, AnswerIndex: 3, Answer: "d4"},
		{Kind: Flashcard, Answer: "x"},
		{Kind: Metric, Answer: "$500.00", Numeric: &Numeric{Value: 500, Unit: "$", Step: 0.01}},
		{Kind: Metric, Answer: "2.5%", Numeric: &Numeric{Value: 2.5, Unit: "%", Step: 0.1}},
	}
	f.Fuzz(func(t *testing.T, answer string) {
		for _, q := range qs {
			v := Check(q, answer)
			if v.Message == "" {
				t.Errorf("Check(%s, %q): empty message", q.Kind, answer)
			}
			if v.Typo && !v.Correct {
				t.Errorf("Check(%s, %q): typo on a wrong answer", q.Kind, answer)
			}
		}
	})
}
