package glossary

// Weak reports whether no name met the query well: nothing matched, or
// only scattered letters did. Then a typo is the likelier story — "chrun"
// is in "asynCHRonoUs commuNication", but the user meant Churn — and
// callers offer Suggest's spellings first.
func (r Result) Weak() bool {
	return len(r.Matches) == 0 || (r.Matches[0].Kind >= Fuzzy && r.Matches[0].Kind != Listed)
}

// Resolve finds the one entry a user most likely means by query: an
// exact name, else the best name match, else the closest spelling, else
// the best loose match. ok is false when nothing fits at all.
func (g *Glossary) Resolve(query string) (idx int, ok bool) {
	if i, ok := g.Index(query); ok {
		return i, true
	}
	res := g.Search(query)
	if !res.Weak() {
		return res.Matches[0].Index, true
	}
	if sugg := g.Suggest(query, 1); len(sugg) > 0 {
		return sugg[0], true
	}
	if len(res.Matches) > 0 {
		return res.Matches[0].Index, true
	}
	return 0, false
}
