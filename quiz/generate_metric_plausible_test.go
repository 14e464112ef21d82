package quiz

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/crm101/crm101/glossary"
)

// Property: over many seeds, every metric problem's figures are
// positive whole counts or amounts within realistic ranges, and its
// answer lies within the range those figures allow.
func TestMetricFiguresArePlausible(t *testing.T) {
	within := func(v float64, lo, hi float64) bool { return v >= lo-1e-9 && v <= hi+1e-9 }
	// answer bounds per metric (in the metric's unit); missing: only finite.
	answers := map[string][2]float64{
		"churn":      {2 - 0.5, 15 + 0.5},
		"retention":  {85 - 0.5, 98 + 0.5},
		"csat":       {60 - 0.5, 95 + 0.5},
		"nps":        {5 - 1, 55 + 1},
		"conversion": {1, 16},
		"bounce":     {24, 71},
		"open-rate":  {14, 51},
		"ctor":       {4, 31},
		"win-rate":   {10, 46},
		"nrr":        {80, 118},
		// Figures rounded to two significant digits move a ratio by up
		// to about 5%.
		"roi":        {-10 - 3, 250 + 8},
		"ros":        {3 * 0.95, 25 * 1.05},
		"engagement": {2 - 0.5, 20 + 0.5},
		"clv-cac":    {1.5 * 0.95, 6 * 1.05},
		"payback":    {4 * 0.95, 24 * 1.05},
	}
	for _, m := range glossary.AllMetrics() {
		gen := NewGenerator(testGlossary(t), rand.New(rand.NewPCG(1, 2)))
		for seed := range 400 {
			gen.rng = rand.New(rand.NewPCG(uint64(seed), 99))
			v := gen.metricInputs(m, false)
			res, err := m.Compute(v)
			if err != nil {
				continue // the generator draws again; TestMetricQuestionForEveryMetric covers that it ends well
			}
			for _, in := range m.Inputs {
				x := v[in.ID]
				if math.IsNaN(x) || math.IsInf(x, 0) || (x < 0 && !in.Negative) {
					t.Fatalf("%s: %s = %v", m.ID, in.ID, x)
				}
				if (in.Kind == glossary.KindCount || in.Kind == glossary.KindNumber) && x != math.Round(x) {
					t.Fatalf("%s: %s = %v is not a whole number", m.ID, in.ID, x)
				}
			}
			if g, ok := v["gross-margin"]; ok && !within(g, 40, 85) {
				t.Fatalf("%s: gross margin %v%%, want 40–85%%", m.ID, g)
			}
			if m.ID == "retention" {
				lost := v["customers-start"] + v["new-customers"] - v["customers-end"]
				if c := lost / v["customers-start"]; !within(c, 0.02-0.005, 0.15+0.005) {
					t.Fatalf("retention: start %v, new %v, end %v implies churn %.1f%%", v["customers-start"], v["new-customers"], v["customers-end"], 100*c)
				}
			}
			if m.ID == "nps" {
				n := v["promoters"] + v["passives"] + v["detractors"]
				if p, d, pa := v["promoters"]/n, v["detractors"]/n, v["passives"]/n; !within(p, 0.29, 0.61) || !within(d, 0.04, 0.26) || pa < 0.14 {
					t.Fatalf("nps: mix %v/%v/%v", v["promoters"], v["passives"], v["detractors"])
				}
			}
			if math.IsNaN(res.Value) || math.IsInf(res.Value, 0) {
				t.Fatalf("%s: answer %v", m.ID, res.Value)
			}
			if b, ok := answers[m.ID]; ok && !within(res.Value, b[0], b[1]) {
				t.Fatalf("%s: answer %v outside %v for %v", m.ID, res.Value, b, v)
			}
		}
	}
}
