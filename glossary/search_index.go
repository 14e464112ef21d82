package glossary

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// searchIndex is what Search scans beside the entries themselves: a
// flat, lower-cased copy of every name, and a few facts about each
// definition. It is built once per glossary and never modified, which is
// what makes concurrent searches safe without locks. Names are kept in
// one long string cut by offsets rather than in []string, so the tables
// hold no pointers: the garbage collector skips them, where a million
// string headers would be re-marked on every cycle while the user types.
//
// Definitions are matched where they are, in the entries, ignoring case
// as they are read (search_defs.go): a lower-cased copy of every
// definition was a quarter of a big pack's memory.
type searchIndex struct {
	entries   []Entry  // the glossary's own, shared
	nameText  string   // lower-cased names, entry by entry, term first
	nameOff   []int32  // name n is nameText[nameOff[n]:nameOff[n+1]]
	ascii     []bool   // name n is ASCII: byte offsets are rune offsets
	nameEntry []int32  // name n belongs to entry nameEntry[n]
	masks     []uint64 // foldMask of each name, to skip it without reading it
	first     []int32  // entry e owns names first[e] to first[e+1]-1
	// defs are the entries' definitions, side by side: reading them
	// from here rather than from 200-byte entries keeps a scan of the
	// whole glossary in cache. Pointers, but one a definition, and the
	// text is the entries' own.
	defs     []string
	defFlags []defFlag // how each entry's definition and tags are matched
	defPairs []pairSet // the byte pairs in each lower-cased definition
	all      []int32   // 0..len(entries)-1, the candidate set of a full search
}

func newSearchIndex(entries []Entry) *searchIndex {
	// Size every table and text once: growing them as they fill costs a
	// large pack half its index time and twice its memory.
	nNames, nameBytes := 0, 0
	for i := range entries {
		e := &entries[i]
		nNames += 1 + len(e.Aliases)
		nameBytes += len(e.Term) + len(e.Acronym)
		if e.Acronym != "" {
			nNames++
		}
		for _, a := range e.Aliases {
			nameBytes += len(a)
		}
	}
	ix := &searchIndex{
		entries:   entries,
		first:     make([]int32, 0, len(entries)+1),
		nameOff:   make([]int32, 0, nNames+1),
		ascii:     make([]bool, 0, nNames),
		masks:     make([]uint64, 0, nNames),
		nameEntry: make([]int32, 0, nNames),
		defs:      make([]string, len(entries)),
		defFlags:  make([]defFlag, len(entries)),
		defPairs:  make([]pairSet, len(entries)),
		all:       make([]int32, len(entries)),
	}
	var names strings.Builder
	names.Grow(nameBytes + nameBytes/8) // lower-casing may lengthen a few runes
	for e := range entries {
		entry := &entries[e]
		ix.first = append(ix.first, int32(len(ix.nameEntry)))
		for _, n := range entry.Names() {
			ix.nameOff = append(ix.nameOff, int32(names.Len()))
			writeLower(&names, n)
			ix.ascii = append(ix.ascii, isASCII(n))
			ix.masks = append(ix.masks, foldMask(n))
			ix.nameEntry = append(ix.nameEntry, int32(e))
		}
		ix.defs[e] = entry.Definition
		ix.defPairs[e], ix.defFlags[e] = defPairMask(entry)
		ix.all[e] = int32(e)
	}
	ix.first = append(ix.first, int32(len(ix.nameEntry)))
	ix.nameOff = append(ix.nameOff, int32(names.Len()))
	ix.nameText = names.String()
	return ix
}

// writeLower writes lower(s) to b without a copy of s in between.
func writeLower(b *strings.Builder, s string) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			b.WriteString(lower(s[i:]))
			return
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b.WriteByte(c)
	}
}

// name is the lower-cased name n.
func (ix *searchIndex) name(n int32) string { return ix.nameText[ix.nameOff[n]:ix.nameOff[n+1]] }

// orig is name n as written: its entry's term, acronym or alias, in the
// order of Entry.Names.
func (ix *searchIndex) orig(n int32) string {
	e := ix.nameEntry[n]
	entry := &ix.entries[e]
	k := n - ix.first[e]
	if k == 0 {
		return entry.Term
	}
	if entry.Acronym != "" {
		if k == 1 {
			return entry.Acronym
		}
		k--
	}
	return entry.Aliases[k-1]
}

// foldMask sets one bit per distinct character of s, after folding case
// the way sahilm/fuzzy compares (Unicode simple folding). A name whose
// mask lacks a bit of the query's mask can match it neither fuzzily nor
// as a substring, so most names are rejected with one AND.
func foldMask(s string) uint64 {
	var m uint64
	for _, r := range s {
		m |= runeBit(foldRune(r))
	}
	return m
}

// runeBit is r's bit in a character mask: letters and digits get their
// own, every other rune shares one of the rest.
func runeBit(r rune) uint64 {
	switch {
	case r >= 'a' && r <= 'z':
		return 1 << (r - 'a')
	case r >= '0' && r <= '9':
		return 1 << (26 + r - '0')
	default:
		return 1 << (36 + uint32(r)%28)
	}
}

// foldRune maps every rune of a case-folding orbit (k, K, and the Kelvin
// sign K) to one representative.
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	}
	m := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		m = min(m, f)
	}
	if 'A' <= m && m <= 'Z' {
		m += 'a' - 'A'
	}
	return m
}

// lower folds case rune by rune. Unlike strings.ToLower it never changes
// the number of runes, so a rune position found in the folded name is
// the same position in the name the user sees.
func lower(s string) string {
	return strings.Map(unicode.ToLower, s)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// nameView presents a subset of the names table to sahilm/fuzzy without
// copying a single string.
type nameView struct {
	ix  *searchIndex
	ids []int32
}

// String implements fuzzy.Source.
func (v nameView) String(i int) string { return v.ix.name(v.ids[i]) }

// Len implements fuzzy.Source.
func (v nameView) Len() int { return len(v.ids) }

// pairSet is a 512-bit set of hashed adjacent byte pairs. A definition
// lacking one of the query's pairs cannot contain the query, so most
// definitions are ruled out without reading them; a 200-character
// definition sets about a quarter of the bits.
type pairSet [8]uint64

func pairMask(s string) pairSet {
	var m pairSet
	for i := 1; i < len(s); i++ {
		h := (uint32(s[i-1])<<8 | uint32(s[i])) * 0x9E3779B1 >> 23 // 9 bits
		m[h>>6] |= 1 << (h & 63)
	}
	return m
}

// covers reports whether every pair of q is in m.
func (m *pairSet) covers(q pairSet) bool {
	for i := range m {
		if m[i]&q[i] != q[i] {
			return false
		}
	}
	return true
}
