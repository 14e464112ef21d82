package glossary

import (
	"math"
	"runtime"
	"slices"
	"sync"
	"unicode/utf8"
)

// Ordering the chunks' hits into Matches.

// clampScore keeps a score within 32 bits, so sortMatches can pack it
// into a sort key without changing the order better defines.
func clampScore(s int) int {
	return max(min(s, math.MaxInt32), math.MinInt32)
}

// posBits is how many low bits of a sort key hold a match's position in
// its chunk; split keeps chunks small enough for it.
const posBits = 27

// sortKeys returns one packed key per match, sorted into the order better
// defines: Kind, then Score descending, then position. Sorting integers
// is several times faster than sorting 64-byte structs through a
// comparison function. The position stands in for the entry index
// because scan appends each kind's matches in entry order.
func sortKeys(hs []hit) []uint64 {
	keys := make([]uint64, len(hs))
	for i, h := range hs {
		keys[i] = uint64(h.kind)<<(posBits+32) | uint64(math.MaxInt32-int64(h.score))<<posBits | uint64(i)
	}
	slices.Sort(keys)
	return keys
}

// appendRuneOffsets appends the rune offsets into s of the ascending
// byte offsets offs.
func appendRuneOffsets(dst []int, s string, offs []int) []int {
	r, k := 0, 0
	for b := range s {
		for k < len(offs) && offs[k] == b {
			dst = append(dst, r)
			k++
		}
		r++
	}
	return dst
}

// merge combines the chunks' hits into Matches, best first, and
// concatenates their candidates, which are already in order. Chunks hold
// ascending runs of entries, so on equal rank the earlier chunk holds
// the lower entry index and goes first, as better requires.
func merge(ix *searchIndex, q string, parts []part) ([]Match, []int32) {
	var nm, nc int
	for _, p := range parts {
		nm += len(p.hits)
		nc += len(p.cands)
	}
	// First settle the order, cheaply: which chunk's which hit goes in
	// each slot. Then build the Matches, the costly part, in parallel.
	order := make([]hitRef, 0, nm)
	heads := make([]int, len(parts))
	for len(order) < nm {
		best := -1
		for i, p := range parts {
			if heads[i] < len(p.keys) && (best < 0 || p.keys[heads[i]]>>posBits < parts[best].keys[heads[best]]>>posBits) {
				best = i
			}
		}
		order = append(order, hitRef{part: int32(best), hit: int32(parts[best].keys[heads[best]] & (1<<posBits - 1))})
		heads[best]++
	}
	var ms []Match
	if nm > 0 {
		ms = make([]Match, nm)
	}
	workers := min(runtime.GOMAXPROCS(0), nm/minChunk)
	if workers <= 1 {
		materialize(ix, q, parts, order, ms)
		workers = 0
	}
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := w*nm/workers, (w+1)*nm/workers
		wg.Add(1)
		go func() {
			defer wg.Done()
			materialize(ix, q, parts, order[lo:hi], ms[lo:hi])
		}()
	}
	wg.Wait()
	if len(parts) == 1 {
		return ms, parts[0].cands
	}
	cands := make([]int32, 0, nc)
	for _, p := range parts {
		cands = append(cands, p.cands...)
	}
	return ms, cands
}

// hitRef names one hit of one chunk.
type hitRef struct{ part, hit int32 }

// materialize fills out with the Matches of the hits order names.
func materialize(ix *searchIndex, q string, parts []part, order []hitRef, out []Match) {
	qLen := utf8.RuneCountInString(q)
	seq := make([]int, qLen) // the positions of every hit at rune 0, shared
	for i := range seq {
		seq[i] = i
	}
	// Word-start and fuzzy positions go into one allocation, so a big
	// Result is a few objects for the garbage collector, not thousands.
	n := 0
	for _, r := range order {
		if k := MatchKind(parts[r.part].hits[r.hit].kind); k == WordStart || k == WholeWord || k == Fuzzy {
			n++
		}
	}
	arena := make([]int, 0, n*qLen)
	for i, r := range order {
		p := &parts[r.part]
		h := p.hits[r.hit]
		m := Match{Index: int(h.entry), Kind: MatchKind(h.kind), Score: int(h.score)}
		if m.Kind != InDefinition {
			m.Name = ix.orig(h.name)
		}
		switch m.Kind {
		case Exact, Prefix:
			m.Positions = seq
		case WordStart, WholeWord:
			start := len(arena)
			for j := range qLen {
				arena = append(arena, int(h.off)+j)
			}
			m.Positions = arena[start:len(arena):len(arena)]
		case Fuzzy:
			start := len(arena)
			if h.one {
				r := int(h.off)
				if !ix.ascii[h.name] {
					r = utf8.RuneCountInString(ix.name(h.name)[:h.off])
				}
				arena = append(arena, r)
			} else if ix.ascii[h.name] {
				arena = append(arena, p.fuzzy[h.off].MatchedIndexes...)
			} else {
				arena = appendRuneOffsets(arena, ix.name(h.name), p.fuzzy[h.off].MatchedIndexes)
			}
			m.Positions = arena[start:len(arena):len(arena)]
		}
		out[i] = m
	}
}
