package quiz

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
	"time"
)

// oldSchema is the progress schema as crm101 wrote it before issue 10
// (user_version 2), spelt out here rather than taken from migrations, so
// the test keeps describing files already on learners' disks.
const oldSchema = `
CREATE TABLE cards (
	deck TEXT NOT NULL, term_key TEXT NOT NULL, term TEXT NOT NULL,
	due INTEGER NOT NULL, stability REAL NOT NULL, difficulty REAL NOT NULL,
	elapsed_days INTEGER NOT NULL, scheduled_days INTEGER NOT NULL,
	reps INTEGER NOT NULL, lapses INTEGER NOT NULL, state INTEGER NOT NULL,
	last_review INTEGER,
	PRIMARY KEY (deck, term_key)
) WITHOUT ROWID;
CREATE TABLE reviews (
	id INTEGER PRIMARY KEY, deck TEXT NOT NULL, term_key TEXT NOT NULL,
	term TEXT NOT NULL, kind TEXT NOT NULL,
	rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
	correct INTEGER NOT NULL, answer_ms INTEGER NOT NULL, reviewed_at INTEGER NOT NULL
);
CREATE INDEX reviews_by_card ON reviews (deck, term_key, reviewed_at);
CREATE INDEX reviews_by_time ON reviews (reviewed_at);
CREATE INDEX cards_by_due ON cards (deck, due);
PRAGMA user_version = 2;`

// oldDB writes a progress file in the old format with a card and a
// review for each of terms (names as the old glossary spelt them).
func oldDB(t *testing.T, cards map[string]int64) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "progress.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(oldSchema); err != nil {
		t.Fatal(err)
	}
	for term, last := range cards {
		key := termKey(term)
		if _, err := db.Exec(`INSERT INTO cards VALUES ('builtin', ?, ?, ?, 3.5, 5.1, 2, 4, 3, 1, 2, ?)`,
			key, term, last+4*86400000, last); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(`INSERT INTO reviews (deck, term_key, term, kind, rating, correct, answer_ms, reviewed_at)
			VALUES ('builtin', ?, ?, 'typed', 3, 1, 2500, ?)`, key, term, last); err != nil {
			t.Fatal(err)
		}
	}
	// A pack's card of the same name is another deck's: never moved.
	if _, err := db.Exec(`INSERT INTO cards VALUES ('pack:acme.csv', 'prevision', 'Prevision', 0, 1, 1, 0, 0, 1, 0, 1, NULL)`); err != nil {
		t.Fatal(err)
	}
	return path
}

// A progress file made before the renames keeps every card: Prevision's
// card and review now belong to Sales Forecasting, with the same state.
func TestOldProgressKeepsEveryCardAfterRenames(t *testing.T) {
	t0 := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC).UnixMilli()
	path := oldDB(t, map[string]int64{"Prevision": t0, "Lead": t0 + 1000, "Churn Rate": t0 + 2000})
	for range 2 { // a second open finds nothing left to move
		s, err := OpenStore(path)
		if err != nil {
			t.Fatal(err)
		}
		cards, err := s.WithDecks(func(string) string { return "" }).Cards()
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]CardState{}
		for _, c := range cards {
			if c.Deck == BuiltinDeck {
				got[c.Term] = c
			}
		}
		if len(got) != 3 {
			t.Fatalf("built-in cards after open = %v, want 3", got)
		}
		sf, ok := got["Sales Forecasting"]
		if !ok || sf.Card.Reps != 3 || sf.Card.Lapses != 1 || sf.Card.LastReview.UnixMilli() != t0 {
			t.Errorf("Sales Forecasting card = %+v, want Prevision's state", sf)
		}
		if c, ok, err := s.Card("Sales Forecasting"); err != nil || !ok || c.Stability != 3.5 {
			t.Errorf("Card(Sales Forecasting) = %+v, %v, %v", c, ok, err)
		}
		var reviews, old, pack int
		s.db.QueryRow(`SELECT COUNT(*) FROM reviews WHERE deck = 'builtin' AND term_key = 'sales forecasting' AND term = 'Sales Forecasting'`).Scan(&reviews)
		s.db.QueryRow(`SELECT COUNT(*) FROM cards WHERE deck = 'builtin' AND term_key = 'prevision'`).Scan(&old)
		s.db.QueryRow(`SELECT COUNT(*) FROM cards WHERE deck = 'pack:acme.csv' AND term_key = 'prevision'`).Scan(&pack)
		if reviews != 1 || old != 0 || pack != 1 {
			t.Errorf("reviews moved %d (want 1), old cards left %d (want 0), pack card %d (want 1)", reviews, old, pack)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

// When both names hold a card (a merge), the one reviewed last is kept
// and every review moves.
func TestMoveRenamedKeepsLatestCard(t *testing.T) {
	t0 := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC).UnixMilli()
	for _, c := range []struct {
		oldLast, newLast int64
		wantLast         int64
	}{{t0 + 5000, t0, t0 + 5000}, {t0, t0 + 5000, t0 + 5000}} {
		path := oldDB(t, map[string]int64{"Persona": c.oldLast, "Customer Persona": c.newLast})
		s, err := OpenStore(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := moveRenamed(context.Background(), s.db, map[string]string{"persona": "Customer Persona"}); err != nil {
			t.Fatal(err)
		}
		card, ok, err := s.Card("Customer Persona")
		if err != nil || !ok || card.LastReview.UnixMilli() != c.wantLast {
			t.Errorf("kept card last reviewed %v, want %v (err %v)", card.LastReview.UnixMilli(), c.wantLast, err)
		}
		var n, r int
		s.db.QueryRow(`SELECT COUNT(*) FROM cards WHERE deck = 'builtin'`).Scan(&n)
		s.db.QueryRow(`SELECT COUNT(*) FROM reviews WHERE term_key = 'customer persona'`).Scan(&r)
		if n != 1 || r != 2 {
			t.Errorf("%d built-in cards (want 1), %d reviews on the merged card (want 2)", n, r)
		}
		s.Close()
	}
}
