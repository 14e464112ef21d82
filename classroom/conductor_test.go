package classroom

import (
	"context"
	"io"
	"log/slog"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/crm101/crm101/classroom/round"
	"github.com/crm101/crm101/glossary"
	"github.com/crm101/crm101/quiz"
)

// fakeClock is moved by the test; the conductor reads it for every
// decision, so rounds advance only when the test says.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *fakeClock) add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// inbox collects a subscriber's updates.
type inbox struct {
	mu      sync.Mutex
	updates []round.Update
}

func (b *inbox) send(u round.Update) { b.mu.Lock(); b.updates = append(b.updates, u); b.mu.Unlock() }

// waitPhase waits until the latest update is in phase p at question q.
func (b *inbox) waitPhase(t *testing.T, p round.Phase, q int) round.Update {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		b.mu.Lock()
		if n := len(b.updates); n > 0 && b.updates[n-1].Event.Phase == p && b.updates[n-1].Event.Index == q {
			u := b.updates[n-1]
			b.mu.Unlock()
			return u
		}
		b.mu.Unlock()
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("no update in phase %v at question %d", p, q+1)
	return round.Update{}
}

func TestConductorRound(t *testing.T) {
	g, err := glossary.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, TraineeDir), 0o700); err != nil {
		t.Fatal(err)
	}
	store := openTestStore(t, filepath.Join(dir, DBFile))
	defer store.Close()
	progress := newProgressStores(dir)
	defer progress.closeAll()
	clock := &fakeClock{t: t0}
	c := newConductor(g, quiz.NewIndex(g), store, progress, round.Config{QuestionTime: 20 * time.Second, RevealTime: 5 * time.Second},
		clock.now, rand.New(rand.NewPCG(1, 1)), slog.New(slog.NewTextHandler(io.Discard, nil)))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go c.run(ctx)

	var ana, bo, desk inbox
	if _, err := progress.acquire("ana"); err != nil {
		t.Fatal(err)
	}
	leaveAna := c.Join("ana", ana.send)
	leaveBo := c.Join("bo", bo.send)
	defer leaveBo()
	stopWatching := c.Watch(desk.send)
	defer stopWatching()

	if err := c.StartRound(2); err != nil {
		t.Fatal(err)
	}
	q0 := ana.waitPhase(t, round.Asking, 0).Event
	if u := desk.waitPhase(t, round.Asking, 0); len(u.Present) != 2 {
		t.Errorf("trainer sees %v in the room", u.Present)
	}
	clock.add(4 * time.Second)
	if _, err := c.Answer("ana", 0, q0.Question.Answer); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Answer("ana", 0, q0.Question.Answer); err == nil {
		t.Error("second answer accepted")
	}
	if _, err := c.Answer("bo", 0, (q0.Question.Answer+1)%round.Options); err != nil {
		t.Fatal(err)
	}
	// Both answered: the reveal comes without waiting for the deadline.
	rev := bo.waitPhase(t, round.Revealing, 0)
	if rev.Seat.Answered == nil || rev.Seat.Answered.Correct || rev.Seat.Points != 0 {
		t.Errorf("bo's seat at the reveal: %+v", rev.Seat)
	}
	if u := ana.waitPhase(t, round.Revealing, 0); u.Seat.Points != 900 || u.Seat.Rank != 1 {
		t.Errorf("ana's seat at the reveal: %+v; want 900 points (4s of 20), rank 1", u.Seat)
	}

	// Ana leaves during the reveal; the next question opens for bo alone
	// and closes when he answers.
	leaveAna()
	clock.add(5 * time.Second)
	c.poke()
	q1 := bo.waitPhase(t, round.Asking, 1).Event
	if q1.Players != 1 {
		t.Errorf("%d players for question 2, want 1", q1.Players)
	}
	if _, err := c.Answer("ana", 1, 0); err == nil {
		t.Error("a trainee who left answered")
	}
	if _, err := c.Answer("bo", 1, q1.Question.Answer); err != nil {
		t.Fatal(err)
	}
	bo.waitPhase(t, round.Revealing, 1)
	clock.add(5 * time.Second)
	c.poke()
	final := bo.waitPhase(t, round.Finished, 1).Event

	stored, err := store.RoundStanding(final.Round)
	if err != nil {
		t.Fatal(err)
	}
	if len(stored) != 2 || stored[0].Name != "bo" || stored[1].Name != "ana" || stored[1].Points != 900 {
		t.Errorf("stored standings %+v", stored)
	}
	if len(final.Leaderboard) != 2 || final.Leaderboard[0] != stored[0] || final.Leaderboard[1] != stored[1] {
		t.Errorf("final board %+v, stored %+v", final.Leaderboard, stored)
	}
	// Ana's live answer is also a review in her own progress.
	st, err := progress.acquire("ana")
	if err != nil {
		t.Fatal(err)
	}
	if _, seen, err := st.Card(q0.Question.Term); err != nil || !seen {
		t.Errorf("ana's progress lacks %q: %v", q0.Question.Term, err)
	}
}
