package glossary

import (
	"strings"
	"testing"
)

// The IDs and input order are the `crm101 calc` contract of issue 3;
// this test is the contract written down.
func TestMetricContract(t *testing.T) {
	want := []string{
		"cac: marketing-spend sales-spend new-customers",
		"clv: avg-purchase-value purchases-per-year lifespan-years gross-margin",
		"churn: customers-start customers-lost",
		"retention: customers-start customers-end new-customers",
		"nps: promoters passives detractors",
		"conversion: leads new-customers",
		"engagement: interactions audience",
		"roi: revenue cost",
		"mrr: customers arpa",
		"arr: mrr",
		"ros: operating-profit net-sales",
		"csat: satisfied responses",
		"bounce: single-page-sessions sessions",
		"clv-cac: clv cac",
		"payback: cac arpa gross-margin",
		"cpa: campaign-spend conversions",
		"cpc: ad-spend clicks",
		"win-rate: deals-won deals-lost",
		"sales-cycle: total-days deals-won",
		"nrr: starting-mrr expansion contraction churned-mrr",
		"open-rate: opens delivered",
		"ctor: clicks opens",
	}
	ms := AllMetrics()
	if len(ms) != len(want) {
		t.Fatalf("%d metrics, want %d", len(ms), len(want))
	}
	for i, m := range ms {
		ids := make([]string, len(m.Inputs))
		for j, in := range m.Inputs {
			ids[j] = in.ID
		}
		if got := m.ID + ": " + strings.Join(ids, " "); got != want[i] {
			t.Errorf("metric %d = %q, want %q", i, got, want[i])
		}
	}
}

// Every placeholder must name an input or derived term, and every input
// must be optional-with-a-placeholder or required, so the form and the
// formulas never show "{…}" or an unexplained blank.
func TestMetricTemplatesResolve(t *testing.T) {
	for _, m := range AllMetrics() {
		if f := m.Formula(); strings.ContainsAny(f, "{}") {
			t.Errorf("%s: unresolved placeholder in %q", m.ID, f)
		}
		if m.Name() == m.Template || m.Term == "" || m.compute == nil || m.interpret == nil {
			t.Errorf("%s: incomplete metric", m.ID)
		}
		for _, in := range m.Inputs {
			if in.Label == "" || in.Placeholder == "" {
				t.Errorf("%s/%s: missing label or placeholder", m.ID, in.ID)
			}
			if _, err := ParseNumber(in.Placeholder, in.Kind); err != nil {
				t.Errorf("%s/%s: placeholder %q does not parse: %v", m.ID, in.ID, in.Placeholder, err)
			}
		}
		if got, ok := MetricByID(strings.ToUpper(m.ID)); !ok || got.ID != m.ID {
			t.Errorf("MetricByID(%q) failed", m.ID)
		}
		if got, ok := MetricForTerm(strings.ToLower(m.Term)); !ok || got.ID != m.ID {
			t.Errorf("MetricForTerm(%q) failed", m.Term)
		}
	}
	if _, ok := MetricByID("nope"); ok {
		t.Error("MetricByID found an unknown metric")
	}
}

// The proof that the glossary and the calculator agree: the formula text
// derived from each metric's template equals the built-in entry's
// formula character for character, and the entry is a Metrics entry.
func TestMetricsAgreeWithGlossary(t *testing.T) {
	g, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range AllMetrics() {
		e, ok := g.Lookup(m.Term)
		if !ok {
			t.Errorf("%s: no glossary entry %q", m.ID, m.Term)
			continue
		}
		if e.Term != m.Term {
			t.Errorf("%s: term %q reaches entry %q; use the entry's exact term", m.ID, m.Term, e.Term)
		}
		if e.Formula != m.Formula() {
			t.Errorf("%s: glossary formula\n  %q\nbut the metric computes\n  %q", m.ID, e.Formula, m.Formula())
		}
		if e.Category != Metrics {
			t.Errorf("%s: entry %q is in %q, want %q", m.ID, e.Term, e.Category, Metrics)
		}
	}
}

// in builds raw form input from "id=value" pairs separated by "|", so a
// value may hold spaces and commas.
func in(pairs string) map[string]string {
	raw := map[string]string{}
	if pairs == "" {
		return raw
	}
	for _, p := range strings.Split(pairs, "|") {
		k, v, _ := strings.Cut(p, "=")
		raw[strings.TrimSpace(k)] = v
	}
	return raw
}

// Worked examples for every metric, each checked against a result a
// trainee can reproduce by hand.
func TestCalculateWorkedExamples(t *testing.T) {
	cases := []struct {
		metric, raw, text, formula string
	}{
		{"cac", "marketing-spend=30,000|sales-spend=$20,000|new-customers=100", "$500.00",
			"CAC = ($30,000.00 + $20,000.00) ÷ 100 = $500.00"},
		{"cac", "marketing-spend=1000|sales-spend=0|new-customers=3", "$333.33", ""},
		{"cac", "marketing-spend=5k|sales-spend= 2.5k |new-customers=1", "$7,500.00", ""},
		{"cac", "marketing-spend=0|sales-spend=0|new-customers=10", "$0.00", ""},
		{"cac", "marketing-spend=1,000,000,000,000,000|sales-spend=1,000,000,000,000,000|new-customers=1", "$2,000,000,000,000,000.00", ""},
		{"clv", "avg-purchase-value=$100|purchases-per-year=4|lifespan-years=5|gross-margin=60%", "$1,200.00",
			"CLV = $100.00 × 4 × 5 × 60% = $1,200.00"},
		{"clv", "avg-purchase-value=100|purchases-per-year=4|lifespan-years=5", "$2,000.00", // margin defaults to 100%
			"CLV = $100.00 × 4 × 5 × 100% = $2,000.00"},
		{"clv", "avg-purchase-value=49.99|purchases-per-year=2.5|lifespan-years=3|gross-margin=0", "$0.00", ""},
		{"churn", "customers-start=200|customers-lost=10", "5.0%", "Churn rate = 10 ÷ 200 × 100% = 5.0%"},
		{"churn", "customers-start=200|customers-lost=200", "100.0%", ""}, // the bound: everyone left
		{"churn", "customers-start=3|customers-lost=1", "33.33%", ""},
		{"churn", "customers-start=1|customers-lost=0", "0.0%", ""},
		{"retention", "customers-start=200|customers-end=210|new-customers=30", "90.0%",
			"Retention rate = (210 − 30) ÷ 200 × 100% = 90.0%"},
		{"retention", "customers-start=200|customers-end=230|new-customers=30", "100.0%", ""}, // the bound: nobody left
		{"retention", "customers-start=200|customers-end=30|new-customers=30", "0.0%", ""},
		{"nps", "promoters=120|passives=50|detractors=30", "45", "NPS = 60% − 15% = 45"},
		{"nps", "promoters=0|passives=0|detractors=7", "-100", ""},
		{"nps", "promoters=7|passives=0|detractors=0", "100", ""},
		{"nps", "promoters=0|passives=1|detractors=0", "0", ""},
		{"nps", "promoters=2|passives=3|detractors=1", "16.7", "NPS = 33.33% − 16.67% = 16.7"},
		{"conversion", "leads=400|new-customers=20", "5.0%", "Conversion rate = 20 ÷ 400 × 100% = 5.0%"},
		{"conversion", "leads=400|new-customers=400", "100.0%", ""},
		{"engagement", "interactions=1,500|audience=10,000", "15.0%", "Engagement rate = 1,500 ÷ 10,000 × 100% = 15.0%"},
		{"engagement", "interactions=25|audience=10", "250.0%", ""}, // several interactions a person is allowed
		{"roi", "revenue=15,000|cost=10,000", "50.0%", "ROI = ($15,000.00 − $10,000.00) ÷ $10,000.00 × 100% = 50.0%"},
		{"roi", "revenue=0|cost=10k", "-100.0%", ""},
		{"roi", "revenue=10k|cost=10k", "0.0%", ""},
		{"mrr", "customers=250|arpa=$80", "$20,000.00", "MRR = 250 × $80.00 = $20,000.00"},
		{"mrr", "customers=3|arpa=19.99", "$59.97", ""},
		{"arr", "mrr=20k", "$240,000.00", "ARR = $20,000.00 × 12 = $240,000.00"},
		{"arr", "mrr=0.01", "$0.12", ""},
		{"ros", "operating-profit=15,000|net-sales=100,000", "15.0%", "ROS = $15,000.00 ÷ $100,000.00 × 100% = 15.0%"},
		{"ros", "operating-profit=-5,000|net-sales=100,000", "-5.0%", "ROS = -$5,000.00 ÷ $100,000.00 × 100% = -5.0%"},
		{"csat", "satisfied=170|responses=200", "85.0%", "CSAT = 170 ÷ 200 × 100% = 85.0%"},
		{"csat", "satisfied=200|responses=200", "100.0%", ""},
		{"bounce", "single-page-sessions=450|sessions=1,000", "45.0%", "Bounce rate = 450 ÷ 1,000 × 100% = 45.0%"},
		{"bounce", "single-page-sessions=0|sessions=1", "0.0%", ""},
		{"clv-cac", "clv=1,500|cac=500", "3.0 : 1", "CLV:CAC ratio = $1,500.00 ÷ $500.00 = 3.0 : 1"},
		{"clv-cac", "clv=250|cac=1000", "0.3 : 1", ""},
		{"payback", "cac=500|arpa=80|gross-margin=75%", "8.3 months", "CAC payback period = $500.00 ÷ ($80.00 × 75%) = 8.3 months"},
		{"payback", "cac=1200|arpa=100|gross-margin=100", "12.0 months", ""},
	}
	for _, c := range cases {
		m, ok := MetricByID(c.metric)
		if !ok {
			t.Fatalf("no metric %q", c.metric)
		}
		r, err := m.Calculate(in(c.raw))
		if err != nil {
			t.Errorf("%s %s: %v", c.metric, c.raw, err)
			continue
		}
		if r.Text != c.text {
			t.Errorf("%s %s = %s, want %s", c.metric, c.raw, r.Text, c.text)
		}
		if c.formula != "" && r.Formula != c.formula {
			t.Errorf("%s formula\n  %q\nwant\n  %q", c.metric, r.Formula, c.formula)
		}
		if r.Interpretation == "" || r.Metric != m.ID || r.Unit != m.Unit || len(r.Inputs) != len(m.Inputs) {
			t.Errorf("%s: incomplete result %+v", c.metric, r)
		}
	}
}

// Each rejection must name the field it blames and the problem, exactly
// as a user will read it beside the field or on stderr.
func TestCalculateRejects(t *testing.T) {
	cases := []struct {
		metric, raw string
		want        map[string]string // input ID → message
	}{
		{"cac", "marketing-spend=30k|sales-spend=20k|new-customers=0",
			map[string]string{"new-customers": "new customers must be at least 1 to compute CAC"}},
		{"cac", "marketing-spend=abc|sales-spend=-5|new-customers=2.5", map[string]string{
			"marketing-spend": "marketing spend must be a number like 5000, 5,000, $5,000 or 5k",
			"sales-spend":     "sales spend cannot be negative",
			"new-customers":   "new customers must be a whole number",
		}},
		{"cac", "", map[string]string{
			"marketing-spend": "marketing spend is required",
			"sales-spend":     "sales spend is required",
			"new-customers":   "new customers is required",
		}},
		{"cac", "marketing-spend=1,000,000,000,000,001|sales-spend=1|new-customers=1",
			map[string]string{"marketing-spend": "marketing spend is larger than the limit of 1,000,000,000,000,000"}},
		{"cac", "marketing-spend=0.00001|sales-spend=1|new-customers=1",
			map[string]string{"marketing-spend": "marketing spend is too small; use 0 or at least 0.0001"}},
		{"cac", "marketing-spend=5%|sales-spend=1|new-customers=$4",
			map[string]string{"marketing-spend": "marketing spend is not a percentage; drop the %", "new-customers": "new customers is not an amount of money; drop the $"}},
		{"clv", "avg-purchase-value=100|purchases-per-year=4|lifespan-years=5|gross-margin=100.01",
			map[string]string{"gross-margin": "gross margin cannot be more than 100%"}},
		{"clv", "avg-purchase-value=100|purchases-per-year=4|lifespan-years=5|gross-margin=-1",
			map[string]string{"gross-margin": "gross margin cannot be negative"}},
		{"churn", "customers-start=200|customers-lost=201",
			map[string]string{"customers-lost": "customers lost cannot be more than customers at start"}},
		{"churn", "customers-start=0|customers-lost=0",
			map[string]string{"customers-start": "customers at start must be at least 1 to compute churn rate"}},
		{"churn", "customers-start=0|customers-lost=5", // the rule waits for a valid start
			map[string]string{"customers-start": "customers at start must be at least 1 to compute churn rate"}},
		{"retention", "customers-start=200|customers-end=20|new-customers=30",
			map[string]string{"new-customers": "new customers cannot be more than customers at end"}},
		{"retention", "customers-start=200|customers-end=231|new-customers=30",
			map[string]string{"customers-end": "customers at end minus new customers cannot be more than customers at start"}},
		{"nps", "promoters=0|passives=0|detractors=0",
			map[string]string{"promoters": "promoters, passives and detractors are all 0; at least one response is needed to compute NPS"}},
		{"conversion", "leads=10|new-customers=11",
			map[string]string{"new-customers": "new customers cannot be more than leads"}},
		{"engagement", "interactions=5|audience=0",
			map[string]string{"audience": "audience must be at least 1 to compute engagement rate"}},
		{"roi", "revenue=5|cost=0",
			map[string]string{"cost": "cost must be more than 0 to compute ROI"}},
		{"ros", "operating-profit=5|net-sales=0",
			map[string]string{"net-sales": "net sales must be more than 0 to compute ROS"}},
		{"csat", "satisfied=201|responses=200",
			map[string]string{"satisfied": "satisfied responses cannot be more than all responses"}},
		{"bounce", "single-page-sessions=2|sessions=1",
			map[string]string{"single-page-sessions": "single-page sessions cannot be more than all sessions"}},
		{"clv-cac", "clv=100|cac=0",
			map[string]string{"cac": "CAC must be more than 0 to compute CLV:CAC ratio"}},
		{"payback", "cac=500|arpa=80|gross-margin=0",
			map[string]string{"gross-margin": "gross margin must be more than 0 to compute CAC payback period"}},
		{"payback", "cac=500|arpa=80",
			map[string]string{"gross-margin": "gross margin is required"}},
		{"mrr", "customers=2.5|arpa=NaN", map[string]string{
			"customers": "paying customers must be a whole number",
			"arpa":      "average revenue per account must be a number like 5000, 5,000, $5,000 or 5k",
		}},
	}
	for _, c := range cases {
		m, _ := MetricByID(c.metric)
		_, err := m.Calculate(in(c.raw))
		errs, ok := err.(FieldErrors)
		if !ok {
			t.Errorf("%s %s: error %v (%T), want FieldErrors", c.metric, c.raw, err, err)
			continue
		}
		if len(errs) != len(c.want) {
			t.Errorf("%s %s: %d errors %v, want %d", c.metric, c.raw, len(errs), errs, len(c.want))
		}
		for id, msg := range c.want {
			if got := errs.For(id); got != msg {
				t.Errorf("%s %s: error on %s = %q, want %q", c.metric, c.raw, id, got, msg)
			}
		}
	}
}

// Errors come back in the order of the form's fields, whatever order
// the checks found them in.
func TestFieldErrorsFollowTheForm(t *testing.T) {
	m, _ := MetricByID("retention")
	_, err := m.Calculate(in("customers-start=x|customers-end=-1|new-customers=1.5"))
	errs := err.(FieldErrors)
	var ids []string
	for _, e := range errs {
		ids = append(ids, e.Input)
	}
	if got := strings.Join(ids, " "); got != "customers-start customers-end new-customers" {
		t.Fatalf("error order = %s", got)
	}
	if !strings.Contains(errs.Error(), "; ") {
		t.Fatalf("FieldErrors.Error() = %q, want every message joined", errs.Error())
	}
}

// Compute holds numbers from code to the same rules as typed text.
func TestComputeChecksNumbers(t *testing.T) {
	m, _ := MetricByID("clv")
	r, err := m.Compute(Values{"avg-purchase-value": 100, "purchases-per-year": 4, "lifespan-years": 5})
	if err != nil || r.Text != "$2,000.00" || r.Inputs["gross-margin"] != 100 {
		t.Fatalf("Compute with default margin = %+v, %v", r, err)
	}
	cac, _ := MetricByID("cac")
	_, err = cac.Compute(Values{"marketing-spend": 1, "sales-spend": 1})
	if errs, ok := err.(FieldErrors); !ok || errs.For("new-customers") != "new customers is required" {
		t.Fatalf("Compute without new-customers: %v", err)
	}
}

func TestInterpretationIsGuidance(t *testing.T) {
	cases := []struct{ metric, raw, want string }{
		{"clv-cac", "clv=3000|cac=1000", "About 3 : 1 is commonly cited as healthy"},
		{"clv-cac", "clv=500|cac=1000", "Below 1 : 1"},
		{"clv-cac", "clv=9000|cac=1000", "invest more in growth"},
		{"nps", "promoters=1|passives=0|detractors=3", "below 0 means more detractors"},
		{"nps", "promoters=3|passives=1|detractors=0", "50 and above is commonly cited as excellent"},
		{"nps", "promoters=3|passives=3|detractors=2", "−100 to 100"},
		{"roi", "revenue=15k|cost=10k", "brought back $1.50"},
		{"roi", "revenue=5k|cost=10k", "lost money"},
		{"roi", "revenue=10k|cost=10k", "broke even"},
		{"cac", "marketing-spend=300|sales-spend=200|new-customers=1", "$1,500.00 (3 × CAC)"},
		{"mrr", "customers=10|arpa=100", "ARR of $12,000.00"},
	}
	for _, c := range cases {
		m, _ := MetricByID(c.metric)
		r, err := m.Calculate(in(c.raw))
		if err != nil || !strings.Contains(r.Interpretation, c.want) {
			t.Errorf("%s %s: interpretation %q (%v), want it to contain %q", c.metric, c.raw, r.Interpretation, err, c.want)
		}
	}
}

// A percent typed as a fraction (0.5, no %) is 50%, the spreadsheet
// habit, and the calculation says so; 0.5% and 50 mean what they say.
func TestPercentTypedAsFraction(t *testing.T) {
	m, ok := MetricByID("payback")
	if !ok {
		t.Fatal("no payback metric")
	}
	for _, c := range []struct {
		margin string
		want   float64
		noted  bool
	}{{"0.75", 75, true}, {"1", 100, true}, {"75", 75, false}, {"75%", 75, false}, {"0.75%", 0.75, false}} {
		got, err := m.Calculate(map[string]string{"cac": "500", "arpa": "80", "gross-margin": c.margin})
		if err != nil {
			t.Fatalf("%s: %v", c.margin, err)
		}
		if got.Inputs["gross-margin"] != c.want || (len(got.Notes) > 0) != c.noted {
			t.Errorf("gross margin %q: read as %v with notes %q, want %v (noted %v)", c.margin, got.Inputs["gross-margin"], got.Notes, c.want, c.noted)
		}
	}
}
