package quiz

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"strconv"
	"time"
)

// Desired retention: the chance of recalling a card when it falls due.
// Higher means more reviews.
const (
	DefaultRetention = 0.90
	MinRetention     = 0.80
	MaxRetention     = 0.97
)

// ClampRetention keeps r within MinRetention–MaxRetention; 0 (unset)
// means DefaultRetention.
func ClampRetention(r float64) float64 {
	if r == 0 || math.IsNaN(r) {
		return DefaultRetention
	}
	return math.Min(MaxRetention, math.Max(MinRetention, r))
}

// Course is what the learner chose about their pace. It is saved in the
// progress store and lasts until changed, from the start panel or the
// command line (--new-per-day, --by, --retention).
type Course struct {
	// NewPerDay caps the new terms introduced per day; 0 means
	// DefaultNewPerDay. By, when set, overrides it (see DailyNew).
	NewPerDay int
	// By is the day the learner means to have met every term of the
	// selection; zero when there is no such plan.
	By time.Time
	// Retention is the desired retention; 0 means DefaultRetention.
	Retention float64
}

// DateLayout is how a course's end date is written and read: --by 2026-12-18.
const DateLayout = "2006-01-02"

// The settings table's keys.
const (
	settingNewPerDay = "new_per_day"
	settingBy        = "by"
	settingRetention = "retention"
)

// Course reads the saved course; the zero Course when nothing is saved.
func (s *Store) Course() (Course, error) {
	var c Course
	read := func(key string) (string, error) {
		var v string
		err := s.db.QueryRow(`SELECT value FROM settings WHERE key = ?`, key).Scan(&v)
		if errors.Is(err, sql.ErrNoRows) {
			return "", nil
		}
		return v, err
	}
	v, err := read(settingNewPerDay)
	if err == nil && v != "" {
		c.NewPerDay, err = strconv.Atoi(v)
	}
	if err == nil {
		if v, err = read(settingBy); err == nil && v != "" {
			c.By, err = time.ParseInLocation(DateLayout, v, time.Local)
		}
	}
	if err == nil {
		if v, err = read(settingRetention); err == nil && v != "" {
			c.Retention, err = strconv.ParseFloat(v, 64)
		}
	}
	if err != nil {
		return Course{}, fmt.Errorf("read settings from %s: %w", s.path, err)
	}
	return c, nil
}

// SaveCourse saves c, replacing the saved course; zero fields are
// removed, so they fall back to the defaults.
func (s *Store) SaveCourse(c Course) error {
	ctx := context.Background()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("save settings in %s: %w", s.path, err)
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit
	set := func(key, value string) error {
		if value == "" {
			_, err := tx.ExecContext(ctx, `DELETE FROM settings WHERE key = ?`, key)
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
		return err
	}
	var by, per, ret string
	if !c.By.IsZero() {
		by = c.By.Format(DateLayout)
	}
	if c.NewPerDay != 0 {
		per = strconv.Itoa(c.NewPerDay)
	}
	if c.Retention != 0 {
		ret = strconv.FormatFloat(ClampRetention(c.Retention), 'f', -1, 64)
	}
	for _, kv := range [][2]string{{settingNewPerDay, per}, {settingBy, by}, {settingRetention, ret}} {
		if err := set(kv[0], kv[1]); err != nil {
			return fmt.Errorf("save settings in %s: %w", s.path, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("save settings in %s: %w", s.path, err)
	}
	return nil
}

// retention reads the desired retention inside a transaction, for
// scheduling a review.
func retention(ctx context.Context, q queryer) (float64, error) {
	var v string
	err := q.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, settingRetention).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return DefaultRetention, nil
	}
	if err != nil {
		return 0, err
	}
	r, err := strconv.ParseFloat(v, 64)
	if err != nil {
		return DefaultRetention, nil // a hand-edited value: fall back rather than refuse to save
	}
	return ClampRetention(r), nil
}

// DailyNew is how many new terms a day the course introduces when
// unseen terms are still new and introducedToday came in today: with an
// end date, the unseen terms spread evenly over the days left (today
// included, at least one a day); else NewPerDay or its default.
func (c Course) DailyNew(unseen, introducedToday int, now time.Time) int {
	if c.By.IsZero() {
		if c.NewPerDay > 0 {
			return c.NewPerDay
		}
		if c.NewPerDay < 0 {
			return 0
		}
		return DefaultNewPerDay
	}
	days := max(1, daysBetween(now, c.By)+1)
	left := unseen + introducedToday
	return max(1, (left+days-1)/days)
}

// Finish is the day the last of unseen new terms comes in at perDay a
// day, with introducedToday already used from today's allowance; the
// zero time when perDay is 0 (the course never ends).
func Finish(unseen, perDay, introducedToday int, now time.Time) time.Time {
	today := startOfDay(now)
	if unseen == 0 {
		return today
	}
	if perDay <= 0 {
		return time.Time{}
	}
	rest := unseen - max(perDay-introducedToday, 0)
	if rest <= 0 {
		return today
	}
	return today.AddDate(0, 0, (rest+perDay-1)/perDay)
}

// daysBetween counts calendar days from a's day to b's day in a's location.
func daysBetween(a, b time.Time) int {
	da, db := startOfDay(a), startOfDay(b.In(a.Location()))
	y, m, d := db.Date()
	db = time.Date(y, m, d, 0, 0, 0, 0, a.Location())
	return int(math.Round(db.Sub(da).Hours() / 24))
}

// Pace is where a course stands for one selection of terms.
type Pace struct {
	Unseen          int       // terms of the selection never reviewed
	IntroducedToday int       // new terms already met today (all selections)
	NewPerDay       int       // the daily new count the course sets now
	Finish          time.Time // the day the last unseen term comes in; zero: never
}

// Pace works out c's daily new count and projected finish over terms at now.
func (s *Store) Pace(c Course, terms []string, now time.Time) (Pace, error) {
	cards, err := s.Cards()
	if err != nil {
		return Pace{}, fmt.Errorf("course pace: %w", err)
	}
	seen := make(map[string]bool, len(cards))
	for _, cs := range cards {
		seen[termKey(cs.Term)] = true
	}
	var p Pace
	counted := map[string]bool{}
	for _, t := range terms {
		k := termKey(t)
		if !seen[k] && !counted[k] {
			counted[k] = true
			p.Unseen++
		}
	}
	if p.IntroducedToday, err = s.NewSince(startOfDay(now)); err != nil {
		return Pace{}, fmt.Errorf("course pace: %w", err)
	}
	p.NewPerDay = c.DailyNew(p.Unseen, p.IntroducedToday, now)
	p.Finish = Finish(p.Unseen, p.NewPerDay, p.IntroducedToday, now)
	return p, nil
}
