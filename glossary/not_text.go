package glossary

import "bytes"

// binarySignatures are the files people pick by mistake for a pack, by
// their first bytes, with what to do instead.
var binarySignatures = []struct {
	magic string
	why   string
}{
	{"PK\x03\x04", "a zip archive (a spreadsheet such as .xlsx or .ods, or an Anki package .apkg), not a text file: " +
		"save the sheet as CSV, or export from Anki as Notes in Plain Text (.txt)"},
	{"SQLite format 3\x00", "an SQLite database (such as Anki's collection), not a text file: " +
		"export from Anki as Notes in Plain Text (.txt)"},
	{"\xD0\xCF\x11\xE0", "an old Office file (such as .xls), not a text file: save the sheet as CSV"},
	{"%PDF-", "a PDF, not a text file: packs are YAML, JSON, CSV, TSV or Anki's plain text"},
	{"\x1F\x8B", "a gzip-compressed file: decompress it first"},
}

// notText says why data cannot be a text pack, or returns "". A text
// file never holds a NUL byte; the binary files above all do, or start
// with their signature, and so does UTF-16 saved without its mark.
// Without this check a binary file read leniently could yield a few
// "terms" from the stretches of it that happen to decode as text.
func notText(data []byte) string {
	for _, s := range binarySignatures {
		if bytes.HasPrefix(data, []byte(s.magic)) {
			return s.why
		}
	}
	nul := bytes.IndexByte(data, 0)
	if nul < 0 {
		return ""
	}
	if looksUTF16(data) {
		return "bad encoding: the file is UTF-16; save it as UTF-8"
	}
	return "a binary file, not text: packs are YAML, JSON, CSV, TSV or Anki's plain text, saved as UTF-8"
}

// looksUTF16 reports whether data reads as UTF-16 text without a byte
// order mark: mostly ASCII, so one byte of each pair is NUL.
func looksUTF16(data []byte) bool {
	n := min(len(data)&^1, 512)
	if n < 4 {
		return false
	}
	var even, odd int
	for i := 0; i < n; i += 2 {
		if data[i] == 0 {
			even++
		}
		if data[i+1] == 0 {
			odd++
		}
	}
	pairs := n / 2
	return max(even, odd) >= pairs*3/4 && min(even, odd) <= pairs/8
}
