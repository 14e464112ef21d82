package quiz

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/crm101/crm101/glossary"
)

// metricGlossary holds one entry per calculator metric, so every metric
// gets a question whatever the built-in glossary holds today.
func metricGlossary(t *testing.T) *glossary.Glossary {
	t.Helper()
	var es []glossary.Entry
	for _, m := range glossary.AllMetrics() {
		es = append(es, glossary.Entry{Term: m.Term, Category: glossary.Metrics, Definition: "A metric computed as " + m.Formula() + ".", Formula: m.Formula()})
	}
	g, err := glossary.New(es)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestMetricQuestionForEveryMetric(t *testing.T) {
	g := metricGlossary(t)
	for seed := uint64(1); seed <= 30; seed++ {
		gen := newGen(g, seed)
		for _, m := range glossary.AllMetrics() {
			q, err := gen.For(m.Term, Metric)
			if err != nil {
				t.Fatalf("seed %d, %s: %v", seed, m.ID, err)
			}
			if q.Numeric == nil || q.Numeric.Unit != string(m.Unit) {
				t.Fatalf("%s: numeric answer %+v", m.ID, q.Numeric)
			}
			// The learner's natural answers: the shown text and the value
			// rounded the way the unit is shown.
			if v := Check(q, q.Answer); !v.Correct {
				t.Errorf("seed %d, %s: shown answer %q graded %+v", seed, m.ID, q.Answer, v)
			}
			// The answer is what the calculator itself computes from the
			// numbers in the prompt.
			raw, ok := storyFigures(m.ID, q.Prompt)
			if !ok {
				t.Fatalf("%s: prompt does not read as its sentence:\n%s", m.ID, q.Prompt)
			}
			res, err := m.Calculate(raw)
			if err != nil {
				t.Fatalf("%s: the prompt's numbers %v do not compute: %v", m.ID, raw, err)
			}
			if res.Text != q.Answer {
				t.Errorf("%s: answer %q, calculator says %q for %v", m.ID, q.Answer, res.Text, raw)
			}
			if first, _, _ := strings.Cut(q.Back, "\n"); first != res.Formula || !strings.Contains(q.Back, m.Formula()) {
				t.Errorf("%s: back %q lacks the formula or the worked formula %q", m.ID, q.Back, res.Formula)
			}
		}
	}
}

func TestMetricQuestionExample(t *testing.T) {
	q, err := newGen(metricGlossary(t), 1).For("Customer Acquisition Cost", Metric)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s\n→ %s\n%s", q.Prompt, q.Answer, q.Back)
	for _, want := range []string{"Marketing spent $", " and sales $", " new customers. What is the CAC?", "Answer in dollars."} {
		if !strings.Contains(q.Prompt, want) {
			t.Errorf("prompt lacks %q:\n%s", want, q.Prompt)
		}
	}
	if v := Check(q, "$1"); v.Correct {
		t.Errorf("$1 accepted as the CAC %s", q.Answer)
	}
}

func TestMetricKindOnlyForMetrics(t *testing.T) {
	gen := newGen(testGlossary(t), 1)
	if k := gen.Kinds("Customer Acquisition Cost"); !slices.Contains(k, Metric) {
		t.Errorf("CAC kinds %v lack metric", k)
	}
	if k := gen.Kinds("Pipeline"); slices.Contains(k, Metric) {
		t.Errorf("Pipeline kinds %v include metric", k)
	}
}

// Every calculator metric is asked about in the built-in glossary.
func TestBuiltinOffersEveryMetric(t *testing.T) {
	g, err := glossary.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	gen := newGen(g, 1)
	for _, m := range glossary.AllMetrics() {
		if !slices.Contains(gen.Kinds(m.Term), Metric) {
			t.Errorf("%s: no metric question for %q", m.ID, m.Term)
		}
	}
}

// Every calculator metric has a sentence, and every sentence names each
// of the metric's inputs and nothing else.
func TestEveryMetricHasAFillableStory(t *testing.T) {
	for _, m := range glossary.AllMetrics() {
		values := map[string]string{}
		for _, in := range m.Inputs {
			values[in.ID] = "<" + in.ID + ">"
		}
		text, ok := story(m.ID, values)
		if !ok {
			t.Errorf("%s: no sentence, or one with an unknown placeholder: %q", m.ID, text)
			continue
		}
		for _, in := range m.Inputs {
			if !strings.Contains(text, "<"+in.ID+">") {
				t.Errorf("%s: the sentence leaves out %s", m.ID, in.ID)
			}
		}
	}
}

// storyFigures reads the figures back out of a metric problem's
// sentence, by matching the prompt against the metric's template.
func storyFigures(id, prompt string) (map[string]string, bool) {
	tmpl := stories[id]
	slot := regexp.MustCompile(`\{([a-z-]+)\}`)
	var ids []string
	pattern := "^"
	last := 0
	for _, loc := range slot.FindAllStringSubmatchIndex(tmpl, -1) {
		pattern += regexp.QuoteMeta(tmpl[last:loc[0]]) + "(.+?)"
		ids = append(ids, tmpl[loc[2]:loc[3]])
		last = loc[1]
	}
	pattern += regexp.QuoteMeta(tmpl[last:]) + "\n"
	m := regexp.MustCompile(pattern).FindStringSubmatch(prompt)
	if m == nil {
		return nil, false
	}
	figures := map[string]string{}
	for i, id := range ids {
		figures[id] = m[i+1]
	}
	return figures, true
}
