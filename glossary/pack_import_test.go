package glossary

import (
	"slices"
	"strings"
	"testing"
)

// Files made elsewhere, as trainers have them, load as Anki would read
// them: each case names what must be detected and what each note becomes.
func TestImportRealFiles(t *testing.T) {
	type note struct {
		term     string
		category Category
		def      string // a prefix of the definition
		tags     []string
	}
	tests := []struct {
		file      string
		opts      ReadOptions
		separator string
		header    int
		notes     []note
		skipped   int
		warnings  []string // prefixes, in order
	}{
		{"anki_notes_guid.txt", ReadOptions{}, "tab", 0, []note{
			{"MEDDICC", "Uncategorised", "A qualification checklist: Metrics, Economic buyer, Decision criteria & process", []string{"Qualification", "acme::sales"}},
			{"Logo churn", Metrics, "Share of customer accounts lost", []string{"Metrics::Retention"}},
			{"Mutual close plan", "Uncategorised", "Dated steps buyer and seller agree on", nil},
			{"CLV:CAC Ratio", Metrics, "Lifetime value over acquisition cost; above 3", nil},
		}, 0, nil},
		{"anki_notes_guid.txt", ReadOptions{Category: "Qualification"}, "tab", 0, []note{
			{"MEDDICC", "Qualification", "A qualification", []string{"acme::sales"}},
			{"Logo churn", Metrics, "Share", []string{"Metrics::Retention"}},
			{"Mutual close plan", "Qualification", "Dated", nil},
			{"CLV:CAC Ratio", Metrics, "Lifetime", nil},
		}, 0, nil},
		{"quizlet_default.txt", ReadOptions{}, "tab", 0, []note{
			{"Cadence", Uncategorised, "A planned sequence of calls, emails and social touches", nil},
			{"Whitespace", Uncategorised, "Products an existing customer", nil},
			{"Land and expand", Uncategorised, "Win a small first deal, then grow", nil},
		}, 0, nil},
		{"quizlet_custom.txt", ReadOptions{Separator: " - ", RowSeparator: ";;"}, " - ", 0, []note{
			{"Cadence", Uncategorised, "A planned sequence of touches.\nOne per working day", nil},
			{"Whitespace", Uncategorised, "Products an existing customer does not yet buy - a sales opportunity.", nil},
			{"Champion", Uncategorised, "Someone inside the buyer who sells for you", nil},
		}, 0, nil},
		{"european_semicolon.csv", ReadOptions{}, "semicolon", 1, []note{
			{"Churn-Quote", Metrics, "Anteil verlorener Kunden pro Monat, z. B. 2,5 %.", nil},
			{"Abschlussquote", Sales, "Gewonnene Deals geteilt durch alle Deals; monatlich.", nil},
			{"CLV:CAC-Verhältnis", Metrics, "Kundenwert", nil},
		}, 0, []string{`column "Notes" is left out`}},
		{"sheets_export.csv", ReadOptions{}, "comma", 1, []note{
			{"Pipeline hygiene", Sales, "Keeping deal stages, amounts and dates current.", []string{"Sales::Ops"}},
			{"#1 Priority", Uncategorised, "The deal the whole team swarms on", nil},
			{"Net Revenue Retention (NRR)", Metrics, "Recurring revenue kept", nil},
			{"Renewal desk", Uncategorised, `The team that handles renewals, "co-terms" and true-ups.`, []string{"CX"}},
		}, 0, nil},
		{"headerless.csv", ReadOptions{}, "comma", 0, []note{
			{"Bookings", Uncategorised, "Value of contracts signed in a period, before revenue", nil},
			{"Sales velocity", Uncategorised, "How fast a pipeline", nil},
			{"SPIN Selling", Uncategorised, "Situation, Problem, Implication, Need-payoff questions.", nil},
		}, 0, nil},
		{"blank_rows.csv", ReadOptions{}, "comma", 1, []note{
			{"Deal desk", Sales, "Approves", nil},
			{"QBR", CustomerExperience, "Quarterly", nil},
			{"Sandbagging", Sales, "Under-forecasting", nil},
		}, 0, nil},
		{"anki_legacy_tags.txt", ReadOptions{}, "tab", 0, []note{
			{"Nurture stream", Marketing, "Automated emails", []string{"legacy"}},
			{"Lead magnet", Marketing, "Free content", []string{"legacy"}},
		}, 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			p, ps := ReadPackWith(packPath(tt.file), tt.opts)
			if ps != nil || p == nil {
				t.Fatalf("problems: %v", ps)
			}
			if p.Layout.Separator != tt.separator || p.Layout.HeaderLine != tt.header {
				t.Errorf("separator %q header line %d, want %q %d", p.Layout.Separator, p.Layout.HeaderLine, tt.separator, tt.header)
			}
			if len(p.Entries) != len(tt.notes) {
				t.Fatalf("%d notes, want %d: %+v", len(p.Entries), len(tt.notes), p.Entries)
			}
			for i, want := range tt.notes {
				e := p.Entries[i]
				if e.Term != want.term || e.Category != want.category || !strings.HasPrefix(e.Definition, want.def) || !slices.Equal(e.Tags, want.tags) || e.bad {
					t.Errorf("note %d: %q %q %q tags %q bad %v\nwant %q %q %q… tags %q", i, e.Term, e.Category, e.Definition, e.Tags, e.bad, want.term, want.category, want.def, want.tags)
				}
			}
			if p.Skipped != tt.skipped {
				t.Errorf("skipped %d, want %d", p.Skipped, tt.skipped)
			}
			if len(p.Warnings) != len(tt.warnings) {
				t.Fatalf("warnings %v, want %q", p.Warnings, tt.warnings)
			}
			for i, w := range tt.warnings {
				if !strings.Contains(p.Warnings[i].Message, w) {
					t.Errorf("warning %v, want %q", p.Warnings[i], w)
				}
			}
		})
	}
}

// Detection beats Anki's first-candidate rule: a colon in the first
// term does not make colon the separator, and quotes are respected.
func TestDetectSeparator(t *testing.T) {
	tests := []struct {
		text string
		kind tableKind
		want string
	}{
		{"CLV:CAC Ratio,Lifetime value over acquisition cost\nChurn,Lost customers\n", tableKind{sep: ","}, ","},
		{"CLV:CAC Ratio\tLifetime value: over cost\nChurn\tLost\n", tableKind{sep: "\t", anki: true}, "\t"},
		{"Term;Definition\n\"A;B\";x, y\nC;\"d;e\"\n", tableKind{sep: ","}, ";"},
		{"a|b|c\nd|e|f\n", tableKind{sep: "\t"}, "|"},
		{"just one column\nanother\n", tableKind{sep: ","}, ","},
	}
	for _, tt := range tests {
		if got, _ := detectSeparator(tt.text, tt.kind); got != tt.want {
			t.Errorf("%q: %q, want %q", tt.text, got, tt.want)
		}
	}
}

// Lenient loading keeps every good note: a missing definition and a
// dangling link are skipped, a duplicate keeps its later row, a clash
// with the built-in glossary keeps the built-in entry and shows the
// pack's beside it; --strict refuses the lot.
func TestLenientLoad(t *testing.T) {
	pack := writePack(t, "acme.csv", "Term,Category,Definition,Related\n"+
		"Lead,Sales,At Acme: anyone who booked a demo.,\n"+
		"Ramp time,Sales,,\n"+
		"Deal room,Sales,First version.,\n"+
		"Deal room,Sales,Second version.,\n"+
		"Win wire,Sales,An email announcing a win.,Nowhere Term\n"+
		"Spiff,Product Sales,A short sales bonus.,Deal room\n")
	base := builtinT(t)
	g, rep, ps := Load(base, []string{pack}, LoadOptions{})
	if g == nil {
		t.Fatalf("no glossary: %v", ps)
	}
	r := rep.Packs[0]
	if r.Loaded != 2 || r.Skipped != 3 || r.Clashed != 1 || r.Replaced != 0 {
		t.Errorf("report %+v", r)
	}
	if len(ps) != 2 || !strings.Contains(ps[0].String(), "acme.csv:3: missing definition") || !strings.Contains(ps[1].String(), `acme.csv:6: related "Nowhere Term" matches no term`) {
		t.Errorf("problems %v", ps)
	}
	if len(rep.Warnings) != 1 || !strings.Contains(rep.Warnings[0].String(), `acme.csv:5: term "Deal room" is also on line 4; the later row is kept`) {
		t.Errorf("warnings %v", rep.Warnings)
	}
	if e, _ := g.Lookup("Deal room"); e.Definition != "Second version." {
		t.Errorf("duplicate: %q", e.Definition)
	}
	i, _ := g.Index("Lead")
	if e := g.At(i); e.Pack != "" {
		t.Errorf("on-clash keep replaced the built-in Lead: %+v", e)
	}
	vs := g.PackVersions(i)
	if len(vs) != 1 || vs[0].Definition != "At Acme: anyone who booked a demo." || vs[0].VersionLabel() != "Acme's definition" {
		t.Errorf("pack versions %+v", vs)
	}
	if cats := g.Categories(); !slices.Equal(cats, append(Categories(), "Product Sales")) {
		t.Errorf("categories %q", cats)
	}
	if g, _, _ := Load(base, []string{pack}, LoadOptions{Strict: true}); g != nil {
		t.Error("--strict loaded a pack with problems")
	}
	g, rep, _ = Load(base, []string{pack}, LoadOptions{ReadOptions: ReadOptions{OnClash: ClashReplace}})
	if e, _ := g.Lookup("Lead"); e.Pack != "acme.csv" || rep.Packs[0].Replaced != 1 {
		t.Errorf("on-clash replace: %+v %+v", e, rep.Packs[0])
	}
	if g, _, ps := Load(base, []string{pack}, LoadOptions{ReadOptions: ReadOptions{OnClash: ClashError}}); g != nil || !strings.Contains(ps.Error(), `term "Lead" is already defined by built-in`) {
		t.Errorf("on-clash error: %v", ps)
	}
	header := writePack(t, "hdr.csv", "#on-clash:replace\n#category:Acme\nTerm,Definition\nLead,Ours.\nStage zero,Before discovery.\n")
	g, _, ps = Load(base, []string{header}, LoadOptions{})
	if e, _ := g.Lookup("Lead"); ps != nil || e.Pack != "hdr.csv" || e.Category != "Acme" {
		t.Errorf("#on-clash and #category headers: %+v %v", e, ps)
	}
}
