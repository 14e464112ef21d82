package glossary

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func builtinT(t testing.TB) *Glossary {
	t.Helper()
	g, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func packPath(name string) string { return filepath.Join("testdata", "packs", name) }

// Good packs of every format layer over the built-in glossary and bring
// their terms, each marked with its pack.
func TestLoadGoodPacks(t *testing.T) {
	tests := []struct {
		file       string
		terms      []string
		overridden int
	}{
		{"good.yaml", []string{"Churn Rate", "SPICED", "Stage 3 – Proposal"}, 1},
		{"good.json", []string{"Champion", "Mutual Action Plan"}, 0},
		{"good.csv", []string{"Deal", "Land and Expand", "Quote-to-Cash"}, 1},
		{"good.tsv", []string{"Logo Retention", "Win Room"}, 0},
		{"good.txt", []string{"Bookings", "Deal Desk"}, 0},
		{"anki_export.txt", []string{"Champion Letter", "Paper Process"}, 0},
	}
	base := builtinT(t)
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			g, sum, ps := LoadPacks(base, []string{packPath(tt.file)})
			if ps != nil {
				t.Fatalf("problems:\n%v", ps)
			}
			var got []string
			for _, e := range g.Entries() {
				if e.Pack != "" {
					if e.Pack != tt.file {
						t.Errorf("%s: pack %q, want %q", e.Term, e.Pack, tt.file)
					}
					got = append(got, e.Term)
				}
			}
			if !slices.Equal(got, tt.terms) {
				t.Errorf("pack terms %q, want %q", got, tt.terms)
			}
			if want := base.Len() + len(tt.terms) - tt.overridden; g.Len() != want {
				t.Errorf("merged glossary has %d entries, want %d", g.Len(), want)
			}
			if sum != (PackSummary{Files: 1, Entries: len(tt.terms), Overridden: tt.overridden}) {
				t.Errorf("summary %+v", sum)
			}
			if err := Validate(g.Entries()); err != nil {
				t.Errorf("merged glossary is invalid: %v", err)
			}
		})
	}
}

// What each format makes of its fields: HTML stripped from Anki, lists
// split on ';', categories matched whatever their case.
func TestPackFieldDetails(t *testing.T) {
	g, _, ps := LoadPacks(builtinT(t), []string{packPath("good.yaml"), packPath("good.csv"), packPath("good.txt"), packPath("anki_export.txt")})
	if ps != nil {
		t.Fatal(ps)
	}
	get := func(term string) Entry {
		e, ok := g.Lookup(term)
		if !ok {
			t.Fatalf("%q not found", term)
		}
		return e
	}
	if e := get("Churn Rate"); e.Pack != "good.yaml" || !strings.HasPrefix(e.Definition, "At Acme") {
		t.Errorf("override did not replace the built-in Churn Rate: %+v", e)
	}
	if e := get("Stage 3 – Proposal"); e.Category != Sales {
		t.Errorf("category %q, want Sales", e.Category)
	}
	if e := get("Land & Expand"); !slices.Equal(e.Aliases, []string{"Land & Expand", "Land-and-Expand"}) || !slices.Equal(e.Related, []string{"Cross-Selling", "Upselling"}) {
		t.Errorf("lists: %+v", e)
	}
	if e := get("Q2C"); e.Definition != `The process from price quote to collected payment, "Q2C" for short.` {
		t.Errorf("quoted CSV cell: %q", e.Definition)
	}
	e := get("Bookings")
	if e.Definition != "Value of contracts signed in a period, before revenue is recognised." ||
		e.Example != "Q3 bookings were £1.2m." || !slices.Equal(e.Related, []string{"Annual Recurring Revenue"}) || e.Category != Metrics {
		t.Errorf("Anki back not split into fields: %+v", e)
	}
	if e := get("Deal Desk"); e.Definition != "A team that approves non-standard pricing & terms." || e.Category != Sales {
		t.Errorf("Anki HTML not stripped: %+v", e)
	}
	if e := get("Paper Process"); e.Definition != "Steps the buyers legal and procurement teams need;\nask early." {
		t.Errorf("Anki export columns: %q", e.Definition)
	}
	if e := get("Champion Letter"); e.Definition != "A note from the champion that confirms the business case." {
		t.Errorf("Anki export columns: %q", e.Definition)
	}
}

// Broken packs: every problem in one run, located, and no glossary.
func TestLoadBrokenPacks(t *testing.T) {
	tests := []struct {
		file string
		want []string
	}{
		{"broken.csv", []string{
			`broken.csv:1: columns "defintion" and "colour" are left out (did you mean "definition"?); crm101 reads term (Front, Question, Word), definition (Back, Answer, Meaning), tags and its own fields`,
			`broken.csv:2: missing definition for "Ramp Time"`,
			`broken.csv:3: missing term`,
			`broken.csv:5: missing definition for "Too"`,
		}},
		{"broken.yaml", []string{
			`broken.yaml:3: unknown field "defintion" (did you mean "definition"?)`,
			`broken.yaml:7: related "Churn Rat" matches no term; did you mean "Churn Rate"?`,
			`broken.yaml:7: category "Salse" is not built in, so it is the pack's own; did you mean "Sales"?`,
			`broken.yaml:7: alias "CRM" is already a name of "Customer Relationship Management" (built-in); left out of "Pipeline Review"`,
			`broken.yaml:12: "Nothing Here" overrides nothing: no earlier entry has that name (remove the override)`,
		}},
		{"broken.json", []string{
			`broken.json:2: unknown field "colour"`,
			`broken.json:3: JSON: cannot unmarshal number into Go struct field fileEntry.definition of type string`,
			`broken.json:4: related "Alpah" matches no term`,
		}},
		{"broken.txt", []string{
			`broken.txt: with no header row, columns are term, definition and tags; column 4 left out`,
			`broken.txt:2: unknown header "#colour:blue", read as a comment`,
			`broken.txt:3: missing definition for "Just a front"`,
		}},
		{"badutf8.csv", []string{`badutf8.csv:2: bad encoding: not valid UTF-8 (save the file as UTF-8)`}},
		{"empty.csv", []string{`empty.csv:1: empty file: no terms`}},
		{"header_only.csv", []string{`header_only.csv:1: empty file: no terms`}},
	}
	base := builtinT(t)
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			g, _, ps := LoadPacks(base, []string{packPath(tt.file)})
			if g != nil {
				t.Error("a broken pack still gave a glossary")
			}
			var got []string
			for _, p := range ps {
				got = append(got, strings.TrimPrefix(p.String(), filepath.Join("testdata", "packs")+string(filepath.Separator)))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func writePack(t testing.TB, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// Clashes between packs name both places; an override replaces an
// earlier pack's entry too; a later pack sees an earlier pack's terms.
func TestLayerAcrossPacks(t *testing.T) {
	a := writePack(t, "a.csv", "term,category,definition,aliases\nSPICED,Sales,Qualification checklist.,M6\n")
	b := writePack(t, "b.yaml", "- term: Champion\n  category: Sales\n  definition: Inside seller.\n  aliases: [M6]\n  related: [spiced]\n")
	_, _, ps := LoadPacks(builtinT(t), []string{a, b})
	if len(ps) != 1 || ps[0].Line != 1 || !strings.Contains(ps[0].Message, `alias "M6" is already a name of "SPICED" (`+a+`:2)`) {
		t.Fatalf("problems: %v", ps)
	}
	c := writePack(t, "c.yaml", "- term: spiced\n  override: true\n  category: Sales\n  definition: Replaced.\n")
	g, sum, ps := LoadPacks(nil, []string{a, c})
	if ps != nil {
		t.Fatal(ps)
	}
	if e, _ := g.Lookup("SPICED"); e.Definition != "Replaced." || e.Pack != "c.yaml" || g.Len() != 1 || sum.Overridden != 1 {
		t.Errorf("override of a pack entry: %+v (%d entries)", e, g.Len())
	}
	if _, ok := g.Lookup("M6"); ok {
		t.Error("the overridden entry's alias survived")
	}
	same := writePack(t, "a.csv", "term,category,definition\nOther,Sales,Other.\n")
	if _, _, ps := LoadPacks(nil, []string{a, same}); len(ps) != 1 || !strings.Contains(ps[0].Message, "pack name \"a.csv\" is also the name of") {
		t.Errorf("two packs with one name: %v", ps)
	}
}

// The order of --deck flags changes neither entries nor progress keys.
func TestPackOrderKeepsDecks(t *testing.T) {
	a, b := packPath("good.json"), packPath("good.tsv")
	g1, _, ps1 := LoadPacks(builtinT(t), []string{a, b})
	g2, _, ps2 := LoadPacks(builtinT(t), []string{b, a})
	if ps1 != nil || ps2 != nil {
		t.Fatal(ps1, ps2)
	}
	if !slices.EqualFunc(g1.Entries(), g2.Entries(), func(x, y Entry) bool { return x.Deck() == y.Deck() && x.Term == y.Term }) {
		t.Error("reordering packs changed the glossary or its decks")
	}
	e, _ := g1.Lookup("Win Room")
	if e.Deck() != "pack:good.tsv" || e.PackName() != "good.tsv" {
		t.Errorf("deck %q, pack %q", e.Deck(), e.PackName())
	}
	b0, _ := g1.Lookup("Lead")
	if b0.Deck() != BuiltinDeck || b0.PackName() != BuiltinPack {
		t.Errorf("built-in deck %q, pack %q", b0.Deck(), b0.PackName())
	}
}

// --only-decks: the packs alone, so built-in names are free and related
// references to built-in terms no longer resolve.
func TestPacksAlone(t *testing.T) {
	g, _, ps := LoadPacks(nil, []string{packPath("good.tsv")})
	if ps != nil {
		t.Fatal(ps)
	}
	if g.Len() != 2 {
		t.Errorf("%d entries, want 2", g.Len())
	}
	_, _, ps = LoadPacks(nil, []string{packPath("good.yaml")})
	if len(ps) == 0 || !strings.Contains(ps.Error(), `"Churn Rate" overrides nothing`) || !strings.Contains(ps.Error(), `related "Deal" matches no term`) {
		t.Errorf("problems: %v", ps)
	}
}

// Hostile files are refused with a message, never read whole.
func TestHostilePacks(t *testing.T) {
	long := writePack(t, "long.csv", "term,category,definition\nX,Sales,"+strings.Repeat("a", MaxLineBytes+1)+"\n")
	_, _, ps := LoadPacks(nil, []string{long})
	if len(ps) != 1 || ps[0].Line != 2 || !strings.Contains(ps[0].Message, "lines longer than 1.0 MiB are refused") {
		t.Errorf("long line: %v", ps)
	}
	big := filepath.Join(t.TempDir(), "big.csv")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(MaxPackBytes + 1); err != nil { // sparse: no disk used
		t.Fatal(err)
	}
	f.Close()
	_, _, ps = LoadPacks(nil, []string{big})
	if len(ps) != 1 || !strings.Contains(ps[0].Message, "packs larger than 64.0 MiB are refused") {
		t.Errorf("big file: %v", ps)
	}
	utf16 := writePack(t, "u.csv", "\xff\xfet\x00e\x00")
	if _, _, ps = LoadPacks(nil, []string{utf16}); len(ps) != 1 || !strings.Contains(ps[0].Message, "UTF-16") {
		t.Errorf("UTF-16: %v", ps)
	}
	binary := writePack(t, "bin.csv", strings.Repeat("\xff\n", 500))
	if _, _, ps = LoadPacks(nil, []string{binary}); len(ps) != maxFileProblems+1 || !strings.Contains(ps[len(ps)-1].Message, "more problems not shown") {
		t.Errorf("binary file gave %d problems", len(ps))
	}
	if _, _, ps = LoadPacks(nil, []string{filepath.Join(t.TempDir(), "missing.csv")}); len(ps) != 1 || !strings.Contains(ps[0].Message, "cannot open") {
		t.Errorf("missing file: %v", ps)
	}
	if _, _, ps = LoadPacks(nil, []string{writePack(t, "deck.md", "# terms")}); len(ps) != 1 || !strings.Contains(ps[0].Message, "cannot tell the pack format") {
		t.Errorf("unknown format: %v", ps)
	}
}

// A BOM from a spreadsheet and CRLF line ends are fine.
func TestCSVFromSpreadsheet(t *testing.T) {
	p := writePack(t, "excel.csv", "\ufeffTerm,Category,Definition,Beyond Sources\r\nPipeline Hygiene,Sales,Keeping deal data current.,yes\r\n")
	g, _, ps := LoadPacks(nil, []string{p})
	if ps != nil {
		t.Fatal(ps)
	}
	if e := g.At(0); e.Term != "Pipeline Hygiene" || e.Definition != "Keeping deal data current." || !e.BeyondSources {
		t.Errorf("%+v", e)
	}
	bad := writePack(t, "bad.csv", "term,category,definition,override\nX,Sales,Y.,perhaps\n")
	if _, _, ps := LoadPacks(nil, []string{bad}); len(ps) != 1 || ps[0].Message != `override is "perhaps", want true or false` {
		t.Errorf("%v", ps)
	}
}

// An override replaces the entry of the same term only: "CRM" is the
// acronym of Customer Relationship Management, so overriding "CRM" must
// not silently drop that entry.
func TestOverrideByAcronymIsRefused(t *testing.T) {
	p := writePack(t, "crm.yaml", "- term: CRM\n  override: true\n  category: Data & Technology\n  definition: Our CRM tool.\n")
	_, _, ps := LoadPacks(builtinT(t), []string{p})
	if len(ps) == 0 || !strings.Contains(ps.Error(), `"CRM" is a name of "Customer Relationship Management", not its term`) {
		t.Fatalf("problems: %v", ps)
	}
}
