package quiz

import (
	"reflect"
	"testing"
	"time"
)

// A trainee who has done today's new terms and has nothing due still
// gets a session: practice, weakest terms first, then review ahead,
// then more new terms.
func TestSessionNeverADeadEnd(t *testing.T) {
	st := openTestStore(t)
	at := t0
	record(t, st, "Lead", Easy, at)   // seen, right: due in days
	record(t, st, "Churn", Again, at) // seen, missed: the weakest
	record(t, st, "Churn", Easy, at.Add(time.Minute))
	clk := &fakeClock{at.Add(2 * time.Hour)}
	terms := []string{"Lead", "Churn", "Pipeline", "Persona"}
	s := newSession(t, st, terms, SessionOptions{NewPerDay: 2}, clk)
	if !s.FellBack() || s.Study() != Practise {
		t.Fatalf("today's new terms done, nothing due: fell back %v, study %v", s.FellBack(), s.Study())
	}
	got := queueOf(s)
	if len(got) != 4 || got[0] != "Churn" || got[1] != "Lead" {
		t.Fatalf("practice queue = %v, want Churn (weakest), Lead (review ahead), then the new terms", got)
	}
	if planned, _, _ := s.Counts(); planned != 4 || s.Extra() != 4 {
		t.Fatalf("Counts planned %d, Extra %d; want 4, 4", planned, s.Extra())
	}
}

// Missed studies the terms answered wrong in the last seven days, most
// recent first; with none, it too falls back to practice.
func TestSessionMissedStudy(t *testing.T) {
	st := openTestStore(t)
	record(t, st, "Old miss", Again, t0.AddDate(0, 0, -10))
	record(t, st, "Lead", Again, t0.Add(-2*time.Hour))
	record(t, st, "Churn", Again, t0.Add(-time.Hour))
	record(t, st, "Pipeline", Good, t0.Add(-time.Hour))
	clk := &fakeClock{t0}
	terms := []string{"Lead", "Churn", "Pipeline", "Old miss"}
	s := newSession(t, st, terms, SessionOptions{Study: MissedStudy}, clk)
	if got, want := queueOf(s), []string{"Churn", "Lead"}; !reflect.DeepEqual(got, want) || s.FellBack() {
		t.Fatalf("missed queue = %v (fell back %v), want %v", got, s.FellBack(), want)
	}
	s = newSession(t, st, []string{"Pipeline"}, SessionOptions{Study: MissedStudy}, clk)
	if !s.FellBack() || len(queueOf(s)) != 1 {
		t.Fatalf("nothing missed: fell back %v, queue %v; want practice", s.FellBack(), queueOf(s))
	}
}

// A term counts as met after one right answer; a follow-up brings it
// back after the gap, and counts apart from retries.
func TestSessionMetAndFollowUp(t *testing.T) {
	st := openTestStore(t)
	record(t, st, "Lead", Good, t0.AddDate(0, 0, -30))
	clk := &fakeClock{t0}
	s := newSession(t, st, []string{"A", "B", "C", "D", "E"}, SessionOptions{}, clk)
	if !s.Met("lead") || s.Met("A") {
		t.Fatalf("Met(lead)=%v Met(A)=%v; want true, false", s.Met("lead"), s.Met("A"))
	}
	if _, err := s.Record("A", "flashcard", Good, time.Second); err != nil {
		t.Fatal(err)
	}
	s.FollowUp("A")
	if _, err := s.Record("B", "flashcard", Again, time.Second); err != nil {
		t.Fatal(err)
	}
	if !s.Met("A") || s.Met("B") {
		t.Fatalf("after answers Met(A)=%v Met(B)=%v", s.Met("A"), s.Met("B"))
	}
	if got, want := queueOf(s), []string{"C", "D", "A", "B", "E"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("queue = %v, want %v", got, want)
	}
	if planned, retries, follow := s.Counts(); planned != 5 || retries != 1 || follow != 1 {
		t.Fatalf("Counts = %d, %d, %d; want 5 planned, 1 retry, 1 follow-up", planned, retries, follow)
	}
}

func TestParseStudy(t *testing.T) {
	for _, s := range Studies() {
		if got, err := ParseStudy(s.String()); err != nil || got != s {
			t.Errorf("ParseStudy(%q) = %v, %v", s, got, err)
		}
	}
	if got, _ := ParseStudy("Practice"); got != Practise {
		t.Error("practice (US spelling) should read as practise")
	}
	if _, err := ParseStudy("cram"); err == nil {
		t.Error("ParseStudy(cram) should fail")
	}
}
