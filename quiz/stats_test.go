package quiz

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestStatsEmpty(t *testing.T) {
	st := openTestStore(t)
	got, err := st.Stats(t0, []string{"Lead", "Churn", "lead"})
	if err != nil {
		t.Fatal(err)
	}
	want := Stats{Total: 2, New: 2, Weakest: []TermStat{}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Stats = %+v, want %+v", got, want)
	}
	out, _ := json.Marshal(got)
	for _, key := range []string{`"total":2`, `"due_today":0`, `"streak_days":0`, `"weakest":[]`, `"next_due":null`, `"accuracy":0`} {
		if !strings.Contains(string(out), key) {
			t.Errorf("JSON %s lacks %s", out, key)
		}
	}
}

func TestStatsStreakAcrossDays(t *testing.T) {
	st := openTestStore(t)
	// A learner five hours behind UTC: a review at 23:30 local is already
	// the next day in UTC, and must count for the local day.
	loc := time.FixedZone("UTC-5", -5*3600)
	at := func(day, hour, minute int) time.Time { return time.Date(2026, 3, day, hour, minute, 0, 0, loc) }
	record(t, st, "A", Good, at(1, 10, 0)) // a lone day before a gap
	record(t, st, "A", Good, at(3, 23, 30))
	record(t, st, "B", Good, at(4, 8, 0))
	record(t, st, "B", Again, at(4, 9, 0))
	record(t, st, "C", Good, at(5, 7, 0))

	tests := []struct {
		now   time.Time
		days  int
		today bool
	}{
		{at(5, 21, 0), 3, true},  // 3, 4, 5 — today counts
		{at(6, 12, 0), 3, false}, // studied yesterday: the streak is still alive
		{at(7, 0, 1), 0, false},  // a whole day missed
		{at(4, 12, 0), 2, true},  // the day-5 review is in the future: ignored
		{at(2, 12, 0), 1, false}, // day 1 was yesterday
		{at(3, 23, 59), 1, true}, // just the 23:30 review
	}
	for _, tt := range tests {
		got, err := st.Stats(tt.now, []string{"A", "B", "C"})
		if err != nil {
			t.Fatal(err)
		}
		if got.StreakDays != tt.days || got.StudiedToday != tt.today {
			t.Errorf("at %v: streak %d today %v, want %d %v", tt.now, got.StreakDays, got.StudiedToday, tt.days, tt.today)
		}
	}
}

func TestStatsTotalsDueAndAccuracy(t *testing.T) {
	st := openTestStore(t)
	// Review "Solid" at each due date until FSRS calls it mastered.
	now := t0
	for i := 0; ; i++ {
		c := record(t, st, "Solid", Good, now)
		if mastered(c) {
			now = c.Due
			break
		}
		if i > 20 {
			t.Fatal("Solid never reached mastery")
		}
		now = c.Due
	}
	// now is Solid's due date: it is due today again.
	record(t, st, "Shaky", Again, now.Add(-time.Hour))   // learning, due in minutes
	record(t, st, "Known", Easy, now.Add(-48*time.Hour)) // review, due days later
	record(t, st, "Gone", Again, now)                    // no longer in the glossary

	terms := []string{"Solid", "Shaky", "Known", "Fresh"}
	got, err := st.Stats(now, terms)
	if err != nil {
		t.Fatal(err)
	}
	if got.Total != 4 || got.Mastered != 1 || got.Learning != 2 || got.New != 1 {
		t.Errorf("totals = %d: %d mastered, %d learning, %d new; want 4: 1, 2, 1", got.Total, got.Mastered, got.Learning, got.New)
	}
	if got.DueToday != 2 {
		t.Errorf("due today = %d, want 2 (Solid and Shaky)", got.DueToday)
	}
	known, _, _ := st.Card("Known")
	if got.NextDue == nil || !got.NextDue.Equal(known.Due) {
		t.Errorf("next due = %v, want Known's %v", got.NextDue, known.Due)
	}
	solid, _, _ := st.Card("Solid")
	wantReviews := int(solid.Reps) + 3
	if got.Reviews != wantReviews || got.Correct != wantReviews-2 {
		t.Errorf("reviews %d correct %d, want %d and %d", got.Reviews, got.Correct, wantReviews, wantReviews-2)
	}
	if want := float64(wantReviews-2) / float64(wantReviews); got.Accuracy != want {
		t.Errorf("accuracy = %v, want %v", got.Accuracy, want)
	}
}

func TestStrugglingAndWeakest(t *testing.T) {
	st := openTestStore(t)
	at := t0
	answer := func(term string, ratings ...Rating) {
		for _, r := range ratings {
			record(t, st, term, r, at)
			at = at.Add(time.Minute)
		}
	}
	answer("Never Right", Again, Again, Again)
	answer("Half Right", Good, Again, Good, Again)
	answer("Fixed Long Ago", Again, Good, Good, Good, Good, Good) // the miss left the window
	answer("Always Right", Good, Good)
	answer("Dropped Term", Again, Good)
	answer("Recent Miss", Good, Good, Good, Again)

	got, err := st.Struggling(10)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Never Right", "Half Right", "Dropped Term", "Recent Miss"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Struggling = %v, want %v", got, want)
	}
	if got, _ := st.Struggling(1); !reflect.DeepEqual(got, want[:1]) {
		t.Errorf("Struggling(1) = %v", got)
	}

	stats, err := st.Stats(at, []string{"Never Right", "Half Right", "Fixed Long Ago", "Always Right", "Recent Miss"})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, w := range stats.Weakest {
		names = append(names, w.Term)
	}
	if want := []string{"Never Right", "Half Right", "Recent Miss"}; !reflect.DeepEqual(names, want) {
		t.Errorf("Weakest = %v, want %v (Dropped Term is not in the glossary)", names, want)
	}
	if w := stats.Weakest[1]; w.RecentReviews != 4 || w.RecentCorrect != 2 || w.RecentAccuracy != 0.5 {
		t.Errorf("Half Right = %+v", w)
	}
}
