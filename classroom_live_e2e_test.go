package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/crm101/crm101/classroom"
	"github.com/crm101/crm101/classroom/round"
	"github.com/crm101/crm101/classroom/sshd"
)

// loadConfig keeps the default limits: every client connects from
// 127.0.0.1, like a room behind one office NAT address, and the
// defaults must let a room of 50 in at once.
func loadConfig(dir string, questionTime, revealTime time.Duration) sshd.Config {
	return sshd.Config{
		DataDir: dir,
		Round:   round.Config{QuestionTime: questionTime, RevealTime: revealTime},
	}
}

// joinAll connects n trainees t00…, each on the Browse screen.
func joinAll(t testing.TB, srv *sshd.Server, addr string, n int, watch []string) []*sshClient {
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

// joinInTurn connects trainees by name one after the other, each on the
// Browse screen before the next dials; they leave when the test ends.
func joinInTurn(t testing.TB, addr string, names ...string) []*sshClient {
	t.Helper()
	clients := make([]*sshClient, len(names))
	for i, n := range names {
		c, err := dial(addr, dialOpts{user: n, code: "KXT4QM", pty: true})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(c.close)
		if _, err := c.waitFor("Browse", 0, 10*time.Second); err != nil {
			t.Fatal(err)
		}
		clients[i] = c
	}
	return clients
}

// playRound makes every client answer every question as it appears:
// client i answers wrongly when wrong(i), else rightly. It returns when
// each has seen the final leaderboard.
func playRound(t testing.TB, srv *sshd.Server, clients []*sshClient, questions int, wrong func(int) bool) {
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
				if mark, err = c.waitFor(fmt.Sprintf("Question %d of %d", q+1, questions), mark, 3*time.Minute); err != nil {
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
			if _, err := c.waitFor("Final leaderboard", mark, 3*time.Minute); err != nil {
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
	// A question closes when everyone has answered; the long limit only
	// keeps a slow machine (CI under -race) from closing it on trainees
	// whose screens are still catching up.
	srv, addr := testClassroom(t, loadConfig(dir, 3*time.Minute, 200*time.Millisecond))
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
	// All 50 dial at the same instant from 127.0.0.1 with the default
	// limits, and joinAll fails the test if any is refused. (How long the
	// handshakes take depends on the machine, so it is logged only.)
	t.Logf("%d trainees joined from one address in %v", n, time.Since(start).Round(time.Millisecond))
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

// answerNow answers the open question as client c, rightly or not.
func answerNow(t *testing.T, srv *sshd.Server, c *sshClient, right bool) {
	t.Helper()
	ev := srv.Conductor().Snapshot()
	choice := ev.Question.Answer
	if !right {
		choice = (choice + 1) % len(ev.Question.Choices)
	}
	if err := c.send(fmt.Sprint(choice + 1)); err != nil {
		t.Fatal(err)
	}
}

func presentIs(srv *sshd.Server, names ...string) func() bool {
	return func() bool { return reflect.DeepEqual(srv.Conductor().Present(), names) }
}

func TestClassroomReconnectAndLateJoiner(t *testing.T) {
	srv, addr := testClassroom(t, loadConfig(t.TempDir(), 60*time.Second, 300*time.Millisecond))
	ana, err := dial(addr, dialOpts{user: "ana", code: "KXT4QM", pty: true})
	if err != nil {
		t.Fatal(err)
	}
	bo, err := dial(addr, dialOpts{user: "bo", code: "KXT4QM", pty: true})
	if err != nil {
		t.Fatal(err)
	}
	defer bo.close()
	if !waitUntil(10*time.Second, presentIs(srv, "ana", "bo")) {
		t.Fatalf("present %v", srv.Conductor().Present())
	}
	if err := srv.Desk().StartRound(2); err != nil {
		t.Fatal(err)
	}
	if _, err := ana.waitFor("Question 1 of 2", 0, 10*time.Second); err != nil {
		t.Fatal(err)
	}
	answerNow(t, srv, ana, true)
	if !waitUntil(10*time.Second, func() bool { return srv.Conductor().Snapshot().Answered == 1 }) {
		t.Fatal("ana's answer did not arrive")
	}
	pointsBefore := srv.Conductor().Snapshot()

	// Ana's line drops; she reconnects while question 1 is still open.
	ana.close()
	if !waitUntil(10*time.Second, presentIs(srv, "bo")) {
		t.Fatalf("present %v after ana left", srv.Conductor().Present())
	}
	ana, err = dial(addr, dialOpts{user: "ana", code: "KXT4QM", pty: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ana.close()
	if _, err := ana.waitFor("Answer in.", 0, 10*time.Second); err != nil {
		t.Fatalf("reconnected ana does not see her answer: %v", err)
	}
	// Cy arrives mid-question: she waits for the next one.
	cy, err := dial(addr, dialOpts{user: "cy", code: "KXT4QM", pty: true})
	if err != nil {
		t.Fatal(err)
	}
	defer cy.close()
	if _, err := cy.waitFor("you play from the next one", 0, 10*time.Second); err != nil {
		t.Fatal(err)
	}
	if _, err := bo.waitFor("Question 1 of 2", 0, 10*time.Second); err != nil {
		t.Fatal(err)
	}
	answerNow(t, srv, bo, true)

	// Question 2: all three play.
	marks := map[*sshClient]int{}
	for _, c := range []*sshClient{ana, bo, cy} {
		if marks[c], err = c.waitFor("Question 2 of 2", 0, 10*time.Second); err != nil {
			t.Fatal(err)
		}
	}
	answerNow(t, srv, ana, true)
	answerNow(t, srv, bo, false)
	answerNow(t, srv, cy, true)
	for _, c := range []*sshClient{ana, bo, cy} {
		if _, err := c.waitFor("Final leaderboard", marks[c], 10*time.Second); err != nil {
			t.Fatal(err)
		}
	}
	final := srv.Conductor().Snapshot()
	got := map[string]round.Standing{}
	for _, s := range final.Leaderboard {
		got[s.Name] = s
	}
	for name, want := range map[string][2]int{"ana": {2, 2}, "bo": {2, 1}, "cy": {1, 1}} {
		if s := got[name]; s.Answered != want[0] || s.Correct != want[1] {
			t.Errorf("%s answered %d, right %d; want %d, %d", name, s.Answered, s.Correct, want[0], want[1])
		}
	}
	if got["ana"].Points <= got["cy"].Points || got["ana"].Points < 2*round.BasePoints {
		t.Errorf("ana's first answer (%d answered then) was not kept: %+v", pointsBefore.Answered, final.Leaderboard)
	}
	stored, err := srv.Store().RoundStanding(final.Round)
	if err != nil || !reflect.DeepEqual(stored, final.Leaderboard) {
		t.Errorf("stored %+v, %v\nshown %+v", stored, err, final.Leaderboard)
	}
}

func TestReportCommand(t *testing.T) {
	dir := t.TempDir()
	srv, addr := testClassroom(t, loadConfig(dir, 30*time.Second, 100*time.Millisecond))
	ana, err := dial(addr, dialOpts{user: "ana", code: "KXT4QM", pty: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ana.close()
	if !waitUntil(10*time.Second, presentIs(srv, "ana")) {
		t.Fatal("ana not in the room")
	}
	if err := srv.Desk().StartRound(1); err != nil {
		t.Fatal(err)
	}
	mark, err := ana.waitFor("Question 1 of 1", 0, 10*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	answerNow(t, srv, ana, true)
	if _, err := ana.waitFor("Final leaderboard", mark, 10*time.Second); err != nil {
		t.Fatal(err)
	}

	var out, errOut strings.Builder
	if code := run([]string{"report", "--data-dir", dir, "--format", "json"}, &out, &errOut); code != 0 {
		t.Fatalf("report exit %d: %s", code, errOut.String())
	}
	var rep classroom.Report
	if err := json.Unmarshal([]byte(out.String()), &rep); err != nil {
		t.Fatalf("%v in %s", err, out.String())
	}
	if len(rep.Trainees) != 1 || rep.Trainees[0].Name != "ana" || rep.Trainees[0].Rounds != 1 ||
		rep.Trainees[0].Reviews != 1 || rep.Trainees[0].Points < round.BasePoints || len(rep.Terms) != 1 {
		t.Errorf("report %+v", rep)
	}
	out.Reset()
	if code := run([]string{"report", "--data-dir", dir}, &out, &errOut); code != 0 || !strings.Contains(out.String(), "TERM (weakest first)") {
		t.Errorf("table report exit %d:\n%s", code, out.String())
	}
	if code := run([]string{"report", "--data-dir", dir, "--format", "xml"}, &out, &errOut); code != 2 {
		t.Errorf("--format xml exit %d, want 2", code)
	}
	errOut.Reset()
	if code := run([]string{"report", "--data-dir", t.TempDir()}, &out, &errOut); code != 1 || !strings.Contains(errOut.String(), "crm101 serve") {
		t.Errorf("report of an empty directory: exit %d, %q", code, errOut.String())
	}

	// Forgetting ana, with the server stopped, leaves nothing of her.
	ana.close()
	srv.Close()
	out.Reset()
	if code := run([]string{"report", "--data-dir", dir, "--forget", "ana"}, &out, &errOut); code != 0 ||
		!strings.HasPrefix(out.String(), "Forgot ana: their progress file, 1 live-round answers") {
		t.Errorf("--forget: exit %d, %q %q", code, out.String(), errOut.String())
	}
	out.Reset()
	if code := run([]string{"report", "--data-dir", dir, "--format", "json"}, &out, &errOut); code != 0 || strings.Contains(out.String(), `"ana"`) {
		t.Errorf("after --forget ana: exit %d\n%s", code, out.String())
	}
}

// The trainer removes one trainee and renames another, over real SSH
// sessions: the removed one's session ends with a message and their
// name is refused; the renamed one plays on, sees their new name on
// screen and on the leaderboard, and is pointed to it if they connect
// under the old one.
func TestClassroomRemoveAndRename(t *testing.T) {
	dir := t.TempDir()
	srv, addr := testClassroom(t, loadConfig(dir, 60*time.Second, 300*time.Millisecond))
	clients := map[string]*sshClient{}
	names := []string{"ana", "rude", "gone"}
	for i, c := range joinInTurn(t, addr, names...) {
		clients[names[i]] = c
	}
	if !waitUntil(10*time.Second, presentIs(srv, "ana", "gone", "rude")) {
		t.Fatalf("present %v", srv.Conductor().Present())
	}

	// Removal ends the session, with a message, and bars the name.
	if err := srv.Desk().RemoveTrainee("gone"); err != nil {
		t.Fatal(err)
	}
	select {
	case <-clients["gone"].done:
	case <-time.After(10 * time.Second):
		t.Fatal("the removed trainee's session did not end")
	}
	if !strings.Contains(clients["gone"].stderr.text()+clients["gone"].screen.text(), "The trainer removed you") {
		t.Errorf("no message for the removed trainee:\n%s\n%s", clients["gone"].screen.text(), clients["gone"].stderr.text())
	}
	if !waitUntil(10*time.Second, presentIs(srv, "ana", "rude")) {
		t.Fatalf("present %v after the removal", srv.Conductor().Present())
	}
	again, err := dial(addr, dialOpts{user: "gone", code: "KXT4QM", pty: true})
	if err == nil {
		defer again.close()
		<-again.done
		if !strings.Contains(again.stderr.text()+again.screen.text(), "removed this name") {
			t.Errorf("the removed name came back:\n%s", again.screen.text())
		}
	}

	// A round runs; rude answers, then is renamed during the reveal.
	if err := srv.Desk().StartRound(2); err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"ana", "rude"} {
		if _, err := clients[n].waitFor("Question 1 of 2", 0, 10*time.Second); err != nil {
			t.Fatal(err)
		}
		answerNow(t, srv, clients[n], true)
	}
	if _, err := clients["rude"].waitFor("Leaderboard", 0, 10*time.Second); err != nil {
		t.Fatal(err)
	}
	srv.Desk().PauseRound() // hold the reveal while the rename shows
	if err := srv.Desk().RenameTrainee("rude", "kim"); err != nil {
		t.Fatal(err)
	}
	mark, err := clients["rude"].waitFor("renamed you to kim", 0, 10*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if text := clients["rude"].screen.text(); !strings.Contains(text, "kim ") || strings.Contains(text, "rude") {
		t.Errorf("the renamed trainee's leaderboard:\n%s", text)
	}
	if _, err := clients["ana"].waitFor("kim", 0, 10*time.Second); err != nil {
		t.Errorf("ana's leaderboard: %v", err)
	}
	if !waitUntil(10*time.Second, presentIs(srv, "ana", "kim")) {
		t.Fatalf("present %v after the rename", srv.Conductor().Present())
	}

	// Kim plays on: question 2 is answered under the new name.
	srv.Desk().SkipQuestion()
	if mark, err = clients["rude"].waitFor("Question 2 of 2", mark, 10*time.Second); err != nil {
		t.Fatal(err)
	}
	answerNow(t, srv, clients["rude"], true)
	answerNow(t, srv, clients["ana"], false)
	if _, err := clients["rude"].waitFor("Final leaderboard", mark, 10*time.Second); err != nil {
		t.Fatal(err)
	}
	final := srv.Conductor().Snapshot()
	if len(final.Leaderboard) != 2 || final.Leaderboard[0].Name != "kim" || final.Leaderboard[0].Answered != 2 {
		t.Errorf("final leaderboard %+v", final.Leaderboard)
	}
	stored, err := srv.Store().RoundStanding(final.Round)
	if err != nil || !reflect.DeepEqual(stored, final.Leaderboard) {
		t.Errorf("stored %+v, %v\nshown %+v", stored, err, final.Leaderboard)
	}

	// Connecting as rude again points to kim; kim's session ends and
	// their progress file moves to the new name.
	old, err := dial(addr, dialOpts{user: "rude", code: "KXT4QM", pty: true})
	if err == nil {
		defer old.close()
		<-old.done
		if !strings.Contains(old.stderr.text()+old.screen.text(), `renamed you to "kim"`) {
			t.Errorf("connecting under the old name:\n%s", old.screen.text())
		}
	}
	clients["rude"].close()
	if !waitUntil(10*time.Second, presentIs(srv, "ana")) {
		t.Fatalf("present %v", srv.Conductor().Present())
	}
	if !waitUntil(10*time.Second, func() bool {
		_, errOld := os.Stat(classroom.TraineeDB(dir, "rude"))
		_, errNew := os.Stat(classroom.TraineeDB(dir, "kim"))
		return errOld != nil && errNew == nil
	}) {
		t.Error("the progress file did not move to the new name")
	}
	kim, err := dial(addr, dialOpts{user: "kim", code: "KXT4QM", pty: true})
	if err != nil {
		t.Fatal(err)
	}
	defer kim.close()
	if _, err := kim.waitFor("You finished #1", 0, 10*time.Second); err != nil {
		t.Fatalf("kim reconnecting under the new name: %v", err)
	}
}

// A classroom with --teams 2: trainees fill the teams in join order,
// and every screen ranks the teams beside the trainees.
func TestClassroomTeams(t *testing.T) {
	cfg := loadConfig(t.TempDir(), 30*time.Second, 200*time.Millisecond)
	cfg.Teams = classroom.Teams{Count: 2}
	srv, addr := testClassroom(t, cfg)
	clients := joinInTurn(t, addr, "ana", "bo", "cy", "di") // one by one: join order decides
	if err := srv.Desk().StartRound(1); err != nil {
		t.Fatal(err)
	}
	// ana and cy (Team 1) answer rightly, bo and di (Team 2) wrongly.
	playRound(t, srv, clients, 1, func(i int) bool { return i%2 == 1 })
	final := srv.Conductor().Snapshot()
	if len(final.Teams) != 2 || final.Teams[0].Team != "Team 1" || final.Teams[0].Members != 2 || final.Teams[1].Points != 0 {
		t.Fatalf("teams %+v", final.Teams)
	}
	for _, c := range clients {
		if _, err := c.waitFor("Team 2", 0, 10*time.Second); err != nil {
			t.Fatal(err)
		}
	}
	if text := clients[0].screen.text(); !strings.Contains(text, "Teams") || !strings.Contains(text, "1. Team 1") {
		t.Errorf("ana's final screen:\n%s", text)
	}
}
