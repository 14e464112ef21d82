package quiz

import (
	"strings"
	"unicode"
)

// normalize folds a typed answer to the form answers are compared in:
// lower case, punctuation as spaces, no leading article, every word in
// a rough singular. Both the learner's answer and the accepted names go
// through it, so the singular rule only has to be consistent, not
// linguistically right ("sales" and "sale" both become "sale").
func normalize(s string) string {
	fields := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if len(fields) > 1 {
		switch fields[0] {
		case "a", "an", "the":
			fields = fields[1:]
		}
	}
	for i, w := range fields {
		fields[i] = singular(w)
	}
	return strings.Join(fields, " ")
}

// singular strips the English plural endings -s, -es and -ies. Short
// words are left alone so acronyms such as "CES" or "SMS" survive.
func singular(w string) string {
	if len([]rune(w)) <= 3 {
		return w
	}
	switch {
	case strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "ss"):
		return w
	case strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "shes"),
		strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "zes"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "s"):
		return w[:len(w)-1]
	}
	return w
}

// answerKey is normalize without the spaces, so "Churn Rate",
// "churn-rate" and "ChurnRate" are the same answer and a missing space
// is not spent as the one forgiven typo.
func answerKey(s string) string { return strings.ReplaceAll(normalize(s), " ", "") }
