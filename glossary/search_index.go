package glossary

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// searchIndex is the flat, lower-cased copy of every name and definition
// that Search scans. It is built once per glossary and never modified,
// which is what makes concurrent searches safe without locks.
type searchIndex struct {
	names     []string // lower-cased names, entry by entry, term first
	orig      []string // the same names as written, for Match.Name
	ascii     []bool   // names[i] is ASCII: byte offsets are rune offsets
	nameEntry []int32  // names[i] belongs to entry nameEntry[i]
	first     []int32  // entry e owns names[first[e]:first[e+1]]
	defs      []string // lower-cased definitions
	all       []int32  // 0..len(entries)-1, the candidate set of a full search
}

func newSearchIndex(entries []Entry) *searchIndex {
	ix := &searchIndex{
		first: make([]int32, 0, len(entries)+1),
		defs:  make([]string, len(entries)),
		all:   make([]int32, len(entries)),
	}
	for e, entry := range entries {
		ix.first = append(ix.first, int32(len(ix.names)))
		for _, n := range entry.Names() {
			ix.orig = append(ix.orig, n)
			ix.names = append(ix.names, lower(n))
			ix.ascii = append(ix.ascii, isASCII(n))
			ix.nameEntry = append(ix.nameEntry, int32(e))
		}
		ix.defs[e] = lower(entry.Definition)
		ix.all[e] = int32(e)
	}
	ix.first = append(ix.first, int32(len(ix.names)))
	return ix
}

// lower folds case rune by rune. Unlike strings.ToLower it never changes
// the number of runes, so a rune position found in the folded name is
// the same position in the name the user sees.
func lower(s string) string {
	return strings.Map(unicode.ToLower, s)
}

// normalizeQuery is how every query is read: surrounding and repeated
// white space do not count, and neither does case.
func normalizeQuery(q string) string {
	return lower(strings.Join(strings.Fields(q), " "))
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
	names []string
	ids   []int32
}

func (v nameView) String(i int) string { return v.names[v.ids[i]] }
func (v nameView) Len() int            { return len(v.ids) }
