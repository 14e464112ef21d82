package quiz

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/crm101/crm101/glossary"
)

// relTolerance is how far, relative to the expected value, a numeric
// answer may stray: enough for rounding along the way, too little to
// pass a wrong method.
const relTolerance = 0.01

// parseAnswerNumber reads a number the way people write one, with the
// calculator's own parser (so "$1,250", "1.2k" and "12.5%" mean the same
// in the quiz as in the form), after dropping what only answers carry:
// "3 : 1" or "3x" for a ratio, "4.5 months", "45 days", "40 points", and spaces
// between digit groups ("1 250").
func parseAnswerNumber(s, unit string) (float64, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, word := range []string{"months", "month", "mos", "mo", "days", "day", "points", "pts", "x"} {
		if strings.HasSuffix(s, word) {
			s = strings.TrimSpace(strings.TrimSuffix(s, word))
			break
		}
	}
	if before, after, ok := strings.Cut(s, ":"); ok {
		// A ratio is only "N : 1"; "3:2" would be a different reading.
		if d, err := strconv.ParseFloat(strings.TrimSpace(after), 64); err != nil || d != 1 {
			return 0, errors.New("write a ratio as N : 1 or just N")
		}
		s = before
	}
	s = strings.NewReplacer(" ", "", "_", "").Replace(s)
	kind := glossary.KindNumber
	switch unit {
	case string(glossary.UnitMoney):
		kind = glossary.KindMoney
	case string(glossary.UnitPercent):
		kind = glossary.KindPercent
	}
	v, err := glossary.ParseNumber(s, kind)
	if err != nil {
		return 0, errors.New(strings.TrimPrefix(err.Error(), "must be "))
	}
	return v, nil
}

// withinTolerance reports whether got counts as n's value: within 1% of
// it, or within half of the precision the result is shown with.
func withinTolerance(n Numeric, got float64) bool {
	tol := math.Max(math.Abs(n.Value)*relTolerance, n.Step/2)
	return math.Abs(got-n.Value) <= tol+1e-9
}

func checkNumber(q Question, answer string) Verdict {
	n := *q.Numeric
	if answer == "" {
		return Verdict{Message: "No answer typed — the answer is " + q.Answer}
	}
	got, err := parseAnswerNumber(answer, n.Unit)
	if err != nil {
		return Verdict{Message: fmt.Sprintf("%q is not a number (%v) — the answer is %s", answer, err, q.Answer)}
	}
	if withinTolerance(n, got) {
		return Verdict{Correct: true, Message: "Correct: " + q.Answer}
	}
	if n.Unit == "%" && n.Value != 0 && withinTolerance(n, got*100) {
		return Verdict{Message: fmt.Sprintf("Close — that is a fraction; as a percentage it is %s. The answer is %s", strconv.FormatFloat(got*100, 'f', -1, 64)+"%", q.Answer)}
	}
	return Verdict{Message: "Not quite — the answer is " + q.Answer}
}
