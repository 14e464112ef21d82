package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"

	"github.com/crm101/crm101/quiz"
)

func TestQuizExportJSONIsRepeatableAndComplete(t *testing.T) {
	code, first, stderr := runCLI(t, "quiz", "export", "--count", "8", "--seed", "42", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if stderr != "" {
		t.Fatalf("stderr with --seed given: %q", stderr)
	}
	var qs []map[string]any
	if err := json.Unmarshal([]byte(first), &qs); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, first)
	}
	if len(qs) != 8 {
		t.Fatalf("%d questions, want 8", len(qs))
	}
	terms := map[string]bool{}
	for _, q := range qs {
		for _, k := range []string{"kind", "prompt", "answer", "term"} {
			if s, _ := q[k].(string); s == "" {
				t.Errorf("question without %s: %v", k, q)
			}
		}
		kind := quiz.Kind(q["kind"].(string))
		if _, has := q["options"]; has != (kind == quiz.Choice || kind == quiz.ReverseChoice || kind == quiz.Compare) && kind != quiz.Article {
			t.Errorf("%s question: options present = %v", kind, has)
		}
		terms[q["term"].(string)] = true
	}
	if len(terms) != 8 {
		t.Errorf("%d different terms in 8 questions", len(terms))
	}
	_, again, _ := runCLI(t, "quiz", "export", "--count", "8", "--seed", "42", "--format", "json")
	if again != first {
		t.Fatal("the same seed printed a different quiz")
	}
	_, other, _ := runCLI(t, "quiz", "export", "--count", "8", "--seed", "43", "--format", "json")
	if other == first {
		t.Fatal("another seed printed the same quiz")
	}
}

func TestQuizExportMarkdownHasAnswerKey(t *testing.T) {
	code, out, stderr := runCLI(t, "quiz", "export", "--count", "4", "--mode", "choice", "--category", "metrics")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"# CRM 101 quiz", "4 questions", "## Answer key", "A. "} {
		if !strings.Contains(out, want) {
			t.Errorf("export lacks %q:\n%s", want, out)
		}
	}
	if !strings.Contains(stderr, "--seed ") {
		t.Errorf("without --seed the seed is not reported: %q", stderr)
	}
}

func TestQuizFlagsAreValidated(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"quiz", "export", "--format", "pdf"},
		{"quiz", "export", "--count", "0"},
		{"quiz", "export", "--mode", "essay"},
		{"quiz", "--data-dir", dir, "--mode", "essay"},
		{"quiz", "--data-dir", dir, "--category", "finance"},
		{"quiz", "--data-dir", dir, "--count", "-3"},
	} {
		code, _, stderr := runCLI(t, args...)
		if code != 2 || !strings.HasPrefix(stderr, "crm101: ") {
			t.Errorf("%v: exit %d, stderr %q; want 2 and a message", args, code, stderr)
		}
	}
	if _, err := os.Stat(quiz.DBPath(dir)); err == nil {
		t.Error("bad flags still created a progress database")
	}
}

func TestQuizExportTooManyQuestionsFails(t *testing.T) {
	code, _, stderr := runCLI(t, "quiz", "export", "--count", "500", "--seed", "1")
	if code != 1 || !strings.Contains(stderr, "only") {
		t.Fatalf("exit %d, %q", code, stderr)
	}
}

// recordSome writes reviews the way a quiz session would.
func recordSome(t *testing.T, dir string, reviews ...quiz.Review) {
	t.Helper()
	st, err := quiz.OpenStore(quiz.DBPath(dir))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, r := range reviews {
		if _, err := st.Record(r); err != nil {
			t.Fatal(err)
		}
	}
}

func TestStatsReportsProgress(t *testing.T) {
	dir := t.TempDir()
	// stats reads the real clock, and its streak and "studied today" are
	// by calendar day: the reviews must fall on the day stats runs. They
	// never straddle midnight, and a run that crossed it tries again.
	now := time.Now()
	if midnight := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, now.Location()); now.Sub(midnight) < 3*time.Minute {
		now = midnight.Add(3 * time.Minute)
	}
	if time.Until(time.Date(now.Year(), now.Month(), now.Day()+1, 0, 0, 0, 0, now.Location())) < 10*time.Second {
		time.Sleep(10 * time.Second) // stats would run on the next day
		TestStatsReportsProgress(t)
		return
	}
	recordSome(t, dir,
		quiz.Review{Term: "Churn Rate", Kind: "typed", Rating: quiz.Again, At: now.Add(-2 * time.Minute)},
		quiz.Review{Term: "Churn Rate", Kind: "typed", Rating: quiz.Good, At: now.Add(-time.Minute)},
		quiz.Review{Term: "Pipeline", Kind: "choice", Rating: quiz.Good, At: now},
	)
	code, out, stderr := runCLI(t, "stats", "--json", "--data-dir", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var st quiz.Stats
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if st.Reviews != 3 || st.Correct != 2 || st.Learning != 2 || st.New != st.Total-2 || st.StreakDays != 1 || !st.StudiedToday {
		t.Fatalf("stats %+v", st)
	}
	if len(st.Weakest) != 1 || st.Weakest[0].Term != "Churn Rate" {
		t.Fatalf("weakest %+v", st.Weakest)
	}

	t.Setenv(quiz.DataDirEnv, dir) // the environment finds the same file
	code, out, _ = runCLI(t, "stats")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{quiz.DBPath(dir), "2 learning", "Streak", "1 day", "3 answers, 67% right", "Churn Rate: 1 of 2 recent answers right"} {
		if !strings.Contains(out, want) {
			t.Errorf("stats lacks %q:\n%s", want, out)
		}
	}
}

// A damaged progress file stops every command that needs it with a
// message naming the file, and is left byte for byte as it was. (The
// app itself still opens for browsing: TestE2EDamagedProgressStillBrowses.)
func TestCorruptProgressDatabaseIsReportedAndKept(t *testing.T) {
	dir := t.TempDir()
	path := quiz.DBPath(dir)
	junk := []byte("these are my notes, not a database\n")
	if err := os.WriteFile(path, junk, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"stats", "--data-dir", dir},
		{"stats", "--json", "--data-dir", dir},
		{"quiz", "--data-dir", dir},
	} {
		code, out, stderr := runCLI(t, args...)
		if code == 0 || !strings.Contains(stderr, path) || !strings.Contains(stderr, "not a crm101 progress database") {
			t.Errorf("%v: exit %d, stderr %q", args, code, stderr)
		}
		if out != "" {
			t.Errorf("%v printed %q", args, out)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil || !bytes.Equal(got, junk) {
		t.Fatalf("file changed: %q, %v", got, err)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name() != filepath.Base(path) {
			t.Errorf("extra file %s beside the damaged database", e.Name())
		}
	}
}

// --new-per-day, --by and --retention are saved in the progress store
// until changed; --new-per-day drops an end date, and bad values are
// usage errors.
func TestQuizCourseFlagsAreSaved(t *testing.T) {
	store, err := quiz.OpenStore(filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	apply := func(args ...string) error {
		cmd := &cobra.Command{Use: "quiz"}
		var c courseFlags
		c.register(cmd)
		if err := cmd.ParseFlags(args); err != nil {
			t.Fatal(err)
		}
		return c.apply(cmd, store)
	}
	if err := apply("--by", "2026-12-18", "--retention", "0.85"); err != nil {
		t.Fatal(err)
	}
	c, _ := store.Course()
	if c.By.Format(quiz.DateLayout) != "2026-12-18" || c.Retention != 0.85 || c.NewPerDay != 0 {
		t.Fatalf("course %+v", c)
	}
	if err := apply("--new-per-day", "15"); err != nil {
		t.Fatal(err)
	}
	if c, _ = store.Course(); c.NewPerDay != 15 || !c.By.IsZero() || c.Retention != 0.85 {
		t.Fatalf("course after --new-per-day %+v", c)
	}
	for _, bad := range [][]string{{"--by", "18/12/2026"}, {"--retention", "0.5"}, {"--new-per-day", "-1"}} {
		var ee exitError
		if err := apply(bad...); !errors.As(err, &ee) || ee.code != 2 {
			t.Errorf("%v: err %v, want a usage error", bad, err)
		}
	}
}
