package quiz

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	fsrs "github.com/open-spaced-repetition/go-fsrs/v3"

	"github.com/crm101/crm101/glossary"
)

// BuiltinDeck is the deck of the glossary shipped with crm101. Cards are
// keyed by deck and folded term, so packs added later get their own deck
// and never collide with, or rename, the built-in cards. It is the deck
// glossary.Entry.Deck names for built-in entries.
const BuiltinDeck = glossary.BuiltinDeck

// Store is the learner's saved progress: every card's FSRS state and
// every review, in a SQLite file that several crm101 processes may share.
type Store struct {
	db     *sql.DB
	path   string
	deck   string
	deckOf func(term string) string // per-term deck; nil: every term is in deck
	sched  Scheduler
}

// Review is one answered question, as the session reports it.
type Review struct {
	Term       string        // canonical glossary term
	Kind       string        // question kind, e.g. "typed"
	Rating     Rating        // grade given to FSRS
	AnswerTime time.Duration // time from showing the question to the answer
	At         time.Time     // when the answer was given
}

// CardState is a card the learner has seen, with its FSRS state.
type CardState struct {
	Deck string
	Term string
	Card fsrs.Card
}

// Path is the database file, for messages such as "progress saved in …".
func (s *Store) Path() string { return s.path }

// Close releases the database. Call it once, on the Store from OpenStore.
func (s *Store) Close() error {
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("close progress database %s: %w", s.path, err)
	}
	return nil
}

// WithDeck returns a view of the same database that reads and writes the
// cards of another deck. It shares the connection: close only the original.
func (s *Store) WithDeck(deck string) *Store {
	c := *s
	c.deck = deck
	return &c
}

// Deck names the deck this Store reads and writes.
func (s *Store) Deck() string { return s.deck }

// WithDecks returns a view in which each term's card lives in the deck
// deckOf names for it (an empty name means the view's own deck). Cards
// are keyed by deck and term, so a term of a team pack has its own card
// beside a built-in one of the same name, and the order packs are loaded
// in changes nothing. It shares the connection: close only the original.
func (s *Store) WithDecks(deckOf func(term string) string) *Store {
	c := *s
	c.deckOf = deckOf
	return &c
}

// ForGlossary is WithDecks for the decks of g's entries: the built-in
// deck for built-in terms, the pack's deck for a pack's terms.
func (s *Store) ForGlossary(g *glossary.Glossary) *Store {
	return s.WithDecks(func(term string) string {
		if e, ok := g.Lookup(term); ok {
			return e.Deck()
		}
		return ""
	})
}

// deckFor is the deck term's card lives in.
func (s *Store) deckFor(term string) string {
	if s.deckOf != nil {
		if d := s.deckOf(term); d != "" {
			return d
		}
	}
	return s.deck
}

// owns reports whether the card (deck, term) belongs to this view: cards
// of packs that are not loaded, or of a built-in term a pack now
// overrides, are kept in the file but not counted.
func (s *Store) owns(deck, term string) bool { return s.deckFor(term) == deck }

// termKey folds a term so that a change of case or spacing in a later
// glossary keeps the learner's history attached to the same card.
func termKey(term string) string { return glossary.Key(term) }

// Record schedules the card with FSRS and saves the new card state and the
// review in one transaction, so a crash or a second process never leaves a
// review without its card update or the other way round. It returns the
// card as scheduled.
func (s *Store) Record(r Review) (fsrs.Card, error) {
	if r.Term == "" {
		return fsrs.Card{}, errors.New("record review: empty term")
	}
	if !r.Rating.Valid() {
		return fsrs.Card{}, fmt.Errorf("record review of %q: invalid rating %d", r.Term, int8(r.Rating))
	}
	ctx := context.Background()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fsrs.Card{}, fmt.Errorf("record review of %q in %s: %w", r.Term, s.path, err)
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit

	deck := s.deckFor(r.Term)
	card, _, err := loadCard(ctx, tx, deck, r.Term)
	if err != nil {
		return fsrs.Card{}, fmt.Errorf("record review of %q in %s: %w", r.Term, s.path, err)
	}
	sched := s.sched
	if ret, err := retention(ctx, tx); err != nil {
		return fsrs.Card{}, fmt.Errorf("record review of %q in %s: %w", r.Term, s.path, err)
	} else if ret != DefaultRetention {
		sched = NewSchedulerFor(ret)
	}
	next, err := sched.Next(card, r.At, r.Rating)
	if err != nil {
		return fsrs.Card{}, fmt.Errorf("record review of %q: %w", r.Term, err)
	}
	if err := saveCard(ctx, tx, deck, r.Term, next); err != nil {
		return fsrs.Card{}, fmt.Errorf("record review of %q in %s: %w", r.Term, s.path, err)
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO reviews
		(deck, term_key, term, kind, rating, correct, answer_ms, reviewed_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		deck, termKey(r.Term), r.Term, r.Kind, int(r.Rating), r.Rating.Correct(),
		r.AnswerTime.Milliseconds(), r.At.UnixMilli())
	if err != nil {
		return fsrs.Card{}, fmt.Errorf("record review of %q in %s: %w", r.Term, s.path, err)
	}
	if err := tx.Commit(); err != nil {
		return fsrs.Card{}, fmt.Errorf("record review of %q in %s: %w", r.Term, s.path, err)
	}
	return next, nil
}

// Card returns the saved FSRS state of term, and false when the learner
// has never reviewed it.
func (s *Store) Card(term string) (fsrs.Card, bool, error) {
	card, ok, err := loadCard(context.Background(), s.db, s.deckFor(term), term)
	if err != nil {
		return card, false, fmt.Errorf("read card %q from %s: %w", term, s.path, err)
	}
	return card, ok, nil
}

// Cards returns every card of the view the learner has reviewed.
func (s *Store) Cards() ([]CardState, error) {
	rows, err := s.db.Query(`SELECT deck, term, ` + cardColumns + ` FROM cards ORDER BY term_key, deck`)
	if err != nil {
		return nil, fmt.Errorf("read cards from %s: %w", s.path, err)
	}
	defer rows.Close()
	var cards []CardState
	for rows.Next() {
		var cs CardState
		var c cardRow
		if err := rows.Scan(append([]any{&cs.Deck, &cs.Term}, c.dest()...)...); err != nil {
			return nil, fmt.Errorf("read cards from %s: %w", s.path, err)
		}
		if !s.owns(cs.Deck, cs.Term) {
			continue
		}
		cs.Card = c.card()
		cards = append(cards, cs)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read cards from %s: %w", s.path, err)
	}
	return cards, nil
}

// NewSince counts the cards of the view whose first review came at or
// after t: the new cards introduced since then, e.g. since midnight.
func (s *Store) NewSince(t time.Time) (int, error) {
	// Only the reviews since t are scanned; the index on each card's
	// history answers whether it was seen before.
	rows, err := s.db.Query(`SELECT r.deck, MIN(r.term) FROM reviews AS r
		WHERE r.reviewed_at >= ?1 AND NOT EXISTS (
			SELECT 1 FROM reviews AS p
			WHERE p.deck = r.deck AND p.term_key = r.term_key AND p.reviewed_at < ?1)
		GROUP BY r.deck, r.term_key`, t.UnixMilli())
	if err != nil {
		return 0, fmt.Errorf("count new cards in %s: %w", s.path, err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var deck, term string
		if err := rows.Scan(&deck, &term); err != nil {
			return 0, fmt.Errorf("count new cards in %s: %w", s.path, err)
		}
		if s.owns(deck, term) {
			n++
		}
	}
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("count new cards in %s: %w", s.path, err)
	}
	return n, nil
}

// queryer is what both *sql.DB and *sql.Tx offer for reading.
type queryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// cardColumns are the FSRS fields in the order cardRow scans them.
const cardColumns = `due, stability, difficulty, elapsed_days, scheduled_days, reps, lapses, state, last_review`

// cardRow holds one cards row as SQLite returns it.
type cardRow struct {
	due, elapsed, scheduled, reps, lapses, state int64
	stability, difficulty                        float64
	lastReview                                   sql.NullInt64
}

func (c *cardRow) dest() []any {
	return []any{&c.due, &c.stability, &c.difficulty, &c.elapsed, &c.scheduled, &c.reps, &c.lapses, &c.state, &c.lastReview}
}

func (c cardRow) card() fsrs.Card {
	card := fsrs.Card{
		Due:           time.UnixMilli(c.due),
		Stability:     c.stability,
		Difficulty:    c.difficulty,
		ElapsedDays:   uint64(c.elapsed),
		ScheduledDays: uint64(c.scheduled),
		Reps:          uint64(c.reps),
		Lapses:        uint64(c.lapses),
		State:         fsrs.State(c.state),
	}
	if c.lastReview.Valid {
		card.LastReview = time.UnixMilli(c.lastReview.Int64)
	}
	return card
}

// loadCard reads a card, or returns a fresh FSRS card and false.
func loadCard(ctx context.Context, q queryer, deck, term string) (fsrs.Card, bool, error) {
	var c cardRow
	err := q.QueryRowContext(ctx, `SELECT `+cardColumns+` FROM cards WHERE deck = ? AND term_key = ?`,
		deck, termKey(term)).Scan(c.dest()...)
	if errors.Is(err, sql.ErrNoRows) {
		return fsrs.NewCard(), false, nil
	}
	if err != nil {
		return fsrs.Card{}, false, err
	}
	return c.card(), true, nil
}

// saveCard inserts or replaces a card's FSRS state.
func saveCard(ctx context.Context, tx *sql.Tx, deck, term string, c fsrs.Card) error {
	var last sql.NullInt64
	if !c.LastReview.IsZero() {
		last = sql.NullInt64{Int64: c.LastReview.UnixMilli(), Valid: true}
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO cards (deck, term_key, term, `+cardColumns+`)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (deck, term_key) DO UPDATE SET
			term = excluded.term, due = excluded.due, stability = excluded.stability,
			difficulty = excluded.difficulty, elapsed_days = excluded.elapsed_days,
			scheduled_days = excluded.scheduled_days, reps = excluded.reps,
			lapses = excluded.lapses, state = excluded.state, last_review = excluded.last_review`,
		deck, termKey(term), term, c.Due.UnixMilli(), c.Stability, c.Difficulty,
		int64(c.ElapsedDays), int64(c.ScheduledDays), int64(c.Reps), int64(c.Lapses),
		int64(c.State), last)
	return err
}
