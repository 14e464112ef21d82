package main

import "github.com/crm101/crm101/glossary"

// termJSON is an entry as `terms`, `define` and `search` print it with
// --json. Every documented key is always there, empty ("" or []) when
// the entry has nothing for it, so scripts never test for a missing key.
type termJSON struct {
	Term          string   `json:"term"`
	Acronym       string   `json:"acronym"`
	Aliases       []string `json:"aliases"`
	Category      string   `json:"category"`
	Definition    string   `json:"definition"`
	Example       string   `json:"example"`
	Formula       string   `json:"formula"`
	Related       []string `json:"related"`
	Sources       []string `json:"sources"`
	BeyondSources bool     `json:"beyond_sources"`
	Pack          string   `json:"pack"`
}

func newTermJSON(e glossary.Entry) termJSON {
	return termJSON{
		Term: e.Term, Acronym: e.Acronym, Aliases: nonNil(e.Aliases), Category: string(e.Category),
		Definition: e.Definition, Example: e.Example, Formula: e.Formula,
		Related: nonNil(e.Related), Sources: nonNil(e.Sources), BeyondSources: e.BeyondSources, Pack: e.Pack,
	}
}

func termJSONs(entries []glossary.Entry) []termJSON {
	out := make([]termJSON, len(entries))
	for i, e := range entries {
		out[i] = newTermJSON(e)
	}
	return out
}

// searchHitJSON is one element of `search --json`: the entry, and
// whether it is a spelling suggestion offered ahead of weak matches.
type searchHitJSON struct {
	termJSON
	Suggested bool `json:"suggested"`
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
