package glossary

import (
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Category groups entries into the few shelves a trainee browses by.
type Category string

// The built-in categories. Packs may bring others (see
// Glossary.Categories); the built-in glossary uses only these.
const (
	Metrics            Category = "Metrics"
	Sales              Category = "Sales"
	Marketing          Category = "Marketing"
	CustomerExperience Category = "Customer Experience"
	DataTechnology     Category = "Data & Technology"
)

// Categories lists the built-in categories in display order. A
// glossary with packs may have more: see Glossary.Categories.
func Categories() []Category {
	return []Category{Sales, Marketing, CustomerExperience, Metrics, DataTechnology}
}

// Builtin reports whether c is one of the built-in Categories.
func (c Category) Builtin() bool {
	for _, known := range Categories() {
		if c == known {
			return true
		}
	}
	return false
}

// Valid reports whether c can name a category: not empty, no surrounding
// or repeated white space, no control characters. Packs bring their own
// categories, so any such name is one.
func (c Category) Valid() bool {
	tidy, ok := categoryName(string(c))
	return ok && strings.EqualFold(string(tidy), string(c))
}

// Entry is one concept of the glossary. The field names double as the
// JSON/YAML contract of the command line (`define --json`, packs).
type Entry struct {
	Term       string   `json:"term" yaml:"term"`
	Acronym    string   `json:"acronym,omitempty" yaml:"acronym,omitempty"`
	Aliases    []string `json:"aliases,omitempty" yaml:"aliases,omitempty"`
	Category   Category `json:"category" yaml:"category"`
	Definition string   `json:"definition" yaml:"definition"`
	Example    string   `json:"example,omitempty" yaml:"example,omitempty"`
	Formula    string   `json:"formula,omitempty" yaml:"formula,omitempty"`
	Related    []string `json:"related,omitempty" yaml:"related,omitempty"`
	Sources    []string `json:"sources,omitempty" yaml:"sources,omitempty"`
	// BeyondSources marks a term the seed documents only mention: we
	// added it because trainees meet it, and say so in the detail pane.
	BeyondSources bool `json:"beyond_sources,omitempty" yaml:"beyond_sources,omitempty"`
	// Tags are a pack's own labels (Anki's tags), searched and shown.
	Tags []string `json:"tags,omitempty" yaml:"tags,omitempty"`
	// Pack is the file name of the pack the entry came from, empty for
	// the built-in glossary. A file never sets it: the loader does.
	Pack string `json:"pack,omitempty" yaml:"-"`
}

// BuiltinPack is how the built-in glossary is named wherever an entry's
// origin is shown ("defined by built-in").
const BuiltinPack = "built-in"

// BuiltinDeck is the progress deck of built-in entries; it matches
// quiz.BuiltinDeck so existing progress stays attached.
const BuiltinDeck = "builtin"

// PackName is where the entry came from: BuiltinPack or a pack's file name.
func (e Entry) PackName() string {
	if e.Pack == "" {
		return BuiltinPack
	}
	return e.Pack
}

// PackLabel names the pack for people: "Acme" for acme.csv or
// acme_terms.csv's "Acme terms"; empty for the built-in glossary.
func (e Entry) PackLabel() string {
	if e.Pack == "" {
		return ""
	}
	name := strings.TrimSuffix(e.Pack, filepath.Ext(e.Pack))
	name = strings.Join(strings.FieldsFunc(name, func(r rune) bool { return r == '_' || r == '-' || r == ' ' }), " ")
	if name == "" {
		return e.Pack
	}
	r, size := utf8.DecodeRuneInString(name)
	return string(unicode.ToUpper(r)) + name[size:]
}

// VersionLabel heads a pack's own definition of a term it shares with
// an earlier layer: "Acme's definition".
func (e Entry) VersionLabel() string {
	if e.Pack == "" {
		return "Built-in definition"
	}
	return e.PackLabel() + "'s definition"
}

// Deck names the progress deck of the entry. It depends on the pack's
// name, never on its position among --deck flags, so reordering packs
// keeps every card's history; the "pack:" prefix keeps a pack file
// named "builtin" apart from the built-in deck. Cards are keyed by
// (Deck, Key(Term)).
func (e Entry) Deck() string {
	if e.Pack == "" {
		return BuiltinDeck
	}
	return "pack:" + e.Pack
}

// Title is the entry as a list shows it: "Customer Lifetime Value (CLV)".
func (e Entry) Title() string {
	if e.Acronym == "" {
		return e.Term
	}
	return e.Term + " (" + e.Acronym + ")"
}

// Names returns the term, then the acronym and aliases: every name a
// user may type to find or answer with this entry.
func (e Entry) Names() []string {
	names := make([]string, 0, 2+len(e.Aliases))
	names = append(names, e.Term)
	if e.Acronym != "" {
		names = append(names, e.Acronym)
	}
	return append(names, e.Aliases...)
}

// Key folds a name for lookups: case, surrounding space and inner runs
// of white space do not matter.
func Key(name string) string {
	if k, ok := asciiKey(name); ok {
		return k
	}
	return strings.ToLower(strings.Join(strings.Fields(name), " "))
}

// asciiKey is Key for ASCII names in one pass, allocating nothing when
// the name is already folded: loading a large pack folds every name
// several times. It reports false for non-ASCII names.
func asciiKey(name string) (string, bool) {
	clean := true
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c >= 0x80:
			return "", false
		case 'A' <= c && c <= 'Z', c == '\t', c == '\n', c == '\v', c == '\f', c == '\r':
			clean = false
		case c == ' ' && (i == 0 || i == len(name)-1 || name[i+1] == ' '):
			clean = false
		}
	}
	if clean {
		return name, true
	}
	b := make([]byte, 0, len(name))
	space := false
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
			space = len(b) > 0
			continue
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		if space {
			b = append(b, ' ')
			space = false
		}
		b = append(b, c)
	}
	return string(b), true
}
