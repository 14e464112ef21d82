package glossary

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Export writes entries as a pack in format f. Reading the result with
// ParsePack gives the same entries back (apart from Pack, which becomes
// the new file's name). Anki output imports into Anki as Basic notes:
// Front is the term, Back the definition with labelled extras, and the
// category is a tag.
func Export(w io.Writer, entries []Entry, f Format) error {
	cd, ok := lookup(f)
	if !ok {
		return fmt.Errorf("export: unknown format %q", f)
	}
	if cd.export == nil {
		return fmt.Errorf("export: %s packs are read, never written", f)
	}
	return cd.export(w, entries)
}

func fileEntries(entries []Entry) []fileEntry {
	out := make([]fileEntry, len(entries))
	for i, e := range entries {
		out[i] = toFileEntry(e)
	}
	return out
}

func exportYAML(w io.Writer, entries []Entry) error {
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(fileEntries(entries)); err != nil {
		return fmt.Errorf("export YAML: %w", err)
	}
	return enc.Close()
}

func exportJSON(w io.Writer, entries []Entry) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(fileEntries(entries)); err != nil {
		return fmt.Errorf("export JSON: %w", err)
	}
	return nil
}

// exportColumns are written in this order; override is left out: an
// export is a copy, not a replacement.
var exportColumns = []string{"term", "acronym", "aliases", "category", "definition", "example",
	"formula", "related", "sources", "beyond_sources"}

func exportDelimited(w io.Writer, entries []Entry, comma rune) error {
	cw := csv.NewWriter(w)
	cw.Comma = comma
	if err := cw.Write(exportColumns); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	for _, e := range entries {
		lists, err := joinLists(e)
		if err != nil {
			return err
		}
		beyond := ""
		if e.BeyondSources {
			beyond = "true"
		}
		row := []string{e.Term, e.Acronym, lists[0], string(e.Category), e.Definition, e.Example,
			e.Formula, lists[1], lists[2], beyond}
		if err := cw.Write(row); err != nil {
			return fmt.Errorf("export %q: %w", e.Term, err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

// joinLists joins aliases, related and sources for one cell each. A
// name containing the separator could not be read back, so it is an
// error rather than a silently different entry.
func joinLists(e Entry) ([3]string, error) {
	var out [3]string
	for i, list := range [][]string{e.Aliases, e.Related, e.Sources} {
		for _, s := range list {
			if strings.Contains(s, listSep) {
				return out, fmt.Errorf("export %q: %q contains %q, which separates list items", e.Term, s, listSep)
			}
		}
		out[i] = strings.Join(list, listSep+" ")
	}
	return out, nil
}

// ankiPreamble tells Anki how to read the file: tab-separated, HTML
// fields, the Basic note type into a crm101 deck, tags in column 3.
const ankiPreamble = "#separator:tab\n#html:true\n#notetype:Basic\n#deck:crm101\n#columns:Front\tBack\tTags\n#tags column:3\n"

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

// ankiBack is the Back field: the definition, then a rule and one
// labelled line per extra field, as readBack expects.
func ankiBack(e Entry) (string, error) {
	lists, err := joinLists(e)
	if err != nil {
		return "", err
	}
	values := map[string]string{
		"acronym": e.Acronym, "aliases": lists[0], "example": e.Example,
		"formula": e.Formula, "related": lists[1], "sources": lists[2],
	}
	var lines []string
	for _, l := range ankiLabels {
		v := values[l.field]
		if v == "" {
			continue
		}
		if strings.Contains(v, "\n") {
			return "", fmt.Errorf("export %q to Anki: the %s has a line break, which the Back field cannot keep", e.Term, strings.ToLower(l.label))
		}
		lines = append(lines, "<b>"+l.label+":</b> "+toHTML(v))
	}
	back := toHTML(e.Definition)
	var plain fileEntry
	readBack(back, true, &plain)
	if len(lines) > 0 || plain.Definition != e.Definition {
		// The rule also guards a definition whose last paragraph looks
		// like labelled lines from being read back as fields.
		back += ankiRule + strings.Join(lines, "<br>")
	}
	return back, nil
}
