package glossary

import (
	"fmt"
	"io"
	"strings"
)

// Anki's plain-text notes ("Notes in Plain Text", .txt) start with
// "#key:value" header lines, then one note per row, fields separated by
// the #separator (tab by default) and quoted CSV-style when needed.
// A Basic note has a Front (our term) and a Back: the definition,
// optionally followed by labelled lines ("Example: …") after a rule or
// a blank line; crm101 writes them on export and reads them back. Tags
// carry the category ("Customer_Experience", "category::Product" for one
// that is not built in, see settleCategory) and crm101::override /
// crm101::beyond_sources. The rows are read as a table (format_table.go).

// FormatAnki is Anki's plain-text notes.
const FormatAnki Format = "anki"

var ankiCodec = codec{
	format:       FormatAnki,
	extensions:   []string{".txt"},
	about:        "Anki plain-text export",
	sniff:        func(data []byte) bool { return ankiHeader(string(firstLine(data))) },
	parse:        func(r *reading) []PackEntry { return parseTable(r, tableKind{sep: "\t", anki: true}) },
	export:       exportAnki,
	overrideHint: "tag the note " + ankiOverrideTag,
}

// Tags crm101 gives a meaning beyond the category.
const (
	ankiOverrideTag = "crm101::override"
	ankiBeyondTag   = "crm101::beyond_sources"
)

// ankiHeader reports whether line is a "#key:value" header that Anki or
// crm101 reads, for sniffing.
func ankiHeader(line string) bool {
	k, _, ok := strings.Cut(strings.TrimPrefix(line, "#"), ":")
	return ok && strings.HasPrefix(line, "#") && tableHeaderKeys[strings.ToLower(strings.TrimSpace(k))]
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
	cw := newRecordWriter(w, '\t')
	for _, e := range entries {
		back, err := ankiBack(e)
		if err != nil {
			return err
		}
		tags := append([]string{categoryTag(e.Category)}, e.Tags...)
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
