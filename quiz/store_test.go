package quiz

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	fsrs "github.com/open-spaced-repetition/go-fsrs/v3"
)

var t0 = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

func openTestStore(t *testing.T) *Store {
	t.Helper()
	s, err := OpenStore(filepath.Join(t.TempDir(), DBFile))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func record(t *testing.T, s *Store, term string, r Rating, at time.Time) fsrs.Card {
	t.Helper()
	c, err := s.Record(Review{Term: term, Kind: "typed", Rating: r, AnswerTime: 3 * time.Second, At: at})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func countRows(t *testing.T, s *Store, table string) int {
	t.Helper()
	var n int
	if err := s.db.QueryRow("SELECT COUNT(*) FROM " + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestStoreRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub dir?#", DBFile)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	s, err := OpenStore(path)
	if err != nil {
		t.Fatal(err)
	}
	want := record(t, s, "Churn Rate", Good, t0)
	record(t, s, "Lead", Again, t0.Add(time.Minute))
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("database not at the requested path: %v", err)
	}

	s, err = OpenStore(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	// A change of case must find the same card: keys are folded.
	got, ok, err := s.Card("churn  rate")
	if err != nil || !ok {
		t.Fatalf("Card after reopen: ok=%v err=%v", ok, err)
	}
	if !got.Due.Equal(want.Due) || got.Stability != want.Stability || got.Difficulty != want.Difficulty ||
		got.Reps != want.Reps || got.State != want.State || !got.LastReview.Equal(want.LastReview) {
		t.Errorf("card after reopen = %+v, want %+v", got, want)
	}
	if _, ok, _ := s.Card("Never Seen"); ok {
		t.Error("Card(never seen) reported as seen")
	}
	cards, err := s.Cards()
	if err != nil || len(cards) != 2 || cards[0].Term != "Churn Rate" || cards[1].Term != "Lead" {
		t.Errorf("Cards() = %+v, %v", cards, err)
	}
	var kind string
	var rating, correct, ms int
	err = s.db.QueryRow(`SELECT kind, rating, correct, answer_ms FROM reviews WHERE term = 'Lead'`).Scan(&kind, &rating, &correct, &ms)
	if err != nil || kind != "typed" || Rating(rating) != Again || correct != 0 || ms != 3000 {
		t.Errorf("review row = %q %d %d %d, %v", kind, rating, correct, ms, err)
	}
}

func TestStoreDecksAreSeparate(t *testing.T) {
	s := openTestStore(t)
	record(t, s, "Lead", Good, t0)
	pack := s.WithDeck("pack:retail")
	if _, ok, _ := pack.Card("Lead"); ok {
		t.Error("a pack deck sees the built-in card")
	}
	record(t, pack, "Lead", Again, t0)
	c, _, _ := s.Card("Lead")
	if c.State != fsrs.Learning || c.Reps != 1 {
		t.Errorf("built-in card changed by the pack review: %+v", c)
	}
}

func TestRecordRejectsBadInput(t *testing.T) {
	s := openTestStore(t)
	if _, err := s.Record(Review{Term: "", Rating: Good, At: t0}); err == nil {
		t.Error("empty term: want error")
	}
	if _, err := s.Record(Review{Term: "Lead", Rating: 0, At: t0}); err == nil {
		t.Error("rating 0: want error")
	}
	if n := countRows(t, s, "reviews"); n != 0 {
		t.Errorf("%d reviews saved from bad input", n)
	}
}

// Two handles on one file stand for two crm101 processes.
func TestConcurrentWriters(t *testing.T) {
	path := filepath.Join(t.TempDir(), DBFile)
	var stores [2]*Store
	for i := range stores {
		s, err := OpenStore(path)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		stores[i] = s
	}
	const goroutines, each = 4, 15
	var wg sync.WaitGroup
	errs := make(chan error, len(stores)*goroutines*each)
	for i, s := range stores {
		for g := 0; g < goroutines; g++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for k := 0; k < each; k++ {
					// Everyone also hits one shared card, so lost
					// updates would show in its reps.
					term := "Shared"
					if k%2 == 1 {
						term = fmt.Sprintf("T%d-%d-%d", i, g, k)
					}
					at := t0.Add(time.Duration(k) * time.Minute)
					if _, err := s.Record(Review{Term: term, Kind: "choice", Rating: Good, At: at}); err != nil {
						errs <- err
					}
				}
			}()
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	total := len(stores) * goroutines * each
	if n := countRows(t, stores[0], "reviews"); n != total {
		t.Errorf("reviews = %d, want %d", n, total)
	}
	shared, _, err := stores[1].Card("Shared")
	if err != nil {
		t.Fatal(err)
	}
	wantShared := len(stores) * goroutines * ((each + 1) / 2)
	if int(shared.Reps) != wantShared {
		t.Errorf("shared card reps = %d, want %d (an update was lost)", shared.Reps, wantShared)
	}
}

func TestOpenRejectsBadFiles(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	random := make([]byte, 8192)
	for i := range random {
		random[i] = byte(rng.UintN(256))
	}
	// A valid header followed by garbage: only SQLite itself can tell.
	damaged := append([]byte("SQLite format 3\x00"), random...)
	cases := map[string][]byte{
		"random bytes": random,
		"text file":    []byte("name,score\nann,3\n"),
		"damaged":      damaged,
		"short":        []byte("SQLite format 3\x00\x10\x00"),
	}
	for name, content := range cases {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), DBFile)
			if err := os.WriteFile(path, content, 0o600); err != nil {
				t.Fatal(err)
			}
			s, err := OpenStore(path)
			if err == nil {
				s.Close()
				t.Fatal("OpenStore accepted a bad file")
			}
			if !strings.Contains(err.Error(), path) {
				t.Errorf("error %q does not name %s", err, path)
			}
			got, rerr := os.ReadFile(path)
			if rerr != nil || !bytes.Equal(got, content) {
				t.Errorf("file changed after failed open (read err %v)", rerr)
			}
		})
	}
}

func TestOpenRejectsDirectory(t *testing.T) {
	path := filepath.Join(t.TempDir(), DBFile)
	if err := os.Mkdir(path, 0o700); err != nil {
		t.Fatal(err)
	}
	_, err := OpenStore(path)
	if err == nil || !strings.Contains(err.Error(), path) || !errors.Is(err, ErrNotDatabase) {
		t.Fatalf("directory: err = %v", err)
	}
}

func TestOpenRejectsUnreadable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads any file; permission errors cannot happen")
	}
	s := openTestStore(t)
	path := s.Path()
	s.Close()
	if err := os.Chmod(path, 0); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(path, 0o600)
	_, err := OpenStore(path)
	if err == nil || !strings.Contains(err.Error(), path) {
		t.Fatalf("unreadable file: err = %v", err)
	}
}

func TestOpenEmptyFileIsNewDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), DBFile)
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := OpenStore(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	record(t, s, "Lead", Good, t0)
}

func TestOpenRejectsNewerSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), DBFile)
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = db.Exec(`CREATE TABLE future (x); PRAGMA user_version = 99`)
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)

	_, err = OpenStore(path)
	if !errors.Is(err, ErrNewerSchema) || !strings.Contains(err.Error(), path) {
		t.Fatalf("newer schema: err = %v", err)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("newer database changed by a failed open")
	}
}

func TestMigrateFromV1(t *testing.T) {
	path := filepath.Join(t.TempDir(), DBFile)
	db, err := sql.Open("sqlite", dsn(path, ""))
	if err != nil {
		t.Fatal(err)
	}
	if err := migrate(context.Background(), db, 1); err != nil {
		t.Fatal(err)
	}
	_, err = db.Exec(`INSERT INTO cards VALUES ('builtin', 'lead', 'Lead', ?, 3.2, 5.1, 0, 3, 2, 0, 2, ?);
		INSERT INTO reviews (deck, term_key, term, kind, rating, correct, answer_ms, reviewed_at)
		VALUES ('builtin', 'lead', 'Lead', 'typed', 3, 1, 4100, ?)`,
		t0.Add(72*time.Hour).UnixMilli(), t0.UnixMilli(), t0.UnixMilli())
	db.Close()
	if err != nil {
		t.Fatal(err)
	}

	s, err := OpenStore(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var version int
	if err := s.db.QueryRow("PRAGMA user_version").Scan(&version); err != nil || version != SchemaVersion() {
		t.Fatalf("user_version = %d (%v), want %d", version, err, SchemaVersion())
	}
	var indexes int
	s.db.QueryRow(`SELECT COUNT(*) FROM sqlite_schema WHERE type = 'index' AND name IN
		('reviews_by_card', 'reviews_by_time', 'cards_by_due')`).Scan(&indexes)
	if indexes != 3 {
		t.Errorf("v2 indexes present: %d, want 3", indexes)
	}
	c, ok, err := s.Card("Lead")
	if err != nil || !ok || c.Stability != 3.2 || c.State != fsrs.Review || !c.Due.Equal(t0.Add(72*time.Hour)) {
		t.Errorf("v1 card after migration = %+v ok=%v err=%v", c, ok, err)
	}
	if n := countRows(t, s, "reviews"); n != 1 {
		t.Errorf("reviews after migration = %d, want 1", n)
	}
	// Opening again is a no-op, not a second migration.
	s2, err := OpenStore(path)
	if err != nil {
		t.Fatal(err)
	}
	s2.Close()
}

func TestDataDir(t *testing.T) {
	base := t.TempDir()
	t.Setenv("XDG_DATA_HOME", filepath.Join(base, "xdg"))
	t.Setenv(DataDirEnv, "")

	got, err := DataDir("")
	if want := filepath.Join(base, "xdg", "crm101"); err != nil || got != want {
		t.Errorf("XDG: DataDir = %q, %v; want %q", got, err, want)
	}
	info, err := os.Stat(got)
	if err != nil || info.Mode().Perm() != 0o700 {
		t.Errorf("data dir mode = %v, %v; want 0700", info.Mode().Perm(), err)
	}

	t.Setenv(DataDirEnv, filepath.Join(base, "env"))
	if got, _ := DataDir(""); got != filepath.Join(base, "env") {
		t.Errorf("env: DataDir = %q", got)
	}
	if got, _ := DataDir(filepath.Join(base, "flag")); got != filepath.Join(base, "flag") {
		t.Errorf("flag: DataDir = %q", got)
	}

	file := filepath.Join(base, "afile")
	os.WriteFile(file, []byte("x"), 0o600)
	if _, err := DataDir(file); err == nil || !strings.Contains(err.Error(), file) {
		t.Errorf("data dir on a file: err = %v", err)
	}
	if DBPath("/d") != filepath.Join("/d", DBFile) {
		t.Error("DBPath")
	}
}

// A real database whose later pages were overwritten passes the header
// check; SQLite's integrity check must catch it before any write.
func TestOpenRejectsDamagedPages(t *testing.T) {
	s := openTestStore(t)
	for i := 0; i < 200; i++ {
		record(t, s, fmt.Sprintf("Term %d", i), Good, t0)
	}
	path := s.Path()
	s.Close()
	content, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(content) < 3*4096 {
		t.Fatalf("database only %d bytes; test needs several pages", len(content))
	}
	for i := 4096; i < len(content); i++ {
		content[i] = byte(i * 31)
	}
	if err := os.WriteFile(path, content, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err = OpenStore(path)
	if !errors.Is(err, ErrNotDatabase) || !strings.Contains(err.Error(), path) {
		t.Fatalf("damaged pages: err = %v", err)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(after, content) {
		t.Error("damaged file changed by a failed open")
	}
}
