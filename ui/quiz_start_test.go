package ui

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

// Enter pressed while the start panel is still reading progress is
// kept: the session starts as soon as the plan arrives (on a slow disk
// or a busy machine the first key is not lost).
func TestQuizEnterWhilePlanningStartsWhenReady(t *testing.T) {
	st := openTestStore(t)
	m := newTestModel(t, Options{Store: st, Start: QuizScreen, Seed: 7, Clock: newClock().Now})
	var tm tea.Model = send(t, m, size(80, 24))
	q := quizOf(tm)
	if !q.planning {
		t.Fatal("the first plan is already here; the test needs one on its way")
	}
	plan := q.planCmd
	q, _ = q.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
	if q.state != quizStart || !q.startWhenPlanned {
		t.Fatalf("enter while planning: state %v, waiting %v", q.state, q.startWhenPlanned)
	}
	q, _ = q.Update(plan()())
	if q.state == quizStart || q.session == nil {
		t.Fatalf("the plan arrived but the session did not start (state %v)", q.state)
	}
	// The keys follow the question, not the start panel it left: help
	// and key matching must agree on what works now.
	if q.keys.Start.Enabled() || q.keys.Up.Enabled() {
		t.Error("the start panel's keys are still enabled on the first question")
	}
	if !q.keys.Flip.Enabled() && !q.keys.Choose.Enabled() && !q.keys.Submit.Enabled() {
		t.Error("no answer key is enabled on the first question")
	}
}
