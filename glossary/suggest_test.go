package glossary

import (
	"strings"
	"testing"
)

func TestSuggest(t *testing.T) {
	g := searchFixture(t)
	tests := []struct {
		query string
		want  string // the first suggestion's term; "" for none
	}{
		{"chrun", "Churn Rate"},
		{"CHRUN", "Churn Rate"},
		{"churn rtae", "Churn Rate"},
		{"custmer lifetime", "Customer Lifetime Value"},
		{"customer lifetime valeu", "Customer Lifetime Value"},
		{"nsp", "Net Promoter Score"},
		{"funel", "Sales Funnel"},
		{"pipelin", "Pipeline"},
		{"salse qualified lead", "Sales Qualified Lead"},
		{"upseling", "Upselling"},
		{"offnungsrate", "Öffnungsrate"},
		{"xyzzy", ""},
		{"ab", ""}, // too short to guess at
		{"", ""},
		{"   ", ""},
		{"🙂🙂🙂", ""},
		{strings.Repeat("x", 10_000), ""},
	}
	for _, tt := range tests {
		got := g.Suggest(tt.query, 3)
		switch {
		case tt.want == "" && len(got) != 0:
			t.Errorf("Suggest(%.20q) = %v, want nothing", tt.query, termsOf(g, got))
		case tt.want != "" && (len(got) == 0 || g.At(got[0]).Term != tt.want):
			t.Errorf("Suggest(%q) = %v, want %q first", tt.query, termsOf(g, got), tt.want)
		}
	}
}

func TestSuggestLimitAndUnique(t *testing.T) {
	g := searchFixture(t)
	// "scorng" is one edit from "scoring" (Deal Scoring, Lead Scoring),
	// two from "score" (Net Promoter Score): nearer first, then term order.
	got := g.Suggest("scorng", 5)
	if want := []string{"Deal Scoring", "Lead Scoring", "Net Promoter Score"}; strings.Join(termsOf(g, got), ",") != strings.Join(want, ",") {
		t.Fatalf("Suggest(scorng) = %v, want %v", termsOf(g, got), want)
	}
	if one := g.Suggest("scorng", 1); len(one) != 1 || one[0] != got[0] {
		t.Errorf("Suggest(scorng, 1) = %v, want %v", termsOf(g, one), termsOf(g, got[:1]))
	}
	if none := g.Suggest("scorng", 0); none != nil {
		t.Errorf("Suggest(scorng, 0) = %v, want nil", none)
	}
	// "lead" is in three names; each entry is suggested once.
	seen := map[int]bool{}
	for _, i := range g.Suggest("laed", 10) {
		if seen[i] {
			t.Errorf("Suggest(laed) repeats %q", g.At(i).Term)
		}
		seen[i] = true
	}
	// A closer match ranks above a farther one: "leed" is one edit from
	// Lead, a whole name, and also from the word "lead" inside longer names.
	if got := g.Suggest("leed", 3); len(got) == 0 || g.At(got[0]).Term != "Lead" {
		t.Errorf("Suggest(leed) = %v, want Lead first", termsOf(g, got))
	}
}

func TestOSADistance(t *testing.T) {
	var rows [3][]int
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"a", "", 1}, {"", "abc", 3},
		{"churn", "churn", 0}, {"chrun", "churn", 1}, {"nsp", "nps", 1},
		{"custmer", "customer", 1}, {"kitten", "sitting", 3}, {"ca", "abc", 3},
	}
	for _, tt := range tests {
		if got := osaDistance([]rune(tt.a), []rune(tt.b), 10, &rows); got != tt.want {
			t.Errorf("osaDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
		// With a lower cap the answer is the distance or cap+1, never less.
		if got := osaDistance([]rune(tt.a), []rune(tt.b), 1, &rows); got != min(tt.want, 2) {
			t.Errorf("osaDistance(%q, %q, max 1) = %d, want %d", tt.a, tt.b, got, min(tt.want, 2))
		}
	}
}

func TestSuggestBuiltin(t *testing.T) {
	g, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ query, want string }{
		{"chrun", "Churn Rate"},
		{"custmer lifetime", "Customer Lifetime Value"},
		{"acquisiton cost", "Customer Acquisition Cost"},
		{"nsp", "Net Promoter Score"},
		{"sales funel", "Sales Funnel"},
		{"cla", "Customer Lifetime Value"}, // CLV with one typo
	} {
		got := g.Suggest(tt.query, 3)
		found := false
		for _, i := range got {
			found = found || g.At(i).Term == tt.want
		}
		if !found {
			t.Errorf("built-in Suggest(%q) = %v, want it to include %q", tt.query, termsOf(g, got), tt.want)
		}
	}
}

func termsOf(g *Glossary, idx []int) []string {
	out := make([]string, len(idx))
	for i, j := range idx {
		out[i] = g.At(j).Term
	}
	return out
}
