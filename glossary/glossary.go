package glossary

import (
	"sort"
	"sync"
)

// Glossary is a validated, read-only set of entries with a name index.
// Build one with New or Load; its methods are safe for concurrent use.
type Glossary struct {
	entries []Entry
	byName  map[string]int // Key(term|acronym|alias) → index in entries
	// Search tables are built on first use, so callers that never
	// search (the quiz, the CLI's define) pay nothing for them.
	search  func() *searchIndex
	suggest func() *suggestIndex
	words   func() map[string]int // name word → entries using it, for Stems
	// categories are the built-in ones, then the packs' (categories.go).
	categories []Category
	// versions are packs' definitions of terms an earlier layer already
	// had, kept beside that entry under on-clash keep.
	versions map[int][]Entry
}

// New validates entries and indexes them. Entries keep their order
// except that they are sorted by term, so listings are alphabetical.
func New(entries []Entry) (*Glossary, error) {
	sorted := make([]Entry, len(entries))
	copy(sorted, entries)
	sort.SliceStable(sorted, func(i, j int) bool { return Key(sorted[i].Term) < Key(sorted[j].Term) })
	if err := Validate(sorted); err != nil {
		return nil, err
	}
	return indexed(sorted), nil
}

// indexed builds the name index and lazy search tables over valid,
// sorted entries. (Packs build their own name index while layering and
// call withIndex directly.)
func indexed(sorted []Entry) *Glossary {
	byName := make(map[string]int, len(sorted)*2)
	for i, e := range sorted {
		for _, n := range e.Names() {
			byName[Key(n)] = i
		}
	}
	return withIndex(sorted, byName)
}

// withIndex wraps sorted entries and their name index (Key → position),
// adding the lazily built search tables.
func withIndex(sorted []Entry, byName map[string]int) *Glossary {
	g := &Glossary{entries: sorted, byName: byName, categories: categoriesOf(sorted)}
	g.search = sync.OnceValue(func() *searchIndex { return newSearchIndex(g.entries) })
	g.suggest = sync.OnceValue(func() *suggestIndex { return newSuggestIndex(g.search()) })
	g.words = sync.OnceValue(func() map[string]int { return wordOwners(g.entries) })
	return g
}

// Len is the number of entries.
func (g *Glossary) Len() int { return len(g.entries) }

// Entries returns the entries sorted by term. The slice is shared: callers
// must not modify it.
func (g *Glossary) Entries() []Entry { return g.entries }

// At returns the entry at index i of Entries.
func (g *Glossary) At(i int) Entry { return g.entries[i] }

// Index finds an entry by exact term, acronym or alias, ignoring case.
func (g *Glossary) Index(name string) (int, bool) {
	i, ok := g.byName[Key(name)]
	return i, ok
}

// Lookup is Index returning the entry itself.
func (g *Glossary) Lookup(name string) (Entry, bool) {
	i, ok := g.Index(name)
	if !ok {
		return Entry{}, false
	}
	return g.entries[i], true
}

// InCategory returns the indexes of entries in category c, in term order.
func (g *Glossary) InCategory(c Category) []int {
	var out []int
	for i, e := range g.entries {
		if e.Category == c {
			out = append(out, i)
		}
	}
	return out
}
