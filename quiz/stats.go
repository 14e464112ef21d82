package quiz

import (
	"fmt"
	"sort"
	"time"

	fsrs "github.com/open-spaced-repetition/go-fsrs/v3"
)

// MasteredStability is the FSRS stability, in days, from which a review
// card counts as mastered: the learner would still recall it three weeks
// on, so it has left daily practice.
const MasteredStability = 21.0

// RecentWindow is how many of a term's latest reviews decide whether the
// learner struggles with it now, so old mistakes since fixed are forgiven.
const RecentWindow = 5

// Stats summarises progress for the start panel and `crm101 stats`. The
// json tags are the `stats --json` contract.
type Stats struct {
	Total        int        `json:"total"`         // terms in the glossary (or filter)
	Mastered     int        `json:"mastered"`      // review cards with stability ≥ MasteredStability
	Learning     int        `json:"learning"`      // seen but not yet mastered
	New          int        `json:"new"`           // never reviewed
	DueToday     int        `json:"due_today"`     // seen cards due before midnight
	DueTomorrow  int        `json:"due_tomorrow"`  // falling due during tomorrow
	NextDue      *time.Time `json:"next_due"`      // earliest due time after today, null when none
	StreakDays   int        `json:"streak_days"`   // consecutive study days ending today or yesterday
	StudiedToday bool       `json:"studied_today"` // whether today already counts in the streak
	Reviews      int        `json:"reviews"`       // answers ever recorded in this deck
	Correct      int        `json:"correct"`       // of which right
	Accuracy     float64    `json:"accuracy"`      // Correct/Reviews, 0 when no reviews
	Weakest      []TermStat `json:"weakest"`       // the terms most in need of practice
	// Forecast and Categories are filled by StatsFor, which knows the
	// glossary: reviews due on each of the next ForecastDays days (today
	// first, overdue included) and accuracy by category.
	Forecast   []int              `json:"forecast"`
	Categories []CategoryAccuracy `json:"accuracy_by_category"`
}

// TermStat describes one term the learner struggles with.
type TermStat struct {
	Term           string    `json:"term"`
	Lapses         int       `json:"lapses"`          // times forgotten after being learnt
	RecentReviews  int       `json:"recent_reviews"`  // of the last RecentWindow
	RecentCorrect  int       `json:"recent_correct"`  // of those, right
	RecentAccuracy float64   `json:"recent_accuracy"` // RecentCorrect/RecentReviews
	LastMissed     time.Time `json:"last_missed"`
}

// WeakestShown is how many weakest terms Stats lists.
const WeakestShown = 5

// Stats computes progress at now over allTerms (the glossary's terms);
// cards of terms no longer in the list are left out of the totals.
func (s *Store) Stats(now time.Time, allTerms []string) (Stats, error) {
	cards, err := s.Cards()
	if err != nil {
		return Stats{}, fmt.Errorf("stats: %w", err)
	}
	byKey := make(map[string]fsrs.Card, len(cards))
	for _, c := range cards {
		byKey[termKey(c.Term)] = c.Card
	}
	tomorrow := startOfDay(now).AddDate(0, 0, 1)
	dayAfter := tomorrow.AddDate(0, 0, 1)

	var st Stats
	inList := make(map[string]bool, len(allTerms))
	for _, term := range allTerms {
		key := termKey(term)
		if inList[key] {
			continue
		}
		inList[key] = true
		st.Total++
		card, ok := byKey[key]
		switch {
		case !ok:
			st.New++
			continue
		case mastered(card):
			st.Mastered++
		default:
			st.Learning++
		}
		switch {
		case card.Due.Before(tomorrow):
			st.DueToday++
		case card.Due.Before(dayAfter):
			st.DueTomorrow++
		}
		if !card.Due.Before(tomorrow) && (st.NextDue == nil || card.Due.Before(*st.NextDue)) {
			due := card.Due
			st.NextDue = &due
		}
	}

	if st.Reviews, st.Correct, err = s.reviewCounts(); err != nil {
		return Stats{}, err
	}
	if st.Reviews > 0 {
		st.Accuracy = float64(st.Correct) / float64(st.Reviews)
	}
	if st.StreakDays, st.StudiedToday, err = s.streak(now); err != nil {
		return Stats{}, err
	}
	weak, err := s.struggling(cards)
	if err != nil {
		return Stats{}, err
	}
	st.Weakest = []TermStat{}
	for _, w := range weak {
		if len(st.Weakest) == WeakestShown {
			break
		}
		if inList[termKey(w.Term)] {
			st.Weakest = append(st.Weakest, w)
		}
	}
	return st, nil
}

// TermReviews is how often one term was answered, and how often right.
type TermReviews struct {
	Term    string `json:"term"`
	Reviews int    `json:"reviews"`
	Correct int    `json:"correct"`
}

// ReviewsByTerm counts the answers recorded for each of the view's
// terms, in term order.
func (s *Store) ReviewsByTerm() ([]TermReviews, error) {
	rows, err := s.db.Query(`SELECT deck, MIN(term), COUNT(*), SUM(correct) FROM reviews
		GROUP BY deck, term_key ORDER BY term_key, deck`)
	if err != nil {
		return nil, fmt.Errorf("count reviews in %s: %w", s.path, err)
	}
	defer rows.Close()
	var out []TermReviews
	for rows.Next() {
		var deck string
		var tr TermReviews
		if err := rows.Scan(&deck, &tr.Term, &tr.Reviews, &tr.Correct); err != nil {
			return nil, fmt.Errorf("count reviews in %s: %w", s.path, err)
		}
		if s.owns(deck, tr.Term) {
			out = append(out, tr)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("count reviews in %s: %w", s.path, err)
	}
	return out, nil
}

// reviewCounts counts the answers ever recorded for the view's cards,
// and how many were right.
func (s *Store) reviewCounts() (reviews, correct int, err error) {
	per, err := s.ReviewsByTerm()
	if err != nil {
		return 0, 0, fmt.Errorf("stats: %w", err)
	}
	for _, tr := range per {
		reviews += tr.Reviews
		correct += tr.Correct
	}
	return reviews, correct, nil
}

// mastered reports whether a card has left daily practice.
func mastered(c fsrs.Card) bool {
	return c.State == fsrs.Review && c.Stability >= MasteredStability
}

// streak counts consecutive calendar days (in now's location) with at
// least one review, ending today or yesterday: a streak stays alive until
// a whole day passes without study. It spans every deck.
func (s *Store) streak(now time.Time) (days int, today bool, err error) {
	rows, err := s.db.Query(`SELECT reviewed_at FROM reviews ORDER BY reviewed_at DESC`)
	if err != nil {
		return 0, false, fmt.Errorf("stats: read review days from %s: %w", s.path, err)
	}
	defer rows.Close()
	loc := now.Location()
	first := startOfDay(now)
	var last time.Time
	for rows.Next() {
		var ms int64
		if err := rows.Scan(&ms); err != nil {
			return 0, false, fmt.Errorf("stats: read review days from %s: %w", s.path, err)
		}
		day := startOfDay(time.UnixMilli(ms).In(loc))
		if days == 0 {
			if day.After(first) {
				continue // a review from a clock set ahead: not a study day yet
			}
			if !day.Equal(first) && !day.Equal(first.AddDate(0, 0, -1)) {
				break
			}
			days, last, today = 1, day, day.Equal(first)
			continue
		}
		if day.Equal(last) {
			continue
		}
		if !day.Equal(last.AddDate(0, 0, -1)) {
			break
		}
		days, last = days+1, day
	}
	if err := rows.Err(); err != nil {
		return 0, false, fmt.Errorf("stats: read review days from %s: %w", s.path, err)
	}
	return days, today, nil
}

// Struggling returns up to n terms of the deck the learner currently
// struggles with, weakest first: the terms for `quiz export --missed`.
func (s *Store) Struggling(n int) ([]string, error) {
	cards, err := s.Cards()
	if err != nil {
		return nil, fmt.Errorf("struggling terms: %w", err)
	}
	weak, err := s.struggling(cards)
	if err != nil {
		return nil, err
	}
	terms := make([]string, 0, min(n, len(weak)))
	for _, w := range weak {
		if len(terms) == n {
			break
		}
		terms = append(terms, w.Term)
	}
	return terms, nil
}

// struggling ranks the terms with a miss among their last RecentWindow
// reviews that are not mastered: lowest recent accuracy first, then most
// lapses, then the most recent miss, then by name for a stable order.
func (s *Store) struggling(cards []CardState) ([]TermStat, error) {
	byKey := make(map[string]CardState, len(cards)) // deck + "\x00" + term key
	for _, c := range cards {
		byKey[c.Deck+"\x00"+termKey(c.Term)] = c
	}
	rows, err := s.db.Query(`SELECT deck || char(0) || term_key, COUNT(*), SUM(correct), MAX(CASE WHEN correct = 0 THEN reviewed_at END)
		FROM (SELECT deck, term_key, correct, reviewed_at,
			ROW_NUMBER() OVER (PARTITION BY deck, term_key ORDER BY reviewed_at DESC, id DESC) AS rn
			FROM reviews)
		WHERE rn <= ? GROUP BY deck, term_key`, RecentWindow)
	if err != nil {
		return nil, fmt.Errorf("stats: recent reviews in %s: %w", s.path, err)
	}
	defer rows.Close()
	var weak []TermStat
	for rows.Next() {
		var key string
		var w TermStat
		var lastMiss *int64
		if err := rows.Scan(&key, &w.RecentReviews, &w.RecentCorrect, &lastMiss); err != nil {
			return nil, fmt.Errorf("stats: recent reviews in %s: %w", s.path, err)
		}
		card, ok := byKey[key]
		if lastMiss == nil || !ok || mastered(card.Card) {
			continue
		}
		w.Term = card.Term
		w.LastMissed = time.UnixMilli(*lastMiss)
		w.Lapses = int(card.Card.Lapses)
		w.RecentAccuracy = float64(w.RecentCorrect) / float64(w.RecentReviews)
		weak = append(weak, w)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("stats: recent reviews in %s: %w", s.path, err)
	}
	sort.Slice(weak, func(i, j int) bool {
		a, b := weak[i], weak[j]
		switch {
		case a.RecentAccuracy != b.RecentAccuracy:
			return a.RecentAccuracy < b.RecentAccuracy
		case a.Lapses != b.Lapses:
			return a.Lapses > b.Lapses
		case !a.LastMissed.Equal(b.LastMissed):
			return a.LastMissed.After(b.LastMissed)
		}
		return a.Term < b.Term
	})
	return weak, nil
}

// MissedSince lists the view's terms answered wrong at or after t, most
// recently missed first.
func (s *Store) MissedSince(t time.Time) ([]string, error) {
	rows, err := s.db.Query(`SELECT deck, MIN(term), MAX(reviewed_at) AS last FROM reviews
		WHERE correct = 0 AND reviewed_at >= ? GROUP BY deck, term_key ORDER BY last DESC, term_key`, t.UnixMilli())
	if err != nil {
		return nil, fmt.Errorf("read missed terms from %s: %w", s.path, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var deck, term string
		var last int64
		if err := rows.Scan(&deck, &term, &last); err != nil {
			return nil, fmt.Errorf("read missed terms from %s: %w", s.path, err)
		}
		if s.owns(deck, term) {
			out = append(out, term)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read missed terms from %s: %w", s.path, err)
	}
	return out, nil
}

// metTerms is the set of the view's term keys answered right at least once.
func (s *Store) metTerms() (map[string]bool, error) {
	per, err := s.ReviewsByTerm()
	if err != nil {
		return nil, err
	}
	met := make(map[string]bool, len(per))
	for _, tr := range per {
		if tr.Correct > 0 {
			met[termKey(tr.Term)] = true
		}
	}
	return met, nil
}
