package glossary

import (
	"bytes"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// Every codec is complete, and every name and extension leads to
// exactly one of them.
func TestCodecRegistry(t *testing.T) {
	if got, want := Formats(), []Format{FormatYAML, FormatJSON, FormatCSV, FormatTSV, FormatAnki}; !slices.Equal(got, want) {
		t.Errorf("Formats() = %v, want %v", got, want)
	}
	names := map[Format]bool{}
	owner := map[string]Format{}
	for _, cd := range codecs {
		f := cd.format
		if f == "" || string(f) != strings.ToLower(string(f)) || names[f] {
			t.Errorf("format %q: empty, not lower case, or listed twice", f)
		}
		names[f] = true
		if cd.parse == nil || cd.overrideHint == "" || len(cd.extensions) == 0 {
			t.Errorf("%s: a codec needs parse, an override hint and an extension", f)
		}
		if got, err := ParseFormat(strings.ToUpper(string(f))); err != nil || got != f {
			t.Errorf("ParseFormat(%q) = %q, %v", strings.ToUpper(string(f)), got, err)
		}
		for _, ext := range cd.extensions {
			if !strings.HasPrefix(ext, ".") || ext != strings.ToLower(ext) {
				t.Errorf("%s: extension %q wants a dot and lower case", f, ext)
			}
			if other, dup := owner[ext]; dup {
				t.Errorf("extension %q is claimed by %s and %s", ext, other, f)
			}
			owner[ext] = f
			for _, name := range []string{"deck" + ext, "DECK" + strings.ToUpper(ext)} {
				if got, err := DetectFormat(name, nil); err != nil || got != f {
					t.Errorf("DetectFormat(%q) = %q, %v; want %s", name, got, err, f)
				}
			}
		}
	}
	_, err := DetectFormat("deck.md", nil)
	if want := "use .yaml, .json, .csv, .tsv or .txt (Anki plain-text export)"; err == nil || !strings.HasSuffix(err.Error(), want) {
		t.Errorf("DetectFormat(deck.md): %v, want …%s", err, want)
	}
}

// Whatever a codec exports its own parse reads back unchanged, under a
// name with its own extension; a codec that sniffs recognises its
// exports without a name, and no codec claims another's.
func TestCodecExportsReadBack(t *testing.T) {
	exports := map[Format][]byte{}
	for _, cd := range codecs {
		if cd.export == nil {
			continue
		}
		var buf bytes.Buffer
		if err := Export(&buf, tricky, cd.format); err != nil {
			t.Fatalf("%s: %v", cd.format, err)
		}
		exports[cd.format] = buf.Bytes()
		name := "export" + cd.extensions[0]
		f, err := DetectFormat(name, buf.Bytes())
		if err != nil || f != cd.format {
			t.Fatalf("%s: %s detected as %q, %v", cd.format, name, f, err)
		}
		p, ps := ParsePack(name, buf.Bytes(), f)
		if ps != nil {
			t.Fatalf("%s: re-import: %v\n%s", cd.format, ps, buf.String())
		}
		if len(p.Entries) != len(tricky) {
			t.Fatalf("%s: %d entries back, want %d", cd.format, len(p.Entries), len(tricky))
		}
		for i, pe := range p.Entries {
			got := *pe.Entry
			got.Pack = ""
			if !reflect.DeepEqual(noEmpty(got), noEmpty(tricky[i])) {
				t.Errorf("%s: entry %d changed:\n got %#v\nwant %#v", cd.format, i, got, tricky[i])
			}
		}
	}
	for _, cd := range codecs {
		if cd.sniff == nil {
			continue
		}
		for f, data := range exports {
			if got := cd.sniff(data); got != (f == cd.format) {
				t.Errorf("%s sniffing a %s export: %v", cd.format, f, got)
			}
		}
	}
}

// A format that can only be read is refused by Export with a reason,
// and a format no codec knows is refused by Export and ParsePack alike.
func TestCodecMissing(t *testing.T) {
	saved := codecs
	t.Cleanup(func() { codecs = saved })
	readOnly := yamlCodec
	readOnly.format, readOnly.extensions, readOnly.export = "ro", []string{".ro"}, nil
	codecs = append(slices.Clip(codecs), readOnly)
	if err := Export(&bytes.Buffer{}, tricky, "ro"); err == nil || err.Error() != "export: ro packs are read, never written" {
		t.Errorf("read-only export: %v", err)
	}
	if err := Export(&bytes.Buffer{}, tricky, "xlsx"); err == nil || err.Error() != `export: unknown format "xlsx"` {
		t.Errorf("unknown export: %v", err)
	}
	if _, ps := ParsePack("a.xlsx", []byte("x"), "xlsx"); len(ps) != 1 || ps[0].String() != `a.xlsx: unknown pack format "xlsx"` {
		t.Errorf("unknown parse: %v", ps)
	}
	if got := overrideHint("xlsx"); got != "add override: true" {
		t.Errorf("override hint of an unknown format: %q", got)
	}
}
