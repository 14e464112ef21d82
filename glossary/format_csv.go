package glossary

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"
)

// The delimited formats, read as tables (see format_table.go) and
// written with a header row naming crm101's columns.
const (
	FormatCSV Format = "csv"
	FormatTSV Format = "tsv"
)

var csvCodec = codec{
	format:       FormatCSV,
	extensions:   []string{".csv"},
	parse:        func(r *reading) []PackEntry { return parseTable(r, tableKind{sep: ","}) },
	export:       func(w io.Writer, entries []Entry) error { return exportDelimited(w, entries, ',') },
	overrideHint: "set its override column to true",
}

var tsvCodec = codec{
	format:       FormatTSV,
	extensions:   []string{".tsv", ".tab"},
	parse:        func(r *reading) []PackEntry { return parseTable(r, tableKind{sep: "\t"}) },
	export:       func(w io.Writer, entries []Entry) error { return exportDelimited(w, entries, '\t') },
	overrideHint: "set its override column to true",
}

func fields(n int) string {
	if n == 1 {
		return "1 field"
	}
	return fmt.Sprintf("%d fields", n)
}

// exportColumns are written in this order; override is left out: an
// export is a copy, not a replacement.
var exportColumns = []string{"term", "acronym", "aliases", "category", "definition", "example",
	"formula", "related", "sources", "beyond_sources"}

func exportDelimited(w io.Writer, entries []Entry, comma rune) error {
	cw := newRecordWriter(w, comma)
	columns := exportColumns
	tags := slices.ContainsFunc(entries, func(e Entry) bool { return len(e.Tags) > 0 })
	if tags {
		columns = append(slices.Clip(columns), "tags")
	}
	if err := cw.Write(columns); err != nil {
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
		if tags {
			row = append(row, strings.Join(e.Tags, " "))
		}
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

// recordWriter writes delimited records that every reader we know reads
// back unchanged: a field is quoted when it contains the separator, a
// quote or a line break, starts or ends with a space, or starts with #
// (which Anki reads as a comment line).
type recordWriter struct {
	w   *bufio.Writer
	sep rune
	err error
}

func newRecordWriter(w io.Writer, sep rune) *recordWriter {
	return &recordWriter{w: bufio.NewWriter(w), sep: sep}
}

// Write writes one record and a line end.
func (rw *recordWriter) Write(fields []string) error {
	for i, f := range fields {
		if i > 0 {
			rw.w.WriteRune(rw.sep)
		}
		if rw.needsQuotes(f) {
			rw.w.WriteByte('"')
			rw.w.WriteString(strings.ReplaceAll(f, `"`, `""`))
			rw.w.WriteByte('"')
		} else {
			rw.w.WriteString(f)
		}
	}
	_, err := rw.w.WriteString("\n")
	if err != nil && rw.err == nil {
		rw.err = err
	}
	return rw.err
}

func (rw *recordWriter) needsQuotes(f string) bool {
	if f == "" {
		return false
	}
	return f[0] == '#' || f[0] == ' ' || f[len(f)-1] == ' ' || f[0] == '\t' ||
		strings.ContainsRune(f, rw.sep) || strings.ContainsAny(f, "\"\r\n")
}

// Flush writes what is buffered.
func (rw *recordWriter) Flush() {
	if err := rw.w.Flush(); err != nil && rw.err == nil {
		rw.err = err
	}
}

// Error is the first error met.
func (rw *recordWriter) Error() error { return rw.err }
