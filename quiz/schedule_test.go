package quiz

import (
	"testing"
	"time"

	fsrs "github.com/open-spaced-repetition/go-fsrs/v3"
)

func TestRatingFor(t *testing.T) {
	tests := []struct {
		kind          string
		correct, typo bool
		elapsed       time.Duration
		want          Rating
	}{
		{"typed", false, false, time.Second, Again},
		{"typed", false, true, time.Second, Again},
		{"typed", true, false, 2 * time.Second, Easy},
		{"typed", true, false, FastAnswer, Good},
		{"typed", true, false, 30 * time.Second, Good},
		{"typed", true, true, time.Second, Hard},
		{"acronym", true, false, time.Second, Easy},
		{"metric", true, false, 40 * time.Second, Good},
		{"choice", true, false, time.Second, Good},
		{"reverse-choice", true, false, time.Second, Good},
		{"choice", false, false, time.Second, Again},
		{"flashcard", true, false, time.Second, Good},
		{"article", true, false, time.Second, Good},
	}
	for _, tt := range tests {
		got := RatingFor(tt.kind, tt.correct, tt.typo, tt.elapsed)
		if got != tt.want {
			t.Errorf("RatingFor(%q, correct=%v, typo=%v, %v) = %v, want %v",
				tt.kind, tt.correct, tt.typo, tt.elapsed, got, tt.want)
		}
	}
}

func TestSelfGrade(t *testing.T) {
	for n, want := range map[int]Rating{1: Again, 2: Hard, 3: Good, 4: Easy} {
		got, err := SelfGrade(n)
		if err != nil || got != want {
			t.Errorf("SelfGrade(%d) = %v, %v; want %v", n, got, err, want)
		}
	}
	for _, n := range []int{0, 5, -1} {
		if _, err := SelfGrade(n); err == nil {
			t.Errorf("SelfGrade(%d): want error", n)
		}
	}
}

func TestRatingsMatchFSRS(t *testing.T) {
	pairs := map[Rating]fsrs.Rating{Again: fsrs.Again, Hard: fsrs.Hard, Good: fsrs.Good, Easy: fsrs.Easy}
	for r, f := range pairs {
		if int8(r) != int8(f) {
			t.Errorf("%v = %d, fsrs %v = %d", r, r, f, f)
		}
	}
	if Again.Correct() || !Hard.Correct() || Rating(0).Correct() {
		t.Error("Correct: only Hard, Good and Easy count as right")
	}
}

func TestSchedulerProgression(t *testing.T) {
	s := NewScheduler()
	start := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

	review := func(ratings ...Rating) fsrs.Card {
		card, now := fsrs.NewCard(), start
		for _, r := range ratings {
			next, err := s.Next(card, now, r)
			if err != nil {
				t.Fatal(err)
			}
			card, now = next, next.Due
		}
		return card
	}

	good2 := review(Good, Good)
	again := review(Again)
	if !good2.Due.After(again.Due) {
		t.Errorf("Good twice due %v, not later than Again %v", good2.Due, again.Due)
	}
	if good2.State != fsrs.Review {
		t.Errorf("Good twice: state %v, want Review", good2.State)
	}
	// Each further Good stretches the interval: that is spaced repetition.
	good3 := review(Good, Good, Good)
	if good3.ScheduledDays <= good2.ScheduledDays {
		t.Errorf("third Good interval %d days, not longer than %d", good3.ScheduledDays, good2.ScheduledDays)
	}
	lapsed := review(Good, Good, Again)
	if lapsed.Lapses != 1 || lapsed.State != fsrs.Relearning {
		t.Errorf("Again on a review card: lapses %d state %v, want 1 Relearning", lapsed.Lapses, lapsed.State)
	}
	if _, err := s.Next(fsrs.NewCard(), start, Rating(9)); err == nil {
		t.Error("invalid rating: want error")
	}
}

// An article question answered by typing is recall: fast and right is
// Easy, as for any typed answer; one answered by choosing is at most Good.
func TestRatingKindOfArticleQuestions(t *testing.T) {
	typed := Question{Kind: Article, Answer: "Sales Qualified Lead"}
	chosen := Question{Kind: Article, Options: []string{"a", "b", "c", "d"}}
	if got := RatingFor(typed.RatingKind(), true, false, time.Second); got != Easy {
		t.Errorf("typed article question, fast and right: %v, want Easy", got)
	}
	if got := RatingFor(chosen.RatingKind(), true, false, time.Second); got != Good {
		t.Errorf("multiple-choice article question: %v, want Good", got)
	}
	if got := (Question{Kind: Flashcard}).RatingKind(); got != string(Flashcard) {
		t.Errorf("flashcard rating kind %q", got)
	}
}
