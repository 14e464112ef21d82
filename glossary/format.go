package glossary

import (
	"strconv"
	"strings"
)

// fileEntry is an entry as pack files write it: the Entry fields plus
// override, and never pack (the file itself is the pack).
type fileEntry struct {
	Term          string   `json:"term" yaml:"term"`
	Acronym       string   `json:"acronym,omitempty" yaml:"acronym,omitempty"`
	Aliases       []string `json:"aliases,omitempty" yaml:"aliases,omitempty"`
	Category      Category `json:"category" yaml:"category"`
	Definition    string   `json:"definition" yaml:"definition"`
	Example       string   `json:"example,omitempty" yaml:"example,omitempty"`
	Formula       string   `json:"formula,omitempty" yaml:"formula,omitempty"`
	Related       []string `json:"related,omitempty" yaml:"related,omitempty"`
	Sources       []string `json:"sources,omitempty" yaml:"sources,omitempty"`
	BeyondSources bool     `json:"beyond_sources,omitempty" yaml:"beyond_sources,omitempty"`
	Tags          []string `json:"tags,omitempty" yaml:"tags,omitempty"`
	Override      bool     `json:"override,omitempty" yaml:"override,omitempty"`
}

// packFields are the field names of fileEntry, which are also the CSV
// column names.
var packFields = []string{"term", "acronym", "aliases", "category", "definition", "example",
	"formula", "related", "sources", "beyond_sources", "tags", "override"}

func (f fileEntry) entry() Entry {
	return Entry{
		Term: f.Term, Acronym: f.Acronym, Aliases: f.Aliases, Category: f.Category,
		Definition: f.Definition, Example: f.Example, Formula: f.Formula,
		Related: f.Related, Sources: f.Sources, BeyondSources: f.BeyondSources, Tags: f.Tags,
	}
}

// entryArena keeps a pack's entries in one array, in the order they are
// read. Load hands a large pack's array to the merged glossary rather
// than copying it (layering.result), which is what keeps the peak memory
// of a 100,000-term pack down: the copy and the original were both
// alive, a fifth of that peak.
type entryArena struct{ buf []Entry }

// newEntryArena makes room for about n entries.
func newEntryArena(n int) *entryArena { return &entryArena{buf: make([]Entry, 0, max(n, 0))} }

// packEntry stores fe's entry and returns it as read from line. Beyond
// the room made, an entry is allocated on its own: entries already
// stored must never move.
func (a *entryArena) packEntry(fe fileEntry, line int) PackEntry {
	pe := PackEntry{Line: line, Override: fe.Override}
	if a != nil && len(a.buf) < cap(a.buf) {
		a.buf = append(a.buf, fe.entry())
		pe.Entry = &a.buf[len(a.buf)-1]
	} else {
		e := fe.entry()
		pe.Entry = &e
	}
	return pe
}

func toFileEntry(e Entry) fileEntry {
	return fileEntry{
		Term: e.Term, Acronym: e.Acronym, Aliases: e.Aliases, Category: e.Category,
		Definition: e.Definition, Example: e.Example, Formula: e.Formula,
		Related: e.Related, Sources: e.Sources, BeyondSources: e.BeyondSources, Tags: e.Tags,
	}
}

// set stores a text cell into the field named by column (one of
// packFields), returning a message when the cell cannot be read.
func (f *fileEntry) set(column, value string) string {
	switch column {
	case "term":
		f.Term = value
	case "acronym":
		f.Acronym = value
	case "aliases":
		f.Aliases = splitList(value)
	case "category":
		f.Category = Category(value)
	case "definition":
		f.Definition = value
	case "example":
		f.Example = value
	case "formula":
		f.Formula = value
	case "related":
		f.Related = splitList(value)
	case "sources":
		f.Sources = splitList(value)
	case "tags":
		f.Tags = append(f.Tags, strings.FieldsFunc(value, isTagSep)...)
	case "beyond_sources", "override":
		b, ok := parseBool(value)
		if !ok {
			return column + " is " + strconv.Quote(value) + ", want true or false"
		}
		if column == "override" {
			f.Override = b
		} else {
			f.BeyondSources = b
		}
	}
	return ""
}

// listSep separates aliases, related terms and sources inside one cell.
const listSep = ";"

func splitList(s string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	parts := strings.Split(s, listSep)
	out := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func parseBool(s string) (bool, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "false", "no", "n", "0":
		return false, true
	case "true", "yes", "y", "1", "x":
		return true, true
	}
	return false, false
}

// columnName folds a header cell: "Beyond Sources" names beyond_sources.
func columnName(s string) string {
	return strings.ReplaceAll(Key(strings.ReplaceAll(s, "_", " ")), " ", "_")
}
