package glossary

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A one-letter query is the first keystroke of every search, and in a big
// deck it meets tens of thousands of names. For one rune, sahilm/fuzzy's
// algorithm reduces to "score each occurrence, keep the first best", so
// fuzzyOne computes exactly the library's score and position without its
// per-match allocations. TestFuzzyOneMatchesLibrary and FuzzFuzzyOne
// hold it to the library's answers.

// bestFuzzyOne scores every name of entry e that can contain r and keeps
// the best, the earlier name on ties, as the library path does.
func bestFuzzyOne(ix *searchIndex, e int32, r rune, qmask uint64) (hit, bool) {
	var best hit
	found := false
	for n := ix.first[e]; n < ix.first[e+1]; n++ {
		if ix.masks[n]&qmask != qmask {
			continue
		}
		score, at, ok := fuzzyOne(ix.name(n), r)
		if !ok {
			continue
		}
		h := hit{entry: e, name: n, off: int32(at), score: int32(clampScore(score)), kind: int8(Fuzzy), one: true}
		// As on the library path: the better score wins, but an alias
		// never displaces the term.
		if !found || best.name != ix.first[e] && h.score > best.score {
			best, found = h, true
		}
	}
	return best, found
}

// The library's scoring constants, for a pattern of one rune.
const (
	fzFirstCharBonus = 10
	fzCamelBonus     = 20
	fzSeparatorBonus = 20
	fzLeadingPenalty = -5
	fzMaxLeading     = -15
)

// fuzzyOne is sahilm/fuzzy's score of the one-rune pattern p against s,
// and the byte offset of the occurrence it highlights.
func fuzzyOne(s string, p rune) (score, at int, ok bool) {
	if i := strings.IndexByte(s, 0); i >= 0 {
		s = s[:i] // the library stops at the first NUL
	}
	best, at := -1, -1
	var last rune
	for j, c := range s {
		if foldEqual(c, p) {
			sc := 0
			if j == 0 {
				sc += fzFirstCharBonus
			}
			if unicode.IsLower(last) && unicode.IsUpper(c) {
				sc += fzCamelBonus
			}
			if j != 0 && strings.ContainsRune(`/-_ .\`, last) {
				sc += fzSeparatorBonus
			}
			if sc > best {
				best, at = sc, j
			}
		}
		last = c
	}
	if at < 0 {
		return 0, 0, false
	}
	best += max(at*fzLeadingPenalty, fzMaxLeading)
	return best + 1 - len(s), at, true
}

// foldEqual is the library's case-insensitive rune comparison (Unicode
// simple folding).
func foldEqual(tr, sr rune) bool {
	if tr == sr {
		return true
	}
	if tr < sr {
		tr, sr = sr, tr
	}
	if tr < utf8.RuneSelf {
		return 'A' <= sr && sr <= 'Z' && tr == sr+'a'-'A'
	}
	r := unicode.SimpleFold(sr)
	for r != sr && r < tr {
		r = unicode.SimpleFold(r)
	}
	return r == tr
}
