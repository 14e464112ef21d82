package quiz

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Blank replaces a masked name in a prompt.
const Blank = "____"

// Mask hides every whole-word, case-insensitive occurrence of names in
// text (plurals included), so a definition used as a prompt does not
// state its own answer. Longer names are masked first: "Customer
// Lifetime Value" must vanish whole, not leave "Customer ____".
func Mask(text string, names []string) string {
	sorted := make([]string, 0, len(names))
	for _, n := range names {
		if strings.TrimSpace(n) != "" {
			sorted = append(sorted, n)
		}
	}
	sort.SliceStable(sorted, func(i, j int) bool { return len(sorted[i]) > len(sorted[j]) })
	for _, n := range sorted {
		text = maskName(text, n)
	}
	return text
}

// maskName masks one name. Go's regexp has no look-around, so the
// whole-word test is done by hand on each match's neighbours.
func maskName(text, name string) string {
	words := strings.Fields(name)
	for i, w := range words {
		words[i] = regexp.QuoteMeta(w)
	}
	re := regexp.MustCompile(`(?i)(` + strings.Join(words, `\s+`) + `)(?:e?s)?`)
	var b strings.Builder
	last := 0
	for _, m := range re.FindAllStringSubmatchIndex(text, -1) {
		start, end := m[0], m[1]
		if !wordEdge(text, start, end) {
			// The plural suffix may belong to a longer word ("Leadsheet"
			// for "Lead"): then only the bare name can stand alone.
			if end = m[3]; !wordEdge(text, start, end) {
				continue
			}
		}
		if start < last {
			continue // swallowed by the previous match's compound
		}
		// A name inside a hyphenated compound ("CRM-based") takes the
		// whole compound with it: "____-based" would still hint.
		start, end = compound(text, start, end)
		b.WriteString(text[last:start])
		b.WriteString(Blank)
		last = end
	}
	b.WriteString(text[last:])
	return b.String()
}

// wordEdge reports whether text[start:end] is bounded by non-word
// characters (or the ends of text) on both sides.
func wordEdge(text string, start, end int) bool {
	if start > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:start])
		if isWordRune(r) {
			return false
		}
	}
	if end < len(text) {
		r, _ := utf8.DecodeRuneInString(text[end:])
		if isWordRune(r) {
			return false
		}
	}
	return true
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// compound widens text[start:end] to the whole hyphenated word around it:
// across every hyphen that joins word characters on both sides.
func compound(text string, start, end int) (int, int) {
	for start > 0 && text[start-1] == '-' {
		before := strings.TrimRightFunc(text[:start-1], isWordRune)
		if len(before) == start-1 {
			break
		}
		start = len(before)
	}
	for end < len(text) && text[end] == '-' {
		after := strings.TrimLeftFunc(text[end+1:], isWordRune)
		if len(after) == len(text)-end-1 {
			break
		}
		end = len(text) - len(after)
	}
	return start, end
}

// MaskStems blanks every word of text that starts with one of stems
// (case-insensitive): the stems of the answer's distinctive name words
// (glossary.Stems), so "personal" does not point at Personalization
// once the name itself is blanked. Words shared with other entries'
// names ("customer", "sales") have no stem and stay. A hyphenated word
// goes whole when any of its parts has a stem: "cross-sold" becomes
// "____", not "____-sold".
func MaskStems(text string, stems []string) string {
	if len(stems) == 0 {
		return text
	}
	stemmed := func(w string) bool {
		lw := strings.ToLower(w)
		for _, s := range stems {
			if s != "" && strings.HasPrefix(lw, strings.ToLower(s)) {
				return true
			}
		}
		return false
	}
	var b strings.Builder
	last := 0
	for start := 0; start < len(text); {
		r, size := utf8.DecodeRuneInString(text[start:])
		if !unicode.IsLetter(r) {
			start += size
			continue
		}
		end := start + len(text[start:]) - len(strings.TrimLeftFunc(text[start:], unicode.IsLetter))
		if !stemmed(text[start:end]) {
			start = end
			continue
		}
		from, to := compound(text, start, end)
		if from < last {
			from = last
		}
		b.WriteString(text[last:from])
		b.WriteString(Blank)
		last, start = to, to
	}
	b.WriteString(text[last:])
	return b.String()
}

// maskAll blanks names, then the stems, of an answer.
func maskAll(text string, names, stems []string) string {
	return MaskStems(Mask(text, names), stems)
}
