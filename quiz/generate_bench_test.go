package quiz

import (
	"fmt"
	"testing"

	"github.com/crm101/crm101/glossary"
)

// benchGlossary is the test glossary padded to about the size of the
// built-in one (~150 entries), with related links, so benchmarks see
// realistic distractor searches.
func benchGlossary(b *testing.B) *glossary.Glossary {
	b.Helper()
	es := testEntries()
	cats := glossary.Categories()
	for i := 0; len(es) < 150; i++ {
		e := glossary.Entry{
			Term:       fmt.Sprintf("Padding Term %03d", i),
			Acronym:    fmt.Sprintf("PT%03d", i),
			Category:   cats[i%len(cats)],
			Definition: fmt.Sprintf("Synthetic definition number %d about customers, deals and padding term %03d.", i, i),
		}
		if i > 0 {
			e.Related = []string{fmt.Sprintf("Padding Term %03d", i-1)}
		}
		es = append(es, e)
	}
	g, err := glossary.New(es)
	if err != nil {
		b.Fatal(err)
	}
	return g
}

// BenchmarkQuiz is the cost of `crm101 quiz export --count 20`.
func BenchmarkQuiz(b *testing.B) {
	g := benchGlossary(b)
	for i := 0; b.Loop(); i++ {
		if _, err := newGen(g, uint64(i)).Quiz(20, nil, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkKindsAll is the cost of asking which kinds fit every entry,
// as a start panel counting available questions would.
func BenchmarkKindsAll(b *testing.B) {
	g := benchGlossary(b)
	gen := newGen(g, 1)
	for b.Loop() {
		for _, e := range g.Entries() {
			gen.Kinds(e.Term)
		}
	}
}

func BenchmarkCheckTyped(b *testing.B) {
	q := typedQuestion()
	for b.Loop() {
		Check(q, "the chrun rates")
	}
}
