package round

import (
	"errors"
	"testing"
	"time"
)

// Pausing stops the clock: no answers, no advance, and the time paused
// counts neither against the question nor against an answer's speed.
func TestPauseResume(t *testing.T) {
	e := NewEngine(Config{QuestionTime: 20 * time.Second, RevealTime: 5 * time.Second})
	e.Join("al")
	if err := e.Start(1, twoQuestions(), t0); err != nil {
		t.Fatal(err)
	}
	if !e.Pause(t0.Add(5*time.Second)) || e.Pause(t0.Add(6*time.Second)) {
		t.Fatal("Pause should change things once")
	}
	ev := e.Event()
	if !ev.Paused || ev.Left != 15*time.Second || !ev.Deadline.IsZero() || !e.Next().IsZero() {
		t.Errorf("paused event %+v", ev)
	}
	if _, err := e.Answer("al", 0, 0, t0.Add(6*time.Second)); !errors.Is(err, ErrPaused) {
		t.Errorf("answer while paused: %v", err)
	}
	if e.Advance(t0.Add(time.Hour)) {
		t.Error("a paused round advanced")
	}
	resumed := t0.Add(time.Hour)
	if !e.Resume(resumed) || e.Event().Paused || e.Next() != resumed.Add(15*time.Second) {
		t.Fatalf("after resume: %+v", e.Event())
	}
	a, err := e.Answer("al", 0, 0, resumed.Add(time.Second))
	if err != nil || a.Elapsed != 6*time.Second {
		t.Errorf("answer after resume: %+v, %v; want 6s elapsed (5 before, 1 after)", a, err)
	}
}

// Skip closes the open question at once (answers given count), then
// moves past the reveal; a paused round skips too.
func TestSkip(t *testing.T) {
	e := NewEngine(Config{QuestionTime: 20 * time.Second, RevealTime: 5 * time.Second})
	e.Join("al")
	e.Join("bo")
	if err := e.Start(1, twoQuestions(), t0); err != nil {
		t.Fatal(err)
	}
	if _, err := e.Answer("al", 0, 0, t0.Add(time.Second)); err != nil {
		t.Fatal(err)
	}
	if !e.Skip(t0.Add(2*time.Second)) || e.Phase() != Revealing {
		t.Fatalf("skip: phase %v", e.Phase())
	}
	if lb := e.Event().Leaderboard; len(lb) != 2 || lb[0].Name != "al" || lb[0].Correct != 1 {
		t.Errorf("leaderboard %+v", lb)
	}
	e.Pause(t0.Add(3 * time.Second))
	if !e.Skip(t0.Add(4*time.Second)) || e.Phase() != Asking || e.Event().Index != 1 || e.Paused() {
		t.Fatalf("skip the reveal: %+v", e.Event())
	}
	e.Skip(t0.Add(5 * time.Second))
	e.Skip(t0.Add(6 * time.Second))
	if e.Phase() != Finished || e.Skip(t0.Add(7*time.Second)) {
		t.Errorf("phase %v after skipping everything", e.Phase())
	}
}
