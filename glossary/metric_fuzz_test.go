package glossary

import (
	"math"
	"strings"
	"testing"
)

// FuzzCompute drives every metric with arbitrary numbers (NaN, ±Inf,
// negative zero, huge and tiny values included): Compute must never
// panic, must refuse with FieldErrors naming a real input, and must only
// ever return a finite result whose text holds no NaN or Inf.
func FuzzCompute(f *testing.F) {
	f.Add(uint8(0), 30000.0, 20000.0, 100.0, 0.0)
	f.Add(uint8(1), 100.0, 4.0, 5.0, 60.0)
	f.Add(uint8(4), 0.0, 0.0, 0.0, 0.0)
	f.Add(uint8(13), 1e15, 1e-4, 0.0, 0.0)
	f.Add(uint8(14), 1e15, 1e-4, 1e-4, 0.0)
	f.Add(uint8(10), -1e15, 1e-4, 0.0, 0.0)
	f.Add(uint8(2), math.NaN(), math.Inf(1), math.Inf(-1), math.Copysign(0, -1))
	metrics := AllMetrics()
	f.Fuzz(func(t *testing.T, which uint8, a, b, c, d float64) {
		m := metrics[int(which)%len(metrics)]
		nums := []float64{a, b, c, d}
		vals := Values{}
		for i, in := range m.Inputs {
			vals[in.ID] = nums[i]
		}
		r, err := m.Compute(vals)
		if err != nil {
			errs, ok := err.(FieldErrors)
			if !ok || len(errs) == 0 {
				t.Fatalf("%s%v: error %v (%T), want FieldErrors", m.ID, nums, err, err)
			}
			for _, e := range errs {
				if _, known := m.Input(e.Input); !known || e.Msg == "" {
					t.Fatalf("%s%v: error %+v names no input", m.ID, nums, e)
				}
			}
			return
		}
		if math.IsNaN(r.Value) || math.IsInf(r.Value, 0) {
			t.Fatalf("%s%v = %v", m.ID, nums, r.Value)
		}
		for _, s := range []string{r.Text, r.Formula, r.Interpretation} {
			if s == "" || strings.Contains(s, "NaN") || strings.Contains(s, "Inf") {
				t.Fatalf("%s%v: bad text %q", m.ID, nums, s)
			}
		}
	})
}

// FuzzCalculate is the same promise for typed text, through the parser.
func FuzzCalculate(f *testing.F) {
	f.Add(uint8(0), "30,000", "$20k", "100", "")
	f.Add(uint8(3), "200", "210", "30", "")
	f.Add(uint8(14), "$500", "80", "75%", "")
	metrics := AllMetrics()
	f.Fuzz(func(t *testing.T, which uint8, a, b, c, d string) {
		m := metrics[int(which)%len(metrics)]
		texts := []string{a, b, c, d}
		raw := map[string]string{}
		for i, in := range m.Inputs {
			raw[in.ID] = texts[i]
		}
		r, err := m.Calculate(raw)
		if err != nil {
			if _, ok := err.(FieldErrors); !ok {
				t.Fatalf("%s%q: error %v (%T), want FieldErrors", m.ID, texts, err, err)
			}
			return
		}
		if math.IsNaN(r.Value) || math.IsInf(r.Value, 0) || strings.Contains(r.Formula, "NaN") {
			t.Fatalf("%s%q = %v", m.ID, texts, r.Value)
		}
	})
}
