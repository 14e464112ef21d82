package glossary

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// Format names a pack file format, as --format takes it. Everything
// else about a format is its codec in the registry.
type Format string

// codec is everything crm101 knows about one pack format. Adding a
// format is one codec value, in its own format_*.go file, plus its line
// in codecs: nothing else switches on formats.
type codec struct {
	format Format
	// extensions are the file name endings that mean this format, in
	// lower case with the dot; the first is the one messages suggest.
	extensions []string
	// about follows the first extension in messages when the extension
	// alone does not say what the file is (".txt" for Anki).
	about string
	// sniff recognises the format from a file's content, for a name
	// whose extension says nothing; nil when the content cannot tell.
	sniff func(data []byte) bool
	// parse reads the entries of a file already checked for encoding,
	// line length and emptiness, reporting problems to r.c and what it
	// detects about the file's shape to r.layout.
	parse func(r *reading) []PackEntry
	// export writes entries so that parse reads them back unchanged;
	// nil for a format that is read only.
	export func(w io.Writer, entries []Entry) error
	// overrideHint says how an entry of this format is marked as
	// replacing an earlier one, for the advice on a clashing term.
	overrideHint string
}

// codecs is the registry, in the order formats are listed to people.
var codecs = []codec{yamlCodec, jsonCodec, csvCodec, tsvCodec, ankiCodec}

// lookup returns the codec of format f.
func lookup(f Format) (codec, bool) {
	for _, c := range codecs {
		if c.format == f {
			return c, true
		}
	}
	return codec{}, false
}

// Formats lists every format, for flag help and messages.
func Formats() []Format {
	out := make([]Format, len(codecs))
	for i, c := range codecs {
		out[i] = c.format
	}
	return out
}

// FormatList names every format for help text: "yaml, json, … or anki".
func FormatList() string { return orList(formatNames()) }

func formatNames() []string {
	names := make([]string, len(codecs))
	for i, c := range codecs {
		names[i] = string(c.format)
	}
	return names
}

// ParseFormat reads a --format value.
func ParseFormat(s string) (Format, error) {
	for _, c := range codecs {
		if strings.EqualFold(s, string(c.format)) {
			return c.format, nil
		}
	}
	return "", fmt.Errorf("unknown format %q (want one of %s)", s, strings.Join(formatNames(), ", "))
}

// DetectFormat picks a pack's format from its file name's extension
// (.yaml/.yml, .json, .csv, .tsv/.tab, .txt for Anki), then from its
// content (an Anki header line).
func DetectFormat(path string, data []byte) (Format, error) {
	ext := strings.ToLower(filepath.Ext(path))
	for _, c := range codecs {
		for _, e := range c.extensions {
			if e == ext {
				return c.format, nil
			}
		}
	}
	for _, c := range codecs {
		if c.sniff != nil && c.sniff(data) {
			return c.format, nil
		}
	}
	names := make([]string, len(codecs))
	for i, c := range codecs {
		names[i] = c.extensions[0]
		if c.about != "" {
			names[i] += " (" + c.about + ")"
		}
	}
	return "", fmt.Errorf("cannot tell the pack format from the name: use %s", orList(names))
}

// orList joins names as "a, b or c".
func orList(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// firstLine is the first line of data, without a byte order mark or a
// line ending, for sniffing.
func firstLine(data []byte) []byte {
	data = bytes.TrimPrefix(data, utf8BOM)
	if i := bytes.IndexByte(data, '\n'); i >= 0 {
		return bytes.TrimRight(data[:i], "\r")
	}
	return data
}
