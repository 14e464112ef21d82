package glossary

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// workedExamples are the inputs of each metric entry's example sentence.
// The test computes them with the calculator and finds every input and
// the result in the sentence, so the glossary never teaches a sum the
// calculator would not give.
var workedExamples = map[string]string{
	"cac":         "marketing-spend=40,000|sales-spend=20,000|new-customers=120",
	"clv":         "avg-purchase-value=200|purchases-per-year=6|lifespan-years=5|gross-margin=50",
	"churn":       "customers-start=400|customers-lost=20",
	"retention":   "customers-start=200|customers-end=210|new-customers=30",
	"nps":         "promoters=110|passives=60|detractors=30",
	"conversion":  "leads=500|new-customers=40",
	"engagement":  "interactions=300|audience=2,000",
	"roi":         "revenue=50,000|cost=20,000",
	"mrr":         "customers=250|arpa=80",
	"arr":         "mrr=20,000",
	"ros":         "operating-profit=300,000|net-sales=2,000,000",
	"csat":        "satisfied=180|responses=200",
	"bounce":      "single-page-sessions=620|sessions=1,000",
	"clv-cac":     "clv=3,000|cac=500",
	"payback":     "cac=1,200|arpa=200|gross-margin=75",
	"cpa":         "campaign-spend=4,500|conversions=90",
	"cpc":         "ad-spend=1,200|clicks=800",
	"win-rate":    "deals-won=18|deals-lost=42",
	"sales-cycle": "total-days=540|deals-won=12",
	"nrr":         "starting-mrr=100,000|expansion=15,000|contraction=3,000|churned-mrr=7,000",
	"open-rate":   "opens=1,000|delivered=4,000",
	"ctor":        "clicks=150|opens=1,000",
}

// Derived inputs a sentence may leave out because it states them another
// way (NPS gives passives as the rest of those surveyed; 2 million).
var unstated = map[string]bool{"nps/passives": true, "ros/net-sales": true}

var numberRE = regexp.MustCompile(`\d[\d,]*(\.\d+)?`)

func TestMetricExamplesMatchCalculator(t *testing.T) {
	g, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range AllMetrics() {
		raw, ok := workedExamples[m.ID]
		if !ok {
			t.Errorf("%s: no worked example; add its inputs to workedExamples", m.ID)
			continue
		}
		e, ok := g.Lookup(m.Term)
		if !ok {
			t.Fatalf("%s: no entry %q", m.ID, m.Term)
		}
		c, err := m.Calculate(in(raw))
		if err != nil {
			t.Errorf("%s: %v", m.ID, err)
			continue
		}
		nums := numbersIn(e.Example)
		for id, v := range c.Inputs {
			if unstated[m.ID+"/"+id] {
				continue
			}
			if in, _ := m.Input(id); in.Kind == KindPercent && v == 100 {
				continue // an optional margin left at its default
			}
			if !stated(nums, v) {
				t.Errorf("%s: example %q does not state %s = %v", m.ID, e.Example, id, v)
			}
		}
		if !stated(nums, c.Value) {
			t.Errorf("%s: example %q does not state the result %s", m.ID, e.Example, c.Text)
		}
	}
}

// numbersIn reads every number written in s ("$1,200", "8%", "1.50").
func numbersIn(s string) []string {
	return numberRE.FindAllString(s, -1)
}

// stated reports whether one of nums is v rounded to that number's own
// precision: "45" states 45.0, "16.7" states 16.666….
func stated(nums []string, v float64) bool {
	for _, n := range nums {
		f, err := strconv.ParseFloat(strings.ReplaceAll(n, ",", ""), 64)
		if err != nil {
			continue
		}
		decimals := 0
		if i := strings.IndexByte(n, '.'); i >= 0 {
			decimals = len(n) - i - 1
		}
		scale := math.Pow(10, float64(decimals))
		if math.Abs(math.Round(v*scale)/scale-f) < 1e-9 {
			return true
		}
	}
	return false
}
