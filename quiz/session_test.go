package quiz

import (
	"math/rand/v2"
	"reflect"
	"testing"
	"time"
)

// fakeClock is an injected clock the test moves by hand.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time          { return c.t }
func (c *fakeClock) advance(d time.Duration) { c.t = c.t.Add(d) }

// queueOf reads the session's whole queue without answering.
func queueOf(s *Session) []string { return append([]string(nil), s.queue...) }

func newSession(t *testing.T, st *Store, terms []string, opts SessionOptions, clk *fakeClock) *Session {
	t.Helper()
	s, err := NewSession(st, terms, opts, clk.now, nil)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestSessionDueBeforeNewMostOverdueFirst(t *testing.T) {
	st := openTestStore(t)
	// Two cards graduated to Review on different days, so they fall due
	// on different days.
	for i, term := range []string{"Lead", "Churn"} {
		at := t0.AddDate(0, 0, i)
		c := record(t, st, term, Good, at)
		record(t, st, term, Good, c.Due)
	}
	lead, _, _ := st.Card("Lead")
	churn, _, _ := st.Card("Churn")
	if !lead.Due.Before(churn.Due) {
		t.Fatalf("setup: Lead due %v not before Churn due %v", lead.Due, churn.Due)
	}
	clk := &fakeClock{churn.Due.Add(time.Hour)}
	s := newSession(t, st, []string{"Pipeline", "Churn", "Lead", "Persona"}, SessionOptions{}, clk)
	want := []string{"Lead", "Churn", "Pipeline", "Persona"}
	if got := queueOf(s); !reflect.DeepEqual(got, want) {
		t.Errorf("queue = %v, want %v", got, want)
	}
	if due, fresh := s.Planned(); due != 2 || fresh != 2 {
		t.Errorf("Planned = %d due, %d new; want 2, 2", due, fresh)
	}

	// A day before they are due, the same cards stay out.
	clk.t = lead.Due.AddDate(0, 0, -1)
	s = newSession(t, st, []string{"Churn", "Lead"}, SessionOptions{}, clk)
	if due, fresh := s.Planned(); due != 0 || fresh != 0 {
		t.Errorf("nothing due yet, Planned = %d due, %d new", due, fresh)
	}
	// …so the session is extra practice instead of a dead end.
	if got := queueOf(s); !s.FellBack() || s.Study() != Practise || len(got) != 2 {
		t.Errorf("nothing due: fell back %v, study %v, queue %v; want practice of both", s.FellBack(), s.Study(), got)
	}
}

func TestSessionNewPerDayCountsEarlierToday(t *testing.T) {
	st := openTestStore(t)
	terms := []string{"A", "B", "C", "D", "E", "F", "G"}
	day := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	// Yesterday's new terms do not count against today's allowance.
	record(t, st, "A", Easy, day.Add(-2*time.Hour))
	// Nor does reviewing it again today make it new.
	record(t, st, "A", Good, day.Add(7*time.Hour))
	// Two new terms introduced this morning do.
	record(t, st, "B", Easy, day.Add(8*time.Hour))
	record(t, st, "C", Easy, day.Add(8*time.Hour))

	clk := &fakeClock{day.Add(15 * time.Hour)}
	s := newSession(t, st, terms, SessionOptions{NewPerDay: 3}, clk)
	if due, fresh := s.Planned(); due != 0 || fresh != 1 {
		t.Errorf("Planned = %d due, %d new; want 0 due (Easy cards wait days), 1 new", due, fresh)
	}
	if got := queueOf(s); !reflect.DeepEqual(got, []string{"D"}) {
		t.Errorf("queue = %v, want [D]", got)
	}

	// The next day the full allowance is back.
	clk.t = day.Add(25 * time.Hour)
	s = newSession(t, st, terms, SessionOptions{NewPerDay: 3}, clk)
	if _, fresh := s.Planned(); fresh != 3 {
		t.Errorf("next day: %d new, want 3", fresh)
	}
	s = newSession(t, st, terms, SessionOptions{NewPerDay: -1}, clk)
	if _, fresh := s.Planned(); fresh != 0 {
		t.Errorf("NewPerDay -1: %d new, want 0", fresh)
	}
	s = newSession(t, st, []string{"D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O"}, SessionOptions{}, clk)
	if _, fresh := s.Planned(); fresh != DefaultNewPerDay {
		t.Errorf("default: %d new, want %d", fresh, DefaultNewPerDay)
	}
}

func TestSessionAgainComesBackLater(t *testing.T) {
	st := openTestStore(t)
	clk := &fakeClock{t0}
	s := newSession(t, st, []string{"A", "B", "C", "D", "E", "F"}, SessionOptions{RequeueGap: 3}, clk)

	answer := func(term string, r Rating) {
		t.Helper()
		got, ok := s.Next()
		if !ok || got != term {
			t.Fatalf("Next = %q, %v; want %q", got, ok, term)
		}
		if _, err := s.Record(term, "typed", r, 4*time.Second); err != nil {
			t.Fatal(err)
		}
		clk.advance(20 * time.Second)
	}
	answer("A", Again)
	if got := queueOf(s); !reflect.DeepEqual(got, []string{"B", "C", "D", "A", "E", "F"}) {
		t.Fatalf("after missing A, queue = %v", got)
	}
	if done, total := s.Progress(); done != 1 || total != 7 {
		t.Errorf("Progress = %d/%d, want 1/7", done, total)
	}
	for _, term := range []string{"B", "C", "D"} {
		answer(term, Good)
	}
	answer("A", Good)
	answer("E", Good)
	answer("F", Again)
	// Fewer cards left than the gap: the miss comes back last.
	answer("F", Hard)
	if _, ok := s.Next(); ok {
		t.Error("session should be over")
	}
	if done, total := s.Progress(); done != 8 || total != 8 {
		t.Errorf("Progress = %d/%d, want 8/8", done, total)
	}
	if got := s.Missed(); !reflect.DeepEqual(got, []string{"A", "F"}) {
		t.Errorf("Missed = %v", got)
	}
	if n := countRows(t, st, "reviews"); n != 8 {
		t.Errorf("%d reviews saved, want 8", n)
	}
	a, _, _ := st.Card("A")
	if a.Reps != 2 {
		t.Errorf("A reps = %d, want 2", a.Reps)
	}
	if _, err := s.Record("A", "typed", Good, time.Second); err == nil {
		t.Error("Record after the end: want error")
	}
}

func TestSessionRecordChecksCurrentTerm(t *testing.T) {
	st := openTestStore(t)
	s := newSession(t, st, []string{"A", "B"}, SessionOptions{}, &fakeClock{t0})
	if _, err := s.Record("B", "typed", Good, time.Second); err == nil {
		t.Error("recording a term that is not current: want error")
	}
	if _, err := s.Record("a", "typed", Good, time.Second); err != nil {
		t.Errorf("case-folded current term: %v", err)
	}
}

func TestSessionRestrictedToTerms(t *testing.T) {
	st := openTestStore(t)
	record(t, st, "Lead", Again, t0)
	record(t, st, "Churn", Again, t0)
	clk := &fakeClock{t0.Add(time.Hour)}
	s := newSession(t, st, []string{"Churn", "Retention"}, SessionOptions{}, clk)
	if got := queueOf(s); !reflect.DeepEqual(got, []string{"Churn", "Retention"}) {
		t.Errorf("queue = %v, want [Churn Retention] (Lead is outside the filter)", got)
	}
}

func TestSessionLengthCap(t *testing.T) {
	st := openTestStore(t)
	var terms []string
	for _, r := range "ABCDEFGH" {
		terms = append(terms, string(r))
	}
	for _, term := range terms[:5] {
		record(t, st, term, Again, t0)
	}
	s := newSession(t, st, terms, SessionOptions{Length: 4}, &fakeClock{t0.Add(time.Hour)})
	if due, fresh := s.Planned(); due != 4 || fresh != 0 {
		t.Errorf("Planned = %d due, %d new; want 4 due filling the session, 0 new", due, fresh)
	}
}

func TestSessionNewTermsDeterministicForSeed(t *testing.T) {
	st := openTestStore(t)
	terms := []string{"A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L"}
	plan := func(seed uint64) []string {
		s, err := NewSession(st, terms, SessionOptions{NewPerDay: 5}, (&fakeClock{t0}).now, rand.New(rand.NewPCG(seed, 7)))
		if err != nil {
			t.Fatal(err)
		}
		return queueOf(s)
	}
	a, b := plan(1), plan(1)
	if !reflect.DeepEqual(a, b) {
		t.Errorf("same seed, different sessions: %v vs %v", a, b)
	}
	if reflect.DeepEqual(a, terms[:5]) && reflect.DeepEqual(plan(2), terms[:5]) {
		t.Error("rng given but new terms not shuffled")
	}
}
