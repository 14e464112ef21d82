package glossary

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
)

// Unit is what a metric's result measures. Its string is the "unit" of
// the command line's JSON output, so the values are part of that contract.
type Unit string

// The result units.
const (
	UnitMoney   Unit = "$"
	UnitPercent Unit = "%"
	UnitRatio   Unit = "ratio"
	UnitMonths  Unit = "months"
	UnitDays    Unit = "days"
	UnitScore   Unit = "score"
)

// Format writes a result in this unit: "$500.00", "5.0%", "3.0 : 1",
// "8.3 months", "45.0 days", "45".
func (u Unit) Format(v float64) string {
	switch u {
	case UnitMoney:
		return FormatMoney(v)
	case UnitPercent:
		return FormatPercent(v)
	case UnitRatio:
		return FormatRatio(v)
	case UnitMonths:
		return FormatMonths(v)
	case UnitDays:
		return FormatDays(v)
	}
	return FormatScore(v)
}

// Input is one field of a metric's form and one flag of `crm101 calc`.
type Input struct {
	ID          string // flag and JSON name: "marketing-spend"
	Label       string // the words the glossary formula uses: "marketing spend"
	Kind        Kind
	Placeholder string // a worked example shown in the empty field
	Optional    bool   // when true, an empty field means Default
	Default     float64
	// Negative allows values below zero (an operating loss); every other
	// input is a count, an amount spent or a share and cannot be.
	Negative bool
	// Positive refuses zero: the input divides, and the message says so.
	Positive bool
	// Max, when non-zero, is an upper bound below MaxValue (100 for a
	// margin, which cannot exceed the whole of revenue).
	Max float64
}

// Derived is a quantity a formula shows that the user does not type,
// such as NPS's "% promoters", computed from the inputs.
type Derived struct {
	ID    string
	Label string
	Kind  Kind
	Value func(Values) float64
}

// Values maps input IDs to numbers.
type Values map[string]float64

// rule is a check across inputs, run only once every input it reads is
// valid on its own, and blamed on one input so a form can show it there.
type rule struct {
	blame  string
	uses   []string
	broken func(Values) bool
	msg    string
}

// Metric is one calculator of the Calculate screen and `crm101 calc`.
// Its Template is the single source of both the glossary's formula text
// (placeholders replaced by labels, see Formula) and the formula with the
// user's numbers (see Calculation.Formula), so the two cannot drift apart.
type Metric struct {
	ID       string // command-line name: "cac"
	Term     string // the glossary entry this metric computes
	Inputs   []Input
	Derived  []Derived
	Unit     Unit
	Template string // "CAC = ({marketing-spend} + {sales-spend}) ÷ {new-customers}"
	rules    []rule
	compute  func(Values) float64
	// interpret turns a valid result into one line of guidance.
	interpret func(v float64, in Values) string
}

// Name is the left side of the formula: "CAC", "Churn rate".
func (m Metric) Name() string {
	name, _, _ := strings.Cut(m.Template, " = ")
	return name
}

// Formula is the glossary wording of the formula: the template with each
// placeholder replaced by its label.
func (m Metric) Formula() string {
	return m.expand(func(id string) (string, bool) {
		if in, ok := m.Input(id); ok {
			return in.Label, true
		}
		for _, d := range m.Derived {
			if d.ID == id {
				return d.Label, true
			}
		}
		return "", false
	})
}

// Input finds one of the metric's inputs by ID.
func (m Metric) Input(id string) (Input, bool) {
	for _, in := range m.Inputs {
		if in.ID == id {
			return in, true
		}
	}
	return Input{}, false
}

// expand replaces every {id} in the template with name(id); an unknown
// id is kept in braces, which the catalogue's tests forbid.
func (m Metric) expand(name func(id string) (string, bool)) string {
	var b strings.Builder
	rest := m.Template
	for {
		open := strings.IndexByte(rest, '{')
		if open < 0 {
			break
		}
		end := strings.IndexByte(rest[open:], '}')
		if end < 0 {
			break
		}
		id := rest[open+1 : open+end]
		b.WriteString(rest[:open])
		if s, ok := name(id); ok {
			b.WriteString(s)
		} else {
			b.WriteString(rest[open : open+end+1])
		}
		rest = rest[open+end+1:]
	}
	b.WriteString(rest)
	return b.String()
}

// FieldError is a problem with one input. Msg names the field by its
// label, so it reads well both beside the field in the form and on the
// command line. Input is empty only for a problem of the whole form.
type FieldError struct {
	Input string
	Msg   string
}

// Error implements error.
func (e FieldError) Error() string { return e.Msg }

// FieldErrors is every problem found in one pass, in input order, so a
// user fixes them all at once.
type FieldErrors []FieldError

// Error implements error.
func (es FieldErrors) Error() string {
	msgs := make([]string, len(es))
	for i, e := range es {
		msgs[i] = e.Msg
	}
	return strings.Join(msgs, "; ")
}

// For returns the first message blamed on input id, or "".
func (es FieldErrors) For(id string) string {
	for _, e := range es {
		if e.Input == id {
			return e.Msg
		}
	}
	return ""
}

// Calculation is a computed metric: the number, its text, the formula with
// the user's numbers and a line of guidance.
type Calculation struct {
	Metric         string  // the metric's ID
	Value          float64 // finite, unrounded
	Unit           Unit
	Text           string // Value formatted in Unit
	Formula        string // the template with the user's numbers and "= Text"
	Interpretation string // one line of rule-of-thumb guidance
	Inputs         Values // every input, defaults filled in
	// Notes say how typed text was read where it could have meant two
	// things ("gross margin 0.5 read as 50%").
	Notes []string
}

// Calculate parses what the user typed (raw maps input ID to text) and
// computes the metric. Inputs missing from raw count as empty. On failure
// the error is FieldErrors holding every problem found.
func (m Metric) Calculate(raw map[string]string) (Calculation, error) {
	vals := Values{}
	var errs FieldErrors
	var notes []string
	for _, in := range m.Inputs {
		v, err := ParseNumber(raw[in.ID], in.Kind)
		switch {
		case err == ErrNoNumber && in.Optional:
			vals[in.ID] = in.Default
		case err != nil:
			errs = append(errs, FieldError{Input: in.ID, Msg: in.Label + " " + err.Error()})
		default:
			if pct, ok := percentFromFraction(raw[in.ID], v, in.Kind); ok {
				t := strings.TrimSpace(raw[in.ID])
				notes = append(notes, fmt.Sprintf("%s %s read as a fraction: %s (type %s%% if you meant %s percent)",
					in.Label, t, KindPercent.Format(pct), t, t))
				v = pct
			}
			vals[in.ID] = v
		}
	}
	c, err := m.finish(vals, errs)
	c.Notes = notes
	return c, err
}

// percentFromFraction reads a percentage typed as a fraction, the
// spreadsheet habit: 0.5 (no % sign) in a percent field is 50%. A value
// above 1, or one typed with %, is already a percentage.
func percentFromFraction(text string, v float64, k Kind) (float64, bool) {
	if k != KindPercent || v <= 0 || v > 1 || strings.HasSuffix(strings.TrimSpace(text), "%") {
		return 0, false
	}
	return v * 100, true
}

// Compute computes the metric from numbers, checking them exactly as
// Calculate checks typed text; missing optional inputs take their default.
func (m Metric) Compute(in Values) (Calculation, error) {
	vals := Values{}
	var errs FieldErrors
	for _, inp := range m.Inputs {
		v, ok := in[inp.ID]
		switch {
		case ok:
			vals[inp.ID] = v
		case inp.Optional:
			vals[inp.ID] = inp.Default
		default:
			errs = append(errs, FieldError{Input: inp.ID, Msg: inp.Label + " " + ErrNoNumber.Error()})
		}
	}
	return m.finish(vals, errs)
}

// finish validates the values that parsed, adds the cross-input rules
// whose inputs are all valid, and computes when nothing is wrong.
func (m Metric) finish(vals Values, errs FieldErrors) (Calculation, error) {
	valid := map[string]bool{}
	for _, in := range m.Inputs {
		v, ok := vals[in.ID]
		if !ok {
			continue
		}
		if msg := m.check(in, v); msg != "" {
			errs = append(errs, FieldError{Input: in.ID, Msg: msg})
			continue
		}
		valid[in.ID] = true
	}
	for _, r := range m.rules {
		ready := true
		for _, id := range r.uses {
			ready = ready && valid[id]
		}
		if ready && r.broken(vals) {
			errs = append(errs, FieldError{Input: r.blame, Msg: r.msg})
		}
	}
	if len(errs) > 0 {
		return Calculation{}, m.inOrder(errs)
	}
	v := m.compute(vals)
	if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > 1e300 {
		// The input bounds make this unreachable; the guard keeps the
		// promise that no NaN or Inf ever reaches a screen.
		return Calculation{}, FieldErrors{{Msg: "the result is too large to show; check the inputs"}}
	}
	if v == 0 {
		v = 0 // no negative zero
	}
	text := m.Unit.Format(v)
	return Calculation{
		Metric:         m.ID,
		Value:          v,
		Unit:           m.Unit,
		Text:           text,
		Formula:        m.Filled(vals) + " = " + text,
		Interpretation: m.interpret(v, vals),
		Inputs:         vals,
	}, nil
}

// Filled is the template with the user's numbers in place of the labels,
// without the result: "CAC = ($30,000.00 + $20,000.00) ÷ 100".
func (m Metric) Filled(vals Values) string {
	return m.expand(func(id string) (string, bool) {
		if in, ok := m.Input(id); ok {
			return in.Kind.Format(vals[id]), true
		}
		for _, d := range m.Derived {
			if d.ID == id {
				return d.Kind.Format(d.Value(vals)), true
			}
		}
		return "", false
	})
}

// check applies one input's own bounds and returns the problem, or "".
func (m Metric) check(in Input, v float64) string {
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > MaxValue:
		return in.Label + " " + errOverLimit.Error()
	case v < 0 && !in.Negative:
		return in.Label + " cannot be negative"
	case in.Kind == KindCount && v != math.Trunc(v):
		return in.Label + " must be a whole number"
	case v != 0 && math.Abs(v) < MinMagnitude:
		return in.Label + " is too small; use 0 or at least 0.0001"
	case in.Max != 0 && v > in.Max:
		return in.Label + " cannot be more than " + in.Kind.Format(in.Max)
	case in.Positive && v == 0 && in.Kind == KindCount:
		return in.Label + " must be at least 1 to compute " + m.nameInSentence()
	case in.Positive && v == 0:
		return in.Label + " must be more than 0 to compute " + m.nameInSentence()
	}
	return ""
}

// nameInSentence is Name as it reads mid-sentence: "churn rate", but
// "CAC" and "CLV:CAC ratio" keep their capitals.
func (m Metric) nameInSentence() string {
	name := m.Name()
	first, rest, _ := strings.Cut(name, " ")
	if strings.ToUpper(first) == first {
		return name
	}
	return strings.TrimSpace(strings.ToLower(first) + " " + rest)
}

// inOrder sorts errors by the position of their input in the form, so
// messages read top to bottom like the fields they describe.
func (m Metric) inOrder(errs FieldErrors) FieldErrors {
	pos := func(id string) int {
		for i, in := range m.Inputs {
			if in.ID == id {
				return i
			}
		}
		return len(m.Inputs)
	}
	out := make(FieldErrors, 0, len(errs))
	for i := 0; i <= len(m.Inputs); i++ {
		for _, e := range errs {
			if pos(e.Input) == i {
				out = append(out, e)
			}
		}
	}
	return out
}

// metrics is the catalogue, built once: Browse asks for the metric of
// every entry it opens, the quiz for every entry of a deck.
var metrics = sync.OnceValues(func() ([]Metric, map[string]int) {
	all := catalogue()
	byName := make(map[string]int, 2*len(all))
	for i, m := range all {
		byName["id:"+strings.ToLower(m.ID)] = i
		byName["term:"+Key(m.Term)] = i
	}
	return all, byName
})

// AllMetrics returns every metric in the order the calculator lists them.
// The slice is fresh; callers may keep or reorder it.
func AllMetrics() []Metric {
	all, _ := metrics()
	return slices.Clone(all)
}

// MetricByID finds a metric by its command-line ID, ignoring case.
func MetricByID(id string) (Metric, bool) {
	return metricBy("id:" + strings.ToLower(strings.TrimSpace(id)))
}

// MetricForTerm finds the metric that computes a glossary entry, so
// Browse can offer "open in calculator" on exactly those entries.
func MetricForTerm(term string) (Metric, bool) { return metricBy("term:" + Key(term)) }

func metricBy(key string) (Metric, bool) {
	all, byName := metrics()
	if i, ok := byName[key]; ok {
		return all[i], true
	}
	return Metric{}, false
}

// String is "cac (Customer Acquisition Cost)", for messages.
func (m Metric) String() string { return fmt.Sprintf("%s (%s)", m.ID, m.Term) }
