package glossary

import (
	"slices"
	"strings"
)

// Categories lists the categories a trainee can browse and quiz by: the
// built-in ones in their display order, then those the packs bring,
// alphabetically, with Uncategorised last. The order depends on neither
// the order of --deck flags nor the order of rows, so a filter setting
// means the same thing on every run. The slice is shared: callers must
// not modify it.
func (g *Glossary) Categories() []Category { return g.categories }

// HasCategory reports whether some entry is in category c.
func (g *Glossary) HasCategory(c Category) bool {
	for _, e := range g.entries {
		if e.Category == c {
			return true
		}
	}
	return false
}

// PackVersions are the definitions packs gave for entry i's term while
// the entry itself was kept (on-clash keep), in layer order. The detail
// pane shows each under its VersionLabel ("Acme's definition"); the quiz
// asks, and progress records, entry i itself.
func (g *Glossary) PackVersions(i int) []Entry { return g.versions[i] }

// categoriesOf is Categories for entries.
func categoriesOf(entries []Entry) []Category {
	out := Categories()
	var extra []Category
	seen := map[Category]bool{}
	for _, c := range out {
		seen[c] = true
	}
	for i := range entries {
		c := entries[i].Category
		if !seen[c] {
			seen[c] = true
			extra = append(extra, c)
		}
	}
	slices.SortFunc(extra, func(a, b Category) int {
		switch {
		case a == b:
			return 0
		case a == Uncategorised:
			return 1
		case b == Uncategorised:
			return -1
		}
		if c := strings.Compare(Key(string(a)), Key(string(b))); c != 0 {
			return c
		}
		return strings.Compare(string(a), string(b))
	})
	return append(out, extra...)
}
