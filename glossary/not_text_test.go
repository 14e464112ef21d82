package glossary

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
)

// The files people pick by mistake for a deck are refused whole, with
// what to do instead, and never yield "terms" from the stretches of them
// that happen to decode as text (a random binary named .csv used to load
// a few). Text packs, accented ones included, are not taken for binary.
func TestBinaryFilesAreRefusedWhole(t *testing.T) {
	good, err := os.ReadFile(filepath.Join("testdata", "packs", "good.csv"))
	if err != nil {
		t.Fatal(err)
	}
	var zipped bytes.Buffer // the container of .xlsx, .ods and Anki's .apkg
	zw := zip.NewWriter(&zipped)
	w, _ := zw.Create("xl/worksheets/sheet1.xml")
	w.Write(good)
	zw.Close()
	var gzipped bytes.Buffer
	gw := gzip.NewWriter(&gzipped)
	gw.Write(good)
	gw.Close()
	var utf16le []byte // as Excel's "Unicode Text" saves, here without its mark
	for _, u := range utf16.Encode([]rune(string(good))) {
		utf16le = append(utf16le, byte(u), byte(u>>8))
	}
	random := make([]byte, 3000)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range random {
		random[i] = byte(rng.UintN(256))
	}
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"cards.xlsx", zipped.Bytes(), "zip archive"},
		{"deck.apkg", zipped.Bytes(), "export from Anki as Notes in Plain Text"},
		{"renamed.csv", zipped.Bytes(), "zip archive"},
		{"terms.csv", gzipped.Bytes(), "decompress it first"},
		{"unicode.txt", utf16le, "UTF-16"},
		{"noise.csv", random, "a binary file, not text"},
		{"collection.anki2", []byte("SQLite format 3\x00\x10\x00\x01\x01"), "SQLite database"},
		{"old.xls", []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00"), "save the sheet as CSV"},
		{"glossary.pdf", []byte("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"), "a PDF"},
	} {
		path := filepath.Join(t.TempDir(), c.name)
		if err := os.WriteFile(path, c.data, 0o600); err != nil {
			t.Fatal(err)
		}
		pack, problems := ReadPack(path)
		if pack != nil {
			t.Errorf("%s: read as a pack of %d entries", c.name, len(pack.Entries))
		}
		if len(problems) != 1 || !strings.Contains(problems[0].Message, c.want) {
			t.Errorf("%s: problems %v, want one saying %q", c.name, problems, c.want)
		}
	}
	for _, text := range []string{string(good), "term,definition\nCafé,Un lieu où l’on parle de clients — « CRM ».\n"} {
		path := filepath.Join(t.TempDir(), "text.csv")
		if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		if pack, problems := ReadPack(path); pack == nil || len(pack.Entries) == 0 {
			t.Errorf("a text pack was refused: %v", problems)
		}
	}
}
