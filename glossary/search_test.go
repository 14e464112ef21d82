package glossary

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// searchFixture mirrors real crm101 terms, so the ranking table reads
// like what a trainee types.
func searchFixture(t testing.TB) *Glossary {
	t.Helper()
	e := func(term, acronym, def string, aliases ...string) Entry {
		return Entry{Term: term, Acronym: acronym, Aliases: aliases, Category: Sales, Definition: def}
	}
	g, err := New([]Entry{
		e("Customer Lifetime Value", "CLV", "Revenue a customer brings over the whole relationship.", "Lifetime Value"),
		e("Customer Acquisition Cost", "CAC", "What it costs on average to win one new customer."),
		e("Churn Rate", "", "Share of customers who stop buying in a period.", "Customer Churn"),
		e("Sales Qualified Lead", "SQL", "A prospect sales has vetted as ready for a direct pitch."),
		e("Marketing Qualified Lead", "MQL", "A prospect engaged enough for marketing to pass on."),
		e("Sales Funnel", "", "The stages a buyer moves through, from first touch to purchase."),
		e("Lead Scoring", "", "Ranking prospects by how likely they are to buy."),
		e("Deal Scoring", "", "Ranking open deals by how likely they are to close."),
		e("Lead", "", "Someone who has shown interest in what you sell."),
		e("Net Promoter Score", "NPS", "How likely customers are to recommend you, from -100 to 100."),
		e("Customer Relationship Management", "CRM", "Software and practice for managing every customer interaction."),
		e("CRM Analytics", "", "Reports that turn the data in your CRM into decisions."),
		e("CRM Integration", "", "Connecting the CRM with the other tools a team uses."),
		e("Return on Sales", "ROS", "Operating profit ÷ revenue, as a share."),
		e("Pipeline", "", "Every open deal, by stage, with its value and odds of closing."),
		e("Average Revenue per User", "ARPU", "Revenue ÷ number of users in a period."),
		e("Öffnungsrate", "", "Open rate of emails – the share of recipients who open."),
		e("Upselling", "", "Selling a pricier version of what the customer already buys."),
	})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func terms(g *Glossary, ms []Match) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = g.At(m.Index).Term
	}
	return out
}

// Ranking users expect: whole names first, then name prefixes, then
// word starts, then fuzzy, then definitions.
func TestSearchRanking(t *testing.T) {
	g := searchFixture(t)
	tests := []struct {
		query string
		first []string    // the leading results, in order
		kinds []MatchKind // kinds of those leading results
	}{
		{"clv", []string{"Customer Lifetime Value"}, []MatchKind{Exact}},
		{"CLV", []string{"Customer Lifetime Value"}, []MatchKind{Exact}},
		{"  sql  ", []string{"Sales Qualified Lead"}, []MatchKind{Exact}},
		{"lead", []string{"Lead", "Lead Scoring", "Sales Qualified Lead", "Marketing Qualified Lead"}, []MatchKind{Exact, WholeWord, WholeWord, WholeWord}},
		{"crm", []string{"Customer Relationship Management", "CRM Analytics", "CRM Integration"}, []MatchKind{Exact, WholeWord, WholeWord}},
		{"churn", []string{"Churn Rate"}, []MatchKind{WholeWord}},
		{"customer churn", []string{"Churn Rate"}, []MatchKind{Exact}},
		{"funnel", []string{"Sales Funnel"}, []MatchKind{WholeWord}},
		{"scoring", []string{"Deal Scoring", "Lead Scoring"}, []MatchKind{WholeWord, WholeWord}},
		{"scor", []string{"Deal Scoring", "Lead Scoring"}, []MatchKind{WordStart, WordStart}},
		{"lifetime value", []string{"Customer Lifetime Value"}, []MatchKind{Exact}},
		{"cust life", []string{"Customer Lifetime Value"}, []MatchKind{Fuzzy}},
		{"nps", []string{"Net Promoter Score"}, []MatchKind{Exact}},
		{"öffnung", []string{"Öffnungsrate"}, []MatchKind{Prefix}},
		{"ÖFFNUNGSRATE", []string{"Öffnungsrate"}, []MatchKind{Exact}},
		{"recommend", []string{"Net Promoter Score"}, []MatchKind{InDefinition}},
		{"pipe", []string{"Pipeline"}, []MatchKind{Prefix}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			r := g.Search(tt.query)
			got := terms(g, r.Matches)
			if len(got) < len(tt.first) || !reflect.DeepEqual(got[:len(tt.first)], tt.first) {
				t.Fatalf("Search(%q) = %v, want to start with %v", tt.query, got, tt.first)
			}
			for i, k := range tt.kinds {
				if r.Matches[i].Kind != k {
					t.Errorf("Search(%q)[%d] kind = %v, want %v", tt.query, i, r.Matches[i].Kind, k)
				}
			}
		})
	}
}

// A name hit always outranks a definition hit, whatever the scores.
func TestSearchDefinitionBelowNames(t *testing.T) {
	g := searchFixture(t)
	r := g.Search("revenue")
	sawDef := false
	for _, m := range r.Matches {
		if m.Kind == InDefinition {
			sawDef = true
			if m.Name != "" || m.Positions != nil {
				t.Errorf("definition hit %+v carries a name or positions", m)
			}
		} else if sawDef {
			t.Errorf("name hit %q after a definition hit", m.Name)
		}
	}
	if !sawDef {
		t.Fatal(`"revenue" found no definition hits`)
	}
	if terms(g, r.Matches)[0] != "Average Revenue per User" {
		t.Errorf(`"revenue" starts with %q, want Average Revenue per User`, terms(g, r.Matches)[0])
	}
	// Two letters are in too many definitions to be worth listing.
	for _, m := range g.Search("ra").Matches {
		if m.Kind == InDefinition {
			t.Errorf(`"ra" listed definition hit %q`, g.At(m.Index).Term)
		}
	}
}

func TestSearchPositions(t *testing.T) {
	g := searchFixture(t)
	tests := []struct {
		query, name string
		want        []int
	}{
		{"clv", "CLV", []int{0, 1, 2}},
		{"crm an", "CRM Analytics", []int{0, 1, 2, 3, 4, 5}},
		{"funnel", "Sales Funnel", []int{6, 7, 8, 9, 10, 11}},
		{"öff", "Öffnungsrate", []int{0, 1, 2}},
		{"rate", "Öffnungsrate", nil}, // mid-word: fuzzy, checked below
	}
	for _, tt := range tests {
		r := g.Search(tt.query)
		var m *Match
		for i := range r.Matches {
			if r.Matches[i].Name == tt.name {
				m = &r.Matches[i]
			}
		}
		if m == nil {
			t.Errorf("Search(%q): no match on %q in %+v", tt.query, tt.name, r.Matches)
			continue
		}
		if tt.want != nil && !reflect.DeepEqual(m.Positions, tt.want) {
			t.Errorf("Search(%q) on %q: positions %v, want %v", tt.query, tt.name, m.Positions, tt.want)
		}
		checkPositions(t, tt.query, *m)
	}
	// "cust life" highlights c,u,s,t then " life" of Customer Lifetime Value.
	r := g.Search("cust life")
	if m := r.Matches[0]; m.Name != "Customer Lifetime Value" || !reflect.DeepEqual(m.Positions, []int{0, 1, 2, 3, 8, 9, 10, 11, 12}) {
		t.Errorf(`"cust life" first match %q at %v`, m.Name, m.Positions)
	}
}

// checkPositions verifies that a hit's positions are ascending, inside
// Name, and spell the query there (ignoring case).
func checkPositions(t testing.TB, q string, m Match) {
	t.Helper()
	if m.Kind == InDefinition || m.Kind == Listed {
		if len(m.Positions) != 0 {
			t.Errorf("%v hit has positions %v", m.Kind, m.Positions)
		}
		return
	}
	name := []rune(m.Name)
	qr := []rune(Key(q))
	if len(m.Positions) != len(qr) {
		t.Errorf("query %q on %q: %d positions %v for %d runes", q, m.Name, len(m.Positions), m.Positions, len(qr))
		return
	}
	for i, p := range m.Positions {
		if p < 0 || p >= len(name) || (i > 0 && p <= m.Positions[i-1]) {
			t.Errorf("query %q on %q: bad positions %v", q, m.Name, m.Positions)
			return
		}
		if m.Kind != Fuzzy && lower(string(name[p])) != string(qr[i]) {
			t.Errorf("query %q on %q: position %d is %q, want %q", q, m.Name, p, name[p], qr[i])
		}
	}
}

func TestSearchEmptyListsAll(t *testing.T) {
	g := searchFixture(t)
	for _, q := range []string{"", "   ", "\t\n"} {
		r := g.Search(q)
		if len(r.Matches) != g.Len() {
			t.Fatalf("Search(%q) gave %d matches, want all %d", q, len(r.Matches), g.Len())
		}
		for i, m := range r.Matches {
			if m.Index != i || m.Kind != Listed || m.Name != g.At(i).Term {
				t.Fatalf("Search(%q)[%d] = %+v, want entry %d listed", q, i, m, i)
			}
		}
	}
}

func TestSearchOncePerEntry(t *testing.T) {
	g := searchFixture(t)
	for _, q := range []string{"c", "customer", "lead", "crm", "a", "e", "sales"} {
		seen := map[int]bool{}
		for _, m := range g.Search(q).Matches {
			if seen[m.Index] {
				t.Errorf("Search(%q) lists %q twice", q, g.At(m.Index).Term)
			}
			seen[m.Index] = true
		}
	}
}

func TestSearchWeirdInput(t *testing.T) {
	g := searchFixture(t)
	for _, q := range []string{
		"!!!", "%%%", "🙂", "🙂🙂🙂", "÷", "–", "\x00", "a\x00b", "\xff\xfe", "İ",
		strings.Repeat("x", 10_000), strings.Repeat("customer ", 2000), strings.Repeat("🙂", 5000),
	} {
		r := g.Search(q)
		for _, m := range r.Matches {
			checkPositions(t, q, m)
		}
		if got := r.Refine(g, q+"z").Matches; !reflect.DeepEqual(got, g.Search(q+"z").Matches) {
			t.Errorf("Refine(%.20q) differs from Search", q+"z")
		}
	}
	if n := len(g.Search(strings.Repeat("x", 10_000)).Matches); n != 0 {
		t.Errorf("10,000 x's matched %d entries", n)
	}
}

// randomQuery draws queries that look like typing: pieces of real names
// and definitions, typos, spaces and odd runes.
func randomQuery(rng *rand.Rand, g *Glossary) string {
	e := g.At(rng.IntN(g.Len()))
	var src []rune
	switch rng.IntN(4) {
	case 0:
		src = []rune(e.Definition)
	case 1:
		names := e.Names()
		src = []rune(names[rng.IntN(len(names))])
	case 2:
		src = []rune("abcdefghijklmnopqrstuvwxyz  -÷öİ🙂")
		out := make([]rune, 1+rng.IntN(6))
		for i := range out {
			out[i] = src[rng.IntN(len(src))]
		}
		return string(out)
	default:
		src = []rune(e.Term)
	}
	start := rng.IntN(len(src))
	end := min(len(src), start+1+rng.IntN(12))
	q := []rune(strings.ToUpper(string(src[start:end])))
	if rng.IntN(3) == 0 && len(q) > 1 { // a typo
		i := rng.IntN(len(q) - 1)
		q[i], q[i+1] = q[i+1], q[i]
	}
	return string(q)
}

// Refine must answer exactly as a fresh Search, at every keystroke of
// every query, including after backspacing.
func TestRefineEqualsSearch(t *testing.T) {
	for _, g := range []*Glossary{searchFixture(t), synthetic(t, 1500, 7)} {
		rng := rand.New(rand.NewPCG(1, 2))
		for range 200 {
			q := []rune(randomQuery(rng, g))
			r := g.Search("")
			for i := 1; i <= len(q); i++ {
				r = r.Refine(g, string(q[:i]))
				checkSame(t, g, string(q[:i]), r)
			}
			for i := len(q) - 1; i >= 0; i-- { // backspace
				r = r.Refine(g, string(q[:i]))
				checkSame(t, g, string(q[:i]), r)
			}
		}
	}
}

func checkSame(t testing.TB, g *Glossary, q string, r Result) {
	t.Helper()
	want := g.Search(q)
	if !slices.IsSortedFunc(want.Matches, better) {
		t.Fatalf("Search(%q) is not in rank order: %s", q, brief(g, want.Matches))
	}
	if r.Query != want.Query || !reflect.DeepEqual(r.Matches, want.Matches) {
		t.Fatalf("Refine to %q: %d matches %s, Search: %d matches %s",
			q, len(r.Matches), brief(g, r.Matches), len(want.Matches), brief(g, want.Matches))
	}
}

func brief(g *Glossary, ms []Match) string {
	var b strings.Builder
	for i, m := range ms {
		if i == 5 {
			b.WriteString("…")
			break
		}
		fmt.Fprintf(&b, "[%s %v %d] ", g.At(m.Index).Term, m.Kind, m.Score)
	}
	return b.String()
}

// A big deck is searched in parallel chunks; merging them must give the
// serial order exactly. The chunks here are cut by hand, so the test
// does not depend on how many processors run it.
func TestChunksEqualSerial(t *testing.T) {
	g := synthetic(t, 2000, 11)
	ix := g.search()
	for _, q := range []string{"c", "churn", "cust val", "rate", "qqqq", "value", "e"} {
		nq := Key(q)
		wantM, wantC := merge(ix, nq, []part{scan(ix, nq, ix.all)})
		var parts []part
		for _, c := range [][]int32{ix.all[:1], ix.all[1:700], ix.all[700:1500], ix.all[1500:]} {
			parts = append(parts, scan(ix, nq, c))
		}
		gotM, gotC := merge(ix, nq, parts)
		if !reflect.DeepEqual(gotM, wantM) || !reflect.DeepEqual(gotC, wantC) {
			t.Errorf("%q: chunked result differs from serial scan", q)
		}
		if got := g.Search(q); !reflect.DeepEqual(got.Matches, wantM) {
			t.Errorf("%q: Search differs from serial scan", q)
		}
	}
}

func TestRefineOtherGlossary(t *testing.T) {
	a, b := searchFixture(t), synthetic(t, 200, 3)
	r := a.Search("c").Refine(b, "ch")
	checkSame(t, b, "ch", r)
	var zero Result
	checkSame(t, a, "lead", zero.Refine(a, "lead"))
}

func TestSearchBuiltin(t *testing.T) {
	g, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		query string
		first []string
	}{
		{"clv", []string{"Customer Lifetime Value"}},
		{"cac", []string{"Customer Acquisition Cost"}},
		{"sql", []string{"Sales Qualified Lead"}},
		{"nps", []string{"Net Promoter Score"}},
		{"lead", []string{"Lead", "Lead Scoring"}}, // then longer "Lead …" names
		{"crm", []string{"Customer Relationship Management", "Agile CRM", "Adaptive CRM", "Flexible CRM", "CRM Analytics"}}, // whole words, shortest first
		{"churn", []string{"Churn Rate", "Revenue Churn Rate"}},
		{"funnel", []string{"Sales Funnel", "Funnel Analysis"}},
		// A whole word beats the prefix of a longer word.
		{"persona", []string{"Customer Persona", "Personalization"}},
		// Headwords with the whole word, shortest first, before a match
		// through an alias (Opportunity Stage's Sales Stage).
		{"sales", []string{"Sales Demo", "Sales Funnel", "Sales Channel"}},
		// Every word of the query in the entry counts as a definition match.
		{"content marketing", []string{"Inbound Marketing"}},
		{"lifetime", []string{"Customer Lifetime Value"}},
	} {
		got := terms(g, g.Search(tt.query).Matches)
		if len(got) < len(tt.first) || !reflect.DeepEqual(got[:len(tt.first)], tt.first) {
			t.Errorf("built-in Search(%q) = %v, want it to start with %v", tt.query, got, tt.first)
		}
	}
	// Deal Scoring and Lead Scoring both have "scoring" as a whole word,
	// ahead of anything fuzzier.
	if got := terms(g, g.Search("scoring").Matches); len(got) < 2 || !reflect.DeepEqual(got[:2], []string{"Deal Scoring", "Lead Scoring"}) {
		t.Errorf(`built-in Search("scoring") = %v`, got)
	}
	sales := g.Search("sales").Matches
	stage := slices.IndexFunc(sales, func(m Match) bool { return g.At(m.Index).Term == "Opportunity Stage" })
	for i, m := range sales {
		if m.Kind == WholeWord && i > stage && m.Name == g.At(m.Index).Term {
			t.Errorf(`built-in Search("sales"): headword %q after Opportunity Stage (alias Sales Stage)`, m.Name)
		}
	}
	for _, e := range g.Entries() {
		for _, n := range e.Names() {
			if r := g.Search(n); len(r.Matches) == 0 || r.Matches[0].Kind != Exact || g.At(r.Matches[0].Index).Term != e.Term {
				t.Errorf("built-in Search(%q) does not put %q first as exact", n, e.Term)
			}
		}
	}
}

// When the term and an alias meet the query the same way, the list
// shows the term, not a shorter alias.
func TestSearchPrefersTermOverAliasOfSameKind(t *testing.T) {
	g, err := New([]Entry{{
		Term: "Lead-to-Customer Conversion Rate", Aliases: []string{"Lead-to-Close Rate"},
		Category: Metrics, Definition: "Share of leads that become customers.",
	}})
	if err != nil {
		t.Fatal(err)
	}
	ms := g.Search("lead").Matches
	if len(ms) != 1 || ms[0].Name != "Lead-to-Customer Conversion Rate" || ms[0].Kind != WholeWord {
		t.Fatalf("matches = %+v, want the term as a whole-word match", ms)
	}
	ms = g.Search("lea").Matches
	if len(ms) != 1 || ms[0].Name != "Lead-to-Customer Conversion Rate" || ms[0].Kind != Prefix {
		t.Fatalf("matches = %+v, want the term as a prefix match", ms)
	}
	// An alias still wins when it meets the query better than the term.
	ms = g.Search("lead-to-close rate").Matches
	if len(ms) != 1 || ms[0].Name != "Lead-to-Close Rate" || ms[0].Kind != Exact {
		t.Fatalf("matches = %+v, want the alias as an exact match", ms)
	}
}

// Among fuzzy hits too the term is shown, though a short alias scores
// higher; both the library path and the one-rune path keep to this.
func TestSearchPrefersTermAmongFuzzyHits(t *testing.T) {
	g, err := New([]Entry{{
		Term: "Acquisition Squad Velocity Index", Aliases: []string{"ASVI", "Aqvi"},
		Category: Metrics, Definition: "How fast a team closes.",
	}})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"q", "qvi", "svi"} {
		ms := g.Search(q).Matches
		if len(ms) != 1 || ms[0].Kind != Fuzzy || ms[0].Name != "Acquisition Squad Velocity Index" {
			t.Errorf("Search(%q) = %+v, want the term as a fuzzy hit", q, ms)
		}
	}
}

// The UI searches on background goroutines while the user types; the
// lazily built tables must be safe to race for (run with -race).
func TestSearchConcurrent(t *testing.T) {
	g := synthetic(t, 2*minChunk+10, 13) // big enough to split into chunks
	want := g.Search("churn")
	done := make(chan Result)
	for _, q := range []string{"c", "ch", "churn", "chrun", "value"} {
		go func() {
			g.Search(q).Refine(g, q+"n")
			g.Suggest(q, 3)
			done <- g.Search("chur").Refine(g, "churn")
		}()
	}
	for range 5 {
		if got := <-done; !reflect.DeepEqual(got.Matches, want.Matches) {
			t.Error("a concurrent search gave a different answer")
		}
	}
}

// Every entry whose definition contains a query of three or more runes
// is found (by a name or by that definition), and every definition hit
// is real — the query in the definition, or each of its words, all of
// three runes or more, in the entry: the skipping done for speed loses
// nothing.
func TestSearchFindsEveryDefinition(t *testing.T) {
	g := synthetic(t, 3000, 17)
	for _, q := range []string{"churn", "each deal", "rev", "ount", "team.", "zzz", "s w", "the a of"} {
		r := g.Search(q)
		found := map[int]Match{}
		for _, m := range r.Matches {
			found[m.Index] = m
		}
		for i, e := range g.Entries() {
			has := strings.Contains(lower(e.Definition), q)
			m, ok := found[i]
			if has && !ok {
				t.Errorf("%q: %q has it in its definition but was not found", q, e.Term)
			}
			if ok && m.Kind == InDefinition && !has && !everyWord(e, q) {
				t.Errorf("%q: %q listed as a definition hit without one", q, e.Term)
			}
		}
	}
}

// everyWord reports whether each word of q, all of minAllWord runes or
// more, is in one of e's names or its definition.
func everyWord(e Entry, q string) bool {
	text := lower(strings.Join(append(e.Names(), e.Definition), "\x00"))
	words := strings.Fields(q)
	for _, w := range words {
		if len([]rune(w)) < minAllWord || !strings.Contains(text, w) {
			return false
		}
	}
	return len(words) > 1
}
