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
		if q, _ := gen.Pick("CAC", []Kind{Typed, Acronym}, nil); q.Kind != Typed && q.Kind != Acronym {
			t.Fatalf("Pick(CAC; typed, acronym) made a %s question", q.Kind)
		}
	}
	if q, intro := gen.Pick("Lead", []Kind{Metric}, nil); intro || q.Kind != Flashcard || q.Term != "Lead" || q.Answer == "" {
		t.Errorf("Pick(Lead; metric) = %+v, want its flashcard", q)
	}
	if q, _ := gen.Pick("Nope", []Kind{Typed}, nil); q.Kind != Flashcard || q.Prompt != "Nope" {
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

// A term's first question is a flashcard or multiple choice; in a typed
// or metric session a term never met is introduced as a flashcard, and
// asked in the mode's kind once known.
func TestPickMeetsATermFirst(t *testing.T) {
	g, err := glossary.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	gen := newGen(g, 3)
	never := func(string) bool { return false }
	always := func(string) bool { return true }
	for range 30 {
		q, intro := gen.Pick("Customer Acquisition Cost", Kinds(), never)
		if !q.Kind.row0().first || intro {
			t.Fatalf("mixed, never met: %s question (intro %v); want a flashcard or multiple choice", q.Kind, intro)
		}
	}
	for _, mode := range []Mode{TypedMode, MetricMode, CompareMode} {
		q, intro := gen.Pick("Customer Acquisition Cost", mode.Kinds(), never)
		if q.Kind != Flashcard || !intro {
			t.Errorf("%s session, never met: %s (intro %v); want a flashcard introduction", mode, q.Kind, intro)
		}
		q, intro = gen.Pick("Customer Acquisition Cost", mode.Kinds(), always)
		if !slices.Contains(mode.Kinds(), q.Kind) || intro {
			t.Errorf("%s session, known: %s (intro %v); want the mode's kind", mode, q.Kind, intro)
		}
	}
	// Compare drills join a mixed session once two members of a set are met.
	onlyCAC := func(term string) bool { return term == "Customer Acquisition Cost" }
	cacAndCPL := func(term string) bool { return term == "Customer Acquisition Cost" || term == "Cost per Lead" }
	sawCompare := false
	for range 200 {
		if q, _ := gen.Pick("Customer Acquisition Cost", Kinds(), onlyCAC); q.Kind == Compare {
			t.Fatal("compare asked with one member of the set met")
		}
		if q, _ := gen.Pick("Customer Acquisition Cost", Kinds(), cacAndCPL); q.Kind == Compare {
			sawCompare = true
		}
	}
	if !sawCompare {
		t.Error("compare never asked in a mixed session with two members met")
	}
}
