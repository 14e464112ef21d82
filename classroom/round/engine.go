package round

import (
	"errors"
	"fmt"
	"time"
)

// Phase is where a live round stands.
type Phase int

// The phases of a round, in the order it goes through them.
const (
	Idle      Phase = iota // no round yet
	Asking                 // a question is open for answers
	Revealing              // the answer, its distribution and the leaderboard
	Finished               // the final leaderboard, until the next round
)

// String names the phase for logs.
func (p Phase) String() string {
	switch p {
	case Idle:
		return "idle"
	case Asking:
		return "asking"
	case Revealing:
		return "revealing"
	case Finished:
		return "finished"
	}
	return fmt.Sprintf("phase(%d)", int(p))
}

// Running reports whether a round is under way: a question open or its
// answer showing.
func (p Phase) Running() bool { return p == Asking || p == Revealing }

// Config times a round. Zero values take the defaults.
type Config struct {
	QuestionTime time.Duration // how long a question stays open
	RevealTime   time.Duration // how long the answer and leaderboard show
}

// Default timings: twenty seconds reads a definition and four options
// without rushing; six seconds is enough to see who leads.
const (
	DefaultQuestionTime = 20 * time.Second
	DefaultRevealTime   = 6 * time.Second
)

func (c Config) withDefaults() Config {
	if c.QuestionTime <= 0 {
		c.QuestionTime = DefaultQuestionTime
	}
	if c.RevealTime <= 0 {
		c.RevealTime = DefaultRevealTime
	}
	return c
}

// Errors Answer returns; each is the trainee's own doing, never a fault.
var (
	ErrClosed     = errors.New("this question is closed")
	ErrNotPlaying = errors.New("you joined during this question: you play from the next one")
	ErrAnswered   = errors.New("you already answered this question")
	ErrChoice     = errors.New("no such choice")
	ErrRunning    = errors.New("a round is already running")
	ErrNoQuestion = errors.New("a round needs at least one question")
	ErrPaused     = errors.New("the trainer paused the round: answer when it resumes")
)

// Answer is one trainee's answer to one question, as scored.
type Answer struct {
	Round    int64
	Question int // index in the round
	Name     string
	Term     string
	Choice   int
	Correct  bool
	Elapsed  time.Duration
	Points   int
	At       time.Time
}

// Event is a snapshot of the round that every session draws from. It is
// complete on its own, so a session that missed earlier events (a slow
// terminal, a reconnect) still shows the right screen.
type Event struct {
	Round    int64
	Phase    Phase
	Index    int // current question, from 0
	Total    int // questions in the round
	Question Question
	Deadline time.Time     // Asking: answers close; Revealing: the next step; zero while paused
	Paused   bool          // the trainer paused the round: the clock stands still
	Left     time.Duration // while paused: what was left of the question or reveal
	Answered int           // Asking: answers so far
	Players  int           // trainees playing the current question
	Counts   []int
	// Leaderboard is set while Revealing and Finished; it is shared by all
	// sessions and must not be modified.
	Leaderboard []Standing
	// Teams ranks the teams by average points, beside Leaderboard; nil
	// when the classroom plays without teams. Shared like Leaderboard.
	Teams []TeamStanding
}

// Seat is one trainee's own view of the round.
type Seat struct {
	Name     string  // the trainee's name now: the trainer may rename them
	Playing  bool    // answering the current question (false: joined mid-question)
	Answered *Answer // their answer to the current question, if any
	Points   int     // total this round, as of the last reveal
	Rank     int     // on the latest leaderboard, 0 before the first
	Team     string  // their team, "" without teams
}

// Engine is the state machine of live rounds. It is not safe for
// concurrent use: the server serialises calls. Time is always passed in.
type Engine struct {
	cfg      Config
	phase    Phase
	round    int64
	qs       []Question
	idx      int
	opened   time.Time
	deadline time.Time
	paused   time.Time     // when the trainer paused; zero while the clock runs
	left     time.Duration // while paused: deadline minus paused
	present  map[string]bool
	players  map[string]bool
	answers  map[string]Answer
	totals   map[string]*Standing
	board    []Standing
	teamOf   map[string]string // name → team, for classrooms with teams
	teams    []TeamStanding
	ranks    map[string]int
}

// NewEngine returns an idle engine.
func NewEngine(cfg Config) *Engine {
	return &Engine{
		cfg:     cfg.withDefaults(),
		present: map[string]bool{},
		players: map[string]bool{},
		answers: map[string]Answer{},
		totals:  map[string]*Standing{},
		ranks:   map[string]int{},
		teamOf:  map[string]string{},
	}
}

// SetTeam puts name in team ("" for none). Teams are ranked by their
// members' average points at each reveal.
func (e *Engine) SetTeam(name, team string) {
	if team == "" {
		delete(e.teamOf, name)
		return
	}
	e.teamOf[name] = team
}

// Join marks name as in the room. A trainee joining while a question is
// open plays from the next question; one rejoining keeps their score.
func (e *Engine) Join(name string) { e.present[name] = true }

// Leave marks name as gone. Their points stay: they may reconnect.
func (e *Engine) Leave(name string) { delete(e.present, name) }

// Remove takes name out of the room and off the leaderboard, as when a
// trainer removes an offensive name. Answers already given stay saved
// by the caller; the engine only forgets them.
func (e *Engine) Remove(name string) {
	delete(e.present, name)
	delete(e.players, name)
	delete(e.answers, name)
	delete(e.totals, name)
	if e.board != nil {
		e.rank()
	}
}

// Rename moves everything the engine knows of old (in the room, playing,
// this question's answer, the round's points and rank) to new, as when
// the trainer renames an offensive name. It reports whether new was
// free; a name already known is left alone.
func (e *Engine) Rename(old, new string) bool {
	if old == new || e.present[new] || e.totals[new] != nil || e.players[new] {
		return false
	}
	if e.present[old] {
		delete(e.present, old)
		e.present[new] = true
	}
	if e.players[old] {
		delete(e.players, old)
		e.players[new] = true
	}
	if a, ok := e.answers[old]; ok {
		delete(e.answers, old)
		a.Name = new
		e.answers[new] = a
	}
	if team, ok := e.teamOf[old]; ok {
		delete(e.teamOf, old)
		e.teamOf[new] = team
	}
	if t := e.totals[old]; t != nil {
		delete(e.totals, old)
		c := *t
		c.Name = new
		e.totals[new] = &c
	}
	if e.board != nil {
		e.rank() // a new board: the old one is shared with sessions
	}
	return true
}

// Phase reports the current phase.
func (e *Engine) Phase() Phase { return e.phase }

// Start begins round id with qs, opening the first question at now.
func (e *Engine) Start(id int64, qs []Question, now time.Time) error {
	if e.phase.Running() {
		return ErrRunning
	}
	if len(qs) == 0 {
		return ErrNoQuestion
	}
	e.round, e.qs = id, qs
	e.totals = map[string]*Standing{}
	e.board, e.teams, e.ranks = nil, nil, map[string]int{}
	e.open(0, now)
	return nil
}

// Stop ends the running round at once, with the leaderboard so far:
// answers to a question still open count, as they would at its reveal.
func (e *Engine) Stop() {
	if e.phase == Asking {
		e.tally()
	}
	if e.phase.Running() {
		e.finish()
	}
}

// Pause stops the clock of the running round at now: the question (or
// the reveal) keeps what time it had left, and answers wait. It reports
// whether anything changed.
func (e *Engine) Pause(now time.Time) bool {
	if !e.phase.Running() || !e.paused.IsZero() {
		return false
	}
	e.paused, e.left = now, max(e.deadline.Sub(now), 0)
	e.deadline = time.Time{}
	return true
}

// Resume restarts the clock at now with the time that was left. Time
// spent paused does not count against a trainee's answer time.
func (e *Engine) Resume(now time.Time) bool {
	if e.paused.IsZero() {
		return false
	}
	e.opened = e.opened.Add(now.Sub(e.paused))
	e.deadline = now.Add(e.left)
	e.paused, e.left = time.Time{}, 0
	return true
}

// Paused reports whether the trainer paused the round.
func (e *Engine) Paused() bool { return !e.paused.IsZero() }

// Skip moves the round on at once: an open question closes and its
// answer shows (answers given so far count, as they are already
// saved); a reveal gives way to the next question. A paused round
// resumes. It reports whether anything changed.
func (e *Engine) Skip(now time.Time) bool {
	if !e.phase.Running() {
		return false
	}
	e.paused, e.left = time.Time{}, 0
	e.deadline = now
	return e.Advance(now)
}

func (e *Engine) open(i int, now time.Time) {
	e.phase, e.idx = Asking, i
	e.opened, e.deadline = now, now.Add(e.cfg.QuestionTime)
	e.players = make(map[string]bool, len(e.present))
	for n := range e.present {
		e.players[n] = true
	}
	e.answers = make(map[string]Answer, len(e.present))
}

func (e *Engine) finish() {
	e.phase = Finished
	e.deadline = time.Time{}
	e.paused, e.left = time.Time{}, 0
	e.rank()
}

// Answer scores name's choice for question q at now. Each trainee
// answers each question at most once; a late, stale or second answer is
// refused with an error saying why.
func (e *Engine) Answer(name string, q, choice int, now time.Time) (Answer, error) {
	switch {
	case e.phase == Asking && q == e.idx && !e.paused.IsZero():
		return Answer{}, ErrPaused
	case e.phase != Asking || q != e.idx || !now.Before(e.deadline):
		return Answer{}, ErrClosed
	case !e.players[name]:
		return Answer{}, ErrNotPlaying
	case choice < 0 || choice >= len(e.qs[q].Choices):
		return Answer{}, ErrChoice
	}
	if _, ok := e.answers[name]; ok {
		return Answer{}, ErrAnswered
	}
	elapsed := now.Sub(e.opened)
	correct := choice == e.qs[q].Answer
	a := Answer{
		Round: e.round, Question: q, Name: name, Term: e.qs[q].Term, Choice: choice,
		Correct: correct, Elapsed: elapsed, Points: Points(correct, elapsed, e.cfg.QuestionTime), At: now,
	}
	e.answers[name] = a
	return a, nil
}

// Advance moves the round on when its time has come or, while asking,
// when every player still in the room has answered. It reports whether
// anything changed.
func (e *Engine) Advance(now time.Time) bool {
	if !e.paused.IsZero() {
		return false
	}
	switch e.phase {
	case Asking:
		if now.Before(e.deadline) && !e.allAnswered() {
			return false
		}
		e.reveal(now)
		return true
	case Revealing:
		if now.Before(e.deadline) {
			return false
		}
		if e.idx+1 < len(e.qs) {
			e.open(e.idx+1, now)
		} else {
			e.finish()
		}
		return true
	}
	return false
}

func (e *Engine) allAnswered() bool {
	waiting := 0
	for n := range e.players {
		if e.present[n] {
			if _, ok := e.answers[n]; !ok {
				return false
			}
			waiting++
		}
	}
	return waiting > 0
}

func (e *Engine) reveal(now time.Time) {
	e.phase, e.deadline = Revealing, now.Add(e.cfg.RevealTime)
	e.tally()
	e.rank()
}

// tally adds the open question's answers to the round's totals.
func (e *Engine) tally() {
	for n := range e.players {
		s := e.totals[n]
		if s == nil {
			s = &Standing{Name: n}
			e.totals[n] = s
		}
		if a, ok := e.answers[n]; ok {
			s.Answered++
			s.Points += a.Points
			if a.Correct {
				s.Correct++
			}
		}
	}
}

func (e *Engine) rank() {
	board := make([]Standing, 0, len(e.totals))
	for _, s := range e.totals {
		board = append(board, *s)
	}
	e.board = Rank(board)
	e.teams = RankTeams(e.board, e.teamOf)
	e.ranks = make(map[string]int, len(board))
	for _, s := range e.board {
		e.ranks[s.Name] = s.Rank
	}
}

// Next is when Advance next has work to do; zero when nothing is timed.
func (e *Engine) Next() time.Time { return e.deadline }

// Event returns the snapshot sessions draw.
func (e *Engine) Event() Event {
	ev := Event{Round: e.round, Phase: e.phase, Index: e.idx, Total: len(e.qs)}
	if e.phase == Idle {
		return ev
	}
	ev.Question, ev.Deadline = e.qs[e.idx], e.deadline
	ev.Paused, ev.Left = !e.paused.IsZero(), e.left
	ev.Players, ev.Answered = len(e.players), len(e.answers)
	if e.phase != Asking {
		ev.Counts = make([]int, len(ev.Question.Choices))
		for _, a := range e.answers {
			ev.Counts[a.Choice]++
		}
		ev.Leaderboard, ev.Teams = e.board, e.teams
	}
	return ev
}

// Seat returns name's own view of the round.
func (e *Engine) Seat(name string) Seat {
	s := Seat{Name: name, Playing: e.players[name] && e.phase.Running(), Rank: e.ranks[name], Team: e.teamOf[name]}
	if t := e.totals[name]; t != nil {
		s.Points = t.Points
	}
	// Points count from the reveal: adding them now would tell the
	// trainee whether they were right before everyone else is told.
	if a, ok := e.answers[name]; ok && e.phase != Idle {
		s.Answered = &a
	}
	return s
}
