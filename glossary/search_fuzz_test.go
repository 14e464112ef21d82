package glossary

import (
	"reflect"
	"slices"
	"testing"
)

// FuzzSearch throws arbitrary queries at the fixture: no panic, every
// position inside its Name and spelling the query, each entry at most
// once, and refining from any prefix equal to a fresh Search.
func FuzzSearch(f *testing.F) {
	g := searchFixture(f)
	for _, seed := range []string{"", "c", "clv", "cust life", "öff", "÷", "🙂", "\x00", "\xff", "İ", "  lead  ", "ſ", "K"} {
		f.Add(seed, 1)
	}
	f.Fuzz(func(t *testing.T, q string, cut int) {
		r := g.Search(q)
		if !slices.IsSortedFunc(r.Matches, better) {
			t.Fatalf("Search(%q) is not in rank order", q)
		}
		seen := map[int]bool{}
		for _, m := range r.Matches {
			if m.Index < 0 || m.Index >= g.Len() || seen[m.Index] {
				t.Fatalf("Search(%q): bad or repeated index %d", q, m.Index)
			}
			seen[m.Index] = true
			checkPositions(t, q, m)
		}
		rs := []rune(q)
		if len(rs) == 0 {
			return
		}
		cut = (cut%len(rs) + len(rs)) % len(rs)
		refined := g.Search(string(rs[:cut])).Refine(g, q)
		if !reflect.DeepEqual(refined.Matches, r.Matches) || refined.Query != r.Query {
			t.Fatalf("Search(%q).Refine(%q) differs from Search", string(rs[:cut]), q)
		}
		g.Suggest(q, 3)
	})
}
