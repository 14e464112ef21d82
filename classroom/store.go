package classroom

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"time"

	_ "modernc.org/sqlite" // registers the pure-Go "sqlite" driver

	"github.com/crm101/crm101/classroom/round"
	"github.com/crm101/crm101/glossary"
)

// DBFile is the classroom database's name in the data directory: rounds,
// answers and the trainees who joined. Each trainee's own study progress
// lives apart, in TraineeDir, as an ordinary crm101 progress database.
const DBFile = "classroom.db"

// schema is applied once to a new database (PRAGMA user_version 0 → 1).
// Times are Unix milliseconds. The primary key of answers is what makes
// "every answer recorded exactly once" hold even if a caller retries.
const schema = `
CREATE TABLE trainees (
	name       TEXT PRIMARY KEY,
	key_fp     TEXT NOT NULL DEFAULT '',
	first_seen INTEGER NOT NULL,
	last_seen  INTEGER NOT NULL
);
CREATE TABLE rounds (
	id          INTEGER PRIMARY KEY,
	questions   INTEGER NOT NULL,
	started_at  INTEGER NOT NULL,
	finished_at INTEGER
);
CREATE TABLE answers (
	round_id    INTEGER NOT NULL REFERENCES rounds(id),
	question    INTEGER NOT NULL,
	trainee     TEXT    NOT NULL,
	term        TEXT    NOT NULL,
	choice      INTEGER NOT NULL,
	correct     INTEGER NOT NULL,
	answer_ms   INTEGER NOT NULL,
	points      INTEGER NOT NULL,
	answered_at INTEGER NOT NULL,
	PRIMARY KEY (round_id, question, trainee)
) WITHOUT ROWID;
CREATE INDEX answers_by_trainee ON answers (trainee);
PRAGMA user_version = 1;`

// schemaV2 (user_version 1 → 2) lets a trainer remove a trainee whose
// name is offensive: they are kept, with their answers, marked removed.
const schemaV2 = `ALTER TABLE trainees ADD COLUMN removed_at INTEGER;
PRAGMA user_version = 2;`

// schemaV3 (user_version 2 → 3) lets a trainer rename a trainee, and
// puts trainees in teams. A rename keeps the old name, pointing at the
// current one, so it stays taken and a trainee who reconnects under it
// is told their new name; the pointer is also how a progress file still
// under the old name (the server stopped before it was moved) is found.
const schemaV3 = `ALTER TABLE trainees ADD COLUMN team TEXT NOT NULL DEFAULT '';
CREATE TABLE renames (
	old        TEXT PRIMARY KEY,
	new        TEXT NOT NULL,
	renamed_at INTEGER NOT NULL
);
PRAGMA user_version = 3;`

// schemaVersion is the newest schema this build writes.
const schemaVersion = 3

// ErrDuplicate means an answer for that round, question and trainee is
// already stored.
var ErrDuplicate = errors.New("answer already recorded")

// Store is the classroom database. Its methods are safe for concurrent
// use; every write is its own transaction, committed before it returns.
type Store struct {
	db   *sql.DB
	path string
}

// OpenStore opens (creating if needed) the classroom database at path in
// WAL mode, so the report can read while the server writes.
func OpenStore(path string) (*Store, error) { return openStore(path, "") }

// openStore is OpenStore with extra DSN parameters, so tests can set
// PRAGMA max_page_count and run out of room as on a full disk.
func openStore(path, extra string) (*Store, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("classroom database %s: %w", path, err)
	}
	// Created private before SQLite opens it: it holds every trainee's
	// answers, and SQLite gives its -wal and -shm files the same mode.
	if f, err := os.OpenFile(abs, os.O_RDWR|os.O_CREATE, 0o600); err == nil {
		f.Close()
	}
	dsn := "file:" + (&url.URL{Path: filepath.ToSlash(abs)}).EscapedPath() +
		"?_pragma=busy_timeout(5000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_txlock=immediate" + extra
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("classroom database %s: %w", abs, err)
	}
	if err := initSchema(db); err != nil {
		db.Close()
		return nil, fmt.Errorf("classroom database %s: %w", abs, CheckDiskFull(filepath.Dir(abs), err))
	}
	return &Store{db: db, path: abs}, nil
}

func initSchema(db *sql.DB) error {
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit
	var v int
	if err := tx.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if v > schemaVersion {
		return fmt.Errorf("schema version %d is from a newer crm101", v)
	}
	if v == 0 {
		if _, err := tx.Exec(schema); err != nil {
			return fmt.Errorf("create schema: %w", err)
		}
		v = 1
	}
	if v == 1 {
		if _, err := tx.Exec(schemaV2); err != nil {
			return fmt.Errorf("add removed trainees: %w", err)
		}
		v = 2
	}
	if v == 2 {
		if _, err := tx.Exec(schemaV3); err != nil {
			return fmt.Errorf("add renames and teams: %w", err)
		}
	}
	if err := renameAnswers(tx, glossary.Renames()); err != nil {
		return err
	}
	return tx.Commit()
}

// renameAnswers moves stored answers from a built-in entry's former term
// to its current one (Prevision → Sales Forecasting), so reports group a
// renamed term's answers under one name. Answers are keyed by round,
// question and trainee, never by term, so no row can collide.
func renameAnswers(tx *sql.Tx, renames map[string]string) error {
	for old, term := range renames {
		if _, err := tx.Exec(`UPDATE answers SET term = ? WHERE lower(term) = ?`, term, old); err != nil {
			return fmt.Errorf("rename answers of %q to %q: %w", old, term, err)
		}
	}
	return nil
}

// full tells a write that failed for want of disk space (DiskFullError)
// from any other failure.
func (s *Store) full(err error) error { return CheckDiskFull(filepath.Dir(s.path), err) }

// Close releases the database.
func (s *Store) Close() error {
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("close %s: %w", s.path, err)
	}
	return nil
}

// SeeTrainee records that name joined at t, with the fingerprint of the
// key they used ("" for a join code). The first key a name uses binds
// it: later sessions under that name must use the same key.
func (s *Store) SeeTrainee(name, keyFP string, t time.Time) error {
	_, err := s.db.Exec(`INSERT INTO trainees (name, key_fp, first_seen, last_seen) VALUES (?, ?, ?, ?)
		ON CONFLICT (name) DO UPDATE SET last_seen = excluded.last_seen,
			key_fp = CASE WHEN key_fp = '' THEN excluded.key_fp ELSE key_fp END`,
		name, keyFP, t.UnixMilli(), t.UnixMilli())
	if err != nil {
		return fmt.Errorf("record trainee %s: %w", name, s.full(err))
	}
	return nil
}

// TraineeKey returns the key fingerprint bound to name, "" when none.
func (s *Store) TraineeKey(name string) (string, error) {
	var fp string
	err := s.db.QueryRow(`SELECT key_fp FROM trainees WHERE name = ?`, name).Scan(&fp)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("trainee %s: %w", name, err)
	}
	return fp, nil
}

// RemoveTrainee marks name removed from the classroom at t: they may
// not join again, and reports show their answers marked removed.
func (s *Store) RemoveTrainee(name string, t time.Time) error {
	_, err := s.db.Exec(`INSERT INTO trainees (name, first_seen, last_seen, removed_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (name) DO UPDATE SET removed_at = excluded.removed_at`,
		name, t.UnixMilli(), t.UnixMilli(), t.UnixMilli())
	if err != nil {
		return fmt.Errorf("remove trainee %s: %w", name, s.full(err))
	}
	return nil
}

// TraineeRemoved reports whether the trainer removed name.
func (s *Store) TraineeRemoved(name string) (bool, error) {
	var removed sql.NullInt64
	err := s.db.QueryRow(`SELECT removed_at FROM trainees WHERE name = ?`, name).Scan(&removed)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("trainee %s: %w", name, err)
	}
	return removed.Valid, nil
}

// StartRound records a new round of n questions and returns its id.
func (s *Store) StartRound(n int, t time.Time) (int64, error) {
	res, err := s.db.Exec(`INSERT INTO rounds (questions, started_at) VALUES (?, ?)`, n, t.UnixMilli())
	if err != nil {
		return 0, fmt.Errorf("start round: %w", s.full(err))
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, fmt.Errorf("start round: %w", err)
	}
	return id, nil
}

// FinishRound stamps round id as finished at t.
func (s *Store) FinishRound(id int64, t time.Time) error {
	if _, err := s.db.Exec(`UPDATE rounds SET finished_at = ? WHERE id = ?`, t.UnixMilli(), id); err != nil {
		return fmt.Errorf("finish round %d: %w", id, s.full(err))
	}
	return nil
}

// RecordAnswer saves one scored answer. A second answer for the same
// round, question and trainee fails with ErrDuplicate.
func (s *Store) RecordAnswer(a round.Answer) error {
	res, err := s.db.ExecContext(context.Background(), `INSERT INTO answers
		(round_id, question, trainee, term, choice, correct, answer_ms, points, answered_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
		a.Round, a.Question, a.Name, a.Term, a.Choice, a.Correct, a.Elapsed.Milliseconds(), a.Points, a.At.UnixMilli())
	if err != nil {
		return fmt.Errorf("record answer of %s to question %d: %w", a.Name, a.Question+1, s.full(err))
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("%s, question %d of round %d: %w", a.Name, a.Question+1, a.Round, ErrDuplicate)
	}
	return nil
}

// RoundStanding reads round id's leaderboard back from the stored
// answers, ranked as the live one is: it must match what the room saw,
// which is how the tests know every counted answer reached the disk.
func (s *Store) RoundStanding(id int64) ([]round.Standing, error) {
	rows, err := s.db.Query(`SELECT trainee, SUM(points), SUM(correct), COUNT(*)
		FROM answers WHERE round_id = ? GROUP BY trainee`, id)
	if err != nil {
		return nil, fmt.Errorf("standings of round %d: %w", id, err)
	}
	defer rows.Close()
	var out []round.Standing
	for rows.Next() {
		var st round.Standing
		if err := rows.Scan(&st.Name, &st.Points, &st.Correct, &st.Answered); err != nil {
			return nil, fmt.Errorf("standings of round %d: %w", id, err)
		}
		out = append(out, st)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("standings of round %d: %w", id, err)
	}
	return round.Rank(out), nil
}

// AnswerCount counts the stored answers of round id.
func (s *Store) AnswerCount(id int64) (int, error) {
	var n int
	if err := s.db.QueryRow(`SELECT COUNT(*) FROM answers WHERE round_id = ?`, id).Scan(&n); err != nil {
		return 0, fmt.Errorf("count answers of round %d: %w", id, err)
	}
	return n, nil
}
