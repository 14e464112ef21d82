package glossary

import (
	"strings"
	"testing"
)

func validEntries() []Entry {
	return []Entry{
		{Term: "Customer Acquisition Cost", Acronym: "CAC", Category: Metrics, Definition: "Cost to win a customer.", Related: []string{"clv"}},
		{Term: "Customer Lifetime Value", Acronym: "CLV", Aliases: []string{"Lifetime Value"}, Category: Metrics, Definition: "Revenue over the relationship.", Related: []string{"Customer Acquisition Cost"}},
	}
}

func TestValidateAcceptsGoodEntries(t *testing.T) {
	if err := Validate(validEntries()); err != nil {
		t.Fatalf("Validate: %v", err)
	}
}

func TestValidateRejectsBrokenEntries(t *testing.T) {
	cases := []struct {
		name    string
		breakIt func([]Entry)
		want    string
	}{
		{"empty term", func(es []Entry) { es[0].Term = " " }, "missing term"},
		{"empty definition", func(es []Entry) { es[1].Definition = "" }, "missing definition"},
		{"no category", func(es []Entry) { es[0].Category = "" }, `missing category`},
		{"category with a line break", func(es []Entry) { es[0].Category = "Sales\nTeam" }, `category "Sales\nTeam" is not a name`},
		{"duplicate term", func(es []Entry) { es[1].Term = "customer acquisition  cost" }, "already used"},
		{"alias clashes with acronym", func(es []Entry) { es[1].Aliases = []string{"CAC"} }, `name "CAC" is already used`},
		{"dangling related", func(es []Entry) { es[0].Related = []string{"Churn"} }, `related "Churn" matches no entry`},
		{"self reference", func(es []Entry) { es[0].Related = []string{"CAC"} }, "points to the entry itself"},
		{"empty alias", func(es []Entry) { es[1].Aliases = []string{""} }, "empty alias"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			es := validEntries()
			c.breakIt(es)
			err := Validate(es)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("Validate = %v, want an error containing %q", err, c.want)
			}
		})
	}
}

func TestValidateReportsEveryProblemAtOnce(t *testing.T) {
	es := validEntries()
	es[0].Definition = ""
	es[1].Category = ""
	ps, ok := Validate(es).(Problems)
	if !ok || len(ps) != 2 {
		t.Fatalf("Validate = %v, want two problems", ps)
	}
}

func TestParseYAMLRejectsUnknownFieldsAndEmptyFiles(t *testing.T) {
	if _, err := ParseYAML([]byte("- term: A\n  defintion: typo\n")); err == nil {
		t.Fatal("misspelt field accepted")
	}
	if _, err := ParseYAML([]byte("  \n")); err != ErrEmpty {
		t.Fatalf("empty file: err = %v, want ErrEmpty", err)
	}
}
