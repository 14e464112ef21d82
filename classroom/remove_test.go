package classroom

import (
	"io"
	"log/slog"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/crm101/crm101/classroom/round"
	"github.com/crm101/crm101/glossary"
)

// A trainer removes an offensive name mid-round: it leaves the
// leaderboard and the room, the door is told, it cannot come back, and
// the report keeps its answers, marked removed.
func TestRemoveTrainee(t *testing.T) {
	g, err := glossary.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	clock := &fakeClock{t: t0}
	room, err := Open(Config{DataDir: dir, Glossary: g, Now: clock.now, Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Round: round.Config{QuestionTime: 20 * time.Second, RevealTime: 5 * time.Second}})
	if err != nil {
		t.Fatal(err)
	}
	defer room.Close()
	var mu sync.Mutex
	var kicked []string
	room.OnRemove(func(name string) { mu.Lock(); kicked = append(kicked, name); mu.Unlock() })

	var ana, rude, desk inbox
	for _, n := range []string{"ana", "rude"} {
		if err := room.Store().SeeTrainee(n, "", t0); err != nil {
			t.Fatal(err)
		}
	}
	defer room.Conductor().Join("ana", ana.send)()
	defer room.Conductor().Join("rude", rude.send)()
	defer room.Desk().Watch(desk.send)()
	if err := room.Desk().StartRound(2); err != nil {
		t.Fatal(err)
	}
	q := ana.waitPhase(t, round.Asking, 0).Event.Question
	for _, n := range []string{"ana", "rude"} {
		if _, err := room.Seat(n).Answer(0, q.Answer); err != nil {
			t.Fatal(err)
		}
	}
	board := ana.waitPhase(t, round.Revealing, 0).Event.Leaderboard
	if len(board) != 2 {
		t.Fatalf("leaderboard %+v", board)
	}

	if err := room.Desk().RemoveTrainee("rude"); err != nil {
		t.Fatal(err)
	}
	var lb []round.Standing
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		if lb = ana.waitPhase(t, round.Revealing, 0).Event.Leaderboard; len(lb) == 1 {
			break
		}
	}
	if len(lb) != 1 || lb[0].Name != "ana" {
		t.Errorf("leaderboard after removal %+v", lb)
	}
	if p := room.Conductor().Present(); len(p) != 1 || p[0] != "ana" {
		t.Errorf("present %v", p)
	}
	mu.Lock()
	if len(kicked) != 1 || kicked[0] != "rude" {
		t.Errorf("door told of %v", kicked)
	}
	mu.Unlock()
	if removed, err := room.Store().TraineeRemoved("rude"); err != nil || !removed {
		t.Errorf("rude removed %v, %v", removed, err)
	}
	if removed, _ := room.Store().TraineeRemoved("ana"); removed {
		t.Error("ana removed")
	}

	rep, err := BuildReport(dir, g, clock.now())
	if err != nil {
		t.Fatal(err)
	}
	for _, tr := range rep.Trainees {
		if tr.Name == "rude" && (!tr.Removed || tr.Rounds != 1 || tr.Points == 0) {
			t.Errorf("rude in the report %+v", tr)
		}
		if tr.Name == "ana" && tr.Removed {
			t.Errorf("ana in the report %+v", tr)
		}
	}
	if len(rep.Rounds) != 1 || len(rep.Rounds[0].Places) != 2 {
		t.Errorf("the stored round keeps both answers: %+v", rep.Rounds)
	}
}

// A database from before removal (schema version 1) is brought up to
// date when the server opens it, and read as it is by a report.
func TestStoreMigratesToRemoval(t *testing.T) {
	dir := buildCohort(t) // written by this build: the newest version
	path := filepath.Join(dir, DBFile)
	s := openTestStore(t, path)
	if _, err := s.db.Exec(`ALTER TABLE trainees DROP COLUMN team; DROP TABLE renames;
		ALTER TABLE trainees DROP COLUMN removed_at; PRAGMA user_version = 1`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := BuildReport(dir, reportGlossary(t), t0); err != nil {
		t.Fatalf("report of a version-1 database: %v", err)
	}
	s = openTestStore(t, path)
	defer s.Close()
	if err := s.RemoveTrainee("bo", t0); err != nil {
		t.Fatal(err)
	}
	if removed, err := s.TraineeRemoved("bo"); err != nil || !removed {
		t.Errorf("bo removed %v, %v", removed, err)
	}
}
