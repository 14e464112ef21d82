package classroom

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/crm101/crm101/classroom/round"
)

var t0 = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

func openTestStore(t *testing.T, path string) *Store {
	t.Helper()
	s, err := OpenStore(path)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestStoreAnswersSurviveReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), DBFile)
	s := openTestStore(t, path)
	id, err := s.StartRound(2, t0)
	if err != nil {
		t.Fatal(err)
	}
	answers := []round.Answer{
		{Round: id, Question: 0, Name: "ana", Term: "Churn", Choice: 1, Correct: true, Elapsed: 2 * time.Second, Points: 950, At: t0},
		{Round: id, Question: 0, Name: "bo", Term: "Churn", Choice: 2, Elapsed: 3 * time.Second, At: t0},
		{Round: id, Question: 1, Name: "ana", Term: "Lead", Choice: 0, Correct: true, Elapsed: 9 * time.Second, Points: 700, At: t0},
	}
	for _, a := range answers {
		if err := s.RecordAnswer(a); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.RecordAnswer(answers[0]); !errors.Is(err, ErrDuplicate) {
		t.Errorf("second copy of an answer: %v, want ErrDuplicate", err)
	}
	want := []round.Standing{
		{Rank: 1, Name: "ana", Points: 1650, Correct: 2, Answered: 2},
		{Rank: 2, Name: "bo", Points: 0, Correct: 0, Answered: 1},
	}
	// Closing stands in for the server being killed: each answer was
	// committed before RecordAnswer returned.
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = openTestStore(t, path)
	defer s.Close()
	got, err := s.RoundStanding(id)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("after reopen: %+v, %v\nwant %+v", got, err, want)
	}
	if n, _ := s.AnswerCount(id); n != 3 {
		t.Errorf("AnswerCount = %d, want 3", n)
	}
}

func TestStoreTraineeKeyBindsOnce(t *testing.T) {
	s := openTestStore(t, filepath.Join(t.TempDir(), DBFile))
	defer s.Close()
	for _, step := range []struct{ name, fp string }{{"ana", ""}, {"ana", "SHA256:aaa"}, {"ana", "SHA256:bbb"}, {"bo", ""}} {
		if err := s.SeeTrainee(step.name, step.fp, t0); err != nil {
			t.Fatal(err)
		}
	}
	if fp, _ := s.TraineeKey("ana"); fp != "SHA256:aaa" {
		t.Errorf("ana bound to %q, want the first key", fp)
	}
	if fp, _ := s.TraineeKey("bo"); fp != "" {
		t.Errorf("bo bound to %q, want none", fp)
	}
	if fp, _ := s.TraineeKey("nobody"); fp != "" {
		t.Errorf("unknown trainee bound to %q", fp)
	}
}

func TestNormalizeName(t *testing.T) {
	for in, want := range map[string]string{"Ana": "ana", " bo.b-1_ ": "bo.b-1_"} {
		if got, ok := NormalizeName(in); !ok || got != want {
			t.Errorf("NormalizeName(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, bad := range []string{"", ".hidden", "a/b", "../x", "ana smith", "x\x1b[2J", "a-very-long-name-beyond-24-chars"} {
		if _, ok := NormalizeName(bad); ok {
			t.Errorf("NormalizeName(%q) accepted", bad)
		}
	}
}

func TestStoreFileIsPrivate(t *testing.T) {
	path := filepath.Join(t.TempDir(), DBFile)
	s := openTestStore(t, path)
	defer s.Close()
	if _, err := s.StartRound(1, t0); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{path, path + "-wal"} {
		info, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if perm := info.Mode().Perm(); perm != 0o600 {
			t.Errorf("%s mode %v, want 0600", filepath.Base(p), perm)
		}
	}
}

// Answers recorded under a built-in term's former name are reported
// under its current name after the next open, and none is lost.
func TestStoreRenamesAnswersOfRenamedTerms(t *testing.T) {
	path := filepath.Join(t.TempDir(), DBFile)
	s := openTestStore(t, path)
	id, err := s.StartRound(2, t0)
	if err != nil {
		t.Fatal(err)
	}
	for q, term := range []string{"Prevision", "Lead"} {
		if err := s.RecordAnswer(round.Answer{Round: id, Question: q, Name: "ana", Term: term, Correct: true, Points: 900, At: t0}); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	s = openTestStore(t, path)
	defer s.Close()
	rows, err := s.db.Query(`SELECT term FROM answers WHERE round_id = ? ORDER BY question`, id)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var terms []string
	for rows.Next() {
		var term string
		if err := rows.Scan(&term); err != nil {
			t.Fatal(err)
		}
		terms = append(terms, term)
	}
	if !reflect.DeepEqual(terms, []string{"Sales Forecasting", "Lead"}) {
		t.Errorf("terms after reopen = %v, want [Sales Forecasting Lead]", terms)
	}
}
