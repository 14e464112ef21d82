package quiz

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"time"

	_ "modernc.org/sqlite" // registers the pure-Go "sqlite" driver
)

// ErrNotDatabase means the file at the progress path is not a readable
// SQLite database. crm101 never deletes or replaces such a file: it may be
// the learner's only copy of their progress.
var ErrNotDatabase = errors.New("not a crm101 progress database")

// BusyTimeout is how long a write waits for another crm101 process that
// holds the database lock before giving up.
const BusyTimeout = 5 * time.Second

// sqliteHeader starts every SQLite 3 database file.
var sqliteHeader = []byte("SQLite format 3\x00")

// OpenStore opens the progress database at path, creating it when missing,
// migrating an older schema and moving progress saved under a built-in
// term's former name to its current one. A file that is not a SQLite database, is
// damaged, unreadable, or from a newer crm101 yields an error naming path
// and is left exactly as it was.
func OpenStore(path string) (*Store, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("progress database %s: %w", path, err)
	}
	exists, err := checkFile(abs)
	if err != nil {
		return nil, fmt.Errorf("progress database %s: %w", abs, err)
	}
	if exists {
		// Inspect read-only first: nothing below may write to a file
		// that turns out to be damaged or too new.
		if err := inspect(abs); err != nil {
			return nil, fmt.Errorf("progress database %s: %w", abs, err)
		}
	}
	db, err := sql.Open("sqlite", dsn(abs, "",
		"_pragma=journal_mode(WAL)",
		"_pragma=synchronous(NORMAL)",
		// Writers take the lock when their transaction begins, so two
		// processes wait on busy_timeout instead of failing to upgrade.
		"_txlock=immediate",
	))
	if err != nil {
		return nil, fmt.Errorf("progress database %s: %w", abs, err)
	}
	if err := migrateWhenFree(db); err != nil {
		db.Close()
		return nil, fmt.Errorf("progress database %s: %w", abs, err)
	}
	return &Store{db: db, path: abs, deck: BuiltinDeck, sched: NewScheduler()}, nil
}

// migrateWhenFree migrates, moves the progress of renamed terms, retrying while another process holds the
// database. busy_timeout covers ordinary waits, but SQLite reports
// SQLITE_BUSY at once, without waiting, in a few cases — two processes
// creating the same new database and switching it to WAL together is
// one — so OpenStore waits here too, up to BusyTimeout.
func migrateWhenFree(db *sql.DB) error {
	deadline := time.Now().Add(BusyTimeout)
	for wait := 5 * time.Millisecond; ; wait = min(2*wait, 200*time.Millisecond) {
		err := migrate(context.Background(), db, SchemaVersion())
		if err == nil {
			err = moveRenamed(context.Background(), db, builtinRenames())
		}
		if !isBusy(err) || time.Now().After(deadline) {
			return err
		}
		time.Sleep(wait)
	}
}

// isBusy reports whether err is SQLite's "database is locked".
func isBusy(err error) bool {
	var coded interface{ Code() int }
	return errors.As(err, &coded) && coded.Code()&0xff == sqliteBusy
}

// sqliteBusy is SQLITE_BUSY, the primary result code of a locked database.
const sqliteBusy = 5

// dsn builds a SQLite URI for path with a busy timeout and extra
// parameters. The path is escaped so spaces, '?' and '#' stay in the name.
func dsn(path, mode string, params ...string) string {
	u := "file:" + (&url.URL{Path: filepath.ToSlash(path)}).EscapedPath()
	u += fmt.Sprintf("?_pragma=busy_timeout(%d)", BusyTimeout.Milliseconds())
	if mode != "" {
		u += "&mode=" + mode
	}
	for _, p := range params {
		u += "&" + p
	}
	return u
}

// checkFile reports whether path exists, and fails when it is a directory,
// unreadable, or plainly not a SQLite file. An empty file is a valid new
// database to SQLite, so it passes.
func checkFile(path string) (bool, error) {
	info, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if info.IsDir() {
		return false, fmt.Errorf("%w: it is a directory", ErrNotDatabase)
	}
	// Opening for writing changes nothing yet, and it fails now, with a
	// clear message, on a file the learner cannot write to.
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return false, err
	}
	defer f.Close()
	head := make([]byte, len(sqliteHeader))
	n, err := io.ReadFull(f, head)
	switch {
	case n == 0 && errors.Is(err, io.EOF):
		return true, nil
	case err != nil && !errors.Is(err, io.ErrUnexpectedEOF):
		return false, fmt.Errorf("read: %w", err)
	case !bytes.Equal(head[:n], sqliteHeader):
		return false, fmt.Errorf("%w: the file does not start with a SQLite header", ErrNotDatabase)
	}
	return true, nil
}

// inspect opens an existing file read-only, rejects a newer schema and
// runs SQLite's quick integrity check.
func inspect(path string) error {
	db, err := sql.Open("sqlite", dsn(path, "ro"))
	if err != nil {
		return err
	}
	defer db.Close()
	var version int
	if err := db.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		return fmt.Errorf("%w: %w", ErrNotDatabase, err)
	}
	if version > SchemaVersion() {
		return fmt.Errorf("%w (schema version %d, this build knows up to %d)", ErrNewerSchema, version, SchemaVersion())
	}
	var verdict string
	if err := db.QueryRow("PRAGMA quick_check(1)").Scan(&verdict); err != nil {
		return fmt.Errorf("%w: integrity check: %w", ErrNotDatabase, err)
	}
	if verdict != "ok" {
		return fmt.Errorf("%w: integrity check: %s", ErrNotDatabase, verdict)
	}
	return nil
}
