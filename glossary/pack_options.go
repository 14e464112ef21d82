package glossary

import (
	"fmt"
	"strings"
	"unicode"
)

// ReadOptions are what the command line says about reading a pack; each
// empty field leaves the choice to the file's own headers, then to
// detection.
type ReadOptions struct {
	// Separator is the field separator: a name (tab, comma, semicolon,
	// pipe, colon, space) or the text itself. Empty: the file's
	// #separator header, else detected.
	Separator string
	// RowSeparator is the text between rows, for Quizlet's custom
	// exports: rows are then read without quoting, and the first
	// separator of a row splits term from definition.
	RowSeparator string
	// Category is the category of notes that name none.
	Category string
	// OnClash settles terms an earlier layer already defines.
	OnClash OnClash
	// reserve is how many entries of other layers Load may add to the
	// pack's arena, so that it can become the merged glossary's array.
	reserve int
}

// OnClash says what a pack's entry does when its term is already a
// name of an entry of an earlier layer (the built-in glossary, or an
// earlier pack). Per-entry override always replaces.
type OnClash string

// The clash policies. Keep is the default.
const (
	// ClashKeep keeps the earlier entry, which the quiz asks and
	// progress records; the pack's version is kept beside it for display
	// (Glossary.PackVersions).
	ClashKeep OnClash = "keep"
	// ClashReplace replaces the earlier entry of the same term, as
	// override does. A pack term that is only an acronym or alias of an
	// earlier entry is kept beside it, as with keep.
	ClashReplace OnClash = "replace"
	// ClashError refuses the pack if any of its terms clashes.
	ClashError OnClash = "error"
)

// ParseOnClash reads an --on-clash value or an #on-clash header.
func ParseOnClash(s string) (OnClash, error) {
	switch o := OnClash(strings.ToLower(strings.TrimSpace(s))); o {
	case ClashKeep, ClashReplace, ClashError:
		return o, nil
	}
	return "", fmt.Errorf("unknown on-clash %q (want keep, replace or error)", s)
}

// Uncategorised is the category of a note that names none, when neither
// --category nor a #category header gives one.
const Uncategorised Category = "Uncategorised"

// Layout is what was read or detected about a pack file's shape: what
// deck inspect shows before anything is used.
type Layout struct {
	Format Format `json:"format"`
	// Separator names the field separator ("tab", "comma", "semicolon",
	// or the text itself); empty for YAML and JSON.
	Separator string `json:"separator,omitempty"`
	// SeparatorFrom says how it was chosen: "detected", "#separator",
	// "--separator" or "default".
	SeparatorFrom string `json:"separator_from,omitempty"`
	RowSeparator  string `json:"row_separator,omitempty"`
	// HeaderLine is the line of the header row naming the columns (or
	// of #columns), 0 when the file has none.
	HeaderLine int      `json:"header_line,omitempty"`
	Columns    []Column `json:"columns,omitempty"`
	HTML       bool     `json:"html,omitempty"`
	// Tags are given to every note (#tags, or a legacy "tags:" line).
	Tags            []string `json:"tags,omitempty"`
	DefaultCategory Category `json:"default_category"`
	OnClash         OnClash  `json:"on_clash"`
	// headers are the #key:value lines, lower-cased keys.
	headers map[string]string
	// specials are columns the #… column headers claim, by index.
	specials map[int]string
}

// Column is what one column of a delimited file holds.
type Column struct {
	Index int    `json:"index"`          // from 1, as people count
	Name  string `json:"name,omitempty"` // as the header row writes it
	// Field is the entry field it fills ("term", "definition", "tags",
	// …), empty when the column is left out.
	Field string `json:"field,omitempty"`
	// Note says why a column is left out ("guid", "unknown column").
	Note string `json:"note,omitempty"`
}

// defaultCategory is --category, else #category, else Uncategorised.
func (r *reading) defaultCategory() (Category, string) {
	v := r.opts.Category
	if strings.TrimSpace(v) == "" {
		v = r.layout.headers["category"]
	}
	if strings.TrimSpace(v) == "" {
		return Uncategorised, ""
	}
	if r.layout.Format == FormatAnki {
		v = strings.ReplaceAll(v, "_", " ")
	}
	c, ok := categoryName(v)
	if !ok {
		return Uncategorised, fmt.Sprintf("category %q is not a name", v)
	}
	return c, ""
}

// onClash is --on-clash, else #on-clash, else keep.
func (r *reading) onClash() (OnClash, string) {
	if r.opts.OnClash != "" {
		return r.opts.OnClash, ""
	}
	if v, ok := r.layout.headers["on-clash"]; ok {
		o, err := ParseOnClash(v)
		if err != nil {
			return ClashKeep, "#on-clash: " + err.Error()
		}
		return o, ""
	}
	return ClashKeep, ""
}

// categoryName tidies a category as a file writes it: a built-in one is
// matched whatever its case, any other is kept as written. It fails on
// text that cannot name a shelf (empty, or with control characters).
func categoryName(s string) (Category, bool) {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" || strings.IndexFunc(s, unicode.IsControl) >= 0 {
		return "", false
	}
	for _, c := range Categories() {
		if strings.EqualFold(s, string(c)) {
			return c, true
		}
	}
	if strings.EqualFold(s, string(Uncategorised)) {
		return Uncategorised, true
	}
	return Category(s), true
}

// packCategories are the categories a tag may name in this pack: the
// built-in ones, the default, and every category a note states, by Key.
func packCategories(entries []PackEntry, def Category) map[string]Category {
	known := make(map[string]Category, 8)
	for _, c := range Categories() {
		known[Key(string(c))] = c
	}
	known[Key(string(def))] = def
	read := map[Category]bool{} // a pack states a few categories, each on many notes
	for i := range entries {
		if read[entries[i].Category] {
			continue
		}
		read[entries[i].Category] = true
		if c, ok := categoryName(string(entries[i].Category)); ok {
			if _, dup := known[Key(string(c))]; !dup {
				known[Key(string(c))] = c
			}
		}
	}
	return known
}

// categoryTagPrefix marks a tag that states a category outright, as
// crm101's Anki export writes a category that is not built in.
const categoryTagPrefix = "category::"

// tagCategory is the category a tag names: the whole tag, or its first
// "::" segment, with "_" for spaces and an optional "crm101::" prefix;
// "category::X" states X whether or not it is known. exact reports a tag
// that says nothing but the category, which is then no longer kept as a
// tag.
func tagCategory(tag string, known map[string]Category) (c Category, exact, ok bool) {
	t := strings.TrimPrefix(tag, "crm101::")
	if rest, found := cutPrefixFold(t, categoryTagPrefix); found {
		name, _, more := strings.Cut(rest, "::")
		c, ok := categoryName(strings.ReplaceAll(name, "_", " "))
		if !ok {
			return "", false, false
		}
		if k, isKnown := known[Key(string(c))]; isKnown {
			c = k
		}
		return c, !more, true
	}
	first, _, more := strings.Cut(t, "::")
	if c, isKnown := known[Key(strings.ReplaceAll(first, "_", " "))]; isKnown {
		return c, !more, true
	}
	return "", false, false
}

func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
		return s[len(prefix):], true
	}
	return s, false
}

// settleCategory gives e its category: the one it states, else the one
// its first category tag names (with a warning when another names a
// different one), else def. Tags that say nothing but the
// category are dropped; crm101::override and crm101::beyond_sources set
// their fields.
func settleCategory(e *PackEntry, def Category, known map[string]Category, anki bool, c *collector) {
	stated := strings.TrimSpace(string(e.Category)) != ""
	if stated {
		name := string(e.Category)
		if anki {
			name = strings.ReplaceAll(name, "_", " ")
		}
		if cat, ok := categoryName(name); ok {
			e.Category = cat
			if near, typo := nearBuiltinCategory(cat); typo {
				c.warn(e.Line, "category %q is not built in, so it is the pack's own; did you mean %q?", cat, near)
			}
		} else {
			stated = false
		}
	}
	if len(e.Tags) == 0 {
		if !stated {
			e.Category = def
		}
		return
	}
	if !stated {
		// A category:: tag states the category outright, as a column would.
		for _, t := range e.Tags {
			if _, explicit := cutPrefixFold(strings.TrimPrefix(t, "crm101::"), categoryTagPrefix); explicit {
				if cat, _, ok := tagCategory(t, known); ok {
					e.Category, stated = cat, true
					break
				}
			}
		}
	}
	keep := e.Tags[:0:0]
	var other Category
	fromTags := !stated // only tags that disagree with each other are worth a warning
	for _, t := range e.Tags {
		switch {
		case strings.EqualFold(t, ankiOverrideTag):
			e.Override = true
			continue
		case strings.EqualFold(t, ankiBeyondTag):
			e.BeyondSources = true
			continue
		}
		cat, exact, ok := tagCategory(t, known)
		switch {
		case !ok:
		case !stated:
			e.Category, stated = cat, true
		case cat != e.Category && other == "" && fromTags:
			other = cat
		}
		if ok && exact && cat == e.Category {
			continue
		}
		keep = append(keep, t)
	}
	if other != "" {
		c.warn(e.Line, "%q has tags for categories %s and %s; it is filed under %s", e.Term, e.Category, other, e.Category)
	}
	if len(keep) == 0 {
		keep = nil
	}
	e.Tags = keep
	if !stated {
		e.Category = def
	}
}

// splitTags splits tags on white space, commas and semicolons, as a
// spreadsheet's tags cell and Anki's tags column write them.
func splitTags(tags []string) []string {
	if len(tags) == 0 {
		return nil
	}
	var out []string
	for _, t := range tags {
		out = append(out, strings.FieldsFunc(t, isTagSep)...)
	}
	return out
}

func isTagSep(r rune) bool { return unicode.IsSpace(r) || r == ',' || r == ';' }

// categoryTag is the Anki tag that carries category c: its name with
// "_" for spaces, under "category::" when it is not built in.
func categoryTag(c Category) string {
	t := strings.ReplaceAll(string(c), " ", "_")
	if !c.Builtin() {
		t = categoryTagPrefix + t
	}
	return t
}

// nearBuiltinCategory is the built-in category c is a typo of.
func nearBuiltinCategory(c Category) (Category, bool) {
	if c.Builtin() || c == Uncategorised {
		return "", false
	}
	names := make([]string, 0, len(Categories()))
	for _, b := range Categories() {
		names = append(names, strings.ToLower(string(b)))
	}
	near, ok := closest(string(c), names)
	if !ok {
		return "", false
	}
	for _, b := range Categories() {
		if strings.ToLower(string(b)) == near {
			return b, true
		}
	}
	return "", false
}
