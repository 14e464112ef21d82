package glossary

import "testing"

func TestResolvePrefersSpellingOverScatteredLetters(t *testing.T) {
	g, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string]string{
		"chrun":         "Churn Rate",
		"CLV":           "Customer Lifetime Value",
		"buyer persona": "Customer Persona",
		"lead":          "Lead",
		"custmer churn": "Churn Rate",
		"net promotr":   "Net Promoter Score",
		"pipeline":      "Pipeline",
		"  sql  ":       "Sales Qualified Lead",
	}
	for q, want := range cases {
		idx, ok := g.Resolve(q)
		if !ok || g.At(idx).Term != want {
			got := "nothing"
			if ok {
				got = g.At(idx).Term
			}
			t.Errorf("Resolve(%q) = %s, want %s", q, got, want)
		}
	}
	if _, ok := g.Resolve("zzzzqqqq"); ok {
		t.Error("Resolve of gibberish found an entry")
	}
}
