package quiz

import (
	"path/filepath"
	"testing"
	"time"
)

// A progress file in the old format (schema 2, no settings) opens with
// its cards, starts with the default course, and keeps a course saved
// into it across reopening.
func TestOldProgressGainsSettings(t *testing.T) {
	t0 := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC).UnixMilli()
	path := oldDB(t, map[string]int64{"Lead": t0})
	s, err := OpenStore(path)
	if err != nil {
		t.Fatal(err)
	}
	c, err := s.Course()
	if err != nil || c != (Course{}) {
		t.Fatalf("course of an old file = %+v, %v; want the zero course", c, err)
	}
	if _, ok, err := s.Card("Lead"); !ok || err != nil {
		t.Fatalf("old card lost: ok=%v err=%v", ok, err)
	}
	by := time.Date(2026, 12, 18, 0, 0, 0, 0, time.Local)
	if err := s.SaveCourse(Course{NewPerDay: 15, By: by, Retention: 0.85}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = OpenStore(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c, err = s.Course()
	if err != nil || c.NewPerDay != 15 || !c.By.Equal(by) || c.Retention != 0.85 {
		t.Fatalf("course after reopening = %+v, %v", c, err)
	}
	// Zero fields are removed, so they fall back to the defaults.
	if err := s.SaveCourse(Course{NewPerDay: 15}); err != nil {
		t.Fatal(err)
	}
	if c, _ := s.Course(); !c.By.IsZero() || c.Retention != 0 {
		t.Fatalf("cleared course = %+v", c)
	}
}

func TestCourseDailyNewAndFinish(t *testing.T) {
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	day := func(d int) time.Time { return time.Date(2026, 12, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		name                  string
		c                     Course
		unseen, today, perDay int
		finish                time.Time
	}{
		{"default", Course{}, 150, 0, DefaultNewPerDay, day(15)},
		{"set per day", Course{NewPerDay: 25}, 150, 0, 25, day(6)},
		{"by the 5th: 150 over 5 days", Course{By: day(5)}, 150, 0, 30, day(5)},
		{"by the 5th, 10 already today", Course{By: day(5)}, 140, 10, 30, day(5)},
		{"by today", Course{By: day(1)}, 40, 0, 40, day(1)},
		{"by a past day", Course{By: day(1).AddDate(0, 0, -3)}, 7, 0, 7, day(1)},
		{"nothing left", Course{By: day(20)}, 0, 0, 1, day(1)},
	}
	for _, tt := range tests {
		per := tt.c.DailyNew(tt.unseen, tt.today, now)
		if per != tt.perDay {
			t.Errorf("%s: DailyNew = %d, want %d", tt.name, per, tt.perDay)
		}
		if got := Finish(tt.unseen, per, tt.today, now); !got.Equal(tt.finish) {
			t.Errorf("%s: Finish = %s, want %s", tt.name, got.Format(DateLayout), tt.finish.Format(DateLayout))
		}
	}
}

// The desired retention saved in the store shapes scheduling: a higher
// target brings the next review sooner.
func TestRetentionShapesIntervals(t *testing.T) {
	at := time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)
	due := func(r float64) time.Time {
		s, err := OpenStore(filepath.Join(t.TempDir(), "p.db"))
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if err := s.SaveCourse(Course{Retention: r}); err != nil {
			t.Fatal(err)
		}
		var c CardState
		for i := range 4 {
			card, err := s.Record(Review{Term: "Lead", Kind: "typed", Rating: Good, At: at.AddDate(0, 0, i*10)})
			if err != nil {
				t.Fatal(err)
			}
			c.Card = card
		}
		return c.Card.Due
	}
	if lo, hi := due(0.97), due(0.80); !lo.Before(hi) {
		t.Fatalf("retention 0.97 due %s, 0.80 due %s: want the higher target sooner", lo, hi)
	}
	if ClampRetention(0.5) != MinRetention || ClampRetention(1) != MaxRetention || ClampRetention(0) != DefaultRetention {
		t.Fatal("ClampRetention does not keep to 0.80–0.97")
	}
}
