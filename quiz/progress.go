package quiz

import (
	"fmt"
	"time"

	"github.com/crm101/crm101/glossary"
)

// The Progress view's spans.
const (
	ForecastDays  = 30 // reviews due per day, from today
	CalendarWeeks = 12 // study days shown
	WeakestListed = 10 // weakest terms listed
)

// CategoryAccuracy is how often the learner answered one category's
// terms right, over every answer ever recorded.
type CategoryAccuracy struct {
	Category glossary.Category `json:"category"`
	Reviews  int               `json:"reviews"`
	Correct  int               `json:"correct"`
	Accuracy float64           `json:"accuracy"` // Correct/Reviews, 0 when none
}

// StudyDay is one calendar day and the answers given on it.
type StudyDay struct {
	Day     time.Time `json:"day"`
	Reviews int       `json:"reviews"`
}

// Report is everything the Progress view draws: Stats plus the study
// calendar and up to WeakestListed weakest terms.
type Report struct {
	Stats
	Calendar []StudyDay // the last CalendarWeeks weeks, oldest first, ending today
}

// Forecast counts the cards of terms falling due on each of the next
// days days, today first; today includes every overdue card.
func (s *Store) Forecast(now time.Time, terms []string, days int) ([]int, error) {
	cards, err := s.Cards()
	if err != nil {
		return nil, fmt.Errorf("forecast: %w", err)
	}
	in := make(map[string]bool, len(terms))
	for _, t := range terms {
		in[termKey(t)] = true
	}
	out := make([]int, days)
	today := startOfDay(now)
	for _, c := range cards {
		if !in[termKey(c.Term)] {
			continue
		}
		d := daysBetween(today, c.Card.Due)
		if d < 0 {
			d = 0
		}
		if d < days {
			out[d]++
		}
	}
	return out, nil
}

// CategoryAccuracy groups every recorded answer of g's terms by category,
// in g.Categories order (a pack's own categories after the built-in
// ones); categories without answers are listed with zero reviews.
func (s *Store) CategoryAccuracy(g *glossary.Glossary) ([]CategoryAccuracy, error) {
	per, err := s.ReviewsByTerm()
	if err != nil {
		return nil, err
	}
	by := map[glossary.Category]*CategoryAccuracy{}
	out := make([]CategoryAccuracy, 0, len(g.Categories()))
	for _, c := range g.Categories() {
		out = append(out, CategoryAccuracy{Category: c})
	}
	for i := range out {
		by[out[i].Category] = &out[i]
	}
	for _, tr := range per {
		e, ok := g.Lookup(tr.Term)
		if !ok || by[e.Category] == nil {
			continue
		}
		a := by[e.Category]
		a.Reviews += tr.Reviews
		a.Correct += tr.Correct
	}
	for i := range out {
		if out[i].Reviews > 0 {
			out[i].Accuracy = float64(out[i].Correct) / float64(out[i].Reviews)
		}
	}
	return out, nil
}

// Calendar counts the answers given on each of the last weeks*7 days,
// oldest first, ending today (in now's location). It spans every deck,
// like the streak.
func (s *Store) Calendar(now time.Time, weeks int) ([]StudyDay, error) {
	first := startOfDay(now).AddDate(0, 0, 1-7*weeks)
	rows, err := s.db.Query(`SELECT reviewed_at FROM reviews WHERE reviewed_at >= ?`, first.UnixMilli())
	if err != nil {
		return nil, fmt.Errorf("study calendar from %s: %w", s.path, err)
	}
	defer rows.Close()
	out := make([]StudyDay, 7*weeks)
	for i := range out {
		out[i].Day = first.AddDate(0, 0, i)
	}
	for rows.Next() {
		var ms int64
		if err := rows.Scan(&ms); err != nil {
			return nil, fmt.Errorf("study calendar from %s: %w", s.path, err)
		}
		if d := daysBetween(first, time.UnixMilli(ms).In(now.Location())); d >= 0 && d < len(out) {
			out[d].Reviews++
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("study calendar from %s: %w", s.path, err)
	}
	return out, nil
}

// Report gathers the Progress view's figures over terms of g at now.
func (s *Store) Report(now time.Time, g *glossary.Glossary, terms []string) (Report, error) {
	st, err := s.StatsFor(now, g, terms)
	if err != nil {
		return Report{}, err
	}
	r := Report{Stats: st}
	r.Weakest = r.Weakest[:0]
	in := map[string]bool{}
	for _, t := range terms {
		in[termKey(t)] = true
	}
	cards, err := s.Cards()
	if err != nil {
		return Report{}, err
	}
	ranked, err := s.struggling(cards)
	if err != nil {
		return Report{}, err
	}
	for _, w := range ranked {
		if len(r.Weakest) == WeakestListed {
			break
		}
		if in[termKey(w.Term)] {
			r.Weakest = append(r.Weakest, w)
		}
	}
	if r.Calendar, err = s.Calendar(now, CalendarWeeks); err != nil {
		return Report{}, err
	}
	return r, nil
}

// StatsFor is Stats with the figures that need the glossary too: the
// 30-day forecast and accuracy by category (`stats --json`).
func (s *Store) StatsFor(now time.Time, g *glossary.Glossary, terms []string) (Stats, error) {
	st, err := s.Stats(now, terms)
	if err != nil {
		return Stats{}, err
	}
	if st.Forecast, err = s.Forecast(now, terms, ForecastDays); err != nil {
		return Stats{}, err
	}
	if st.Categories, err = s.CategoryAccuracy(g); err != nil {
		return Stats{}, err
	}
	return st, nil
}
