package glossary

import (
	"cmp"
	"math/bits"
	"slices"
	"strings"
	"unicode/utf8"
)

// maxWindowWords caps the runs of words Suggest compares a query with.
// Longer queries are still compared with whole names.
const maxWindowWords = 4

// suggestIndex holds every distinct run of consecutive words ("window")
// of every name, bucketed by length in runes, so a typo is compared only
// with the few windows that could be within reach of it.
type suggestIndex struct {
	text    string // every window's text, back to back: no pointers per window
	windows []window
	byLen   [][]int32 // byLen[l] lists the windows of l runes
	refs    []wref    // sorted by window; windows[w] owns refs[w.first:w.end]
}

type window struct {
	start, stop int    // its text is suggestIndex.text[start:stop]
	mask        uint64 // which characters occur, for a cheap lower bound
	first, end  int32
}

// wref says a window occurs in a name of entry, with extra more words
// in that name than in the window.
type wref struct {
	window int32
	entry  int32
	extra  int32
}

func newSuggestIndex(ix *searchIndex) *suggestIndex {
	sx := &suggestIndex{}
	ids := map[string]int32{}
	var all strings.Builder
	for n := range ix.nameEntry {
		words := strings.Fields(ix.name(int32(n)))
		for i := range words {
			for j := i + 1; j <= len(words); j++ {
				if j-i > maxWindowWords && (i > 0 || j < len(words)) {
					continue
				}
				text := strings.Join(words[i:j], " ")
				id, ok := ids[text]
				if !ok {
					id = int32(len(sx.windows))
					ids[text] = id
					sx.windows = append(sx.windows, window{start: all.Len(), stop: all.Len() + len(text), mask: charMask(text)})
					all.WriteString(text)
					l := utf8.RuneCountInString(text)
					for len(sx.byLen) <= l {
						sx.byLen = append(sx.byLen, nil)
					}
					sx.byLen[l] = append(sx.byLen[l], id)
				}
				sx.refs = append(sx.refs, wref{window: id, entry: ix.nameEntry[n], extra: int32(len(words) - (j - i))})
			}
		}
	}
	sx.text = all.String()
	slices.SortStableFunc(sx.refs, func(a, b wref) int { return cmp.Compare(a.window, b.window) })
	for i := 0; i < len(sx.refs); {
		j := i
		for j < len(sx.refs) && sx.refs[j].window == sx.refs[i].window {
			j++
		}
		sx.windows[sx.refs[i].window].first, sx.windows[sx.refs[i].window].end = int32(i), int32(j)
		i = j
	}
	return sx
}

// charMask sets one bit per distinct character (letters and digits get
// their own bit, the rest share). Every character of one string missing
// from the other costs at least one edit, so the masks bound the
// distance from below without looking at order.
func charMask(s string) uint64 {
	var m uint64
	for _, r := range s {
		m |= runeBit(r)
	}
	return m
}

// maxEdits is how many typos a query of l runes may carry and still be
// "reasonably close": none for one or two letters, where anything is a
// typo of anything.
func maxEdits(l int) int {
	switch {
	case l < 3:
		return 0
	case l <= 5:
		return 1
	case l <= 9:
		return 2
	}
	return 3
}

// Suggest returns up to n entries whose names come closest to query by
// edit distance, closest first, for "did you mean" when Search finds
// nothing: "chrun" suggests Churn Rate. A query is compared with whole
// names and with runs of their words, so "funel" finds Sales Funnel.
// It returns nil when nothing is within a few typos.
func (g *Glossary) Suggest(query string, n int) []int {
	q := []rune(Key(query))
	d := maxEdits(len(q))
	if d == 0 || n <= 0 {
		return nil
	}
	sx := g.suggest()
	qmask := charMask(string(q))
	type hit struct{ dist, extra, entry int32 }
	var hits []hit
	var buf []rune
	var rows [3][]int
	for l := len(q) - d; l <= len(q)+d; l++ {
		if l < 0 || l >= len(sx.byLen) {
			continue
		}
		for _, id := range sx.byLen[l] {
			w := &sx.windows[id]
			if bits.OnesCount64(qmask&^w.mask) > d || bits.OnesCount64(w.mask&^qmask) > d {
				continue
			}
			buf = buf[:0]
			for _, r := range sx.text[w.start:w.stop] {
				buf = append(buf, r)
			}
			dist := osaDistance(q, buf, d, &rows)
			if dist > d {
				continue
			}
			for _, r := range sx.refs[w.first:w.end] {
				hits = append(hits, hit{int32(dist), r.extra, r.entry})
			}
		}
	}
	slices.SortFunc(hits, func(a, b hit) int {
		if c := cmp.Compare(a.dist, b.dist); c != 0 {
			return c
		}
		if c := cmp.Compare(a.extra, b.extra); c != 0 {
			return c
		}
		return cmp.Compare(a.entry, b.entry)
	})
	var out []int
	seen := map[int32]bool{}
	for _, h := range hits {
		if len(out) == n {
			break
		}
		if !seen[h.entry] {
			seen[h.entry] = true
			out = append(out, int(h.entry))
		}
	}
	return out
}

// EditDistance is the number of single-character edits (insert, delete,
// replace, swap of neighbours) between a and b, or max+1 as soon as it
// is known to exceed max: the quiz asks only whether an answer is one
// typo away, which most pairs settle within a couple of letters.
func EditDistance(a, b string, max int) int {
	var rows [3][]int
	return osaDistance([]rune(a), []rune(b), max, &rows)
}

// osaDistance is the optimal-string-alignment (restricted
// Damerau–Levenshtein) distance between a and b: insertions, deletions,
// substitutions and swaps of neighbours each cost one, so "chrun" is one
// edit from "churn". It gives up, returning max+1, once every alignment
// already costs more than max. rows is scratch space reused between calls.
func osaDistance(a, b []rune, max int, rows *[3][]int) int {
	for i := range rows {
		if cap(rows[i]) < len(b)+1 {
			rows[i] = make([]int, len(b)+1)
		}
		rows[i] = rows[i][:len(b)+1]
	}
	prev2, prev, cur := rows[0], rows[1], rows[2]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > max {
			return max + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(b)], max+1)
}
