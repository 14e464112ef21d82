package quiz

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// ErrNewerSchema means the progress database was written by a newer
// crm101; this one leaves it untouched rather than guess at its layout.
var ErrNewerSchema = errors.New("progress database is from a newer crm101")

// migrations upgrade the schema one version at a time: migrations[i]
// takes a database from version i to i+1 (PRAGMA user_version). Append
// only — never edit a released step, users' files already ran it.
var migrations = []string{
	// v1: each card's FSRS state, and every review. Times are Unix
	// milliseconds (UTC) so no driver time format can misread them.
	`CREATE TABLE cards (
		deck           TEXT    NOT NULL,
		term_key       TEXT    NOT NULL,
		term           TEXT    NOT NULL,
		due            INTEGER NOT NULL,
		stability      REAL    NOT NULL,
		difficulty     REAL    NOT NULL,
		elapsed_days   INTEGER NOT NULL,
		scheduled_days INTEGER NOT NULL,
		reps           INTEGER NOT NULL,
		lapses         INTEGER NOT NULL,
		state          INTEGER NOT NULL,
		last_review    INTEGER,
		PRIMARY KEY (deck, term_key)
	) WITHOUT ROWID;
	CREATE TABLE reviews (
		id          INTEGER PRIMARY KEY,
		deck        TEXT    NOT NULL,
		term_key    TEXT    NOT NULL,
		term        TEXT    NOT NULL,
		kind        TEXT    NOT NULL,
		rating      INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
		correct     INTEGER NOT NULL,
		answer_ms   INTEGER NOT NULL,
		reviewed_at INTEGER NOT NULL
	);`,
	// v2: indexes for the queries a session start and `crm101 stats` run
	// (a card's history, reviews by day, cards by due date).
	`CREATE INDEX reviews_by_card ON reviews (deck, term_key, reviewed_at);
	CREATE INDEX reviews_by_time ON reviews (reviewed_at);
	CREATE INDEX cards_by_due ON cards (deck, due);`,
	// v3: the learner's settings that last until changed (new terms per
	// day, the course's end date, desired retention), one row each, as
	// text so a later setting needs no migration of its own.
	`CREATE TABLE settings (
		key   TEXT NOT NULL PRIMARY KEY,
		value TEXT NOT NULL
	) WITHOUT ROWID;`,
}

// SchemaVersion is the schema version this build writes.
func SchemaVersion() int { return len(migrations) }

// migrate brings db up to version target inside one write transaction, so
// a crash or a second process never sees a half-migrated schema.
func migrate(ctx context.Context, db *sql.DB, target int) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin migration: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit

	var current int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&current); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if current > len(migrations) {
		return fmt.Errorf("%w (schema version %d, this build knows up to %d)", ErrNewerSchema, current, len(migrations))
	}
	if current >= target {
		return nil
	}
	for v := current; v < target; v++ {
		if _, err := tx.ExecContext(ctx, migrations[v]); err != nil {
			return fmt.Errorf("migrate schema to version %d: %w", v+1, err)
		}
	}
	// PRAGMA takes no bound parameters; target is an int we control.
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", target)); err != nil {
		return fmt.Errorf("set schema version %d: %w", target, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit migration to version %d: %w", target, err)
	}
	return nil
}
