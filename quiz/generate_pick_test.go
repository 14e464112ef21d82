package quiz

import (
	"slices"
	"testing"

	"github.com/crm101/crm101/glossary"
)

func TestAskable(t *testing.T) {
	gen := newGen(testGlossary(t), 1)
	metrics := gen.Askable([]Kind{Metric}, "")
	if !slices.Contains(metrics, "Customer Acquisition Cost") || slices.Contains(metrics, "Lead") {
		t.Errorf("Askable(metric) = %q: want the metric terms only", metrics)
	}
	got := gen.Askable([]Kind{Acronym, Article}, glossary.Sales)
	if want := []string{"Pipeline", "Sales Qualified Lead"}; !slices.Equal(got, want) {
		t.Errorf("Askable(acronym, article; Sales) = %q, want %q", got, want)
	}
	if got := gen.Askable(nil, ""); got != nil {
		t.Errorf("Askable(no kinds) = %q", got)
	}
}

func TestPickFitsOrFallsBack(t *testing.T) {
	gen := newGen(testGlossary(t), 1)
	for range 20 {
		if q := gen.Pick("CAC", []Kind{Typed, Acronym}); q.Kind != Typed && q.Kind != Acronym {
			t.Fatalf("Pick(CAC; typed, acronym) made a %s question", q.Kind)
		}
	}
	if q := gen.Pick("Lead", []Kind{Metric}); q.Kind != Flashcard || q.Term != "Lead" || q.Answer == "" {
		t.Errorf("Pick(Lead; metric) = %+v, want its flashcard", q)
	}
	if q := gen.Pick("Nope", []Kind{Typed}); q.Kind != Flashcard || q.Prompt != "Nope" {
		t.Errorf("Pick(unknown term) = %+v, want a bare card", q)
	}
}

// Pick falls back to fallbackKind for any term, so it must fit them all.
func TestFallbackKindFitsEveryTerm(t *testing.T) {
	g, err := glossary.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	gen := newGen(g, 1)
	for i, e := range g.Entries() {
		if !gen.fits(i, fallbackKind) {
			t.Fatalf("%s does not fit %q", fallbackKind, e.Term)
		}
	}
}
