package glossary

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
)

// FormatJSON is a JSON array of entries.
const FormatJSON Format = "json"

var jsonCodec = codec{
	format:       FormatJSON,
	extensions:   []string{".json"},
	parse:        func(r *reading) []PackEntry { return parseJSONPack(r.data, r.c) },
	export:       exportJSON,
	overrideHint: `add "override": true`,
}

// parseJSONPack reads a JSON array of entries. Entries are decoded one
// by one, so a bad entry is reported with its line and the rest still
// checked; a syntax error ends the file.
func parseJSONPack(data []byte, c *collector) []PackEntry {
	lines := lineCounter{data: data}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	tok, err := dec.Token()
	if err != nil {
		c.fail(lines.at(dec.InputOffset()), "JSON: %v", jsonErrText(err))
		return nil
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		c.fail(lines.at(dec.InputOffset()), "a pack is a JSON array of entries ([{\"term\": …}, …])")
		return nil
	}
	var entries []PackEntry
	arena := newEntryArena(bytes.Count(data, []byte(`"term"`)))
	for dec.More() && !c.full() {
		line := lines.at(skipSpace(data, dec.InputOffset()))
		var fe fileEntry
		if err := dec.Decode(&fe); err != nil {
			var syn *json.SyntaxError
			if errors.As(err, &syn) {
				c.fail(lines.at(syn.Offset), "JSON: %v", err)
				return entries
			}
			if name, ok := unknownJSONField(err); ok {
				c.skip(line, "unknown field %q%s", name, didYouMean(name, packFields))
			} else {
				c.skip(line, "JSON: %v", jsonErrText(err))
			}
			if !decoderConsumed(err) {
				c.fatal = true
				return entries
			}
			continue
		}
		entries = append(entries, arena.packEntry(fe, line))
	}
	if c.full() {
		return entries
	}
	if _, err := dec.Token(); err != nil {
		c.fail(lines.at(dec.InputOffset()), "JSON: %v", jsonErrText(err))
	} else if _, err := dec.Token(); err == nil {
		c.fail(lines.at(dec.InputOffset()), "JSON: unexpected data after the array")
	}
	return entries
}

// decoderConsumed reports whether the decoder read past the bad value,
// so decoding may continue with the next entry: true for type and
// unknown-field errors, which are found after the value was read.
func decoderConsumed(err error) bool {
	var ute *json.UnmarshalTypeError
	if errors.As(err, &ute) {
		return true
	}
	_, ok := unknownJSONField(err)
	return ok
}

var unknownFieldRE = regexp.MustCompile(`^json: unknown field "(.*)"$`)

func unknownJSONField(err error) (string, bool) {
	if m := unknownFieldRE.FindStringSubmatch(err.Error()); m != nil {
		return m[1], true
	}
	return "", false
}

func jsonErrText(err error) string {
	return strings.TrimPrefix(err.Error(), "json: ")
}

func skipSpace(data []byte, off int64) int64 {
	for off < int64(len(data)) {
		switch data[off] {
		case ' ', '\t', '\r', '\n', ',':
			off++
			continue
		}
		break
	}
	return off
}

// lineCounter turns byte offsets into line numbers, counting forward
// from the last answer, so a pass over a large file stays linear.
type lineCounter struct {
	data []byte
	off  int64
	line int
}

func (l *lineCounter) at(off int64) int {
	if l.line == 0 || off < l.off {
		l.off, l.line = 0, 1
	}
	off = min(off, int64(len(l.data)))
	l.line += bytes.Count(l.data[l.off:off], []byte{'\n'})
	l.off = off
	return l.line
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
