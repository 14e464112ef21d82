package glossary

import (
	"bytes"
	"fmt"
	"sync"

	"go.yaml.in/yaml/v3"
)

// ParseYAML decodes a YAML list of entries. Unknown fields are errors:
// a misspelt "defintion" must not silently drop a definition.
func ParseYAML(data []byte) ([]Entry, error) {
	curated, err := parseCurated(data)
	if err != nil {
		return nil, err
	}
	entries := make([]Entry, len(curated))
	for i, c := range curated {
		entries[i] = c.Entry
	}
	return entries, nil
}

// curatedEntry is an entry of the built-in glossary file with the
// curators' notes that are not part of an Entry: packs never carry them,
// so exporting and re-importing the built-in glossary changes nothing.
type curatedEntry struct {
	Entry `yaml:",inline"`
	// AllowedStems are stems of the entry's own distinctive name words
	// that its definition cannot do without (Net Promoter Score has to
	// speak of promoters); the quiz masks them.
	AllowedStems []string `yaml:"allowed_stems,omitempty"`
	// Formerly lists the terms the entry had in earlier releases, so
	// progress saved under an old term follows it (see Renames).
	Formerly []string `yaml:"formerly,omitempty"`
	// Near lists entries whose definitions come close enough to this
	// one's that a quiz must not offer them as wrong answers (see Near).
	Near []string `yaml:"near,omitempty"`
}

func parseCurated(data []byte) ([]curatedEntry, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, ErrEmpty
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var entries []curatedEntry
	if err := dec.Decode(&entries); err != nil {
		return nil, err
	}
	if len(entries) == 0 {
		return nil, ErrEmpty
	}
	return entries, nil
}

// builtinData is the built-in glossary with its curation notes and its
// confusable sets, each checked against the entries.
type builtinData struct {
	g            *Glossary
	allowedStems map[string][]string // Key(term) → allowed stems
	renames      map[string]string   // Key(former term) → current term
	compare      []CompareSet        // members rewritten to terms
	near         map[string][]string // Key(term) → near-synonym terms, both ways
}

// The built-in glossary is compiled in as Go values (builtin_data.go,
// generated from assets/ and checked against them by
// TestBuiltinGenerated): parsing its YAML took longer than everything
// else the app does before its first frame.
//
//go:generate go test -run ^TestBuiltinGenerated$ -regenerate .

var builtin = sync.OnceValues(func() (*builtinData, error) {
	curated := builtinCurated
	entries := make([]Entry, len(curated))
	for i, c := range curated {
		entries[i] = c.Entry
	}
	g, err := New(entries)
	if err != nil {
		return nil, fmt.Errorf("built-in glossary: %w", err)
	}
	d := &builtinData{g: g, allowedStems: map[string][]string{}, renames: map[string]string{}}
	var ps Problems
	for _, c := range curated {
		if len(c.AllowedStems) > 0 {
			d.allowedStems[Key(c.Term)] = c.AllowedStems
		}
		for _, old := range c.Formerly {
			// Progress saved under a current term must never move.
			if i, ok := g.Index(old); ok && Key(g.At(i).Term) == Key(old) {
				ps = append(ps, Problem{Term: c.Term, Message: fmt.Sprintf("formerly %q is the term of an entry", old)})
			}
			if prev, dup := d.renames[Key(old)]; dup {
				ps = append(ps, Problem{Term: c.Term, Message: fmt.Sprintf("formerly %q is also listed by %q", old, prev)})
			}
			d.renames[Key(old)] = c.Term
		}
	}
	d.near, ps = nearSynonyms(g, curated, ps)
	if len(ps) > 0 {
		return nil, fmt.Errorf("built-in glossary: %w", ps)
	}
	if d.compare, err = checkCompare(g, builtinCompare); err != nil {
		return nil, fmt.Errorf("built-in glossary: %w", err)
	}
	return d, nil
})

// Builtin returns the glossary embedded in the binary, parsed once.
func Builtin() (*Glossary, error) {
	d, err := builtin()
	if err != nil {
		return nil, err
	}
	return d.g, nil
}
