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

// defineJSON is the entry `define --json` prints: the entry, and the
// definitions packs gave for its term while it was kept (on-clash keep).
type defineJSON struct {
	termJSON
	Versions []versionJSON `json:"versions"`
}

// versionJSON is one pack's own definition of a term an earlier layer
// kept: the pack's file name, the label shown above it ("Acme's
// definition"), the term as the pack spells it, and the definition.
type versionJSON struct {
	Pack       string `json:"pack"`
	Label      string `json:"label"`
	Term       string `json:"term"`
	Definition string `json:"definition"`
}

func newDefineJSON(e glossary.Entry, versions []glossary.Entry) defineJSON {
	out := defineJSON{termJSON: newTermJSON(e), Versions: make([]versionJSON, len(versions))}
	for i, v := range versions {
		out.Versions[i] = versionJSON{Pack: v.Pack, Label: v.VersionLabel(), Term: v.Term, Definition: v.Definition}
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
