package quiz

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// relTolerance is how far, relative to the expected value, a numeric
// answer may stray: enough for rounding along the way, too little to
// pass a wrong method.
const relTolerance = 0.01

// parseAnswerNumber reads a number the way people write one: "$1,250",
// "1250.00", "12.5%", "1.2k", "5e2", "3 : 1" or "3:1" for a ratio,
// "4.5 months". The unit decoration is dropped; the grader knows the unit.
func parseAnswerNumber(s string) (float64, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, unit := range []string{"months", "month", "mos", "mo", "points", "pts", "x"} {
		if strings.HasSuffix(s, unit) {
			s = strings.TrimSpace(strings.TrimSuffix(s, unit))
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
	s = strings.NewReplacer("$", "", ",", "", "%", "", " ", "", "_", "").Replace(s)
	mult := 1.0
	switch {
	case strings.HasSuffix(s, "k"):
		mult, s = 1e3, strings.TrimSuffix(s, "k")
	case strings.HasSuffix(s, "m"):
		mult, s = 1e6, strings.TrimSuffix(s, "m")
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || s == "" || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, errors.New("not a number")
	}
	return v * mult, nil
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
	got, err := parseAnswerNumber(answer)
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
