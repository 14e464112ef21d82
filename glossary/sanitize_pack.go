package glossary

import (
	"fmt"
	"strings"
)

// Pack text is screened for control characters as each entry is parsed
// (screenEntry, called from ParsePack): loading strips them and warns
// (PackSummary.Stripped); `deck validate` reports the same findings as
// problems, "file:line: control character U+001B in term".

// screenEntry removes control characters from every text field of e and
// returns one finding per field that held any, located at e's line.
// Newlines and tabs are allowed only where text may span lines (the
// definition, example and formula); in a name they become spaces.
func screenEntry(file string, e *PackEntry) PackProblems {
	var ps PackProblems
	found := func(field string, r rune) {
		ps = append(ps, PackProblem{File: file, Line: e.Line, Message: fmt.Sprintf("control character %U in %s", r, field)})
	}
	text := func(field string, s *string) {
		if r, bad := FirstControl(*s); bad {
			found(field, r)
			*s = Printable(*s)
		}
	}
	name := func(field string, s *string) {
		if r, bad := firstLineControl(*s); bad {
			found(field, r)
			*s = strings.Map(func(r rune) rune {
				if r == '\n' || r == '\t' {
					return ' '
				}
				return r
			}, Printable(*s))
		}
	}
	name("term", &e.Term)
	name("acronym", &e.Acronym)
	cat := string(e.Category)
	name("category", &cat)
	e.Category = Category(cat)
	text("definition", &e.Definition)
	text("example", &e.Example)
	text("formula", &e.Formula)
	for _, l := range []struct {
		field string
		list  []string
	}{{"alias", e.Aliases}, {"related", e.Related}, {"source", e.Sources}} {
		for i := range l.list {
			name(l.field, &l.list[i])
		}
	}
	return ps
}

// firstLineControl is FirstControl for text that must stay on one line,
// where newline and tab count too.
func firstLineControl(s string) (rune, bool) {
	if i := strings.IndexAny(s, "\n\t"); i >= 0 {
		if r, bad := FirstControl(s[:i]); bad {
			return r, true
		}
		return rune(s[i]), true
	}
	return FirstControl(s)
}

// LoadPacksScreened is LoadPacks that also returns the control characters
// removed from the packs' text (Pack.Stripped of each), even when loading
// fails: loading warns about them, `deck validate` counts them as
// problems. It reads and layers the packs exactly as LoadPacks does.
func LoadPacksScreened(base *Glossary, paths []string) (*Glossary, PackSummary, PackProblems, PackProblems) {
	var packs []*Pack
	var problems, stripped PackProblems
	for _, path := range paths {
		p, ps := ReadPack(path)
		problems = append(problems, ps...)
		if p != nil {
			packs = append(packs, p)
			stripped = append(stripped, p.Stripped...)
		}
	}
	g, sum, ps := Layer(base, packs)
	problems = append(problems, ps...)
	if len(problems) > 0 {
		sortProblems(problems)
		return nil, PackSummary{}, problems, stripped
	}
	return g, sum, nil, stripped
}
