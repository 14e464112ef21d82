package glossary

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// The fuzz targets check that no input makes a parser panic or report
// without bound, and that whatever a parser accepts survives export and
// re-import in the same format unchanged.

func fuzzPack(f *testing.F, format Format, seeds ...string) {
	files, _ := filepath.Glob(filepath.Join("testdata", "packs", "*"))
	for _, file := range files {
		if data, err := os.ReadFile(file); err == nil {
			f.Add(data)
		}
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, ps := ParsePack("fuzz", data, format)
		if len(ps) > maxFileProblems+1 {
			t.Fatalf("%d problems: the cap did not hold", len(ps))
		}
		if ps != nil || p == nil {
			return
		}
		entries := make([]Entry, len(p.Entries))
		for i, pe := range p.Entries {
			entries[i] = *pe.Entry
			entries[i].Pack = ""
		}
		var buf bytes.Buffer
		if err := Export(&buf, entries, format); err != nil {
			return // e.g. a ';' inside an alias read from YAML: refused, not mangled
		}
		back, ps := ParsePack("fuzz", buf.Bytes(), format)
		if ps != nil {
			t.Fatalf("export of accepted input does not parse: %v\n%q", ps, buf.String())
		}
		for i, pe := range back.Entries {
			got := *pe.Entry
			got.Pack = ""
			if !reflect.DeepEqual(noEmpty(got), noEmpty(entries[i])) {
				t.Fatalf("round trip changed entry %d:\n got %#v\nwant %#v", i, got, entries[i])
			}
		}
	})
}

func FuzzParseCSV(f *testing.F) {
	fuzzPack(f, FormatCSV, "term,category,definition\nA,Sales,B\n", "term,category,definition,aliases\n\"A\"\"\",sales,\"x\ny\",a;b\n")
}

func FuzzParseTSV(f *testing.F) {
	fuzzPack(f, FormatTSV, "term\tcategory\tdefinition\nA\tSales\tB \"q\"\n")
}

func FuzzParseAnki(f *testing.F) {
	fuzzPack(f, FormatAnki, "#separator:tab\n#html:true\nA\tB<br><b>x</b>\tSales\n", "#columns:Front,Back\n#separator:comma\nA,B\n")
}

func FuzzParseYAMLPack(f *testing.F) {
	fuzzPack(f, FormatYAML, "- term: A\n  category: Sales\n  definition: B\n", "- &a {term: A}\n- *a\n")
}

func FuzzParseJSONPack(f *testing.F) {
	fuzzPack(f, FormatJSON, `[{"term":"A","category":"Sales","definition":"B","override":true}]`)
}
