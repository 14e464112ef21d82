package quiz

import (
	"slices"
	"strings"
	"testing"
)

// The kind table is the one place a kind is declared: every row must be
// complete, and the stored names must never change, since the progress
// store's reviews.kind column and exported JSON hold them.
func TestKindTable(t *testing.T) {
	stored := []Kind{"flashcard", "choice", "reverse-choice", "acronym", "typed", "metric", "article", "compare"}
	if got := Kinds(); !slices.Equal(got, stored) {
		t.Errorf("Kinds() = %q, want the stored names %q (rename a kind only with a migration)", got, stored)
	}
	g := testGlossary(t)
	gen := newGen(g, 1)
	labels := map[string]Kind{}
	for _, r := range kindTable {
		k := r.kind
		if string(k) != strings.ToLower(string(k)) || strings.ContainsAny(string(k), " \t") {
			t.Errorf("%q: a stored name is lower case without spaces (RatingFor folds case)", k)
		}
		if r.label == "" || k.Label() != r.label {
			t.Errorf("%q: label %q", k, k.Label())
		} else if other, dup := labels[r.label]; dup {
			t.Errorf("%q and %q share the label %q", other, k, r.label)
		}
		labels[r.label] = k
		if r.skill != Recognition && r.skill != Recall && r.skill != SelfGraded {
			t.Errorf("%q: skill %d is none of Recognition, Recall, SelfGraded", k, r.skill)
		}
		if r.fits == nil || r.ask == nil {
			t.Errorf("%q: no eligibility or no generator", k)
			continue
		}
		// Each generator runs on some test term and makes its own kind.
		asked := false
		for i := range g.Entries() {
			if !r.fits(gen, i) {
				continue
			}
			q, err := r.ask(gen, i)
			if err != nil || q.Kind != k {
				t.Errorf("%q about %q: kind %q, err %v", k, g.At(i).Term, q.Kind, err)
			}
			asked = true
			break
		}
		if !asked {
			t.Errorf("%q fits no term of the test glossary: its generator goes untested", k)
		}
	}
	if Kind("riddle").Valid() || Kind("riddle").Label() != "riddle" || Kind("live").Skill() != Recognition {
		t.Error("an unknown kind must be invalid, shown as stored and weighed as recognition")
	}
}
