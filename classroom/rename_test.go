package classroom

import (
	"errors"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/crm101/crm101/classroom/round"
	"github.com/crm101/crm101/glossary"
)

func openTestRoom(t *testing.T, dir string, clock *fakeClock) *Room {
	t.Helper()
	g, err := glossary.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	room, err := Open(Config{DataDir: dir, Glossary: g, Now: clock.now, Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Round: round.Config{QuestionTime: 20 * time.Second, RevealTime: 5 * time.Second}})
	if err != nil {
		t.Fatal(err)
	}
	return room
}

func exists(path string) bool { _, err := os.Stat(path); return err == nil }

// A trainer renames an offensive name mid-round: the trainee plays on
// under the new name, the leaderboard and every stored row follow, the
// old name is kept from anyone else, and the progress file moves once
// their session lets go of it.
func TestRenameTrainee(t *testing.T) {
	dir := t.TempDir()
	clock := &fakeClock{t: t0}
	room := openTestRoom(t, dir, clock)
	defer room.Close()
	var mu sync.Mutex
	var told [][2]string
	room.OnRename(func(old, new string) { mu.Lock(); told = append(told, [2]string{old, new}); mu.Unlock() })

	for _, n := range []string{"ana", "rude", "bo"} { // bo joined earlier and left
		if err := room.Store().SeeTrainee(n, "", t0); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := room.AcquireProgress("rude"); err != nil {
		t.Fatal(err)
	}
	var ana, rude, desk inbox
	defer room.Conductor().Join("ana", ana.send)()
	defer room.Conductor().Join("rude", rude.send)()
	defer room.Desk().Watch(desk.send)()
	seat := room.Seat("rude") // the session's seat, made before the rename
	if err := room.Desk().StartRound(2); err != nil {
		t.Fatal(err)
	}
	q := ana.waitPhase(t, round.Asking, 0).Event.Question
	if _, err := room.Seat("ana").Answer(0, q.Answer); err != nil {
		t.Fatal(err)
	}
	if _, err := seat.Answer(0, q.Answer); err != nil {
		t.Fatal(err)
	}
	ana.waitPhase(t, round.Revealing, 0)

	for _, c := range []struct {
		old, new string
		want     error
	}{
		{"rude", "Bad Name!", BadNameError{}},
		{"rude", "a-name-far-too-long-for-the-board", BadNameError{}},
		{"rude", "ANA", ErrNameTaken},
		{"rude", "bo", ErrNameTaken},
		{"nobody", "kim", ErrNoTrainee},
	} {
		err := room.Desk().RenameTrainee(c.old, c.new)
		var bad BadNameError
		if ok := errors.As(err, &bad); ok != (c.want == BadNameError{}) || (!ok && !errors.Is(err, c.want)) {
			t.Errorf("rename %s to %q: %v, want %v", c.old, c.new, err, c.want)
		}
	}

	if err := room.Desk().RenameTrainee("rude", " Kim "); err != nil {
		t.Fatal(err)
	}
	lb := ana.waitPhase(t, round.Revealing, 0).Event.Leaderboard
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline) && !onBoard(lb, "kim"); time.Sleep(5 * time.Millisecond) {
		lb = ana.waitPhase(t, round.Revealing, 0).Event.Leaderboard
	}
	if !onBoard(lb, "kim") || onBoard(lb, "rude") || len(lb) != 2 {
		t.Errorf("leaderboard after the rename: %+v", lb)
	}
	u := rude.waitPhase(t, round.Revealing, 0)
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline) && u.Seat.Name != "kim"; time.Sleep(5 * time.Millisecond) {
		u = rude.waitPhase(t, round.Revealing, 0)
	}
	if u.Seat.Name != "kim" || u.Seat.Points == 0 {
		t.Errorf("the renamed trainee's seat: %+v", u.Seat)
	}
	if seat.Name() != "kim" {
		t.Errorf("seat name %q", seat.Name())
	}
	if p := room.Conductor().Present(); len(p) != 2 || p[0] != "ana" || p[1] != "kim" {
		t.Errorf("present %v", p)
	}
	mu.Lock()
	if len(told) != 1 || told[0] != [2]string{"rude", "kim"} {
		t.Errorf("door told %v", told)
	}
	mu.Unlock()
	if to, err := room.Store().RenamedTo("rude"); err != nil || to != "kim" {
		t.Errorf("rude renamed to %q, %v", to, err)
	}
	if err := room.Desk().RenameTrainee("ana", "rude"); !errors.Is(err, ErrNameTaken) {
		t.Errorf("the old name was given again: %v", err)
	}

	// The session plays on under the new name; its answer is stored so.
	clock.add(5 * time.Second)
	room.Conductor().poke()
	rude.waitPhase(t, round.Asking, 1)
	if a, err := seat.Answer(1, 0); err != nil || a.Name != "kim" {
		t.Fatalf("answer after the rename: %+v, %v", a, err)
	}
	room.Desk().StopRound()
	final := ana.waitPhase(t, round.Finished, 1).Event
	stored, err := room.Store().RoundStanding(final.Round)
	if err != nil || !onBoard(stored, "kim") || onBoard(stored, "rude") {
		t.Errorf("stored standings %+v, %v", stored, err)
	}
	for _, s := range stored {
		if s.Name == "kim" && s.Answered != 2 {
			t.Errorf("kim's answers from before and after the rename: %+v", s)
		}
	}

	// The progress file is still open under the old name, and the
	// report already counts it as kim's.
	if !exists(TraineeDB(dir, "rude")) || exists(TraineeDB(dir, "kim")) {
		t.Error("an open progress file moved under its session")
	}
	rep, err := room.Desk().Cohort()
	if err != nil {
		t.Fatal(err)
	}
	for _, tr := range rep.Trainees {
		if tr.Name == "rude" {
			t.Errorf("the old name is in the report: %+v", rep.Trainees)
		}
		if tr.Name == "kim" && (tr.Rounds != 1 || tr.Reviews != 2) {
			t.Errorf("kim in the report %+v", tr)
		}
	}
	// The session ends: its file moves to the new name.
	if err := room.ReleaseProgress(room.CurrentName("rude")); err != nil {
		t.Fatal(err)
	}
	if exists(TraineeDB(dir, "rude")) || !exists(TraineeDB(dir, "kim")) {
		t.Error("the progress file did not follow the rename")
	}

	// Someone not in the room: their file moves at once.
	if err := touchProgress(room, "bo"); err != nil {
		t.Fatal(err)
	}
	if err := room.Desk().RenameTrainee("bo", "bea"); err != nil {
		t.Fatal(err)
	}
	if exists(TraineeDB(dir, "bo")) || !exists(TraineeDB(dir, "bea")) {
		t.Error("the progress file of someone not in the room did not move")
	}
}

// touchProgress creates name's progress file and lets go of it.
func touchProgress(r *Room, name string) error {
	if _, err := r.AcquireProgress(name); err != nil {
		return err
	}
	return r.ReleaseProgress(name)
}

func onBoard(board []round.Standing, name string) bool {
	for _, s := range board {
		if s.Name == name {
			return true
		}
	}
	return false
}

// A server stopped before a renamed trainee's file could move (killed
// while their session held it): the next start moves it.
func TestRenameFinishesMoveOnOpen(t *testing.T) {
	dir := t.TempDir()
	clock := &fakeClock{t: t0}
	room := openTestRoom(t, dir, clock)
	if err := room.Store().SeeTrainee("rude", "", t0); err != nil {
		t.Fatal(err)
	}
	if err := touchProgress(room, "rude"); err != nil {
		t.Fatal(err)
	}
	// The rows move, the file does not: as if the process died next.
	if err := room.Store().RenameTrainee("rude", "kim", t0, func() (func(), error) { return func() {}, nil }); err != nil {
		t.Fatal(err)
	}
	room.Close()
	if !exists(TraineeDB(dir, "rude")) {
		t.Fatal("setup: the file moved")
	}
	rep, err := BuildReport(dir, reportGlossary(t), t0)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Trainees) != 1 || rep.Trainees[0].Name != "kim" {
		t.Errorf("report before the move: %+v", rep.Trainees)
	}
	room = openTestRoom(t, dir, clock)
	defer room.Close()
	if exists(TraineeDB(dir, "rude")) || !exists(TraineeDB(dir, "kim")) {
		t.Error("opening the room did not finish the move")
	}
}

// A rename whose file cannot move leaves the database as it was.
func TestRenameRollsBackWhenTheFileCannotMove(t *testing.T) {
	dir := t.TempDir()
	clock := &fakeClock{t: t0}
	room := openTestRoom(t, dir, clock)
	defer room.Close()
	if err := room.Store().SeeTrainee("rude", "", t0); err != nil {
		t.Fatal(err)
	}
	if err := touchProgress(room, "rude"); err != nil {
		t.Fatal(err)
	}
	// A stray file where the new name's would go.
	if err := os.WriteFile(TraineeDB(dir, "kim"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := room.Desk().RenameTrainee("rude", "kim"); err == nil {
		t.Fatal("renamed over an existing progress file")
	}
	if to, _ := room.Store().RenamedTo("rude"); to != "" {
		t.Errorf("rows moved to %q without the file", to)
	}
	if fp, err := room.Store().TraineeKey("rude"); err != nil {
		t.Errorf("rude's row: %q, %v", fp, err)
	}
	if !exists(filepath.Join(dir, TraineeDir, "rude.db")) {
		t.Error("rude's progress file is gone")
	}
}
