package ui

import (
	"errors"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/crm101/crm101/classroom"
	"github.com/crm101/crm101/classroom/round"
)

var liveT0 = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

// fakeSeat answers like the server: right when choice is the answer.
type fakeSeat struct {
	got []int
	err error
}

func (f *fakeSeat) Name() string { return "ana" }

func (f *fakeSeat) Answer(q, choice int) (round.Answer, error) {
	f.got = append(f.got, choice)
	if f.err != nil {
		return round.Answer{}, f.err
	}
	return round.Answer{Round: 7, Question: q, Name: "ana", Choice: choice, Correct: choice == 1, Points: 800}, nil
}

func liveQuestion() round.Question {
	return round.Question{Term: "Sales Pipeline", Prompt: "A staged view of every open deal.",
		Choices: []string{"Churn Rate", "Sales Pipeline", "Customer Persona", "Customer Lifetime Value"}, Answer: 1}
}

func asking(playing bool) round.Update {
	return round.Update{
		Event: round.Event{Round: 7, Phase: round.Asking, Index: 0, Total: 3, Question: liveQuestion(),
			Deadline: liveT0.Add(20 * time.Second), Answered: 3, Players: 5},
		Seat: round.Seat{Playing: playing},
	}
}

func revealing(me *round.Answer) round.Update {
	u := asking(true)
	u.Event.Phase, u.Event.Deadline = round.Revealing, liveT0.Add(26*time.Second)
	u.Event.Counts = []int{1, 3, 1, 0}
	u.Event.Leaderboard = []round.Standing{{Rank: 1, Name: "bo", Points: 900, Correct: 1, Answered: 1}, {Rank: 2, Name: "ana", Points: 800, Correct: 1, Answered: 1}}
	u.Seat = round.Seat{Playing: true, Answered: me, Points: 800, Rank: 2}
	return u
}

func newLiveTestModel(t *testing.T, seat LiveSeat) Model {
	t.Helper()
	m := newTestModel(t, Options{Live: seat})
	m.live.now = func() time.Time { return liveT0.Add(6 * time.Second) }
	return send(t, m, size(80, 24)).(Model)
}

func TestLiveTakesOverAndAnswers(t *testing.T) {
	seat := &fakeSeat{}
	m := newLiveTestModel(t, seat)
	if m.live.Active() {
		t.Fatal("live view active before any round")
	}
	m = send(t, m, asking(true)).(Model)
	if !m.live.Active() {
		t.Fatal("a running question did not take over the screen")
	}
	view := plain(m)
	for _, want := range []string{"Question 1 of 3", "14s", "A staged view", "2  Sales Pipeline", "Press 1–4"} {
		if !strings.Contains(view, want) {
			t.Errorf("question screen lacks %q:\n%s", want, view)
		}
	}
	// Typing goes to the round, not to Browse's search box beneath.
	m = send(t, m, keys("2")...).(Model)
	if len(seat.got) != 1 || seat.got[0] != 1 {
		t.Fatalf("answers sent %v, want [1]", seat.got)
	}
	if v := plain(m); !strings.Contains(v, "← your answer") || !strings.Contains(v, "Answer in.") {
		t.Errorf("answer not shown:\n%s", v)
	}
	m = send(t, m, keys("3")...).(Model)
	if len(seat.got) != 1 {
		t.Errorf("a second answer was sent: %v", seat.got)
	}
}

func TestLiveArrowsAndRefusal(t *testing.T) {
	seat := &fakeSeat{err: errors.New("this question is closed")}
	m := newLiveTestModel(t, seat)
	m = send(t, m, asking(true), press(tea.KeyDown), press(tea.KeyDown), press(tea.KeyUp), press(tea.KeyEnter)).(Model)
	if len(seat.got) != 1 || seat.got[0] != 1 {
		t.Fatalf("answers %v, want [1] (down, down, up)", seat.got)
	}
	if v := plain(m); !strings.Contains(v, "this question is closed") {
		t.Errorf("refusal not shown:\n%s", v)
	}
}

func TestLiveLateJoinerWaits(t *testing.T) {
	seat := &fakeSeat{}
	m := newLiveTestModel(t, seat)
	m = send(t, m, asking(false)).(Model)
	m = send(t, m, keys("1")...).(Model)
	if len(seat.got) != 0 {
		t.Errorf("a trainee who joined mid-question answered: %v", seat.got)
	}
	if v := plain(m); !strings.Contains(v, "you play from the next one") {
		t.Errorf("late joiner not told:\n%s", v)
	}
}

func TestLiveRevealAndFinal(t *testing.T) {
	m := newLiveTestModel(t, &fakeSeat{})
	right := &round.Answer{Round: 7, Choice: 1, Correct: true, Points: 800}
	m = send(t, m, revealing(right)).(Model)
	view := plain(m)
	for _, want := range []string{"answer", "✓ 2  Sales Pipeline", "Right! +800 points.", "Leaderboard", "1. bo", "2. ana"} {
		if !strings.Contains(view, want) {
			t.Errorf("reveal lacks %q:\n%s", want, view)
		}
	}
	wrong := &round.Answer{Round: 7, Choice: 0}
	if v := plain(send(t, m, revealing(wrong)).(Model)); !strings.Contains(v, "Not this time: the answer was Sales Pipeline.") {
		t.Errorf("wrong answer not explained:\n%s", v)
	}
	final := revealing(right)
	final.Event.Phase = round.Finished
	m = send(t, m, final).(Model)
	if v := plain(m); !strings.Contains(v, "Final leaderboard") || !strings.Contains(v, "You finished #2 with 800 points.") {
		t.Errorf("final screen:\n%s", v)
	}
	m = send(t, m, press(tea.KeyEnter)).(Model)
	if m.live.Active() {
		t.Error("enter did not give the app back")
	}
	if v := plain(m); !strings.Contains(v, "Browse") {
		t.Errorf("app not back:\n%s", v)
	}
}

// A trainee who connects after a round ended gets the app, not that
// round's final leaderboard; one who played it gets the board even after
// reconnecting.
func TestLiveFinishedRoundBeforeJoining(t *testing.T) {
	m := newLiveTestModel(t, &fakeSeat{})
	final := revealing(nil)
	final.Event.Phase, final.Seat = round.Finished, round.Seat{}
	m = send(t, m, final).(Model)
	if m.live.Active() {
		t.Errorf("a round finished before joining took over the screen:\n%s", plain(m))
	}
	m = newLiveTestModel(t, &fakeSeat{})
	final.Seat = round.Seat{Points: 800, Rank: 2}
	if m = send(t, m, final).(Model); !m.live.Active() {
		t.Error("a reconnecting player did not get their final leaderboard")
	}
}

func TestLiveGolden80x24(t *testing.T) {
	m := newLiveTestModel(t, &fakeSeat{})
	m = send(t, m, asking(true)).(Model)
	requireGolden(t, plain(m))
}

// fakeDesk records what the trainer asked for.
type fakeDesk struct {
	started                  []int
	stopped                  int
	paused, resumed, skipped int
	removed                  []string
	renamed                  [][2]string
	renameErr                error
}

func (d *fakeDesk) RemoveTrainee(name string) error { d.removed = append(d.removed, name); return nil }
func (d *fakeDesk) RenameTrainee(old, name string) error {
	if d.renameErr != nil {
		return d.renameErr
	}
	d.renamed = append(d.renamed, [2]string{old, name})
	return nil
}

func (d *fakeDesk) StartRound(n int) error { d.started = append(d.started, n); return nil }
func (d *fakeDesk) StopRound()             { d.stopped++ }
func (d *fakeDesk) PauseRound()            { d.paused++ }
func (d *fakeDesk) ResumeRound()           { d.resumed++ }
func (d *fakeDesk) SkipQuestion()          { d.skipped++ }
func (d *fakeDesk) Cohort() (classroom.Report, error) {
	return classroom.Report{
		Trainees: []classroom.TraineeReport{{Name: "ana", Reviews: 12, Correct: 9, Accuracy: 0.75, Rounds: 1, Points: 2400}},
		Terms:    []classroom.TermReport{{Term: "Churn Rate", Reviews: 4, Correct: 1, Accuracy: 0.25, Trainees: 2}},
	}, nil
}

func TestTrainerConsole(t *testing.T) {
	desk := &fakeDesk{}
	var m tea.Model = NewTrainer(TrainerOptions{Desk: desk, Theme: testTheme, Banner: "ssh -p 23234 yourname@10.0.0.5", Now: func() time.Time { return liveT0 }})
	m = send(t, m, size(100, 30), round.Update{Present: []string{"ana", "bo"}})
	if v := plain(m); !strings.Contains(v, "In the room (2)") || !strings.Contains(v, "ana, bo") {
		t.Errorf("roster:\n%s", v)
	}
	m = send(t, m, keys("++-s")...)
	if len(desk.started) != 1 || desk.started[0] != 11 {
		t.Errorf("rounds started %v, want one of 11 questions", desk.started)
	}
	u := asking(true)
	u.Present = []string{"ana", "bo"}
	m = send(t, m, u)
	if v := plain(m); !strings.Contains(v, "Question 1 of 3 · 20s left · 3 of 5 answered") {
		t.Errorf("round line:\n%s", v)
	}
	m = send(t, m, keys("pn")...)
	if desk.paused != 1 || desk.skipped != 1 {
		t.Errorf("p paused %d times, n skipped %d times; want once each", desk.paused, desk.skipped)
	}
	u.Event.Paused, u.Event.Left, u.Event.Deadline = true, 12*time.Second, time.Time{}
	m = send(t, m, u)
	if v := plain(m); !strings.Contains(v, "PAUSED with 12s left (p resumes)") {
		t.Errorf("paused round line:\n%s", v)
	}
	m = send(t, m, keys("p")...)
	if desk.resumed != 1 {
		t.Error("p did not resume a paused round")
	}
	m = send(t, m, keys("x")...)
	if desk.stopped != 1 {
		t.Error("x did not stop the round")
	}
	m = send(t, m, keys("c")...)
	v := plain(m)
	for _, want := range []string{"Cohort", "ana", "75%", "Weakest terms", "Churn Rate"} {
		if !strings.Contains(v, want) {
			t.Errorf("cohort panel lacks %q:\n%s", want, v)
		}
	}
}

// One countdown loop per round: a stale tick neither stops the current
// loop nor lets the next update start a second one.
func TestLiveOneTickLoop(t *testing.T) {
	lm := newLiveModel(&fakeSeat{}, nil, nil)
	lm, cmd := lm.apply(asking(true))
	if cmd == nil {
		t.Fatal("a running question started no countdown")
	}
	if lm, cmd = lm.Update(liveTickMsg{round: 6}); cmd != nil {
		t.Error("a stale tick started a loop")
	}
	next := asking(true)
	next.Event.Index = 1
	if lm, cmd = lm.apply(next); cmd != nil {
		t.Error("a second countdown loop started after a stale tick")
	}
	if _, cmd = lm.Update(liveTickMsg{round: 7}); cmd == nil {
		t.Error("the current loop stopped")
	}
}

func TestTrainerOneTickLoop(t *testing.T) {
	m := NewTrainer(TrainerOptions{Desk: &fakeDesk{}, Theme: testTheme})
	m, cmd := m.apply(asking(true))
	if cmd == nil {
		t.Fatal("a running round started no countdown")
	}
	stopped := asking(true)
	stopped.Event.Phase = round.Finished
	m, _ = m.apply(stopped)
	again := asking(true)
	again.Event.Round = 8
	if m, cmd = m.apply(again); cmd == nil {
		t.Fatal("the next round started no countdown")
	}
	// Round 7's last tick arrives after round 8 began its own loop.
	if _, cmd = m.Update(liveTickMsg{round: 7}); cmd != nil {
		t.Error("a stale tick duplicated the countdown loop")
	}
	if _, cmd = m.Update(liveTickMsg{round: 8}); cmd == nil {
		t.Error("the current loop stopped")
	}
}

// wideDesk is a cohort with wide and accented names, for the tables.
type wideDesk struct{ fakeDesk }

func (d *wideDesk) Cohort() (classroom.Report, error) {
	return classroom.Report{
		Trainees: []classroom.TraineeReport{
			{Name: "Zoë", Reviews: 12, Accuracy: 0.75, Mastered: 3, Rounds: 1, Points: 2400},
			{Name: "李小龙", Reviews: 7, Accuracy: 1, Mastered: 2, Rounds: 2, Points: 900},
			{Name: "ana", Reviews: 120, Accuracy: 0.5, Rounds: 1, Points: 10},
		},
		Terms: []classroom.TermReport{
			{Term: "顧客生涯価値", Reviews: 4, Accuracy: 0.25, Trainees: 2},
			{Term: "Churn Rate", Reviews: 12, Accuracy: 0.5, Trainees: 3},
		},
	}, nil
}

// wideBoard is a finished round whose leaderboard has wide names.
func wideBoard() round.Update {
	u := revealing(nil)
	u.Event.Phase = round.Finished
	u.Event.Leaderboard = []round.Standing{
		{Rank: 1, Name: "李小龙", Points: 2400, Correct: 3, Answered: 3},
		{Rank: 2, Name: "zoë", Points: 900, Correct: 1, Answered: 3},
		{Rank: 3, Name: "ana", Points: 0, Correct: 0, Answered: 2},
	}
	u.Present = []string{"ana", "zoë", "李小龙"}
	return u
}

// fields is where each field of a table line starts and ends, in
// display columns; fields are separated by two spaces or more.
func fields(line string) [][2]int {
	var spans [][2]int
	rest, at := line, 0
	for rest != "" {
		field, after, _ := strings.Cut(rest, "  ")
		if w := lipgloss.Width(field); w > 0 {
			spans = append(spans, [2]int{at, at + w})
		}
		at += lipgloss.Width(field) + 2
		trimmed := strings.TrimLeft(after, " ")
		at += len(after) - len(trimmed)
		rest = trimmed
	}
	return spans
}

// lineWith is the first line of screen containing s.
func lineWith(t *testing.T, screen, s string) string {
	t.Helper()
	for line := range strings.Lines(screen) {
		if strings.Contains(line, s) {
			return strings.TrimRight(line, "\n")
		}
	}
	t.Fatalf("no line with %q:\n%s", s, screen)
	return ""
}

// requireBoardAligned checks wideBoard's leaderboard on screen: every
// row's points end, and its answers start, in the first row's columns.
func requireBoardAligned(t *testing.T, screen string) {
	t.Helper()
	first := fields(lineWith(t, screen, "1. 李小龙"))
	for _, line := range []string{"2. zoë", "3. ana"} {
		if got := fields(lineWith(t, screen, line)); got[1][1] != first[1][1] || got[2][0] != first[2][0] {
			t.Errorf("leaderboard %q: points end at %d and answers start at %d, first row's at %d and %d:\n%s",
				line, got[1][1], got[2][0], first[1][1], first[2][0], screen)
		}
	}
}

// Wide (李小龙) and accented (Zoë) names keep the console's tables
// straight: numbers end under their headers, and every leaderboard row's
// points end in the same column.
func TestTrainerTablesAlignWideNames(t *testing.T) {
	var m tea.Model = NewTrainer(TrainerOptions{Desk: &wideDesk{}, Theme: testTheme, Now: func() time.Time { return liveT0 }})
	m = send(t, m, size(100, 40), wideBoard())
	m = send(t, m, keys("c")...)
	screen := plain(m)

	header := fields(lineWith(t, screen, "TRAINEE"))
	for _, name := range []string{"Zoë", "李小龙", "ana "} {
		row := fields(lineWith(t, screen, "│ "+name))
		if len(row) != len(header) {
			t.Fatalf("%s: fields %v, header %v:\n%s", name, row, header, screen)
		}
		for i := 1; i < len(header)-1; i++ { // the numbers, right-aligned; the last field is the border
			if row[i][1] != header[i][1] {
				t.Errorf("%s: field %d ends at column %d, its header at %d:\n%s", name, i+1, row[i][1], header[i][1], screen)
			}
		}
	}
	percentAt := func(line string) int { return lipgloss.Width(line[:strings.Index(line, "%")]) }
	if a, b := percentAt(lineWith(t, screen, "顧客生涯価値")), percentAt(lineWith(t, screen, "Churn Rate")); a != b {
		t.Errorf("weakest terms' accuracy ends at columns %d and %d:\n%s", a, b, screen)
	}

	requireBoardAligned(t, screen)
}

// The trainee's own leaderboard uses the same columns.
func TestLiveBoardAlignsWideNames(t *testing.T) {
	m := newLiveTestModel(t, &fakeSeat{})
	m = send(t, m, wideBoard()).(Model)
	screen := plain(m)
	requireBoardAligned(t, screen)
}

func TestTrainerGolden80x24(t *testing.T) {
	var m tea.Model = NewTrainer(TrainerOptions{Desk: &wideDesk{}, Theme: testTheme, Banner: "ssh -p 23234 yourname@10.0.0.5", Now: func() time.Time { return liveT0 }})
	m = send(t, m, size(80, 24), wideBoard())
	m = send(t, m, keys("c")...)
	requireGolden(t, plain(m))
}

// A paused round says so where the countdown was.
func TestLivePaused(t *testing.T) {
	m := newLiveTestModel(t, &fakeSeat{})
	u := asking(true)
	u.Event.Paused, u.Event.Left, u.Event.Deadline = true, 14*time.Second, time.Time{}
	m = send(t, m, u).(Model)
	if v := plain(m); !strings.Contains(v, "PAUSED by the trainer") || strings.Contains(v, "0s") {
		t.Errorf("paused question:\n%s", v)
	}
}

// The trainer picks a trainee with tab and removes them after saying
// yes; n keeps them.
func TestTrainerRemovesTrainee(t *testing.T) {
	desk := &fakeDesk{}
	m := NewTrainer(TrainerOptions{Desk: desk, Theme: testTheme, Now: func() time.Time { return liveT0 }})
	send := func(msg tea.Msg) tea.Cmd {
		next, cmd := m.Update(msg)
		m = next.(TrainerModel)
		return cmd
	}
	send(tea.WindowSizeMsg{Width: 80, Height: 24})
	send(round.Update{Present: []string{"ana", "rude"}})
	press := func(k tea.KeyPressMsg) tea.Cmd { return send(k) }
	if press(tea.KeyPressMsg{Code: 'D', Text: "D"}); !strings.Contains(m.console(), "Pick a trainee with tab") {
		t.Errorf("D with nobody picked:\n%s", m.console())
	}
	press(tea.KeyPressMsg{Code: tea.KeyTab})
	press(tea.KeyPressMsg{Code: tea.KeyTab})
	if !strings.Contains(m.console(), "ana, [rude]") {
		t.Errorf("rude not marked picked:\n%s", m.console())
	}
	press(tea.KeyPressMsg{Code: 'D', Text: "D"})
	if !strings.Contains(m.console(), "Remove rude from the room?") {
		t.Fatalf("no question:\n%s", m.console())
	}
	press(tea.KeyPressMsg{Code: 'n', Text: "n"})
	if strings.Contains(m.console(), "Remove rude") || len(desk.removed) != 0 {
		t.Errorf("n did not keep rude")
	}
	press(tea.KeyPressMsg{Code: 'D', Text: "D"})
	cmd := press(tea.KeyPressMsg{Code: 'y', Text: "y"})
	if cmd == nil {
		t.Fatal("y did nothing")
	}
	send(cmd())
	if len(desk.removed) != 1 || desk.removed[0] != "rude" || !strings.Contains(m.console(), "Removed rude") {
		t.Errorf("removed %v:\n%s", desk.removed, m.console())
	}
	send(round.Update{Present: []string{"ana"}})
	if strings.Contains(ansi.Strip(m.console()), "[") {
		t.Errorf("a removed trainee stays picked:\n%s", m.console())
	}
}

// The trainer picks a trainee, presses R and types the new name: while
// typing, the console's letter keys are text (s does not start a
// round); enter renames, esc keeps the name, and the desk's refusal is
// shown.
func TestTrainerRenamesTrainee(t *testing.T) {
	desk := &fakeDesk{}
	m := NewTrainer(TrainerOptions{Desk: desk, Theme: testTheme, Now: func() time.Time { return liveT0 }})
	send := func(msgs ...tea.Msg) tea.Cmd {
		var cmd tea.Cmd
		for _, msg := range msgs {
			var next tea.Model
			next, cmd = m.Update(msg)
			m = next.(TrainerModel)
		}
		return cmd
	}
	typeText := func(s string) {
		for _, r := range s {
			send(tea.KeyPressMsg{Code: r, Text: string(r)})
		}
	}
	send(tea.WindowSizeMsg{Width: 80, Height: 24}, round.Update{Present: []string{"ana", "rude"}})
	if send(tea.KeyPressMsg{Code: 'R', Text: "R"}); !strings.Contains(m.console(), "Pick a trainee with tab") {
		t.Errorf("R with nobody picked:\n%s", m.console())
	}
	send(tea.KeyPressMsg{Code: tea.KeyTab}, tea.KeyPressMsg{Code: tea.KeyTab}, tea.KeyPressMsg{Code: 'R', Text: "R"})
	if v := ansi.Strip(m.console()); !strings.Contains(v, "Rename rude") || !strings.Contains(v, "New name ›") || !strings.Contains(v, "esc keep the name") {
		t.Fatalf("no name asked:\n%s", v)
	}
	typeText("sx")
	send(tea.KeyPressMsg{Code: tea.KeyEscape})
	if len(desk.started) != 0 || strings.Contains(m.console(), "New name") || len(desk.renamed) != 0 {
		t.Errorf("esc: started %v, renamed %v:\n%s", desk.started, desk.renamed, m.console())
	}

	send(tea.KeyPressMsg{Code: 'R', Text: "R"})
	if strings.Contains(m.console(), "› sx") {
		t.Errorf("the last name typed is still there:\n%s", m.console())
	}
	typeText("kim")
	cmd := send(tea.KeyPressMsg{Code: tea.KeyEnter})
	if cmd == nil {
		t.Fatal("enter did nothing")
	}
	send(cmd())
	if len(desk.renamed) != 1 || desk.renamed[0] != [2]string{"rude", "kim"} || !strings.Contains(m.console(), "Renamed rude to kim") {
		t.Errorf("renamed %v:\n%s", desk.renamed, m.console())
	}
	send(round.Update{Present: []string{"ana", "kim"}})
	if v := ansi.Strip(m.console()); !strings.Contains(v, "ana, kim") || strings.Contains(v, "[") {
		t.Errorf("after the rename:\n%s", v)
	}

	desk.renameErr = errors.New("that name is taken in this classroom")
	send(tea.KeyPressMsg{Code: tea.KeyTab}, tea.KeyPressMsg{Code: 'R', Text: "R"})
	typeText("kim")
	send(send(tea.KeyPressMsg{Code: tea.KeyEnter})())
	if v := m.console(); !strings.Contains(v, "Could not rename ana: that name is taken") {
		t.Errorf("refusal not shown:\n%s", v)
	}
}

// A trainee the trainer renames is told their new name, whatever they
// were doing: over the app between rounds (enter gives it back), and
// above the question during one, where enter still answers.
func TestLiveTellsTheNewName(t *testing.T) {
	m := newLiveTestModel(t, &fakeSeat{})
	idle := round.Update{Seat: round.Seat{Name: "rude"}}
	if m = send(t, m, idle).(Model); m.live.Active() {
		t.Fatal("the live view took over with no round")
	}
	idle.Seat.Name = "kim"
	m = send(t, m, idle).(Model)
	if v := plain(m); !m.live.Active() || !strings.Contains(v, "renamed you to kim") || !strings.Contains(v, "ssh kim@") {
		t.Fatalf("rename not shown:\n%s", v)
	}
	if m = send(t, m, press(tea.KeyEnter)).(Model); m.live.Active() {
		t.Errorf("enter did not give the app back:\n%s", plain(m))
	}

	seat := &fakeSeat{}
	m = newLiveTestModel(t, seat)
	u := asking(true)
	u.Seat.Name = "rude"
	m = send(t, m, u).(Model)
	u.Seat.Name = "kim"
	m = send(t, m, u).(Model)
	if v := plain(m); !strings.Contains(v, "renamed you to kim") || !strings.Contains(v, "Question 1 of 3") {
		t.Errorf("rename during a question:\n%s", v)
	}
	_, cmd := m.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
	if cmd == nil {
		t.Fatal("enter did not answer during the question")
	}
	cmd()
	if len(seat.got) != 1 {
		t.Errorf("answers sent %v", seat.got)
	}
}

// With teams, the reveal and the trainer's console show the team
// leaderboard beside the individual one when there is room, under it
// when not; the trainee's own team is marked like their own line.
func TestLiveTeamBoard(t *testing.T) {
	teams := []round.TeamStanding{{Rank: 1, Team: "red", Points: 850, Members: 2}, {Rank: 2, Team: "blue", Points: 400, Members: 3}}
	u := revealing(&round.Answer{Choice: 1, Correct: true, Points: 800})
	u.Event.Teams, u.Seat.Team = teams, "blue"
	for _, w := range []int{100, 44} {
		m := newLiveTestModel(t, &fakeSeat{})
		m = send(t, m, size(w, 40), u).(Model)
		v := plain(m)
		if !strings.Contains(v, "Teams") || !strings.Contains(v, "1. red") || !strings.Contains(v, "400 avg") {
			t.Errorf("no team board at width %d:\n%s", w, v)
		}
		beside := false
		for _, l := range strings.Split(v, "\n") {
			if strings.Contains(l, "1. bo") && strings.Contains(l, "Teams") {
				beside = true
			}
		}
		if beside != (w == 100) {
			t.Errorf("at width %d, beside = %v:\n%s", w, beside, v)
		}
		if why := fits(v, w, 40); why != "" {
			t.Errorf("width %d: %s", w, why)
		}
	}

	var tm tea.Model = NewTrainer(TrainerOptions{Desk: &fakeDesk{}, Theme: testTheme, Now: func() time.Time { return liveT0 }})
	tu := revealing(nil)
	tu.Event.Teams = teams
	tm = send(t, tm, size(100, 30), tu)
	if v := plain(tm); !strings.Contains(v, "Teams") || !strings.Contains(v, "2. blue") {
		t.Errorf("trainer console without the team board:\n%s", v)
	}
	tm = send(t, tm, revealing(nil))
	if v := plain(tm); strings.Contains(v, "Teams") {
		t.Errorf("a team board without teams:\n%s", v)
	}
}
