package glossary

import (
	"slices"
	"testing"
)

// The stem rule: a definition never contains the stem of one of its own
// term's distinctive name words, unless the entry lists that stem in
// allowed_stems (then the quiz masks it). A listed stem must be needed.
func TestDefinitionsAvoidOwnStems(t *testing.T) {
	g, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for i, e := range g.Entries() {
		used, allowed := g.StemsIn(i), AllowedStems(e.Term)
		for _, s := range used {
			if !slices.Contains(allowed, s) {
				t.Errorf("%s: definition uses %q, a stem of its own name (reword, or list it in allowed_stems)", e.Term, s)
			}
		}
		for _, s := range allowed {
			if !slices.Contains(used, s) {
				t.Errorf("%s: allowed_stems lists %q, which its definition does not use", e.Term, s)
			}
		}
	}
}

func TestStems(t *testing.T) {
	g, err := New([]Entry{
		{Term: "Customer Persona", Aliases: []string{"Buyer Persona"}, Category: Marketing, Definition: "A made-up purchaser."},
		{Term: "Personalization", Category: Marketing, Definition: "Using personal data."},
		{Term: "Customer Churn", Acronym: "CC", Category: Metrics, Definition: "Customers lost."},
	})
	if err != nil {
		t.Fatal(err)
	}
	at := func(term string) int {
		i, ok := g.Index(term)
		if !ok {
			t.Fatalf("no %s", term)
		}
		return i
	}
	cases := map[string][]string{
		"Customer Persona": {"perso", "buyer"}, // "customer" is shared, so not distinctive
		"Personalization":  {"perso"},
		"Customer Churn":   {"churn"}, // "CC" is too short
	}
	for term, want := range cases {
		if got := g.Stems(at(term)); !slices.Equal(got, want) {
			t.Errorf("Stems(%s) = %q, want %q", term, got, want)
		}
	}
	if got := g.StemsIn(at("Personalization")); !slices.Equal(got, []string{"perso"}) {
		t.Errorf("StemsIn(Personalization) = %q", got)
	}
	if got := g.StemsIn(at("Customer Persona")); got != nil {
		t.Errorf("StemsIn(Customer Persona) = %q, want none", got)
	}
}
