package glossary

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// packEntries builds n synthetic entries that layer cleanly over the
// built-in glossary; every tenth relates to a built-in term, so loading
// resolves references across layers too.
func packEntries(tb testing.TB, n int) []Entry {
	tb.Helper()
	base := builtinT(tb)
	var out []Entry
	for _, e := range synthetic(tb, n+n/20+50, 7).Entries() {
		if len(out) == n {
			break
		}
		clash := false
		for _, name := range e.Names() {
			if _, ok := base.Index(name); ok {
				clash = true
			}
		}
		if clash {
			continue
		}
		if len(out)%10 == 0 {
			e.Related = []string{"Churn Rate"}
		}
		out = append(out, e)
	}
	if len(out) < n {
		tb.Fatalf("only %d synthetic entries", len(out))
	}
	return out
}

func writeExport(tb testing.TB, dir string, entries []Entry, f Format) string {
	tb.Helper()
	path := filepath.Join(dir, "pack100k."+string(f))
	out, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	if err := Export(out, entries, f); err != nil {
		tb.Fatal(err)
	}
	if err := out.Close(); err != nil {
		tb.Fatal(err)
	}
	return path
}

// BenchmarkLoadPack reads, checks and layers a 100,000-term pack over
// the built-in glossary: the work between `crm101 --deck big.csv` and
// the first frame.
func BenchmarkLoadPack(b *testing.B) {
	entries := packEntries(b, 100_000)
	dir := b.TempDir()
	base := builtinT(b)
	for _, f := range []Format{FormatCSV, FormatYAML, FormatJSON, FormatAnki} {
		path := writeExport(b, dir, entries, f)
		st, _ := os.Stat(path)
		b.Run("100k/"+string(f), func(b *testing.B) {
			b.SetBytes(st.Size())
			b.ReportAllocs()
			for b.Loop() {
				g, _, ps := LoadPacks(base, []string{path})
				if ps != nil {
					b.Fatal(ps[:min(len(ps), 5)])
				}
				if g.Len() != base.Len()+len(entries) {
					b.Fatalf("%d entries", g.Len())
				}
			}
		})
	}
}

// A 100k pack loads whole and finds its terms, checked as a test so the
// benchmark's set-up is itself verified.
func TestLoadLargePack(t *testing.T) {
	if testing.Short() {
		t.Skip("large pack")
	}
	entries := packEntries(t, 20_000)
	path := writeExport(t, t.TempDir(), entries, FormatCSV)
	g, sum, ps := LoadPacks(builtinT(t), []string{path})
	if ps != nil {
		t.Fatal(ps[:min(len(ps), 5)])
	}
	if sum.Entries != len(entries) {
		t.Errorf("%d entries layered", sum.Entries)
	}
	if ms := g.Search(entries[123].Term).Matches; len(ms) == 0 || g.At(ms[0].Index).Term != entries[123].Term {
		t.Errorf("search does not find %q first", entries[123].Term)
	}
}

// Large YAML packs are parsed in chunks; the entries must be exactly
// those of a whole parse, and a file with a problem is parsed whole, so
// its messages (and their limit) are the whole parse's.
func TestYAMLChunksMatchWholeParse(t *testing.T) {
	var buf bytes.Buffer
	if err := Export(&buf, packEntries(t, 8_000), FormatYAML); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	if len(data) < yamlParallelMin {
		t.Fatalf("only %d bytes: too small to be chunked", len(data))
	}
	whole, chunked := &collector{file: "x"}, &collector{file: "x"}
	entriesChunked, ok := parseYAMLChunks(data, chunked)
	if !ok {
		t.Fatal("chunked parse gave up on a plain list")
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	entriesWhole := yamlItems(doc.Content[0], 0, whole)
	if !reflect.DeepEqual(entriesChunked, entriesWhole) || len(chunked.list) != 0 || len(whole.list) != 0 {
		t.Errorf("chunked parse differs: %d vs %d entries, problems %v vs %v", len(entriesChunked), len(entriesWhole), chunked.list, whole.list)
	}
	// A bad field deep in the file, so the problem is in a later chunk.
	at := bytes.LastIndex(data, []byte("\n  definition:"))
	bad := append(append(append([]byte{}, data[:at]...), "\n  colour: blue"...), data[at:]...)
	if _, ok := parseYAMLChunks(bad, &collector{file: "x"}); ok {
		t.Error("chunked parse kept a file with a problem")
	}
	_, ps := ParsePack("x", bad, FormatYAML)
	if len(ps) != 1 || ps[0].Line != bytes.Count(bad[:at], []byte("\n"))+2 {
		t.Errorf("problems %v, want one on the line of the bad field", ps)
	}
	for _, unusual := range []string{"- &a {term: A}\n" + strings.Repeat("- *a\n", yamlParallelMin/5), "%YAML 1.2\n---\n" + string(data)} {
		if _, ok := parseYAMLChunks([]byte(unusual), &collector{}); ok {
			t.Errorf("chunked parse accepted %.20q…", unusual)
		}
	}
}
