package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/crm101/crm101/glossary"
)

func TestCalcPrintsResultAndFormula(t *testing.T) {
	code, out, errOut := runCLI(t, "calc", "cac", "--marketing-spend", "30,000", "--sales-spend", "$20k", "--new-customers", "100")
	want := "Customer Acquisition Cost: $500.00\nCAC = ($30,000.00 + $20,000.00) ÷ 100 = $500.00\n"
	if code != 0 || out != want || errOut != "" {
		t.Fatalf("status %d\nstdout %q\nstderr %q\nwant %q", code, out, errOut, want)
	}
}

func TestCalcJSONIsTheContract(t *testing.T) {
	code, out, _ := runCLI(t, "calc", "payback", "--cac=500", "--arpa", "80", "--gross-margin", "75%", "--json")
	want := `{
  "id": "payback",
  "term": "CAC Payback Period",
  "value": 8.33,
  "unit": "months",
  "formula": "CAC payback period = $500.00 ÷ ($80.00 × 75%) = 8.3 months",
  "inputs": {
    "arpa": 80,
    "cac": 500,
    "gross-margin": 75
  },
  "notes": []
}
`
	if code != 0 || out != want {
		t.Fatalf("status %d, got\n%s\nwant\n%s", code, out, want)
	}
}

// Every metric answers --json with its own unit, and an optional input
// left out appears in "inputs" with its default.
func TestCalcJSONEveryMetric(t *testing.T) {
	for _, m := range glossary.AllMetrics() {
		args := []string{"calc", m.ID, "--json"}
		for _, in := range m.Inputs {
			if !in.Optional {
				args = append(args, "--"+in.ID, in.Placeholder)
			}
		}
		code, out, errOut := runCLI(t, args...)
		if code != 0 {
			t.Errorf("%s: status %d: %s", m.ID, code, errOut)
			continue
		}
		var got struct {
			ID      string             `json:"id"`
			Term    string             `json:"term"`
			Value   *float64           `json:"value"`
			Unit    string             `json:"unit"`
			Formula string             `json:"formula"`
			Inputs  map[string]float64 `json:"inputs"`
			Notes   []string           `json:"notes"`
		}
		dec := json.NewDecoder(strings.NewReader(out))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&got); err != nil {
			t.Errorf("%s: %v\n%s", m.ID, err, out)
			continue
		}
		if got.ID != m.ID || got.Term != m.Term || got.Value == nil || got.Unit != string(m.Unit) || got.Formula == "" || len(got.Inputs) != len(m.Inputs) || got.Notes == nil {
			t.Errorf("%s: %+v", m.ID, got)
		}
	}
	_, out, _ := runCLI(t, "calc", "clv", "--avg-purchase-value", "100", "--purchases-per-year", "4", "--lifespan-years", "5", "--json")
	if !strings.Contains(out, `"gross-margin": 100`) || !strings.Contains(out, `"value": 2000`) {
		t.Fatalf("default margin missing:\n%s", out)
	}
}

// A negative value after a space must be read as the value, not a flag.
func TestCalcAcceptsNegativeValues(t *testing.T) {
	code, out, errOut := runCLI(t, "calc", "ros", "--operating-profit", "-5,000", "--net-sales", "100k")
	if code != 0 || !strings.HasPrefix(out, "Return on Sales: -5.0%\n") {
		t.Fatalf("status %d, %q, %q", code, out, errOut)
	}
}

// Bad input: status 2, nothing on stdout, one line on stderr naming the
// input.
func TestCalcBadInput(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"calc", "cac", "--marketing-spend", "30k", "--sales-spend", "20k", "--new-customers", "0"},
			"crm101: calc cac: --new-customers: new customers must be at least 1 to compute CAC"},
		{[]string{"calc", "cac", "--marketing-spend", "abc", "--new-customers", "2.5"},
			"crm101: calc cac: --marketing-spend: marketing spend must be a number like 5000, 5,000, $5,000 or 5k; " +
				"--sales-spend: sales spend is required; --new-customers: new customers must be a whole number"},
		{[]string{"calc", "churn", "--customers-start", "10", "--customers-lost", "11"},
			"--customers-lost: customers lost cannot be more than customers at start"},
		{[]string{"calc", "csat", "--satisfied", "NaN", "--responses", "1e999"},
			"--satisfied: satisfied responses must be a number"},
		{[]string{"calc", "cac", "--cost", "4", "--new-customers", "1"},
			"crm101: calc cac: --cost is not an input of cac (its inputs: --marketing-spend --sales-spend --new-customers)"},
		{[]string{"calc", "nope", "--cost", "4"}, `unknown metric "nope"`},
		{[]string{"calc", "--cost", "4"}, "name a metric before its inputs"},
		{[]string{"calc", "roi", "--cost"}, "flag needs an argument: --cost"},
		{[]string{"calc", "roi", "--colour", "red"}, "unknown flag: --colour"},
		{[]string{"calc", "--list", "cac"}, "calc --list takes no metric"},
		{[]string{"calc", "roi", "--revenue", "1", "--cost", "1,000,000,000,000,001"}, "--cost: cost is larger than the limit"},
	}
	for _, c := range cases {
		code, out, errOut := runCLI(t, c.args...)
		if code != 2 || out != "" || !strings.Contains(errOut, c.want) || strings.Count(errOut, "\n") != 1 {
			t.Errorf("%v: status %d, stdout %q, stderr %q; want 2 and one line containing %q", c.args, code, out, errOut, c.want)
		}
	}
}

func TestCalcList(t *testing.T) {
	code, out, _ := runCLI(t, "calc", "--list")
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if code != 0 || len(lines) != len(glossary.AllMetrics()) {
		t.Fatalf("status %d, %d lines:\n%s", code, len(lines), out)
	}
	if !strings.HasPrefix(lines[1], "clv ") || !strings.HasSuffix(lines[1], "--lifespan-years [--gross-margin]") {
		t.Fatalf("clv line %q", lines[1])
	}
	code, out, _ = runCLI(t, "calc", "--list", "--json")
	var list []struct {
		ID, Term, Unit, Formula string
		Inputs                  []struct {
			ID, Label, Kind string
			Optional        bool
			Default         *float64
		}
	}
	if err := json.Unmarshal([]byte(out), &list); err != nil || code != 0 || len(list) != len(glossary.AllMetrics()) {
		t.Fatalf("status %d, %v:\n%s", code, err, out)
	}
	gm := list[1].Inputs[3]
	if list[1].ID != "clv" || gm.ID != "gross-margin" || !gm.Optional || gm.Default == nil || *gm.Default != 100 || gm.Kind != "percent" {
		t.Fatalf("clv in --list --json: %+v", list[1])
	}
	if list[0].Formula != "CAC = (marketing spend + sales spend) ÷ new customers" {
		t.Fatalf("cac formula %q", list[0].Formula)
	}
}

// --gross-margin 0.5 is 50% (a fraction, as spreadsheets write it), and
// a note on stderr says so.
func TestCalcPercentAsFractionIsNoted(t *testing.T) {
	code, out, errOut := runCLI(t, "calc", "clv", "--avg-purchase-value", "200", "--purchases-per-year", "6", "--lifespan-years", "5", "--gross-margin", "0.5")
	if code != 0 || !strings.Contains(out, "× 50% = $3,000.00") || !strings.Contains(errOut, "gross margin 0.5 read as a fraction: 50%") {
		t.Fatalf("status %d\nstdout %s\nstderr %s", code, out, errOut)
	}
}
