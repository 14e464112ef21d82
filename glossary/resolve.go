package glossary

// Weak reports whether no name met the query well: nothing matched, or
// only scattered letters or a definition did. Then a typo is the likelier
// story — "chrun" is in "asynCHRonoUs commuNication", but the user meant
// Churn — and callers offer Suggest's spellings first.
func (r Result) Weak() bool {
	return len(r.Matches) == 0 || (r.Matches[0].Kind >= Fuzzy && r.Matches[0].Kind != Listed)
}

// Resolution says how Resolve found its entry, so a command can tell a
// script whether it printed what was asked for or a guess.
type Resolution int

// Resolutions, from none to certain.
const (
	NoMatch   Resolution = iota // nothing is close: no name match and no near spelling
	Closest                     // no name is the query; this entry is the closest match
	ExactName                   // the query is the entry's term, acronym or alias
)

// Resolve finds the one entry a user most likely means by query: an
// exact name (ExactName), else the best name match or the closest
// spelling (Closest). Scattered letters or a definition alone are not
// close: then it returns NoMatch, and Search's loose matches are the
// suggestions to offer.
func (g *Glossary) Resolve(query string) (idx int, how Resolution) {
	if i, ok := g.Index(query); ok {
		return i, ExactName
	}
	res := g.Search(query)
	if !res.Weak() {
		return res.Matches[0].Index, Closest
	}
	if sugg := g.Suggest(query, 1); len(sugg) > 0 {
		return sugg[0], Closest
	}
	return 0, NoMatch
}
