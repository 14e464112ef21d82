package sshd

import (
	"log/slog"
	"math/rand/v2"
	"time"

	tea "charm.land/bubbletea/v2"
	gossh "golang.org/x/crypto/ssh"

	"github.com/crm101/crm101/classroom"
	"github.com/crm101/crm101/classroom/round"
	"github.com/crm101/crm101/glossary"
	"github.com/crm101/crm101/quiz"
)

// Defaults for a classroom of up to a hundred on a LAN.
const (
	DefaultAddr        = "127.0.0.1:23234"
	DefaultMaxSessions = 100
	DefaultIdleTimeout = 30 * time.Minute
	DefaultMaxSession  = 4 * time.Hour
	// A classroom is usually one office network behind one NAT address:
	// a full room (DefaultMaxSessions) may join at once from it, and a
	// new connection every half second after that covers reconnects,
	// yet a flood from one address is still stopped.
	DefaultConnBurst = DefaultMaxSessions
	DefaultConnRate  = 2.0
	// Wrong join codes per address: the security bound (see GuessChance).
	// Thirty, then thirty a minute, leaves a room's typos plenty of
	// room: the odds of guessing a 6-character code in 4 h are ~3e-5.
	DefaultFailBurst = 30
	DefaultFailRate  = 0.5
	// Wrong join codes per name at one address: one trainee's typos slow
	// that trainee down (five, then one every twenty seconds) while
	// their neighbours keep joining. A fresh name only falls back on the
	// per-address bound, so changing names buys an attacker nothing.
	DefaultNameFailBurst = 5
	DefaultNameFailRate  = 1.0 / 20
)

// Config sets up a Server and the room behind it. DataDir, Code,
// Glossary, Trainee and Trainer are required; zero values elsewhere take
// the defaults (the room's own: see classroom.Config).
type Config struct {
	Addr     string
	Code     string // the join code trainees type
	DataDir  string // host key, classroom.db, trainees/*.db
	Glossary *glossary.Glossary
	// QuizIndex is Glossary's question-generation table, shared by the
	// live rounds and (through the caller's Trainee) every trainee's
	// Test Yourself; nil builds one for the rounds alone.
	QuizIndex *quiz.Index

	// AuthorizedKeys may log in without the join code; TrainerKeys get
	// the trainer's console instead of the app.
	AuthorizedKeys []gossh.PublicKey
	TrainerKeys    []gossh.PublicKey

	MaxSessions int
	IdleTimeout time.Duration
	MaxSession  time.Duration
	ConnBurst   int
	ConnRate    float64 // new connections per second per address
	FailBurst   int
	FailRate    float64 // wrong join codes per second per address
	// NameFailBurst and NameFailRate limit wrong join codes per SSH user
	// name at one address, within the per-address limit.
	NameFailBurst int
	NameFailRate  float64

	Round round.Config
	Teams classroom.Teams // zero: no teams
	Now   func() time.Time
	Rand  *rand.Rand
	Log   *slog.Logger

	// Trainee and Trainer build each session's Bubble Tea model. They
	// live outside this package so the server does not depend on ui.
	Trainee func(TraineeSession) tea.Model
	Trainer func(TrainerSession) tea.Model
	// FPS is each session's frame rate; 0 is Bubble Tea's default.
	FPS int
}

func (c Config) withDefaults() Config {
	if c.Addr == "" {
		c.Addr = DefaultAddr
	}
	if c.MaxSessions <= 0 {
		c.MaxSessions = DefaultMaxSessions
	}
	if c.IdleTimeout <= 0 {
		c.IdleTimeout = DefaultIdleTimeout
	}
	if c.MaxSession <= 0 {
		c.MaxSession = DefaultMaxSession
	}
	if c.ConnBurst <= 0 {
		c.ConnBurst = DefaultConnBurst
	}
	if c.ConnRate <= 0 {
		c.ConnRate = DefaultConnRate
	}
	if c.FailBurst <= 0 {
		c.FailBurst = DefaultFailBurst
	}
	if c.FailRate <= 0 {
		c.FailRate = DefaultFailRate
	}
	if c.NameFailBurst <= 0 {
		c.NameFailBurst = DefaultNameFailBurst
	}
	if c.NameFailRate <= 0 {
		c.NameFailRate = DefaultNameFailRate
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	if c.Log == nil {
		c.Log = slog.Default()
	}
	return c
}

// TraineeSession is what a trainee's app is built from.
type TraineeSession struct {
	Name     string
	Environ  []string        // the session's environment (TERM, and what the client sent)
	Progress *quiz.Store     // this trainee's progress database
	Live     *classroom.Seat // answers live-round questions as this trainee
	// Width and Height are the client's terminal size as its pty request
	// gave it, so the first frame can be drawn whole at once.
	Width, Height int
}

// TrainerSession is what a trainer's console is built from.
type TrainerSession struct {
	Environ []string // the session's environment
	Desk    *classroom.Desk
}

// room is the part of c the room is opened with.
func (c Config) room() classroom.Config {
	return classroom.Config{DataDir: c.DataDir, Glossary: c.Glossary, QuizIndex: c.QuizIndex,
		Round: c.Round, Teams: c.Teams, Now: c.Now, Rand: c.Rand, Log: c.Log}
}
