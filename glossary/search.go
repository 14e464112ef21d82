package glossary

import (
	"cmp"
	"runtime"
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
	WholeWord                     // the query is a whole word (or words) of a name
	Prefix                        // a name starts with the query, inside a longer word
	WordStart                     // a later word of a name starts with the query
	Fuzzy                         // the query's characters appear in order in a name
	InDefinition                  // only the definition contains the query, or all its words are in the entry
	Listed                        // the query was empty: every entry, in term order
)

// String names the kind for logs and test failures.
func (k MatchKind) String() string {
	switch k {
	case Exact:
		return "exact"
	case WholeWord:
		return "whole-word"
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
	return g.run(Key(query), nil)
}

// Refine answers query reusing r. When query extends r.Query only the
// entries r could still match are scanned, which is what keeps typing
// fast in a big deck; otherwise it is a full Search. Either way the
// answer equals g.Search(query).
func (r Result) Refine(g *Glossary, query string) Result {
	q := Key(query)
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
	res.Matches, res.cands = merge(ix, q, parts)
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
	n = max(n, len(ents)>>(posBits-1)) // keep every chunk's positions within a sort key
	if n <= 1 {
		return [][]int32{ents}
	}
	chunks := make([][]int32, n)
	for i := range n {
		chunks[i] = ents[i*len(ents)/n : (i+1)*len(ents)/n]
	}
	return chunks
}

// part is one chunk's answer: its hits in scan order, their sort keys,
// the fuzzy matches hits of kind Fuzzy point into, and its candidates.
type part struct {
	hits  []hit
	keys  []uint64
	fuzzy fuzzy.Matches
	cands []int32
}

// hit is a match before it becomes a Match: small and free of pointers,
// so growing, sorting and garbage-collecting a chunk's hits stays cheap
// even when a one-letter query hits a whole 100,000-term deck.
type hit struct {
	entry int32
	name  int32 // index into the names table; unused for InDefinition
	// off is, for WordStart, the rune offset in the name; for Fuzzy, the
	// index into part.fuzzy, or with one set the byte offset in the name.
	off   int32
	score int32
	kind  int8 // a MatchKind
	one   bool // a Fuzzy hit scored by fuzzyOne
}

// better is the order of Matches, written out: Kind, then Score
// descending, then Index. sortKeys and merge implement it on packed keys
// and the tests hold them to it. Being total (Index breaks every tie) is
// what makes the parallel merge identical to a serial search.
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
	var (
		hits    []hit
		matched = make([]bool, len(ents))
		view    = nameView{ix: ix}
		viewPos []int32 // viewPos[i] is the position in ents of view.ids[i]
		qmask   = foldMask(q)
		qr, _   = utf8.DecodeRuneInString(q)
		oneRune = utf8.RuneCountInString(q) == 1
	)
	if oneRune {
		hits = make([]hit, 0, len(ents)) // one letter is in nearly every name
	}
	for p, e := range ents {
		best, found, fuzzable := hit{}, false, false
		for n := ix.first[e]; n < ix.first[e+1]; n++ {
			if ix.masks[n]&qmask != qmask {
				continue
			}
			fuzzable = true
			kind, off, ok := classify(ix.name(n), q)
			if !ok {
				continue
			}
			h := hit{entry: e, name: n, kind: int8(kind)}
			nameLen := runeLen(ix.name(n), ix.ascii[n]) // lower keeps the rune count
			r := off
			if !ix.ascii[n] {
				r = utf8.RuneCountInString(ix.name(n)[:off])
			}
			switch kind {
			case WholeWord:
				h.off = int32(r)
				// A headword before an alias ("sales" finds Sales Funnel
				// before Opportunity Stage's alias Sales Stage), then the
				// shorter name, then the earlier word.
				alias := 0
				if n != ix.first[e] {
					alias = 1
				}
				h.score = int32(clampScore(-(alias<<20 | min(nameLen, 1<<10-1)<<10 | min(r, 1<<10-1))))
			case Prefix:
				h.score = int32(clampScore(-nameLen))
			case WordStart:
				h.off = int32(r)
				// An earlier word, then a shorter name, is the better hit.
				h.score = int32(clampScore(-(r<<10 | min(nameLen, 1<<10-1))))
			}
			// Between names that meet the query the same way, the term
			// wins: it is what the list shows, and a shorter alias would
			// only repeat it with different highlights.
			bestIsTerm := best.name == ix.first[e]
			if !found || h.kind < best.kind || h.kind == best.kind && !bestIsTerm && h.score > best.score {
				best, found = h, true
			}
		}
		if found {
			matched[p] = true
			hits = append(hits, best)
			continue
		}
		if !fuzzable {
			continue
		}
		if oneRune {
			if h, ok := bestFuzzyOne(ix, e, qr, qmask); ok {
				matched[p] = true
				hits = append(hits, h)
			}
			continue
		}
		for n := ix.first[e]; n < ix.first[e+1]; n++ {
			if ix.masks[n]&qmask == qmask {
				view.ids = append(view.ids, n)
				viewPos = append(viewPos, int32(p))
			}
		}
	}
	var fms fuzzy.Matches
	if view.Len() > 0 {
		fms = fuzzy.FindFromNoSort(q, view)
		last := int32(-1)
		for i, fm := range fms {
			p, n := viewPos[fm.Index], view.ids[fm.Index]
			h := hit{entry: ents[p], name: n, off: int32(i), score: int32(clampScore(fm.Score)), kind: int8(Fuzzy)}
			if p == last { // another name of the same entry: keep the better, and the term over an alias
				if kept := hits[len(hits)-1]; kept.name != ix.first[ents[p]] && h.score > kept.score {
					hits[len(hits)-1] = h
				}
				continue
			}
			last, matched[p] = p, true
			hits = append(hits, h)
		}
	}
	if utf8.RuneCountInString(q) < 3 {
		// One or two letters are in nearly every definition, so such hits
		// are not shown, and every entry stays a candidate for longer
		// queries: a superset is safe, and far cheaper than reading
		// every definition to prove the few exceptions. ents is never
		// modified, so it is shared rather than copied.
		return part{hits: hits, keys: sortKeys(hits), fuzzy: fms, cands: ents}
	}
	qpairs := pairMask(q)
	for p, e := range ents {
		if matched[p] || !ix.defPairs[e].covers(qpairs) {
			continue
		}
		if off := ix.defIndex(e, q); off >= 0 {
			matched[p] = true
			hits = append(hits, hit{entry: e, score: int32(clampScore(-off)), kind: int8(InDefinition)})
		}
	}
	hits = allWords(ix, q, ents, matched, hits)
	cands := make([]int32, 0, len(hits))
	for p, e := range ents {
		if matched[p] {
			cands = append(cands, e)
		}
	}
	return part{hits: hits, keys: sortKeys(hits), fuzzy: fms, cands: cands}
}

// classify finds the best way the lower-cased name contains q: whole,
// as whole words, at its start, or at the start of a later word. A whole
// word anywhere beats a prefix of a longer word: "persona" is a word of
// Customer Persona but only the start of Personalization. off is the
// byte offset of the hit.
func classify(name, q string) (kind MatchKind, off int, ok bool) {
	i := strings.Index(name, q)
	if i < 0 {
		return 0, 0, false
	}
	if i == 0 && len(name) == len(q) {
		return Exact, 0, true
	}
	kind, off = -1, 0
	for {
		if i == 0 || !isWordRune(lastRune(name[:i])) {
			if end := i + len(q); end == len(name) || !isWordRune(firstRune(name[end:])) {
				return WholeWord, i, true
			}
			if kind < 0 {
				kind, off = WordStart, i
				if i == 0 {
					kind = Prefix
				}
			}
		}
		_, size := utf8.DecodeRuneInString(name[i:])
		j := strings.Index(name[i+size:], q)
		if j < 0 {
			return kind, off, kind >= 0
		}
		i += size + j
	}
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func runeLen(s string, ascii bool) int {
	if ascii {
		return len(s)
	}
	return utf8.RuneCountInString(s)
}
