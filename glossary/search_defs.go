package glossary

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Matching a query inside definitions: the last tier of scan.

// minAllWord is the fewest runes each word of a query needs before an
// entry holding every word counts as a hit: shorter ones are in most
// definitions.
const minAllWord = 3

// allWordsScore ranks an all-words hit below every definition that holds
// the query as written.
const allWordsScore = math.MinInt32 + 1

// allWords adds the entries not yet matched whose names and definition
// hold every word of a query of several words, in any order: "content
// marketing" finds Inbound Marketing, whose definition is about content.
// An entry holding every word stays a candidate even when a word is too
// short to show it, since a longer query's words contain these.
func allWords(ix *searchIndex, q string, ents []int32, matched []bool, hits []hit) []hit {
	words := strings.Fields(q)
	if len(words) < 2 {
		return hits
	}
	show := true
	pairs := make([]pairSet, len(words))
	for i, w := range words {
		pairs[i] = pairMask(w)
		show = show && utf8.RuneCountInString(w) >= minAllWord
	}
	for p, e := range ents {
		if matched[p] || !holdsAll(ix, e, words, pairs) {
			continue
		}
		matched[p] = true
		if show {
			hits = append(hits, hit{entry: e, score: allWordsScore, kind: int8(InDefinition)})
		}
	}
	return hits
}

// holdsAll reports whether every word is in a name or the definition of
// entry e.
func holdsAll(ix *searchIndex, e int32, words []string, pairs []pairSet) bool {
	for i, w := range words {
		found := false
		for n := ix.first[e]; n < ix.first[e+1] && !found; n++ {
			found = strings.Contains(ix.name(n), w)
		}
		if !found && !(ix.defPairs[e].covers(pairs[i]) && ix.defIndex(e, w) >= 0) {
			return false
		}
	}
	return true
}

// defIndex is the byte offset of the first q in entry e's definition
// with its tags after it, each on a line of its own, all lower-cased;
// -1 when there is none. q is lower-cased and holds no line break, so
// it never spans a definition and a tag. The text is read as written and
// its case folded rune by rune as it is compared (what lower does), so
// the answer is the one a lower-cased copy would give, offset included.
func (ix *searchIndex) defIndex(e int32, q string) int {
	def, f := ix.defs[e], ix.defFlags[e]
	if f&defASCII != 0 {
		// q's bytes beyond ASCII never equal an ASCII byte, folded or not,
		// so a query with accents needs no check of its own.
		upper := f&defUpper != 0
		if i := indexLowerASCII(def, q, upper); i >= 0 || f&defTags == 0 {
			return i
		}
		off := len(def) + 1
		for _, t := range ix.entries[e].Tags {
			if i := indexLowerASCII(t, q, upper); i >= 0 {
				return off + i
			}
			off += len(t) + 1
		}
		return -1
	}
	if i := indexFoldRunes(def, q); i >= 0 {
		return lowerLen(def[:i])
	}
	off := lowerLen(def) + 1
	for _, t := range ix.entries[e].Tags {
		if i := indexFoldRunes(t, q); i >= 0 {
			return off + lowerLen(t[:i])
		}
		off += lowerLen(t) + 1
	}
	return -1
}

// defFlag says how an entry's definition and tags can be matched.
type defFlag uint8

const (
	defASCII defFlag = 1 << iota // all ASCII: matched byte by byte, offsets as they are
	defUpper                     // some ASCII upper-case letter
	defTags                      // tags to search after the definition
)

// indexLowerASCII is the byte offset of the first q in the ASCII text s
// with s's upper-case letters read as lower-case, or -1; q is
// lower-case. It is fast for the usual text: most occurrences are
// already lower-case, and strings.Index (vectorized)
// finds the first of those; an earlier one must hold an upper-case
// letter, so only the few starts within len(q) before each upper-case
// letter are compared folded. upper false says s has none.
func indexLowerASCII(s, q string, upper bool) int {
	exact := strings.Index(s, q)
	if !upper {
		return exact
	}
	n := len(q)
	last := len(s) - n // the last start worth comparing
	if exact >= 0 {
		last = exact - 1
	}
	next := 0 // starts before next are compared already
	for u := nextUpper(s, 0); u < len(s) && u-n+1 <= last; u = nextUpper(s, u+1) {
		for p := max(next, u-n+1); p <= min(u, last); p++ {
			if equalFoldLowerASCII(s[p:p+n], q) {
				return p
			}
		}
		next = min(u, last) + 1
	}
	return exact
}

// nextUpper is the offset of the first ASCII upper-case letter of the
// ASCII text s at or after i, or len(s). Eight bytes are tested at a
// time (a byte between 'A' and 'Z', after Bit Twiddling Hacks' hasbetween,
// which holds for bytes below 0x80).
func nextUpper(s string, i int) int {
	const lo, hi = 0x0101010101010101, 0x8080808080808080
	for ; i+8 <= len(s); i += 8 {
		x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		if (lo*(127+'Z'+1)-x&(lo*127))&^x&(x&(lo*127)+lo*(127-('A'-1)))&hi != 0 {
			break
		}
	}
	for ; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			return i
		}
	}
	return len(s)
}

// equalFoldLowerASCII reports whether s, its upper-case ASCII letters
// read as lower-case, equals q; len(s) == len(q).
func equalFoldLowerASCII(s, q string) bool {
	for i := 0; i < len(q); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != q[i] {
			return false
		}
	}
	return true
}

// indexFoldRunes is indexLowerASCII for any text: the byte offset in s of
// the first run of runes that lower to q's runes, or -1.
func indexFoldRunes(s, q string) int {
	q0, size0 := utf8.DecodeRuneInString(q)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.ToLower(r) == q0 && hasLowerPrefix(s[i+size:], q[size0:]) {
			return i
		}
		i += size
	}
	return -1
}

// hasLowerPrefix reports whether s begins with runes that lower to q's.
func hasLowerPrefix(s, q string) bool {
	for q != "" {
		if s == "" {
			return false
		}
		r, n := utf8.DecodeRuneInString(s)
		qr, qn := utf8.DecodeRuneInString(q)
		if unicode.ToLower(r) != qr {
			return false
		}
		s, q = s[n:], q[qn:]
	}
	return true
}

// lowerLen is len(lower(s)), without building it.
func lowerLen(s string) int {
	n := 0
	for _, r := range s { // an invalid byte is U+FFFD, as lower writes it
		n += utf8.RuneLen(unicode.ToLower(r))
	}
	return n
}

// defPairMask is pairMask of entry e's lower-cased definition and tags,
// joined as defIndex reads them, computed without building that text,
// and the entry's defFlag.
func defPairMask(e *Entry) (pairSet, defFlag) {
	h := pairHasher{ascii: true}
	h.add(e.Definition)
	for _, t := range e.Tags {
		h.add("\n")
		h.add(t)
	}
	var f defFlag
	if h.ascii {
		f |= defASCII
	}
	if h.upper {
		f |= defUpper
	}
	if len(e.Tags) > 0 {
		f |= defTags
	}
	return h.m, f
}

// pairHasher is pairMask fed piece by piece; it notes whether all it
// was fed is ASCII, and whether any of it was an ASCII capital.
type pairHasher struct {
	m            pairSet
	prev         uint32
	started      bool
	ascii, upper bool
}

// add feeds lower(s).
func (h *pairHasher) add(s string) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			h.ascii = false
			var buf [utf8.UTFMax]byte
			for _, r := range s[i:] {
				for _, b := range utf8.AppendRune(buf[:0], unicode.ToLower(r)) {
					h.byte(b)
				}
			}
			return
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
			h.upper = true
		}
		h.byte(c)
	}
}

func (h *pairHasher) byte(c byte) {
	if h.started {
		p := (h.prev<<8 | uint32(c)) * 0x9E3779B1 >> 23 // as pairMask
		h.m[p>>6] |= 1 << (p & 63)
	}
	h.prev, h.started = uint32(c), true
}
