package glossary

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Anki's plain-text notes ("Notes in Plain Text", .txt) start with
// "#key:value" header lines, then one note per row, fields separated by
// the #separator (tab by default) and quoted CSV-style when needed.
// A Basic note has a Front (our term) and a Back: the definition,
// optionally followed by labelled lines ("Example: …") after a rule or
// a blank line; crm101 writes them on export and reads them back. Tags carry the category
// ("Customer_Experience"), and crm101::override / crm101::beyond_sources.

// FormatAnki is Anki's plain-text notes.
const FormatAnki Format = "anki"

var ankiCodec = codec{
	format:       FormatAnki,
	extensions:   []string{".txt"},
	about:        "Anki plain-text export",
	sniff:        func(data []byte) bool { _, ok := ankiHeader(string(firstLine(data))); return ok },
	parse:        parseAnki,
	export:       exportAnki,
	overrideHint: "tag the note " + ankiOverrideTag,
}

// ankiHeaderKeys are the header lines Anki itself understands.
var ankiHeaderKeys = map[string]bool{
	"separator": true, "html": true, "tags": true, "columns": true, "notetype": true, "deck": true,
	"notetype column": true, "deck column": true, "tags column": true, "guid column": true, "if matches": true,
}

// Tags crm101 gives a meaning beyond the category.
const (
	ankiOverrideTag = "crm101::override"
	ankiBeyondTag   = "crm101::beyond_sources"
)

type ankiKV struct{ key, value string }

// ankiHeader parses one "#key:value" line whose key Anki knows.
func ankiHeader(line string) (ankiKV, bool) {
	if !strings.HasPrefix(line, "#") {
		return ankiKV{}, false
	}
	k, v, ok := strings.Cut(line[1:], ":")
	k = strings.ToLower(strings.TrimSpace(k))
	if !ok || !ankiHeaderKeys[k] {
		return ankiKV{key: k}, false
	}
	return ankiKV{key: k, value: strings.TrimSpace(v)}, true
}

// ankiFile is what the header lines say about the rows.
type ankiFile struct {
	sep      rune
	html     bool
	tags     []string
	columns  []string // from #columns, nil when absent
	colsRaw  string
	special  map[int]string
	colsLine int
}

func parseAnkiHeaders(data []byte, c *collector) (ankiFile, []byte, int) {
	h := ankiFile{sep: '\t', html: true, special: map[int]string{}}
	line := 0
	for len(data) > 0 && data[0] == '#' {
		end := bytes.IndexByte(data, '\n')
		var raw []byte
		if end < 0 {
			raw, data = data, nil
		} else {
			raw, data = data[:end], data[end+1:]
		}
		line++
		text := strings.TrimRight(string(raw), "\r")
		kv, ok := ankiHeader(text)
		if !ok {
			c.add(line, "unknown Anki header %q", text)
			continue
		}
		switch kv.key {
		case "separator":
			if sep, ok := ankiSeparator(kv.value); ok {
				h.sep = sep
			} else {
				c.add(line, "unknown separator %q (want tab, comma, semicolon, space, pipe, colon or one character)", kv.value)
			}
		case "html":
			b, ok := parseBool(kv.value)
			if !ok {
				c.add(line, "#html is %q, want true or false", kv.value)
			}
			h.html = b
		case "tags":
			h.tags = append(h.tags, strings.Fields(kv.value)...)
		case "columns":
			// Split once every header is read: #separator may come later.
			h.colsLine, h.colsRaw = line, kv.value
		case "notetype column", "deck column", "tags column", "guid column":
			n, err := strconv.Atoi(kv.value)
			if err != nil || n < 1 {
				c.add(line, "#%s is %q, want a column number from 1", kv.key, kv.value)
				continue
			}
			h.special[n-1] = strings.TrimSuffix(kv.key, " column")
		}
	}
	if h.colsLine > 0 {
		h.columns = strings.Split(h.colsRaw, string(h.sep))
	}
	return h, data, line
}

func ankiSeparator(v string) (rune, bool) {
	switch strings.ToLower(v) {
	case "tab", `\t`:
		return '\t', true
	case "comma":
		return ',', true
	case "semicolon":
		return ';', true
	case "space":
		return ' ', true
	case "pipe":
		return '|', true
	case "colon":
		return ':', true
	}
	if r, size := utf8.DecodeRuneInString(v); size == len(v) && r != utf8.RuneError && r != 0 && r != '"' && r != '\n' && r != '\r' {
		return r, true
	}
	return 0, false
}

// parseAnki reads Anki's plain-text notes.
func parseAnki(data []byte, c *collector) []PackEntry {
	h, body, base := parseAnkiHeaders(data, c)
	r := csv.NewReader(bytes.NewReader(body))
	r.Comma = h.sep
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	entries := make([]PackEntry, 0, bytes.Count(body, []byte{'\n'}))
	var roles []string
	for !c.full() {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				c.add(pe.Line+base, "%v", pe.Err)
				continue
			}
			c.add(base+1, "%v", err)
			break
		}
		line, _ := r.FieldPos(0)
		line += base
		if roles == nil {
			var ok bool
			if roles, ok = ankiRoles(h, len(rec), line, c); !ok {
				return nil
			}
		}
		if len(rec) != len(roles) {
			c.add(line, "%s, want %d (%s); a Basic note has Front and Back, and may add tags", fields(len(rec)), len(roles), describeRoles(roles))
			continue
		}
		if e, ok := ankiNote(h, roles, rec, line, c); ok {
			entries = append(entries, e)
		}
	}
	return entries
}

// ankiRoles says what each column holds: a pack field, "back" (a Back
// field to split), "tags", or "" to skip (guid, notetype, deck).
func ankiRoles(h ankiFile, n, line int, c *collector) ([]string, bool) {
	if h.columns != nil {
		n = len(h.columns)
	}
	roles := make([]string, n)
	var plain []int
	for i := range roles {
		if s, ok := h.special[i]; ok {
			if s == "tags" {
				roles[i] = "tags"
			}
			continue
		}
		plain = append(plain, i)
	}
	if h.columns != nil {
		ok := true
		for _, i := range plain {
			name := columnName(h.columns[i])
			switch {
			case name == "front":
				roles[i] = "term"
			case name == "back":
				roles[i] = "back"
			case name == "tags":
				roles[i] = "tags"
			case knownField(name):
				roles[i] = name
			default:
				c.add(h.colsLine, "unknown column %q (want Front, Back, Tags or a crm101 field%s)", h.columns[i], didYouMean(name, packFields))
				ok = false
			}
		}
		if !hasRole(roles, "term") || !hasRole(roles, "back", "definition") {
			c.add(h.colsLine, "#columns must name a Front (or term) and a Back (or definition) column")
			ok = false
		}
		return roles, ok
	}
	// Without #columns the first note decides: Front and Back, plus a
	// trailing tags column as older exports wrote it. Rows that do not
	// fit are reported one by one against Front and Back.
	if len(plain) == 3 && !hasRole(roles, "tags") {
		roles[plain[0]], roles[plain[1]], roles[plain[2]] = "term", "back", "tags"
		return roles, true
	}
	if len(plain) != 2 {
		roles = make([]string, len(h.special)+2)
		plain = plain[:0]
		for i := range roles {
			if s, ok := h.special[i]; ok {
				if s == "tags" {
					roles[i] = "tags"
				}
				continue
			}
			plain = append(plain, i)
		}
		if len(plain) < 2 {
			c.add(line, "the #… column headers leave no room for Front and Back")
			return nil, false
		}
	}
	roles[plain[0]], roles[plain[1]] = "term", "back"
	return roles, true
}

func hasRole(roles []string, want ...string) bool {
	for _, r := range roles {
		for _, w := range want {
			if r == w {
				return true
			}
		}
	}
	return false
}

func describeRoles(roles []string) string {
	names := make([]string, len(roles))
	for i, r := range roles {
		switch r {
		case "":
			names[i] = "ignored"
		case "term":
			names[i] = "Front"
		case "back":
			names[i] = "Back"
		default:
			names[i] = r
		}
	}
	return strings.Join(names, ", ")
}

// ankiNote turns one row into an entry.
func ankiNote(h ankiFile, roles, rec []string, line int, c *collector) (PackEntry, bool) {
	var fe fileEntry
	tags := append([]string(nil), h.tags...)
	ok := true
	for i, cell := range rec {
		role := roles[i]
		if role == "" {
			continue
		}
		if role == "tags" {
			tags = append(tags, strings.Fields(cell)...)
			continue
		}
		if role == "back" {
			readBack(cell, h.html, &fe)
			continue
		}
		text := cell
		if h.html {
			text = stripHTML(cell)
		}
		if msg := fe.set(role, text); msg != "" {
			c.add(line, "%s", msg)
			ok = false
		}
	}
	var cats []string
	for _, t := range tags {
		switch {
		case strings.EqualFold(t, ankiOverrideTag):
			fe.Override = true
		case strings.EqualFold(t, ankiBeyondTag):
			fe.BeyondSources = true
		default:
			if cat, isCat := matchCategory(strings.ReplaceAll(strings.TrimPrefix(t, "crm101::"), "_", " ")); isCat {
				if fe.Category == "" || fe.Category == cat {
					fe.Category = cat
					cats = appendUnique(cats, string(cat))
				} else {
					cats = appendUnique(cats, string(cat))
				}
			}
		}
	}
	switch {
	case len(cats) > 1:
		c.add(line, "several category tags (%s); keep one", strings.Join(cats, ", "))
		ok = false
	case fe.Category == "":
		c.add(line, "no category: tag the note with one of %s (spaces as _), or add a #tags:Sales header line", categoryList())
		ok = false
	}
	if !ok {
		return PackEntry{}, false
	}
	return fe.packEntry(line), true
}

func appendUnique(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// ankiPreamble tells Anki how to read the file: tab-separated, HTML
// fields, the Basic note type into a crm101 deck, tags in column 3.
const ankiPreamble = "#separator:tab\n#html:true\n#notetype:Basic\n#deck:crm101\n#columns:Front\tBack\tTags\n#tags column:3\n"

// exportAnki writes notes that import into Anki as Basic notes: Front
// is the term, Back the definition with labelled extras, and the
// category is a tag.
func exportAnki(w io.Writer, entries []Entry) error {
	if _, err := io.WriteString(w, ankiPreamble); err != nil {
		return fmt.Errorf("export Anki: %w", err)
	}
	cw := csv.NewWriter(w)
	cw.Comma = '\t'
	for _, e := range entries {
		back, err := ankiBack(e)
		if err != nil {
			return err
		}
		tags := []string{strings.ReplaceAll(string(e.Category), " ", "_")}
		if e.BeyondSources {
			tags = append(tags, ankiBeyondTag)
		}
		if err := cw.Write([]string{toHTML(e.Term), back, strings.Join(tags, " ")}); err != nil {
			return fmt.Errorf("export %q: %w", e.Term, err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("export Anki: %w", err)
	}
	return nil
}
