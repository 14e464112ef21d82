package quiz

import (
	"strings"
	"testing"
)

func TestParseAnswerNumber(t *testing.T) {
	good := []struct {
		in   string
		unit string
		want float64
	}{
		{"500", "$", 500}, {"$500", "$", 500}, {"500.00", "$", 500}, {"$1,250.50", "$", 1250.5}, {" 1 250 ", "$", 1250},
		{"12.5%", "%", 12.5}, {"12.5", "%", 12.5}, {"-20", "%", -20}, {"1.2k", "$", 1200}, {"2.5M", "$", 2.5e6},
		{"3 : 1", "ratio", 3}, {"3.0:1", "ratio", 3}, {"3x", "ratio", 3},
		{"4.5 months", "months", 4.5}, {"7 mo", "months", 7}, {"40 points", "score", 40}, {"-12", "score", -12},
	}
	for _, c := range good {
		got, err := parseAnswerNumber(c.in, c.unit)
		if err != nil || got != c.want {
			t.Errorf("parseAnswerNumber(%q, %s) = %v, %v; want %v", c.in, c.unit, got, err, c.want)
		}
	}
	for _, in := range []string{"", "abc", "$", "3:2", "1:x", "NaN", "inf", "1e400", "5e2", "12..5", "five hundred", "$5 months"} {
		if got, err := parseAnswerNumber(in, "months"); err == nil {
			t.Errorf("parseAnswerNumber(%q) = %v, want an error", in, got)
		}
	}
	if _, err := parseAnswerNumber("12%", "$"); err == nil {
		t.Error("a percentage accepted as an amount of money")
	}
}

func TestCheckNumber(t *testing.T) {
	money := Question{Kind: Metric, Answer: "$500.00", Numeric: &Numeric{Value: 500, Unit: "$", Step: 0.01}}
	pct := Question{Kind: Metric, Answer: "2.5%", Numeric: &Numeric{Value: 2.5, Unit: "%", Step: 0.1}}
	score := Question{Kind: Metric, Answer: "40", Numeric: &Numeric{Value: 40, Unit: "score", Step: 1}}
	small := Question{Kind: Metric, Answer: "0.2 months", Numeric: &Numeric{Value: 0.2, Unit: "months", Step: 0.1}}
	cases := []struct {
		name    string
		q       Question
		answer  string
		correct bool
		message string
	}{
		{"exact", money, "500", true, "Correct: $500.00"},
		{"with symbol and cents", money, "$500.00", true, ""},
		{"within 1%", money, "$504.99", true, ""},
		{"beyond 1%", money, "506", false, "the answer is $500.00"},
		{"percent with sign", pct, "2.5%", true, ""},
		{"percent rounded to the shown step", pct, "2.54", true, ""},
		{"percent as a fraction gets a hint", pct, "0.025", false, "as a percentage it is 2.5%"},
		{"percent wrong", pct, "3", false, "Not quite"},
		{"score off by rounding", score, "40.4", true, ""},
		{"score off by one", score, "41", false, ""},
		{"small value uses the step", small, "0.25", true, ""},
		{"not a number", money, "five hundred", false, "is not a number"},
		{"empty", money, "", false, "No answer typed — the answer is $500.00"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v := Check(c.q, c.answer)
			if v.Correct != c.correct || !strings.Contains(v.Message, c.message) {
				t.Errorf("Check(%q) = %+v, want correct=%v, message containing %q", c.answer, v, c.correct, c.message)
			}
		})
	}
}
