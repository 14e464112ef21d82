package classroom

import (
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"
)

// Errors RenameTrainee returns for a name the trainer cannot give.
var (
	ErrNameTaken   = errors.New("that name is taken in this classroom")
	ErrNoTrainee   = errors.New("no such trainee in this classroom")
	ErrRemovedName = errors.New("that trainee was removed")
)

// BadNameError is a new name that is not a usable display name.
type BadNameError struct{ Name string }

func (e BadNameError) Error() string {
	return fmt.Sprintf("%q cannot be a name: use 1 to 24 of a-z, 0-9, '.', '-' and '_', starting with a letter or digit", ClipName(e.Name))
}

// RenameTrainee renames old to new in the classroom database, in one
// transaction: their trainee row (key, team, when seen), every answer
// they gave, and a pointer from old to new that keeps old taken. move
// runs inside the transaction, before it commits: it moves the progress
// file, and its undo is called if the commit then fails, so the rows and
// the file move together or not at all. new must be free: no trainee,
// no former name and no progress file under it.
func (s *Store) RenameTrainee(old, new string, t time.Time, move func() (undo func(), err error)) error {
	tx, err := s.db.Begin()
	if err != nil {
		return fmt.Errorf("rename %s: %w", old, s.full(err))
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit
	var removed sql.NullInt64
	switch err := tx.QueryRow(`SELECT removed_at FROM trainees WHERE name = ?`, old).Scan(&removed); {
	case errors.Is(err, sql.ErrNoRows):
		return fmt.Errorf("rename %s: %w", old, ErrNoTrainee)
	case err != nil:
		return fmt.Errorf("rename %s: %w", old, err)
	case removed.Valid:
		return fmt.Errorf("rename %s: %w", old, ErrRemovedName)
	}
	var taken int
	if err := tx.QueryRow(`SELECT (SELECT COUNT(*) FROM trainees WHERE name = ?) + (SELECT COUNT(*) FROM renames WHERE old = ?)`,
		new, new).Scan(&taken); err != nil {
		return fmt.Errorf("rename %s: %w", old, err)
	}
	if taken > 0 {
		return fmt.Errorf("rename %s to %s: %w", old, new, ErrNameTaken)
	}
	for _, q := range []string{
		`UPDATE trainees SET name = ?2 WHERE name = ?1`,
		`UPDATE answers SET trainee = ?2 WHERE trainee = ?1`,
		`UPDATE renames SET new = ?2 WHERE new = ?1`, // every former name points at the current one
	} {
		if _, err := tx.Exec(q, old, new); err != nil {
			return fmt.Errorf("rename %s to %s: %w", old, new, s.full(err))
		}
	}
	if _, err := tx.Exec(`INSERT INTO renames (old, new, renamed_at) VALUES (?, ?, ?)`, old, new, t.UnixMilli()); err != nil {
		return fmt.Errorf("rename %s to %s: %w", old, new, s.full(err))
	}
	undo, err := move()
	if err != nil {
		return fmt.Errorf("rename %s to %s: %w", old, new, err)
	}
	if err := tx.Commit(); err != nil {
		undo()
		return fmt.Errorf("rename %s to %s: %w", old, new, s.full(err))
	}
	return nil
}

// RenamedTo is the current name of a trainee the trainer renamed from
// name, "" when name was never renamed.
func (s *Store) RenamedTo(name string) (string, error) {
	var n string
	err := s.db.QueryRow(`SELECT new FROM renames WHERE old = ?`, name).Scan(&n)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("trainee %s: %w", name, err)
	}
	return n, nil
}

// renames lists every former name with the current one.
func (s *Store) renames() (map[string]string, error) {
	out := map[string]string{}
	err := eachRow(s.db, `SELECT old, new FROM renames`, nil, func(rows *sql.Rows) error {
		var o, n string
		err := rows.Scan(&o, &n)
		out[o] = n
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("read renames: %w", err)
	}
	return out, nil
}

// dbFiles are a SQLite database's files: the database, then its WAL and
// shared-memory index, which belong to it and move with it.
func dbFiles(path string) []string { return []string{path, path + "-wal", path + "-shm"} }

// moveDB moves the closed progress database from to to. It refuses to
// overwrite one: a file already at to is someone's progress. It undoes
// a half-done move, so the files stay together.
func moveDB(from, to string) error {
	if _, err := os.Stat(to); err == nil {
		return fmt.Errorf("move progress: %s already exists", to)
	}
	if _, err := os.Stat(from); errors.Is(err, fs.ErrNotExist) {
		return nil // never opened: nothing to move
	}
	src, dst := dbFiles(from), dbFiles(to)
	for i := range src {
		err := os.Rename(src[i], dst[i])
		if errors.Is(err, fs.ErrNotExist) && i > 0 {
			continue
		}
		if err != nil {
			for j := i - 1; j >= 0; j-- {
				_ = os.Rename(dst[j], src[j])
			}
			return fmt.Errorf("move progress: %w", err)
		}
	}
	return nil
}

// finishMoves moves progress files still under a former name (the
// server stopped while a renamed trainee's session held the file open)
// to the current one, when nothing is there yet.
func finishMoves(dataDir string, renames map[string]string) error {
	var errs []error
	for old, cur := range renames {
		from, to := TraineeDB(dataDir, old), TraineeDB(dataDir, cur)
		if _, err := os.Stat(from); err != nil {
			continue
		}
		if _, err := os.Stat(to); err == nil {
			continue
		}
		if err := moveDB(from, to); err != nil {
			errs = append(errs, fmt.Errorf("progress of %s, renamed %s: %w", old, cur, err))
		}
	}
	return errors.Join(errs...)
}
