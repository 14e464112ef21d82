package glossary

import "testing"

func TestResolvePrefersSpellingOverScatteredLetters(t *testing.T) {
	g, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		query string
		want  string
		how   Resolution
	}{
		{"CLV", "Customer Lifetime Value", ExactName},
		{"buyer persona", "Customer Persona", ExactName},
		{"lead", "Lead", ExactName},
		{"pipeline", "Pipeline", ExactName},
		{"  sql  ", "Sales Qualified Lead", ExactName},
		{"CPA", "Cost per Acquisition", ExactName}, // once Business Process Automation
		{"prevision", "Sales Forecasting", ExactName},
		{"chrun", "Churn Rate", Closest},
		{"custmer churn", "Churn Rate", Closest},
		{"net promotr", "Net Promoter Score", Closest},
		{"forcast", "Sales Forecasting", Closest},
	}
	for _, c := range cases {
		idx, how := g.Resolve(c.query)
		if how != c.how || how != NoMatch && g.At(idx).Term != c.want {
			got := "nothing"
			if how != NoMatch {
				got = g.At(idx).Term
			}
			t.Errorf("Resolve(%q) = %s (%d), want %s (%d)", c.query, got, how, c.want, c.how)
		}
	}
	if _, how := g.Resolve("zzzzqqqq"); how != NoMatch {
		t.Error("Resolve of gibberish found an entry")
	}
}
