package glossary

import (
	"bytes"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// CompareSet is a group of terms trainees mix up, with the one line that
// tells them apart. Browse shows it in each member's detail pane and the
// quiz draws confusable options from it.
type CompareSet struct {
	// Members are the terms of the entries compared, in the order the
	// distinction discusses them.
	Members     []string `yaml:"compare"`
	Distinction string   `yaml:"distinction"`
}

// parseCompare decodes compare.yaml: a list of sets, unknown fields
// refused.
func parseCompare(data []byte) ([]CompareSet, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var sets []CompareSet
	if err := dec.Decode(&sets); err != nil {
		return nil, fmt.Errorf("compare sets: %w", err)
	}
	return sets, nil
}

// checkCompare reports every set that would not show well in g: fewer
// than two members, a member naming no entry or the same entry twice,
// or no distinction. Members are rewritten to the entries' terms, so a
// set may name its members by acronym or alias.
func checkCompare(g *Glossary, sets []CompareSet) ([]CompareSet, error) {
	var ps Problems
	out := make([]CompareSet, 0, len(sets))
	for n, s := range sets {
		label := fmt.Sprintf("compare set %d [%s]", n+1, strings.Join(s.Members, ", "))
		add := func(format string, args ...any) {
			ps = append(ps, Problem{Term: label, Message: fmt.Sprintf(format, args...)})
		}
		if len(s.Members) < 2 {
			add("needs at least two members")
		}
		if strings.TrimSpace(s.Distinction) == "" {
			add("missing distinction")
		}
		seen := map[int]bool{}
		terms := make([]string, 0, len(s.Members))
		for _, m := range s.Members {
			i, ok := g.Index(m)
			switch {
			case !ok:
				add("member %q matches no entry", m)
			case seen[i]:
				add("member %q repeats %q", m, g.At(i).Term)
			default:
				seen[i] = true
				terms = append(terms, g.At(i).Term)
			}
		}
		out = append(out, CompareSet{Members: terms, Distinction: strings.TrimSpace(s.Distinction)})
	}
	if len(ps) > 0 {
		return nil, ps
	}
	return out, nil
}

// Compare returns the confusable sets term belongs to (by term, acronym
// or alias), members named by g's terms. Only sets whose every member is
// in g are returned, so a pack that drops a term never shows half a set.
func (g *Glossary) Compare(term string) []CompareSet {
	i, ok := g.Index(term)
	if !ok {
		return nil
	}
	var out []CompareSet
	for _, s := range g.CompareSets() {
		for _, m := range s.Members {
			if j, _ := g.Index(m); j == i {
				out = append(out, s)
				break
			}
		}
	}
	return out
}

// CompareSets returns every built-in confusable set whose members are
// all entries of g, members named by g's terms.
func (g *Glossary) CompareSets() []CompareSet {
	d, err := builtin()
	if err != nil {
		return nil // TestBuiltinLoads fails on it; a user never sees half a set
	}
	var out []CompareSet
	for _, s := range d.compare {
		terms := make([]string, 0, len(s.Members))
		for _, m := range s.Members {
			if i, ok := g.Index(m); ok {
				terms = append(terms, g.At(i).Term)
			}
		}
		if len(terms) == len(s.Members) {
			out = append(out, CompareSet{Members: terms, Distinction: s.Distinction})
		}
	}
	return out
}
