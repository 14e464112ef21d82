package glossary

import (
	"slices"
	"strings"
	"testing"
)

func TestStripHTML(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"a<br>b<br/>c<BR />d", "a\nb\nc\nd"},
		{"<div>one</div><div>two</div>", "one\ntwo"},
		{"one<div>two</div>", "one\ntwo"},
		{"<b>bold</b> &amp; <i>it</i>&nbsp;x", "bold & it x"},
		{"a < b and c > d", "a < b and c > d"},
		{"<unclosed", "<unclosed"},
		{"&lt;b&gt; stays text", "<b> stays text"},
		{"<p>para</p>", "para"},
	}
	for _, tt := range tests {
		if got := stripHTML(tt.in); got != tt.want {
			t.Errorf("stripHTML(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// Anki's headers: separator names, #columns with field names, #tags for
// every note, the crm101 tags.
func TestAnkiHeaders(t *testing.T) {
	tests := []struct {
		name, data string
		want       Entry
		override   bool
	}{
		{"comma and header tags", "#separator:Comma\n#tags:Marketing extra\nNurture,Keep in touch until ready.\n",
			Entry{Term: "Nurture", Category: Marketing, Definition: "Keep in touch until ready."}, false},
		{"named columns", "#separator:semicolon\n#html:false\n#columns:Term;Definition;Aliases;Tags\nRamp;Time to <full> quota.;Ramp-up, Ramp Time;Sales crm101::override\n",
			Entry{Term: "Ramp", Category: Sales, Definition: "Time to <full> quota.", Aliases: []string{"Ramp-up, Ramp Time"}}, true},
		{"hierarchical category, beyond sources", "Win\tA closed deal.\tcrm101::Customer_Experience crm101::beyond_sources\n",
			Entry{Term: "Win", Category: CustomerExperience, Definition: "A closed deal.", BeyondSources: true}, false},
		{"pipe", "#separator:|\nA|B|data_&_technology\n", Entry{Term: "A", Category: DataTechnology, Definition: "B"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, ps := ParsePack("t.txt", []byte(tt.data), FormatAnki)
			if ps != nil {
				t.Fatal(ps)
			}
			if len(p.Entries) != 1 {
				t.Fatalf("%d entries", len(p.Entries))
			}
			got := p.Entries[0]
			got.Pack = ""
			if !slicesEqualEntry(*got.Entry, tt.want) || got.Override != tt.override {
				t.Errorf("got %+v override=%v, want %+v", *got.Entry, got.Override, tt.want)
			}
		})
	}
	bad := []struct{ data, want string }{
		{"#separator:double\nA\tB\tSales\n", `t.txt: unknown #separator "double"`},
		{"#columns:Front\tBak\nA\tB\n", `t.txt: no definition column`},
		{"#tags column:zero\nA\tB\n", `t.txt: #tags column is "zero", want a column number from 1`},
	}
	for _, b := range bad {
		p, ps := ParsePack("t.txt", []byte(b.data), FormatAnki)
		if len(ps) == 0 || !strings.HasPrefix(ps[0].String(), b.want) || p != nil && !p.fatal {
			t.Errorf("%q: got %v, want %s… refusing the file", b.data, ps, b.want)
		}
	}
	// Settled with a warning, not refused.
	warned := []struct{ data, want string }{
		{"A\tB\tSales Marketing\n", `t.txt:1: "A" has tags for categories Sales and Marketing; it is filed under Sales`},
		{"#html:maybe\nA\tB\tSales\n", `t.txt: #html is "maybe", want true or false; read as true`},
		{"#columns:Front\tBack\tBak\nA\tB\tC\n", `t.txt: column "Bak" is left out`},
	}
	for _, w := range warned {
		p, ps := ParsePack("t.txt", []byte(w.data), FormatAnki)
		if ps != nil || p == nil || len(p.Warnings) != 1 || !strings.HasPrefix(p.Warnings[0].String(), w.want) {
			t.Errorf("%q: got %v %v, want the warning %s…", w.data, ps, p.Warnings, w.want)
		}
	}
}

func slicesEqualEntry(a, b Entry) bool {
	return a.Term == b.Term && a.Category == b.Category && a.Definition == b.Definition &&
		a.BeyondSources == b.BeyondSources && slices.Equal(a.Aliases, b.Aliases)
}

func TestDetectFormat(t *testing.T) {
	tests := []struct {
		path, data string
		want       Format
	}{
		{"a.YML", "", FormatYAML}, {"a.json", "", FormatJSON}, {"a.csv", "", FormatCSV},
		{"a.tab", "", FormatTSV}, {"a.txt", "", FormatAnki}, {"deck", "#separator:tab\n", FormatAnki},
		{"deck", "\ufeff#html:true\n", FormatAnki},
	}
	for _, tt := range tests {
		if got, err := DetectFormat(tt.path, []byte(tt.data)); err != nil || got != tt.want {
			t.Errorf("DetectFormat(%q) = %q, %v; want %q", tt.path, got, err, tt.want)
		}
	}
	if _, err := ParseFormat("xlsx"); err == nil {
		t.Error("ParseFormat accepted xlsx")
	}
}

// YAML and JSON problems point at the line of the entry or key.
func TestYAMLAndJSONShapes(t *testing.T) {
	tests := []struct {
		file, data, want string
	}{
		{"a.yaml", "term: X\n", "a.yaml:1: a pack is a list of entries"},
		{"a.yaml", "- just text\n", "a.yaml:1: an entry is a mapping of fields"},
		{"a.yaml", "- term: [\n", "a.yaml:1: YAML:"},
		{"a.yaml", "- term: X\n  category: Sales\n  definition: D\n---\n- term: Y\n", "a.yaml:4: a second YAML document"},
		{"a.yaml", "- term: X\n  term: Y\n  category: Sales\n  definition: D\n", "a.yaml:"},
		{"a.json", "{\"term\": \"X\"}", "a.json:1: a pack is a JSON array"},
		{"a.json", "[\n{\"term\": \"X\",}\n]", "a.json:2: JSON: invalid character"},
		{"a.json", "[{\"term\":\"X\",\"category\":\"Sales\",\"definition\":\"D\"}] []", "a.json:1: JSON: unexpected data after the array"},
	}
	for _, tt := range tests {
		f, _ := DetectFormat(tt.file, nil)
		_, ps := ParsePack(tt.file, []byte(tt.data), f)
		if len(ps) == 0 || !strings.HasPrefix(ps[0].String(), tt.want) {
			t.Errorf("%q: got %v, want %s…", tt.data, ps, tt.want)
		}
	}
}

// YAML anchors may stand for single values only: an alias of a mapping
// or list would be walked once per use, which a hostile file multiplies.
func TestYAMLAliases(t *testing.T) {
	ok := "- term: Pipeline\n  category: &c Sales\n  definition: Open deals.\n- term: Deal\n  category: *c\n  definition: One sale.\n"
	p, ps := ParsePack("a.yaml", []byte(ok), FormatYAML)
	if ps != nil || p.Entries[1].Category != Sales {
		t.Fatalf("scalar alias: %v %+v", ps, p)
	}
	bad := "- &e {term: A, category: Sales, definition: B}\n- *e\n- term: C\n  category: Sales\n  definition: D\n  aliases: &l [x]\n- term: E\n  category: Sales\n  definition: F\n  related: *l\n"
	_, ps = ParsePack("a.yaml", []byte(bad), FormatYAML)
	if len(ps) != 2 || ps[0].Line != 2 || ps[1].Line != 10 || !strings.Contains(ps[1].Message, "only single values may be aliased") {
		t.Errorf("problems: %v", ps)
	}
}
