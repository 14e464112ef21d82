package glossary

import (
	"cmp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"
)

// MatchKind ranks how a query met an entry; lower is better.
type MatchKind int

// Kinds in rank order. A trainee who types a whole acronym wants that
// entry first, and a hit buried in a definition only after every name.
const (
	Exact        MatchKind = iota // the query is a whole name
	Prefix                        // a name starts with the query
	WordStart                     // a later word of a name starts with the query
	Fuzzy                         // the query's characters appear in order in a name
	InDefinition                  // only the definition contains the query
	Listed                        // the query was empty: every entry, in term order
)

// String names the kind for logs and test failures.
func (k MatchKind) String() string {
	switch k {
	case Exact:
		return "exact"
	case Prefix:
		return "prefix"
	case WordStart:
		return "word-start"
	case Fuzzy:
		return "fuzzy"
	case InDefinition:
		return "in-definition"
	case Listed:
		return "listed"
	}
	return "unknown"
}

// Match is one search hit.
type Match struct {
	Index int       // index into Glossary.Entries()
	Kind  MatchKind // how the query met the entry; the best way wins
	Name  string    // the name that matched: term, acronym or alias ("" for InDefinition)
	// Positions are the rune indexes into Name of the matched characters,
	// ascending, for highlighting. They may be shared between matches and
	// results: read them, never modify them.
	Positions []int
	Score     int // tie-breaker within a Kind; higher is better
}

// Result is the immutable answer to one query. Keep it to Refine it as
// the user types on.
type Result struct {
	// Query is the query as searched: trimmed, inner white space
	// collapsed, lower-cased.
	Query string
	// Matches are best first: by Kind, then Score, then term order. Each
	// entry appears at most once.
	Matches []Match

	g     *Glossary
	cands []int32 // every entry a longer query could still match, ascending
}

// minChunk is the fewest entries worth handing to another goroutine;
// below it the goroutine costs more than the scan.
const minChunk = 4096

// Search finds the entries whose names or definition match query,
// best first. A blank query lists every entry in term order. Safe for
// concurrent use: the UI searches on a background goroutine.
func (g *Glossary) Search(query string) Result {
	return g.run(normalizeQuery(query), nil)
}

// Refine answers query reusing r. When query extends r.Query only the
// entries r could still match are scanned, which is what keeps typing
// fast in a big deck; otherwise it is a full Search. Either way the
// answer equals g.Search(query).
func (r Result) Refine(g *Glossary, query string) Result {
	q := normalizeQuery(query)
	if r.g != g || r.Query == "" || !strings.HasPrefix(q, r.Query) {
		return g.run(q, nil)
	}
	return g.run(q, r.cands)
}

// run searches q (already normalized) among ents, or among every entry
// when ents is nil.
func (g *Glossary) run(q string, ents []int32) Result {
	if q == "" {
		return g.listAll()
	}
	ix := g.search()
	if ents == nil {
		ents = ix.all
	}
	chunks := split(ents)
	parts := make([]part, len(chunks))
	if len(chunks) == 1 {
		parts[0] = scan(ix, q, chunks[0])
	} else {
		var wg sync.WaitGroup
		for i, c := range chunks {
			wg.Add(1)
			go func() {
				defer wg.Done()
				parts[i] = scan(ix, q, c)
			}()
		}
		wg.Wait()
	}
	res := Result{Query: q, g: g}
	res.Matches, res.cands = merge(parts)
	return res
}

func (g *Glossary) listAll() Result {
	ms := make([]Match, len(g.entries))
	for i, e := range g.entries {
		ms[i] = Match{Index: i, Kind: Listed, Name: e.Term}
	}
	return Result{Matches: ms, g: g}
}

// split cuts ents into one contiguous chunk per processor, so that
// concatenating the chunks' candidates keeps them in ascending order.
func split(ents []int32) [][]int32 {
	n := min(runtime.GOMAXPROCS(0), len(ents)/minChunk)
	if n <= 1 {
		return [][]int32{ents}
	}
	chunks := make([][]int32, n)
	for i := range n {
		chunks[i] = ents[i*len(ents)/n : (i+1)*len(ents)/n]
	}
	return chunks
}

// part is one chunk's sorted matches and candidates.
type part struct {
	matches []Match
	cands   []int32
}

// better is the total order of matches. Being total (Index breaks every
// tie) is what makes the parallel merge identical to a serial search.
func better(a, b Match) int {
	if c := cmp.Compare(a.Kind, b.Kind); c != 0 {
		return c
	}
	if c := cmp.Compare(b.Score, a.Score); c != 0 {
		return c
	}
	return cmp.Compare(a.Index, b.Index)
}

// scan matches q against the entries ents. An entry that meets the query
// by a whole, prefix or word-start name skips the fuzzy pass, and one
// that meets it by any name skips its definition: each tier only sees
// what the better tiers left.
func scan(ix *searchIndex, q string, ents []int32) part {
	qLen := utf8.RuneCountInString(q)
	seq := make([]int, qLen) // positions of a hit at rune 0, shared by all
	for i := range seq {
		seq[i] = i
	}
	var (
		matches []Match
		arena   []int
		hit     = make([]bool, len(ents))
		view    = nameView{names: ix.names}
		viewPos []int32 // viewPos[i] is the position in ents of view.ids[i]
	)
	for p, e := range ents {
		best, found, bestIsTerm := Match{}, false, false
		for n := ix.first[e]; n < ix.first[e+1]; n++ {
			kind, off, ok := classify(ix.names[n], q)
			if !ok {
				continue
			}
			m := Match{Index: int(e), Kind: kind, Name: ix.orig[n]}
			nameLen := runeLen(ix.orig[n], ix.ascii[n])
			switch kind {
			case Exact:
				m.Positions = seq
			case Prefix:
				m.Positions, m.Score = seq, -nameLen
			case WordStart:
				r := off
				if !ix.ascii[n] {
					r = utf8.RuneCountInString(ix.names[n][:off])
				}
				m.Score = -(r<<16 | min(nameLen, 1<<16-1))
				start := len(arena)
				for i := range qLen {
					arena = append(arena, r+i)
				}
				m.Positions = arena[start:len(arena):len(arena)]
			}
			// Between names that meet the query the same way, the term
			// wins: it is what the list shows, and a shorter alias would
			// only repeat it with different highlights.
			isTerm := n == ix.first[e]
			if !found || m.Kind < best.Kind || (m.Kind == best.Kind && !bestIsTerm && better(m, best) < 0) {
				best, found, bestIsTerm = m, true, isTerm
			}
		}
		if found {
			hit[p] = true
			matches = append(matches, best)
			continue
		}
		for n := ix.first[e]; n < ix.first[e+1]; n++ {
			view.ids = append(view.ids, n)
			viewPos = append(viewPos, int32(p))
		}
	}
	if view.Len() > 0 {
		last := int32(-1)
		for _, fm := range fuzzy.FindFromNoSort(q, view) {
			p, n := viewPos[fm.Index], view.ids[fm.Index]
			if p == last { // another name of the same entry: keep the better, and the term over an alias
				if kept := matches[len(matches)-1]; kept.Name != ix.orig[ix.first[ents[p]]] && fm.Score > kept.Score {
					matches[len(matches)-1] = fuzzyMatch(ix, ents[p], n, fm)
				}
				continue
			}
			last, hit[p] = p, true
			matches = append(matches, fuzzyMatch(ix, ents[p], n, fm))
		}
	}
	for p, e := range ents {
		if hit[p] {
			continue
		}
		if i := strings.Index(ix.defs[e], q); i >= 0 {
			// Short queries are in nearly every definition, so they are
			// not shown; the entry stays a candidate for longer ones.
			hit[p] = true
			if qLen >= 3 {
				matches = append(matches, Match{Index: int(e), Kind: InDefinition, Score: -i})
			}
		}
	}
	slices.SortFunc(matches, better)
	cands := make([]int32, 0, len(matches))
	for p, e := range ents {
		if hit[p] {
			cands = append(cands, e)
		}
	}
	return part{matches: matches, cands: cands}
}

func fuzzyMatch(ix *searchIndex, e, n int32, fm fuzzy.Match) Match {
	pos := fm.MatchedIndexes
	if !ix.ascii[n] {
		pos = byteToRune(ix.names[n], pos)
	}
	return Match{Index: int(e), Kind: Fuzzy, Name: ix.orig[n], Positions: pos, Score: fm.Score}
}

// classify finds the best way the lower-cased name contains q: whole,
// at its start, or at the start of a later word. off is the byte offset
// of a word-start hit.
func classify(name, q string) (kind MatchKind, off int, ok bool) {
	i := strings.Index(name, q)
	if i < 0 {
		return 0, 0, false
	}
	if i == 0 {
		if len(name) == len(q) {
			return Exact, 0, true
		}
		return Prefix, 0, true
	}
	for {
		if prev, _ := utf8.DecodeLastRuneInString(name[:i]); !unicode.IsLetter(prev) && !unicode.IsDigit(prev) {
			return WordStart, i, true
		}
		_, size := utf8.DecodeRuneInString(name[i:])
		j := strings.Index(name[i+size:], q)
		if j < 0 {
			return 0, 0, false
		}
		i += size + j
	}
}

func runeLen(s string, ascii bool) int {
	if ascii {
		return len(s)
	}
	return utf8.RuneCountInString(s)
}

// byteToRune turns ascending byte offsets into s into rune offsets.
func byteToRune(s string, offs []int) []int {
	out := make([]int, len(offs))
	r, k := 0, 0
	for b := range s {
		for k < len(offs) && offs[k] == b {
			out[k] = r
			k++
		}
		r++
	}
	return out
}

// merge combines the chunks' sorted matches into one sorted slice, and
// concatenates their candidates, which are already in order.
func merge(parts []part) ([]Match, []int32) {
	if len(parts) == 1 {
		return parts[0].matches, parts[0].cands
	}
	var nm, nc int
	for _, p := range parts {
		nm += len(p.matches)
		nc += len(p.cands)
	}
	var ms []Match // nil when empty, as a single chunk gives
	if nm > 0 {
		ms = make([]Match, 0, nm)
	}
	cands := make([]int32, 0, nc)
	heads := make([]int, len(parts))
	for len(ms) < nm {
		best := -1
		for i, p := range parts {
			if heads[i] < len(p.matches) && (best < 0 || better(p.matches[heads[i]], parts[best].matches[heads[best]]) < 0) {
				best = i
			}
		}
		ms = append(ms, parts[best].matches[heads[best]])
		heads[best]++
	}
	for _, p := range parts {
		cands = append(cands, p.cands...)
	}
	return ms, cands
}
