package main

import (
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"reflect"
	"runtime"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/crm101/crm101/classroom"
	"github.com/crm101/crm101/classroom/round"
)

// loadConfig lets many clients connect from loopback at once.
func loadConfig(dir string, questionTime, revealTime time.Duration) classroom.Config {
	return classroom.Config{
		DataDir: dir, ConnBurst: 1000, ConnRate: 1000, MaxSessions: 1000,
		Round: round.Config{QuestionTime: questionTime, RevealTime: revealTime},
	}
}

// joinAll connects n trainees t00…, each on the Browse screen.
func joinAll(t testing.TB, srv *classroom.Server, addr string, n int, watch []string) []*sshClient {
	t.Helper()
	clients := make([]*sshClient, n)
	errs := make(chan error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c, err := dial(addr, dialOpts{user: fmt.Sprintf("t%03d", i), code: "KXT4QM", pty: true, watch: watch})
			clients[i] = c
			if err == nil {
				_, err = c.waitFor("Browse", 0, 30*time.Second)
			}
			if err != nil {
				errs <- fmt.Errorf("client %d: %w", i, err)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if !waitUntil(10*time.Second, func() bool { return len(srv.Conductor().Present()) == n }) {
		t.Fatalf("%d of %d trainees in the room", len(srv.Conductor().Present()), n)
	}
	return clients
}

// playRound makes every client answer every question as it appears:
// client i answers wrongly when wrong(i), else rightly. It returns when
// each has seen the final leaderboard.
func playRound(t testing.TB, srv *classroom.Server, clients []*sshClient, questions int, wrong func(int) bool) {
	t.Helper()
	errs := make(chan error, len(clients))
	var wg sync.WaitGroup
	for i, c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mark := 0
			var err error
			for q := range questions {
				if mark, err = c.waitFor(fmt.Sprintf("Question %d of %d", q+1, questions), mark, 60*time.Second); err != nil {
					errs <- fmt.Errorf("client %d: %w", i, err)
					return
				}
				ev := srv.Conductor().Snapshot()
				choice := ev.Question.Answer
				if wrong(i) {
					choice = (choice + 1) % len(ev.Question.Choices)
				}
				if err := c.send(fmt.Sprint(choice + 1)); err != nil {
					errs <- fmt.Errorf("client %d: %w", i, err)
					return
				}
			}
			if _, err := c.waitFor("Final leaderboard", mark, 60*time.Second); err != nil {
				errs <- fmt.Errorf("client %d: %w", i, err)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
}

func TestClassroomLiveRound50(t *testing.T) {
	const n, questions = 50, 3
	dir := t.TempDir()
	srv, addr := testClassroom(t, loadConfig(dir, 30*time.Second, 200*time.Millisecond))
	// os/signal runs one process-wide goroutine from its first use, which
	// every Bubble Tea program makes; start it now so it is not counted
	// as a leak of the sessions.
	warm := make(chan os.Signal, 1)
	signal.Notify(warm, syscall.SIGWINCH)
	signal.Stop(warm)
	before := runtime.NumGoroutine()
	start := time.Now()

	clients := joinAll(t, srv, addr, n, nil)
	if err := srv.Desk().StartRound(questions); err != nil {
		t.Fatal(err)
	}
	id := srv.Conductor().Snapshot().Round
	t.Logf("%d trainees joined in %v", n, time.Since(start).Round(time.Millisecond))
	start = time.Now()
	wrong := func(i int) bool { return i%4 == 0 }
	playRound(t, srv, clients, questions, wrong)

	t.Logf("round of %d questions played in %v", questions, time.Since(start).Round(time.Millisecond))
	final := srv.Conductor().Snapshot()
	if final.Phase != round.Finished {
		t.Fatalf("phase %v after the round", final.Phase)
	}
	// Every answer recorded exactly once.
	if got, err := srv.Store().AnswerCount(id); err != nil || got != n*questions {
		t.Fatalf("stored answers = %d, %v; want %d", got, err, n*questions)
	}
	stored, err := srv.Store().RoundStanding(id)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(stored, final.Leaderboard) {
		t.Errorf("leaderboard shown differs from answers stored:\nshown  %+v\nstored %+v", final.Leaderboard, stored)
	}
	// The leaderboard is right: everyone answered everything, the right
	// answerers all rank above the wrong ones, and points add up.
	if len(final.Leaderboard) != n {
		t.Fatalf("leaderboard has %d trainees, want %d", len(final.Leaderboard), n)
	}
	for k, s := range final.Leaderboard {
		var i int
		fmt.Sscanf(s.Name, "t%03d", &i)
		wantCorrect := questions
		if wrong(i) {
			wantCorrect = 0
		}
		if s.Answered != questions || s.Correct != wantCorrect {
			t.Errorf("%s: answered %d, right %d; want %d, %d", s.Name, s.Answered, s.Correct, questions, wantCorrect)
		}
		if wantCorrect > 0 && (s.Points < questions*round.BasePoints || s.Points > questions*round.MaxPoints) {
			t.Errorf("%s: %d points for %d right answers", s.Name, s.Points, questions)
		}
		if wantCorrect == 0 && s.Points != 0 {
			t.Errorf("%s: %d points for no right answer", s.Name, s.Points)
		}
		if k > 0 && s.Points > final.Leaderboard[k-1].Points {
			t.Errorf("leaderboard out of order at %d: %+v after %+v", k, s, final.Leaderboard[k-1])
		}
	}

	for _, c := range clients {
		c.close()
	}
	if !waitUntil(10*time.Second, func() bool { return srv.Active() == 0 && len(srv.Conductor().Present()) == 0 }) {
		t.Fatalf("after disconnect: %d sessions, %d present", srv.Active(), len(srv.Conductor().Present()))
	}
	if got := settleGoroutines(before, 10*time.Second); got > before {
		buf := make([]byte, 1<<20)
		t.Errorf("goroutines: %d before the clients, %d after they left\n%s", before, got, buf[:runtime.Stack(buf, true)])
	}

	// Killing the server loses nothing: close it, reopen the database.
	srv.Close()
	st, err := classroom.OpenStore(filepath.Join(dir, classroom.DBFile))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	reopened, err := st.RoundStanding(id)
	if err != nil || !reflect.DeepEqual(reopened, stored) {
		t.Errorf("after reopening: %+v, %v", reopened, err)
	}
}
