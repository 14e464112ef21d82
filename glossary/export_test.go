package glossary

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// tricky entries carry what formats find hard: quotes, separators,
// markup, line breaks, non-ASCII text and every optional field.
var tricky = []Entry{
	{Term: `Stage 3 – "Proposal"`, Acronym: "S3", Aliases: []string{"Proposal, Stage", "Stage\tThree"},
		Category: Sales, Definition: "Offer sent.\nBuyer reviews <b>terms</b> & price; then a call.",
		Example: `"We're in stage 3," said Ana.`, Formula: "won ÷ sent × 100", Related: []string{"Win Room"},
		Sources: []string{"acme-handbook.pdf"}, BeyondSources: true},
	{Term: "Win Room", Category: CustomerExperience, Definition: "A stand-up:\n\nExample: not a label here"},
	{Term: "#hashtag term", Category: DataTechnology, Definition: "Starts with a hash, like an Anki header."},
}

// Export → import gives the same entries back, in every format, for the
// whole built-in glossary and for entries with awkward text.
func TestExportRoundTrip(t *testing.T) {
	sets := map[string][]Entry{"built-in": builtinT(t).Entries(), "tricky": tricky}
	for _, f := range Formats() {
		for name, entries := range sets {
			t.Run(string(f)+"/"+name, func(t *testing.T) {
				var buf bytes.Buffer
				if err := Export(&buf, entries, f); err != nil {
					t.Fatal(err)
				}
				p, ps := ParsePack("export."+string(f), buf.Bytes(), f)
				if ps != nil {
					t.Fatalf("re-import: %v\n%s", ps, buf.String())
				}
				if len(p.Entries) != len(entries) {
					t.Fatalf("%d entries back, want %d", len(p.Entries), len(entries))
				}
				for i, pe := range p.Entries {
					got := *pe.Entry
					got.Pack = ""
					if pe.Override {
						t.Errorf("%s: export marked an override", got.Term)
					}
					if !reflect.DeepEqual(noEmpty(got), noEmpty(entries[i])) {
						t.Errorf("entry %d changed:\n got %#v\nwant %#v", i, got, entries[i])
					}
				}
			})
		}
	}
}

// The Anki file tells Anki everything it needs: Basic notes, HTML,
// three tab-separated columns with the category as a tag.
func TestExportAnkiShape(t *testing.T) {
	var buf bytes.Buffer
	if err := Export(&buf, tricky[1:], FormatAnki); err != nil {
		t.Fatal(err)
	}
	want := ankiPreamble +
		"Win Room\tA stand-up:<br><br>Example: not a label here<hr>\tCustomer_Experience\n" +
		"\"#hashtag term\"\tStarts with a hash, like an Anki header.\tData_&_Technology\n"
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
}

// A list item containing the separator cannot survive CSV: refuse it.
func TestExportRefusesSeparatorInList(t *testing.T) {
	e := []Entry{{Term: "X", Category: Sales, Definition: "Y.", Aliases: []string{"a;b"}}}
	for _, f := range []Format{FormatCSV, FormatTSV, FormatAnki} {
		if err := Export(&bytes.Buffer{}, e, f); err == nil || !strings.Contains(err.Error(), `"a;b" contains ";"`) {
			t.Errorf("%s: %v", f, err)
		}
	}
}

// noEmpty treats an empty list as no list: YAML's "sources: []" and a
// missing field mean the same, and CSV cannot tell them apart.
func noEmpty(e Entry) Entry {
	for _, l := range []*[]string{&e.Aliases, &e.Related, &e.Sources} {
		if len(*l) == 0 {
			*l = nil
		}
	}
	return e
}

func TestExportAnkiBackWithExtras(t *testing.T) {
	back, err := ankiBack(tricky[0])
	if err != nil {
		t.Fatal(err)
	}
	want := "Offer sent.<br>Buyer reviews &lt;b&gt;terms&lt;/b&gt; &amp; price; then a call.<hr>" +
		"<b>Acronym:</b> S3<br><b>Also:</b> Proposal, Stage; Stage\tThree<br>" +
		"<b>Example:</b> &#34;We&#39;re in stage 3,&#34; said Ana.<br><b>Formula:</b> won ÷ sent × 100<br>" +
		"<b>Related:</b> Win Room<br><b>Sources:</b> acme-handbook.pdf"
	if back != want {
		t.Errorf("back\n%s\nwant\n%s", back, want)
	}
}

// Export → Anki → Anki's own "Notes in Plain Text" export → crm101:
// Anki adds GUID, note type and deck columns and moves the tags last;
// the entries must still come back unchanged.
func TestAnkiReExportRoundTrip(t *testing.T) {
	entries := append(append([]Entry{}, builtinT(t).Entries()[:20]...), tricky...)
	var buf bytes.Buffer
	if err := Export(&buf, entries, FormatAnki); err != nil {
		t.Fatal(err)
	}
	p, ps := ParsePack("ours.txt", buf.Bytes(), FormatAnki)
	if ps != nil {
		t.Fatal(ps)
	}
	var anki bytes.Buffer
	anki.WriteString("#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n#deck column:3\n#tags column:6\n")
	w := csv.NewWriter(&anki)
	w.Comma = '\t'
	for i, pe := range p.Entries {
		back, err := ankiBack(*pe.Entry)
		if err != nil {
			t.Fatal(err)
		}
		tags := strings.ReplaceAll(string(pe.Category), " ", "_")
		if pe.BeyondSources {
			tags = ankiBeyondTag + " " + tags // Anki sorts tags
		}
		if err := w.Write([]string{fmt.Sprintf("g%04d", i), "Basic", "crm101", toHTML(pe.Term), back, tags}); err != nil {
			t.Fatal(err)
		}
	}
	w.Flush()
	back, ps := ParsePack("from-anki.txt", anki.Bytes(), FormatAnki)
	if ps != nil {
		t.Fatalf("%v\n%s", ps, anki.String())
	}
	for i, pe := range back.Entries {
		got := *pe.Entry
		got.Pack = ""
		if !reflect.DeepEqual(noEmpty(got), noEmpty(entries[i])) {
			t.Errorf("entry %d changed:\n got %#v\nwant %#v", i, got, entries[i])
		}
	}
}
