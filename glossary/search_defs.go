package glossary

import (
	"math"
	"strings"
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
	def := ix.defText[ix.defStart[e]:ix.defEnd[e]]
	for i, w := range words {
		found := false
		for n := ix.first[e]; n < ix.first[e+1] && !found; n++ {
			found = strings.Contains(ix.name(n), w)
		}
		if !found && !(ix.defPairs[e].covers(pairs[i]) && strings.Contains(def, w)) {
			return false
		}
	}
	return true
}

// scanDefs reports, for each entry from first to last (neighbours in the
// glossary) whose definition contains q, the byte offset of the first
// occurrence. One strings.Index call covers the whole run of text.
func scanDefs(ix *searchIndex, q string, first, last int32, found func(e int32, off int)) {
	e := first
	pos, stop := ix.defStart[first], ix.defEnd[last]
	for pos < stop {
		i := strings.Index(ix.defText[pos:stop], q)
		if i < 0 {
			return
		}
		at := pos + i
		for e < last && ix.defStart[e+1] <= at {
			e++
		}
		if at+len(q) > ix.defEnd[e] { // spans the NUL into the next definition
			pos = at + 1
			continue
		}
		found(e, at-ix.defStart[e])
		if e == last {
			return
		}
		pos = ix.defStart[e+1]
	}
}
