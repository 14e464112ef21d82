package quiz

import (
	"fmt"
	"math"
	"strings"

	"github.com/crm101/crm101/glossary"
)

// metricAttempts bounds the search for generated numbers that pass a
// metric's own checks (customers lost no more than customers at start…);
// after it, the metric's placeholder example is used as it stands.
const metricAttempts = 20

// fitsMetric: only an entry the calculator computes has a formula to
// put numbers in.
func (gen *Generator) fitsMetric(i int) bool { return gen.keys()[i].hasMetric }

// metricQuestion is a word problem about entry i's metric.
func (gen *Generator) metricQuestion(i int) (Question, error) {
	return gen.metric(gen.g.At(i), gen.keys()[i].metric)
}

// metric builds a word problem for the calculator metric m with fresh
// numbers. The answer is computed by the metric itself, so the quiz and
// the calculator can never disagree about a result.
func (gen *Generator) metric(e glossary.Entry, m glossary.Metric) (Question, error) {
	res, err := m.Compute(gen.metricInputs(m, false))
	for try := 1; err != nil && try <= metricAttempts; try++ {
		res, err = m.Compute(gen.metricInputs(m, try == metricAttempts))
	}
	if err != nil {
		return Question{}, fmt.Errorf("metric question about %q: %w", e.Term, err)
	}
	values := make(map[string]string, len(m.Inputs))
	for _, in := range m.Inputs {
		values[in.ID] = strings.TrimSuffix(in.Kind.Format(res.Inputs[in.ID]), ".00")
	}
	var b strings.Builder
	if text, ok := story(m.ID, values); ok {
		b.WriteString(text)
	} else {
		fmt.Fprintf(&b, "Work out the %s from these figures:\n", inSentence(m.Name()))
		for _, in := range m.Inputs {
			fmt.Fprintf(&b, "\n- %s: %s", in.Label, values[in.ID])
		}
	}
	b.WriteString("\n\n" + unitHint(m.Unit))
	return Question{
		Kind: Metric, Term: e.Term, Prompt: b.String(), Answer: res.Text,
		// The worked formula leads: it is the explanation, and the first
		// line is what a printed answer key shows.
		Back:    res.Formula + "\nFormula: " + m.Formula(),
		Numeric: &Numeric{Value: res.Value, Unit: string(res.Unit), Step: unitStep(m.Unit)},
	}, nil
}

// metricInputs draws each input near its placeholder (half to twice it)
// and rounds it the way a real report would show it. With placeholders
// set, the placeholder values themselves are returned.
func (gen *Generator) metricInputs(m glossary.Metric, placeholders bool) glossary.Values {
	vals := glossary.Values{}
	for _, in := range m.Inputs {
		base, err := glossary.ParseNumber(in.Placeholder, in.Kind)
		if err != nil || base <= 0 {
			base = 10
		}
		if placeholders {
			vals[in.ID] = base
			continue
		}
		vals[in.ID] = roundInput(in, base*(0.5+1.5*gen.rng.Float64()))
	}
	if !placeholders && plausible[m.ID] != nil {
		plausible[m.ID](gen.rng, vals)
	}
	return vals
}

// roundInput makes a generated value look like one from a report: two
// significant digits for money and counts, whole numbers of purchases
// and years, percentages in steps of five.
func roundInput(in glossary.Input, v float64) float64 {
	switch in.Kind {
	case glossary.KindPercent:
		limit := 100.0
		if in.Max != 0 {
			limit = in.Max
		}
		return math.Min(limit, math.Max(5, 5*math.Round(v/5)))
	case glossary.KindNumber, glossary.KindYears:
		return math.Max(1, math.Round(v))
	}
	v = twoSignificant(v)
	if in.Kind == glossary.KindCount {
		return math.Max(1, math.Round(v))
	}
	return v
}

func twoSignificant(v float64) float64 {
	if v <= 0 {
		return v
	}
	scale := math.Pow(10, math.Floor(math.Log10(v))-1)
	return math.Round(v/scale) * scale
}

// inSentence is a metric name as it reads mid-sentence: "churn rate",
// but "CAC" and "CLV:CAC ratio" keep their capitals.
func inSentence(name string) string {
	first, _, _ := strings.Cut(name, " ")
	if strings.ToUpper(first) == first {
		return name
	}
	return strings.ToLower(name[:1]) + name[1:]
}

func unitHint(u glossary.Unit) string {
	switch u {
	case glossary.UnitMoney:
		return "Answer in dollars."
	case glossary.UnitPercent:
		return "Answer as a percentage."
	case glossary.UnitRatio:
		return "Answer as a ratio to one (3 : 1, or just 3)."
	case glossary.UnitMonths:
		return "Answer in months."
	case glossary.UnitDays:
		return "Answer in days."
	}
	return "Answer with the score."
}

// unitStep is the precision a learner is expected to round to: cents,
// tenths of a percent, of a ratio, of a month or of a day, whole score
// points.
func unitStep(u glossary.Unit) float64 {
	switch u {
	case glossary.UnitMoney:
		return 0.01
	case glossary.UnitScore:
		return 1
	}
	return 0.1
}
