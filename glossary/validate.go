package glossary

import (
	"errors"
	"fmt"
	"strings"
)

// Problem is one thing wrong with one entry.
type Problem struct {
	Term    string // the entry's term, or "#N" when the term is empty
	Message string
}

// Error implements error.
func (p Problem) Error() string { return p.Term + ": " + p.Message }

// Problems is every validation failure found in one pass, so a curator
// fixes them all at once instead of one per run.
type Problems []Problem

// Error implements error.
func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.Error()
	}
	return fmt.Sprintf("%d glossary problem(s):\n  %s", len(ps), strings.Join(lines, "\n  "))
}

// Validate checks the rules every glossary obeys: a term and definition on
// every entry, a category (built-in or a pack's own), names (terms, acronyms, aliases) unique
// across the whole glossary, and every related reference resolving to
// another entry. It returns Problems, or nil.
func Validate(entries []Entry) error {
	var ps Problems
	owner := make(map[string]int, len(entries)*2)
	label := func(i int) string {
		if t := strings.TrimSpace(entries[i].Term); t != "" {
			return t
		}
		return fmt.Sprintf("#%d", i+1)
	}
	for i, e := range entries {
		add := func(format string, args ...any) {
			ps = append(ps, Problem{Term: label(i), Message: fmt.Sprintf(format, args...)})
		}
		if strings.TrimSpace(e.Term) == "" {
			add("missing term")
		}
		if strings.TrimSpace(e.Definition) == "" {
			add("missing definition")
		}
		switch {
		case e.Category == "":
			add("missing category")
		case !e.Category.Valid():
			add("category %q is not a name", e.Category)
		}
		seen := map[string]bool{}
		for _, n := range e.Names() {
			k := Key(n)
			if k == "" {
				if n != e.Term { // an empty term is reported above
					add("empty alias")
				}
				continue
			}
			if seen[k] {
				continue // "CRM" as acronym and alias of the same entry is harmless
			}
			seen[k] = true
			if j, dup := owner[k]; dup {
				add("name %q is already used by %q", n, label(j))
				continue
			}
			owner[k] = i
		}
	}
	for i, e := range entries {
		for _, r := range e.Related {
			j, ok := owner[Key(r)]
			switch {
			case !ok:
				ps = append(ps, Problem{Term: label(i), Message: fmt.Sprintf("related %q matches no entry", r)})
			case j == i:
				ps = append(ps, Problem{Term: label(i), Message: fmt.Sprintf("related %q points to the entry itself", r)})
			}
		}
	}
	if len(ps) == 0 {
		return nil
	}
	return ps
}

func categoryList() string {
	names := make([]string, 0, len(Categories()))
	for _, c := range Categories() {
		names = append(names, string(c))
	}
	return strings.Join(names, ", ")
}

// ErrEmpty is returned when a glossary file holds no entries at all.
var ErrEmpty = errors.New("no entries")
