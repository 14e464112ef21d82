package classroom

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Forgotten counts what Forget deleted.
type Forgotten struct {
	Progress bool // the trainee's progress file
	Answers  int  // live-round answers in the classroom database
	Joined   bool // the trainee's row (name, key fingerprint, when seen)
	LogLines int  // log lines naming the trainee
}

// Forget deletes everything the classroom in dataDir keeps about
// trainee name: their progress file, their rows in the classroom
// database and the log lines that name them. Run it while the server is
// stopped: a running server may still be writing about them.
func Forget(dataDir, name string) (Forgotten, error) {
	var f Forgotten
	name, ok := NormalizeName(name)
	if !ok {
		return f, fmt.Errorf("%q is not a trainee name", ClipName(name))
	}
	db := filepath.Join(dataDir, DBFile)
	if _, err := os.Stat(db); errors.Is(err, fs.ErrNotExist) {
		return f, fmt.Errorf("%s: %w", dataDir, ErrNoClassroom)
	}
	s, err := OpenStore(db)
	if err != nil {
		return f, err
	}
	defer s.Close()
	renames, err := s.renames()
	if err != nil {
		return f, err
	}
	names := []string{name} // and any former name whose file did not move yet
	for old, cur := range renames {
		if cur == name {
			names = append(names, old)
		}
	}
	for _, n := range names {
		progress := TraineeDB(dataDir, n)
		for _, p := range dbFiles(progress) {
			err := os.Remove(p)
			if err == nil && p == progress {
				f.Progress = true
			}
			if err != nil && !errors.Is(err, fs.ErrNotExist) {
				return f, fmt.Errorf("forget %s: %w", name, err)
			}
		}
	}
	if f.Answers, f.Joined, err = s.forget(name); err != nil {
		return f, err
	}
	f.LogLines, err = forgetLogLines(filepath.Join(dataDir, LogFile), name)
	return f, err
}

// forget deletes name's answers and trainee row in one transaction.
func (s *Store) forget(name string) (answers int, joined bool, err error) {
	tx, err := s.db.Begin()
	if err != nil {
		return 0, false, fmt.Errorf("forget %s: %w", name, err)
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit
	res, err := tx.Exec(`DELETE FROM answers WHERE trainee = ?`, name)
	if err != nil {
		return 0, false, fmt.Errorf("forget %s's answers: %w", name, err)
	}
	n, _ := res.RowsAffected()
	res, err = tx.Exec(`DELETE FROM trainees WHERE name = ?`, name)
	if err != nil {
		return 0, false, fmt.Errorf("forget %s: %w", name, err)
	}
	m, _ := res.RowsAffected()
	if _, err := tx.Exec(`DELETE FROM renames WHERE old = ?1 OR new = ?1`, name); err != nil {
		return 0, false, fmt.Errorf("forget %s's former names: %w", name, err)
	}
	if err := tx.Commit(); err != nil {
		return 0, false, fmt.Errorf("forget %s: %w", name, s.full(err))
	}
	return int(n), m > 0, nil
}

// forgetLogLines rewrites the log without the lines naming name: as the
// session's name or user, a trainee, or the first word of wish's
// connect and disconnect lines. The new log replaces the old at once.
func forgetLogLines(path, name string) (int, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("read log: %w", err)
	}
	var keep bytes.Buffer
	dropped := 0
	addrs := map[string]bool{} // the trainee's connections, for wish's disconnect lines
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	for sc.Scan() {
		line := sc.Text()
		if logLineNames(line, name) {
			if a := logRemote(line); a != "" {
				addrs[a] = true
			}
			dropped++
			continue
		}
		if a, ok := disconnectOf(line); ok && addrs[a] {
			dropped++
			continue
		}
		keep.Write(sc.Bytes())
		keep.WriteByte('\n')
	}
	if err := sc.Err(); err != nil {
		return 0, fmt.Errorf("read log: %w", err)
	}
	if dropped == 0 {
		return 0, nil
	}
	tmp := path + ".forget"
	if err := os.WriteFile(tmp, keep.Bytes(), 0o600); err != nil {
		os.Remove(tmp)
		return 0, fmt.Errorf("rewrite log: %w", CheckDiskFull(filepath.Dir(path), err))
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return 0, fmt.Errorf("rewrite log: %w", err)
	}
	return dropped, nil
}

// logLineNames reports whether a log line (slog's text format) is about
// trainee name. User names are compared folded, as NormalizeName does.
func logLineNames(line, name string) bool {
	for _, key := range []string{"name", "user", "trainee"} {
		for _, v := range []string{name, strconv.Quote(name)} {
			at := 0
			for {
				i := strings.Index(strings.ToLower(line[at:]), " "+key+"="+v)
				if i < 0 {
					break
				}
				end := at + i + len(key) + len(v) + 2
				if end == len(line) || line[end] == ' ' {
					return true
				}
				at = end
			}
		}
	}
	return strings.Contains(strings.ToLower(line), ` msg="`+name+` connect `)
}

// logRemote is the client address (host:port) a log line names: its
// remote attribute, or the second word of wish's connect line.
func logRemote(line string) string {
	if _, rest, ok := strings.Cut(line, " remote="); ok {
		a, _, _ := strings.Cut(rest, " ")
		return strings.Trim(a, `"`)
	}
	if _, rest, ok := strings.Cut(line, ` msg="`); ok {
		if f := strings.Fields(rest); len(f) > 2 && f[1] == "connect" {
			return f[2]
		}
	}
	return ""
}

// disconnectOf is the address of wish's disconnect line, which names no
// user: "ADDR disconnect DURATION".
func disconnectOf(line string) (string, bool) {
	_, rest, ok := strings.Cut(line, ` msg="`)
	if !ok {
		return "", false
	}
	f := strings.Fields(rest)
	if len(f) < 2 || f[1] != "disconnect" {
		return "", false
	}
	return f[0], true
}
