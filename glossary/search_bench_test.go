package glossary

import (
	"math/rand/v2"
	"strings"
	"testing"
)

var (
	synthQualifiers = strings.Fields(`customer sales lead net gross monthly annual average qualified
		marketing account revenue deal pipeline churn retention acquisition lifetime inbound outbound
		partner product service support contact campaign email social mobile predictive weighted
		recurring expansion segment territory quota forecast`)
	synthNouns = strings.Fields(`value cost rate score funnel management analytics integration
		velocity margin growth ratio index plan cycle stage model list journey persona profile
		playbook automation dashboard report workflow territory quota handoff touchpoint cadence`)
	synthWords = strings.Fields(`the a of to and in for with by each every customer buyer team
		deal revenue share period month quarter rate measures counts tracks how many what much
		after before during which who sales marketing support product usage value cost churn
		pipeline forecast report helps shows compares between average total new lost won open`)
)

// synthetic builds a deterministic glossary of n entries that looks like
// a real deck: two- to four-word terms, acronyms where they are unique,
// some aliases, and definitions of about 200 characters.
func synthetic(tb testing.TB, n int, seed uint64) *Glossary {
	tb.Helper()
	rng := rand.New(rand.NewPCG(seed, 42))
	used := map[string]bool{}
	pick := func(words []string) string { return words[rng.IntN(len(words))] }
	title := func(s string) string { return strings.ToUpper(s[:1]) + s[1:] }
	entries := make([]Entry, 0, n)
	for len(entries) < n {
		words := make([]string, 1+rng.IntN(3))
		for i := range words {
			words[i] = title(pick(synthQualifiers))
		}
		words = append(words, title(pick(synthNouns)))
		term := strings.Join(words, " ")
		if used[Key(term)] {
			term += " " + title(pick(synthNouns)) + " " + strings.Repeat("I", 1+rng.IntN(3))
			if used[Key(term)] {
				continue
			}
		}
		used[Key(term)] = true
		e := Entry{Term: term, Category: Categories()[rng.IntN(len(Categories()))]}
		var initials strings.Builder
		for _, w := range strings.Fields(term) {
			initials.WriteByte(w[0])
		}
		if a := initials.String(); len(a) > 1 && !used[Key(a)] {
			used[Key(a)] = true
			e.Acronym = a
		}
		if rng.IntN(3) == 0 {
			alias := title(pick(synthQualifiers)) + " " + strings.ToLower(words[len(words)-1])
			if !used[Key(alias)] {
				used[Key(alias)] = true
				e.Aliases = []string{alias}
			}
		}
		var def strings.Builder
		for def.Len() < 190 {
			def.WriteString(pick(synthWords))
			def.WriteByte(' ')
		}
		e.Definition = strings.TrimSpace(def.String()) + "."
		entries = append(entries, e)
	}
	g, err := New(entries)
	if err != nil {
		tb.Fatal(err)
	}
	return g
}

// benchSizes are the decks benchmarked; n 0 is the built-in glossary.
var benchSizes = []struct {
	name string
	n    int
}{{"builtin", 0}, {"150", 150}, {"10k", 10_000}, {"100k", 100_000}}

func benchDecks(b *testing.B) map[int]*Glossary {
	b.Helper()
	decks := map[int]*Glossary{}
	for _, s := range benchSizes {
		if s.n == 0 {
			g, err := Builtin()
			if err != nil {
				b.Fatal(err)
			}
			decks[0] = g
		} else {
			decks[s.n] = synthetic(b, s.n, 1)
		}
		decks[s.n].Search("warm") // build the index outside the timing
		decks[s.n].Suggest("warm up", 1)
	}
	return decks
}

func BenchmarkSearch(b *testing.B) {
	decks := benchDecks(b)
	for _, s := range benchSizes {
		g := decks[s.n]
		for _, q := range []struct{ name, query string }{
			{"short", "c"}, {"typical", "churn"}, {"nohit", "zzqx"},
		} {
			b.Run(s.name+"/"+q.name, func(b *testing.B) {
				b.ReportAllocs()
				defer reportCPU(b)()
				for b.Loop() {
					g.Search(q.query)
				}
			})
		}
		// One keystroke at a time, as the UI refines while the user types.
		b.Run(s.name+"/refine-typing", func(b *testing.B) {
			b.ReportAllocs()
			defer reportCPU(b)()
			for b.Loop() {
				r := g.Search("")
				for _, q := range []string{"c", "ch", "chu", "chur", "churn"} {
					r = r.Refine(g, q)
				}
			}
		})
	}
}

// BenchmarkRefineKeystroke times each keystroke of typing "churn" on
// its own: the budget is per keystroke, not per word.
func BenchmarkRefineKeystroke(b *testing.B) {
	decks := benchDecks(b)
	for _, s := range benchSizes {
		g := decks[s.n]
		prev := g.Search("")
		for _, q := range []string{"c", "ch", "chu", "chur", "churn"} {
			from := prev
			b.Run(s.name+"/"+q, func(b *testing.B) {
				b.ReportAllocs()
				defer reportCPU(b)()
				for b.Loop() {
					from.Refine(g, q)
				}
			})
			prev = from.Refine(g, q)
		}
	}
}

func BenchmarkSuggest(b *testing.B) {
	decks := benchDecks(b)
	for _, s := range benchSizes {
		g := decks[s.n]
		for _, q := range []string{"chrun", "custmer lifetime", "zzqx"} {
			b.Run(s.name+"/"+q, func(b *testing.B) {
				b.ReportAllocs()
				defer reportCPU(b)()
				for b.Loop() {
					g.Suggest(q, 5)
				}
			})
		}
	}
}

// The tables are built once per glossary, on the first Search or
// Suggest; this is the one-off pause a 100k deck costs.
func BenchmarkIndexBuild(b *testing.B) {
	g := synthetic(b, 100_000, 1)
	b.Run("search/100k", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			newSearchIndex(g.Entries())
		}
	})
	ix := g.search()
	b.Run("suggest/100k", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			newSuggestIndex(ix)
		}
	})
}
