package glossary

import "strings"

// Stand-in so main builds until the search branch lands; the search
// branch replaces this file (delete it when merging).
type MatchKind int

const (
	Exact MatchKind = iota
	Prefix
	WordStart
	Fuzzy
	InDefinition
)

type Match struct {
	Index     int
	Kind      MatchKind
	Name      string
	Positions []int
	Score     int
}
type Result struct {
	Query   string
	Matches []Match
}

func (g *Glossary) Search(q string) Result {
	q = strings.ToLower(strings.TrimSpace(q))
	var r Result
	r.Query = q
	for i, e := range g.entries {
		if q == "" {
			r.Matches = append(r.Matches, Match{Index: i, Kind: Fuzzy, Name: e.Term})
			continue
		}
		for _, n := range e.Names() {
			if k := strings.Index(strings.ToLower(n), q); k >= 0 {
				pos := []int{}
				for j := 0; j < len([]rune(q)); j++ {
					pos = append(pos, len([]rune(n[:k]))+j)
				}
				r.Matches = append(r.Matches, Match{Index: i, Kind: Prefix, Name: n, Positions: pos})
				break
			}
		}
	}
	return r
}
func (r Result) Refine(g *Glossary, q string) Result { return g.Search(q) }
func (g *Glossary) Suggest(q string, n int) []int {
	if g.Len() == 0 {
		return nil
	}
	return []int{0}
}
