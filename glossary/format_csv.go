package glossary

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// The delimited formats: a header row naming the columns, then one
// entry a row.
const (
	FormatCSV Format = "csv"
	FormatTSV Format = "tsv"
)

var csvCodec = codec{
	format:     FormatCSV,
	extensions: []string{".csv"},
	parse: func(data []byte, c *collector) []PackEntry {
		return parseDelimited(data, ',', false, c)
	},
	export:       func(w io.Writer, entries []Entry) error { return exportDelimited(w, entries, ',') },
	overrideHint: "set its override column to true",
}

var tsvCodec = codec{
	format:     FormatTSV,
	extensions: []string{".tsv", ".tab"},
	parse: func(data []byte, c *collector) []PackEntry {
		return parseDelimited(data, '\t', true, c)
	},
	export:       func(w io.Writer, entries []Entry) error { return exportDelimited(w, entries, '\t') },
	overrideHint: "set its override column to true",
}

// requiredColumns must appear in every CSV or TSV header.
var requiredColumns = []string{"term", "category", "definition"}

// parseDelimited reads CSV (comma) or TSV (tab) with a header row whose
// cells name the columns, in any order and any case. TSV is read with
// lazy quotes: spreadsheets export it without quoting, so a stray " in a
// definition is just a character.
func parseDelimited(data []byte, comma rune, lazy bool, c *collector) []PackEntry {
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = comma
	r.FieldsPerRecord = -1
	r.LazyQuotes = lazy
	header, err := r.Read()
	if err != nil {
		reportCSVErr(err, c)
		return nil
	}
	headerLine, _ := r.FieldPos(0)
	cols, ok := readHeader(header, headerLine, c)
	if !ok {
		return nil
	}
	// One row a line is the common case: size the slice once.
	entries := make([]PackEntry, 0, bytes.Count(data, []byte{'\n'}))
	for !c.full() {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			if !reportCSVErr(err, c) {
				break
			}
			continue
		}
		line, _ := r.FieldPos(0)
		if len(rec) != len(cols) {
			c.add(line, "%s, want %d as in the header", fields(len(rec)), len(cols))
			continue
		}
		var fe fileEntry
		ok := true
		for i, cell := range rec {
			if cols[i] == "" {
				continue
			}
			if msg := fe.set(cols[i], cell); msg != "" {
				c.add(line, "%s", msg)
				ok = false
			}
		}
		if ok {
			entries = append(entries, fe.packEntry(line))
		}
	}
	return entries
}

// readHeader maps header cells to field names ("" for a column to skip)
// and reports unknown, repeated and missing columns. Only a missing
// required column stops the rows from being read.
func readHeader(header []string, line int, c *collector) ([]string, bool) {
	cols := make([]string, len(header))
	seen := map[string]bool{}
	ok := true
	for i, h := range header {
		name := columnName(h)
		switch {
		case !knownField(name):
			c.add(line, "unknown column %q%s", h, didYouMean(name, packFields))
		case seen[name]:
			c.add(line, "column %q appears twice", h)
		default:
			seen[name] = true
			cols[i] = name
		}
	}
	for _, req := range requiredColumns {
		if !seen[req] {
			c.add(line, "no %q column; the header must name at least %s", req, strings.Join(requiredColumns, ", "))
			ok = false
		}
	}
	return cols, ok
}

// reportCSVErr reports a parse error and says whether reading may go on.
func reportCSVErr(err error, c *collector) bool {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		c.add(pe.Line, "%v", pe.Err)
		return true
	}
	c.add(1, "%v", err)
	return false
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
