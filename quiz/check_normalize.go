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

// editDistance is the optimal-string-alignment Damerau–Levenshtein
// distance: insertions, deletions, substitutions and swaps of two
// neighbouring characters each cost one, the usual shape of a typo.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	// Three rolling rows: the swap rule looks two rows back.
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
