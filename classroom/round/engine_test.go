package round

import (
	"errors"
	"math/rand/v2"
	"reflect"
	"regexp"
	"testing"
	"time"

	"github.com/crm101/crm101/glossary"
	"github.com/crm101/crm101/quiz"
)

var t0 = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

func twoQuestions() []Question {
	return []Question{
		{Term: "Churn", Prompt: "customers leaving", Choices: []string{"Churn", "Lead", "Deal", "Quota"}, Answer: 0},
		{Term: "Lead", Prompt: "a possible buyer", Choices: []string{"Churn", "Lead", "Deal", "Quota"}, Answer: 1},
	}
}

func TestPoints(t *testing.T) {
	limit := 20 * time.Second
	tests := []struct {
		correct bool
		elapsed time.Duration
		want    int
	}{
		{false, 0, 0},
		{true, 0, MaxPoints},
		{true, -time.Second, MaxPoints},
		{true, 10 * time.Second, 750},
		{true, limit, BasePoints},
		{true, time.Minute, BasePoints},
	}
	for _, tt := range tests {
		if got := Points(tt.correct, tt.elapsed, limit); got != tt.want {
			t.Errorf("Points(%v, %v) = %d, want %d", tt.correct, tt.elapsed, got, tt.want)
		}
	}
}

func TestRankTiesShareRank(t *testing.T) {
	got := Rank([]Standing{
		{Name: "cy", Points: 500, Correct: 1},
		{Name: "al", Points: 900, Correct: 1},
		{Name: "bo", Points: 500, Correct: 1},
		{Name: "di", Points: 0},
	})
	want := []Standing{
		{Rank: 1, Name: "al", Points: 900, Correct: 1},
		{Rank: 2, Name: "bo", Points: 500, Correct: 1},
		{Rank: 2, Name: "cy", Points: 500, Correct: 1},
		{Rank: 4, Name: "di"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Rank = %+v\nwant %+v", got, want)
	}
}

func TestRoundFlow(t *testing.T) {
	e := NewEngine(Config{QuestionTime: 20 * time.Second, RevealTime: 5 * time.Second})
	e.Join("al")
	e.Join("bo")
	if err := e.Start(1, twoQuestions(), t0); err != nil {
		t.Fatal(err)
	}
	if err := e.Start(2, twoQuestions(), t0); !errors.Is(err, ErrRunning) {
		t.Errorf("second Start = %v, want ErrRunning", err)
	}
	// Carla arrives mid-question: she waits for the next one.
	e.Join("cy")
	if _, err := e.Answer("cy", 0, 0, t0.Add(time.Second)); !errors.Is(err, ErrNotPlaying) {
		t.Errorf("mid-question joiner: %v, want ErrNotPlaying", err)
	}
	a, err := e.Answer("al", 0, 0, t0.Add(10*time.Second))
	if err != nil || !a.Correct || a.Points != 750 {
		t.Fatalf("al: %+v, %v; want correct, 750 points", a, err)
	}
	if s := e.Seat("al"); s.Answered == nil || s.Points != 0 {
		t.Errorf("al's seat before the reveal: %+v; want the answer noted, points not yet", s)
	}
	if _, err := e.Answer("al", 0, 1, t0.Add(11*time.Second)); !errors.Is(err, ErrAnswered) {
		t.Errorf("second answer: %v, want ErrAnswered", err)
	}
	if _, err := e.Answer("bo", 0, 7, t0.Add(11*time.Second)); !errors.Is(err, ErrChoice) {
		t.Errorf("bad choice: %v, want ErrChoice", err)
	}
	if e.Advance(t0.Add(12 * time.Second)) {
		t.Fatal("advanced while bo has not answered and time remains")
	}
	if _, err := e.Answer("bo", 0, 2, t0.Add(12*time.Second)); err != nil {
		t.Fatal(err)
	}
	// Everyone in the room answered: the question closes early.
	if !e.Advance(t0.Add(12 * time.Second)) {
		t.Fatal("did not close when all players answered")
	}
	ev := e.Event()
	if ev.Phase != Revealing || !reflect.DeepEqual(ev.Counts, []int{1, 0, 1, 0}) {
		t.Errorf("reveal: phase %v counts %v", ev.Phase, ev.Counts)
	}
	if _, err := e.Answer("bo", 0, 0, t0.Add(13*time.Second)); !errors.Is(err, ErrClosed) {
		t.Errorf("answer during reveal: %v, want ErrClosed", err)
	}
	wantBoard := []Standing{{Rank: 1, Name: "al", Points: 750, Correct: 1, Answered: 1}, {Rank: 2, Name: "bo", Answered: 1}}
	if !reflect.DeepEqual(ev.Leaderboard, wantBoard) {
		t.Errorf("leaderboard %+v, want %+v", ev.Leaderboard, wantBoard)
	}

	// Al drops out; the next question opens for bo and cy.
	e.Leave("al")
	if e.Advance(t0.Add(16 * time.Second)) {
		t.Fatal("reveal ended early")
	}
	if !e.Advance(t0.Add(17 * time.Second)) {
		t.Fatal("next question did not open")
	}
	q1 := t0.Add(17 * time.Second)
	if s := e.Seat("cy"); !s.Playing {
		t.Error("cy should play the second question")
	}
	if s := e.Seat("al"); s.Playing || s.Points != 750 || s.Rank != 1 {
		t.Errorf("al away: %+v; want not playing, score kept", s)
	}
	e.Join("al") // reconnects mid-question: keeps score, plays next time
	if _, err := e.Answer("al", 1, 1, q1.Add(time.Second)); !errors.Is(err, ErrNotPlaying) {
		t.Errorf("al after reconnect: %v", err)
	}
	if _, err := e.Answer("cy", 1, 1, q1); err != nil {
		t.Fatal(err)
	}
	if _, err := e.Answer("bo", 1, 1, q1.Add(20*time.Second)); !errors.Is(err, ErrClosed) {
		t.Errorf("answer at deadline: %v, want ErrClosed", err)
	}
	if !e.Advance(q1.Add(20 * time.Second)) {
		t.Fatal("question did not close at its deadline")
	}
	if !e.Advance(q1.Add(25 * time.Second)) {
		t.Fatal("round did not finish")
	}
	ev = e.Event()
	want := []Standing{
		{Rank: 1, Name: "cy", Points: 1000, Correct: 1, Answered: 1},
		{Rank: 2, Name: "al", Points: 750, Correct: 1, Answered: 1},
		{Rank: 3, Name: "bo", Points: 0, Correct: 0, Answered: 1},
	}
	if ev.Phase != Finished || !reflect.DeepEqual(ev.Leaderboard, want) {
		t.Errorf("final: %v %+v\nwant %+v", ev.Phase, ev.Leaderboard, want)
	}
	if e.Advance(q1.Add(time.Hour)) {
		t.Error("finished round advanced")
	}
	// A new round starts from zero.
	if err := e.Start(2, twoQuestions(), q1.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if s := e.Seat("cy"); s.Points != 0 || s.Rank != 0 {
		t.Errorf("new round seat %+v", s)
	}
}

func TestEmptyRoomWaitsForDeadline(t *testing.T) {
	e := NewEngine(Config{QuestionTime: time.Second, RevealTime: time.Second})
	if err := e.Start(1, twoQuestions()[:1], t0); err != nil {
		t.Fatal(err)
	}
	if e.Advance(t0.Add(500 * time.Millisecond)) {
		t.Error("closed with nobody present before the deadline")
	}
	e.Stop()
	if e.Phase() != Finished {
		t.Errorf("Stop: phase %v", e.Phase())
	}
}

func TestQuestions(t *testing.T) {
	g, err := glossary.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	ix := quiz.NewIndex(g)
	n := Playable(ix.Generator(rand.New(rand.NewPCG(1, 2))), g)
	if n == 0 || n > g.Len() {
		t.Fatalf("Playable = %d of %d terms", n, g.Len())
	}
	qs, err := Questions(ix.Generator(rand.New(rand.NewPCG(1, 2))), n)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := Questions(ix.Generator(rand.New(rand.NewPCG(1, 2))), n)
	if !reflect.DeepEqual(qs, again) {
		t.Error("same seed gave different questions")
	}
	seen := map[string]bool{}
	for _, q := range qs {
		if seen[q.Term] {
			t.Errorf("term %q asked twice", q.Term)
		}
		seen[q.Term] = true
		if len(q.Choices) != Options || q.Choices[q.Answer] != q.Term {
			t.Errorf("%q: choices %v answer %d", q.Term, q.Choices, q.Answer)
		}
		// No name of the answer as a whole word, two-letter acronyms
		// included: "good UX is…" would name User Experience.
		e, _ := g.Lookup(q.Term)
		for _, name := range e.Names() {
			if regexp.MustCompile(`(?i)\b` + regexp.QuoteMeta(name) + `\b`).MatchString(q.Prompt) {
				t.Errorf("%q: prompt names %q: %s", q.Term, name, q.Prompt)
			}
		}
	}
	if _, err := Questions(ix.Generator(rand.New(rand.NewPCG(1, 2))), 0); err == nil {
		t.Error("0 questions: want error")
	}
	if _, err := Questions(ix.Generator(rand.New(rand.NewPCG(1, 2))), n+1); err == nil {
		t.Error("more questions than playable terms: want error")
	}
}

// Stopping mid-question keeps the answers already given to it.
func TestStopMidQuestionCountsAnswers(t *testing.T) {
	e := NewEngine(Config{QuestionTime: 20 * time.Second, RevealTime: 5 * time.Second})
	e.Join("al")
	e.Join("bo")
	if err := e.Start(1, twoQuestions(), t0); err != nil {
		t.Fatal(err)
	}
	if _, err := e.Answer("al", 0, 0, t0.Add(10*time.Second)); err != nil {
		t.Fatal(err)
	}
	e.Stop()
	ev := e.Event()
	want := []Standing{{Rank: 1, Name: "al", Points: 750, Correct: 1, Answered: 1}, {Rank: 2, Name: "bo"}}
	if ev.Phase != Finished || !reflect.DeepEqual(ev.Leaderboard, want) {
		t.Errorf("stopped: %v %+v\nwant %+v", ev.Phase, ev.Leaderboard, want)
	}
	if s := e.Seat("al"); s.Points != 750 || s.Rank != 1 {
		t.Errorf("al's seat after stop: %+v", s)
	}
}
