package classroom

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/crm101/crm101/glossary"
	"github.com/crm101/crm101/quiz"
)

// TraineeDir is where each trainee's progress database lives, inside the
// data directory: one ordinary crm101 progress file per trainee, so a
// trainee's history can be handed over and opened with `crm101` itself.
const TraineeDir = "trainees"

// namePattern is what a display name may be: it becomes a file name and
// a leaderboard line, so no slashes, dots first, spaces or control codes.
// Its length cap is MaxNameLen.
var namePattern = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{0,23}$`)

// MaxNameLen is the longest display name, in characters (namePattern).
const MaxNameLen = 24

// NormalizeName folds an SSH user name into a display name and reports
// whether it is usable. Names are lower-cased so "Ana" and "ana" are one
// trainee, on every file system.
func NormalizeName(user string) (string, bool) {
	n := strings.ToLower(strings.TrimSpace(user))
	return n, namePattern.MatchString(n)
}

// MaxNameEcho is how many characters of a name given at login are
// logged or echoed back: an SSH user name can be kilobytes long.
const MaxNameEcho = 32

// ClipName is a name given at login as it may be logged or echoed:
// without control characters (glossary.Printable), on one line, and
// cut to MaxNameEcho characters with "…" marking the cut.
func ClipName(user string) string {
	s := strings.Join(strings.Fields(glossary.Printable(user)), " ")
	if utf8.RuneCountInString(s) <= MaxNameEcho {
		return s
	}
	r := []rune(s)
	return string(r[:MaxNameEcho-1]) + "…"
}

// TraineeDB is the progress database of trainee name under dataDir.
func TraineeDB(dataDir, name string) string {
	return filepath.Join(dataDir, TraineeDir, name+".db")
}

// progressStores shares one open progress store per trainee between
// their sessions (a reconnect may overlap the old session's last
// moments), closing it when the last session ends.
type progressStores struct {
	dir string
	mu  sync.Mutex
	m   map[string]*sharedStore
}

type sharedStore struct {
	st   *quiz.Store
	refs int
	path string // where the file is: its old name's until a renamed trainee's last session ends
}

func newProgressStores(dataDir string) *progressStores {
	return &progressStores{dir: dataDir, m: map[string]*sharedStore{}}
}

// acquire opens (or shares) name's store; release it when done.
func (p *progressStores) acquire(name string) (*quiz.Store, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if s, ok := p.m[name]; ok {
		s.refs++
		return s.st, nil
	}
	path := TraineeDB(p.dir, name)
	// Private from the start (an empty file is a valid new database).
	if f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600); err == nil {
		f.Close()
	}
	st, err := quiz.OpenStore(path)
	if err != nil {
		return nil, fmt.Errorf("progress of %s: %w", name, CheckDiskFull(filepath.Dir(path), err))
	}
	p.m[name] = &sharedStore{st: st, refs: 1, path: path}
	return st, nil
}

// get returns name's open store, or nil when they have no session.
func (p *progressStores) get(name string) *quiz.Store {
	p.mu.Lock()
	defer p.mu.Unlock()
	if s, ok := p.m[name]; ok {
		return s.st
	}
	return nil
}

func (p *progressStores) release(name string) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	s, ok := p.m[name]
	if !ok {
		return nil
	}
	if s.refs--; s.refs > 0 {
		return nil
	}
	delete(p.m, name)
	if err := s.st.Close(); err != nil {
		return err
	}
	if to := TraineeDB(p.dir, name); s.path != to {
		// Renamed while in the room: the file follows now it is closed.
		// If this fails, the next Room.Open moves it (finishMoves).
		if err := moveDB(s.path, to); err != nil {
			return fmt.Errorf("progress of %s: %w", name, err)
		}
	}
	return nil
}

// rename moves old's progress to new. A file no session holds moves at
// once; an open one keeps its path, shared under new, and moves when
// the last session closes it (SQLite must not lose its file while it
// writes, and the trainee's app keeps the store it was given). undo
// puts things back, for a rename whose database commit fails.
func (p *progressStores) rename(old, new string) (undo func(), err error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	to := TraineeDB(p.dir, new)
	if _, err := os.Stat(to); err == nil {
		return nil, fmt.Errorf("a progress file for %s already exists: %w", new, ErrNameTaken)
	}
	if s, ok := p.m[old]; ok {
		delete(p.m, old)
		p.m[new] = s
		return func() {
			p.mu.Lock()
			defer p.mu.Unlock()
			if s, ok := p.m[new]; ok {
				delete(p.m, new)
				p.m[old] = s
			}
		}, nil
	}
	from := TraineeDB(p.dir, old)
	if err := moveDB(from, to); err != nil {
		return nil, err
	}
	return func() { _ = moveDB(to, from) }, nil
}

// closeAll closes every store, for server shutdown, and reports every
// store that failed to close.
func (p *progressStores) closeAll() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	var errs []error
	for n, s := range p.m {
		if err := s.st.Close(); err != nil {
			errs = append(errs, fmt.Errorf("close progress of %s: %w", n, err))
		} else if to := TraineeDB(p.dir, n); s.path != to {
			if err := moveDB(s.path, to); err != nil {
				errs = append(errs, fmt.Errorf("progress of %s: %w", n, err))
			}
		}
		delete(p.m, n)
	}
	return errors.Join(errs...)
}
