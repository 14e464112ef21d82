package glossary

import "fmt"

// Pack text is screened for control characters as each entry is parsed
// (screenEntry, called from ParsePack): loading strips them and warns,
// and `deck validate` lists each, "file:line: warning: control character
// U+001B in term (removed)".

// screenEntry removes control characters (IsControl: newline and tab
// are kept) from every text field of e and returns one finding per
// field that held any, located at e's line.
func screenEntry(file string, e *PackEntry) PackProblems {
	var ps PackProblems
	screen := func(field string, s *string) {
		if r, bad := FirstControl(*s); bad {
			ps = append(ps, PackProblem{File: file, Line: e.Line, Message: fmt.Sprintf("control character %U in %s", r, field)})
			*s = Printable(*s)
		}
	}
	screen("term", &e.Term)
	screen("acronym", &e.Acronym)
	cat := string(e.Category)
	screen("category", &cat)
	e.Category = Category(cat)
	screen("definition", &e.Definition)
	screen("example", &e.Example)
	screen("formula", &e.Formula)
	for _, l := range []struct {
		field string
		list  []string
	}{{"alias", e.Aliases}, {"related", e.Related}, {"source", e.Sources}} {
		for i := range l.list {
			screen(l.field, &l.list[i])
		}
	}
	return ps
}
