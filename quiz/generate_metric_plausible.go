package quiz

import (
	"math"
	"math/rand/v2"

	"github.com/crm101/crm101/glossary"
)

// Drawing every input on its own gives figures no report would show: a
// 100% gross margin, a quarter ending with more customers than it could,
// a CSAT of 26%. plausible redraws, per metric, the inputs that depend
// on each other from realistic shares, so a metric problem reads like
// real figures. Inputs it does not set keep their independent draw.
// plausibleBounds states the ranges, and the property tests hold every
// generated problem to them.
var plausible = map[string]func(r *rand.Rand, v glossary.Values){
	"clv": func(r *rand.Rand, v glossary.Values) { v["gross-margin"] = pctStep(r, margin) },
	"churn": func(r *rand.Rand, v glossary.Values) {
		v["customers-lost"] = share(r, v["customers-start"], churn)
	},
	"retention": func(r *rand.Rand, v glossary.Values) {
		// The end count follows from the start, a churn of 2–15% and the
		// new customers won.
		start := v["customers-start"]
		lost := share(r, start, churn)
		won := share(r, start, span{0.05, 0.25})
		v["new-customers"], v["customers-end"] = won, start-lost+won
	},
	"csat": func(r *rand.Rand, v glossary.Values) {
		v["satisfied"] = share(r, v["responses"], span{0.60, 0.95})
	},
	"nps": func(r *rand.Rand, v glossary.Values) {
		// A realistic mix: promoters 30–60%, detractors 5–25%, and at
		// least 15% passive.
		n := math.Max(50, v["promoters"]+v["passives"]+v["detractors"])
		p := share(r, n, span{0.30, 0.60})
		d := share(r, n, span{0.05, math.Min(0.25, 0.85-p/n)})
		v["promoters"], v["detractors"], v["passives"] = p, d, n-p-d
	},
	"conversion": func(r *rand.Rand, v glossary.Values) {
		v["new-customers"] = math.Max(1, share(r, v["leads"], span{0.02, 0.15}))
	},
	"bounce": func(r *rand.Rand, v glossary.Values) {
		v["single-page-sessions"] = share(r, v["sessions"], span{0.25, 0.70})
	},
	"open-rate": func(r *rand.Rand, v glossary.Values) {
		v["opens"] = share(r, v["delivered"], span{0.15, 0.50})
	},
	"ctor": func(r *rand.Rand, v glossary.Values) {
		v["clicks"] = math.Max(1, share(r, v["opens"], span{0.05, 0.30}))
	},
	"win-rate": func(r *rand.Rand, v glossary.Values) {
		n := math.Max(10, v["deals-won"]+v["deals-lost"])
		v["deals-won"] = math.Max(1, share(r, n, span{0.15, 0.45}))
		v["deals-lost"] = n - v["deals-won"]
	},
	"roi": func(r *rand.Rand, v glossary.Values) {
		// A campaign returns between 0.9 and 3.5 times its cost: an ROI
		// of −10% to +250%, not the −60% or +470% of independent draws.
		v["revenue"] = twoSignificant(v["cost"] * span{0.9, 3.5}.draw(r))
	},
	"ros": func(r *rand.Rand, v glossary.Values) {
		// Operating margins of 3–25%: a 57% return on sales is no report's.
		v["operating-profit"] = twoSignificant(v["net-sales"] * span{0.03, 0.25}.draw(r))
	},
	"engagement": func(r *rand.Rand, v glossary.Values) {
		v["interactions"] = math.Max(1, share(r, v["audience"], span{0.02, 0.20}))
	},
	"clv-cac": func(r *rand.Rand, v glossary.Values) {
		v["clv"] = twoSignificant(v["cac"] * span{1.5, 6}.draw(r))
	},
	"payback": func(r *rand.Rand, v glossary.Values) {
		// CAC earned back in 4–24 months of margin.
		v["gross-margin"] = pctStep(r, margin)
		v["cac"] = twoSignificant(v["arpa"] * v["gross-margin"] / 100 * span{4, 24}.draw(r))
	},
	"nrr": func(r *rand.Rand, v glossary.Values) {
		start := v["starting-mrr"]
		v["expansion"] = twoSignificant(start * span{0.02, 0.20}.draw(r))
		v["contraction"] = twoSignificant(start * span{0.01, 0.05}.draw(r))
		v["churned-mrr"] = twoSignificant(start * span{0.02, 0.10}.draw(r))
	},
}

// span is a range of shares, low to high.
type span struct{ lo, hi float64 }

func (s span) draw(r *rand.Rand) float64 { return s.lo + (s.hi-s.lo)*r.Float64() }

// The shared ranges: a gross margin of 40–85%, a churn of 2–15%.
var (
	margin = span{0.40, 0.85}
	churn  = span{0.02, 0.15}
)

// share is a whole number of n drawn from s.
func share(r *rand.Rand, n float64, s span) float64 { return math.Round(n * s.draw(r)) }

// pctStep draws a percentage from s in steps of five.
func pctStep(r *rand.Rand, s span) float64 {
	lo, hi := math.Ceil(s.lo*20), math.Floor(s.hi*20)
	return 5 * (lo + float64(r.IntN(int(hi-lo)+1)))
}
