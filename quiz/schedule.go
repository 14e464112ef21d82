package quiz

import (
	"fmt"
	"strings"
	"time"

	fsrs "github.com/open-spaced-repetition/go-fsrs/v3"
)

// Rating is how well the learner recalled a card. It mirrors the four FSRS
// grades so that ui/ can show and pick ratings without importing go-fsrs.
type Rating int8

// The four grades, in the order the learner sees them (keys 1–4).
const (
	Again Rating = Rating(fsrs.Again)
	Hard  Rating = Rating(fsrs.Hard)
	Good  Rating = Rating(fsrs.Good)
	Easy  Rating = Rating(fsrs.Easy)
)

// Ratings lists every rating in key order.
func Ratings() []Rating { return []Rating{Again, Hard, Good, Easy} }

// String names the rating the way buttons and the reviews table do.
func (r Rating) String() string {
	switch r {
	case Again:
		return "again"
	case Hard:
		return "hard"
	case Good:
		return "good"
	case Easy:
		return "easy"
	}
	return fmt.Sprintf("rating(%d)", int8(r))
}

// Valid reports whether r is one of Ratings.
func (r Rating) Valid() bool { return r >= Again && r <= Easy }

// Correct reports whether the rating counts as a right answer: anything
// but Again was recalled, however laboriously.
func (r Rating) Correct() bool { return r.Valid() && r != Again }

// SelfGrade turns the learner's flashcard grade (1 = Again … 4 = Easy)
// into a Rating; flashcards have no right answer to check, so the
// learner's own judgement is the rating.
func SelfGrade(n int) (Rating, error) {
	r := Rating(n)
	if !r.Valid() {
		return 0, fmt.Errorf("self-grade %d: want 1 (again) to 4 (easy)", n)
	}
	return r, nil
}

// FastAnswer is the answer time under which a right, typo-free typed
// answer is rated Easy: recall that quick means the term is well known.
const FastAnswer = 5 * time.Second

// RatingFor maps a checked answer to an FSRS rating. kind is the question
// kind ("typed", "acronym", "metric", "choice", "reverse-choice", …).
//
// A wrong answer is Again. A right answer with a tolerated typo is Hard. A
// right typed answer is Good, or Easy when given within FastAnswer. Every
// other kind (multiple choice above all) is at most Good, because picking
// from options proves recognition, not recall. Flashcards should use
// SelfGrade instead; given here they count as Good when recalled.
func RatingFor(kind string, correct, typo bool, elapsed time.Duration) Rating {
	switch {
	case !correct:
		return Again
	case typo:
		return Hard
	case recallKind(kind) && elapsed >= 0 && elapsed < FastAnswer:
		return Easy
	default:
		return Good
	}
}

// recallKind reports whether a stored kind name makes the learner
// produce the answer from memory rather than recognise it among options.
func recallKind(kind string) bool {
	return Kind(strings.ToLower(kind)).Skill() == Recall
}

// Scheduler applies FSRS to one card at a time. The zero value is not
// usable; build one with NewScheduler.
type Scheduler struct {
	params fsrs.Parameters
}

// MaxInterval caps the days between two reviews: a trainee sees every
// term at least once a year.
const MaxInterval = 365

// NewScheduler returns a scheduler with the FSRS default weights at
// DefaultRetention. Fuzz is on, so a cohort that studied together does
// not find all its reviews on the same day; go-fsrs seeds it from the
// review's time and the card, so the same history still yields the same
// due dates.
func NewScheduler() Scheduler { return NewSchedulerFor(DefaultRetention) }

// NewSchedulerFor is NewScheduler aiming at the desired retention r
// (clamped to MinRetention–MaxRetention): the chance of recalling a card
// when it falls due.
func NewSchedulerFor(r float64) Scheduler {
	p := fsrs.DefaultParam()
	p.EnableFuzz = true
	p.MaximumInterval = MaxInterval
	p.RequestRetention = ClampRetention(r)
	return Scheduler{params: p}
}

// Next returns the card after a review rated r at now.
func (s Scheduler) Next(card fsrs.Card, now time.Time, r Rating) (fsrs.Card, error) {
	if !r.Valid() {
		return card, fmt.Errorf("schedule: invalid rating %d", int8(r))
	}
	// A fresh FSRS value per call: go-fsrs writes a seed into its
	// parameters while scheduling, so a shared one would race.
	f := fsrs.NewFSRS(s.params)
	return f.Next(card, now, fsrs.Rating(r)).Card, nil
}
