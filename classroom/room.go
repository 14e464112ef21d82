package classroom

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/crm101/crm101/classroom/round"
	"github.com/crm101/crm101/glossary"
	"github.com/crm101/crm101/quiz"
)

// Config sets up a Room. DataDir and Glossary are required; zero values
// elsewhere take the defaults.
type Config struct {
	DataDir  string // classroom.db, trainees/*.db
	Glossary *glossary.Glossary
	// QuizIndex is Glossary's question-generation table, shared by the
	// live rounds and every trainee's Test Yourself; nil builds one for
	// the rounds alone.
	QuizIndex *quiz.Index

	Round round.Config
	Teams Teams // zero: no teams
	Now   func() time.Time
	Rand  *rand.Rand
	Log   *slog.Logger
}

func (c Config) withDefaults() Config {
	if c.QuizIndex == nil && c.Glossary != nil {
		c.QuizIndex = quiz.NewIndex(c.Glossary)
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	if c.Rand == nil {
		c.Rand = rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 0x63726d313031))
	}
	if c.Log == nil {
		c.Log = slog.Default()
	}
	return c
}

// Room is one classroom whatever carries it to the trainees: its
// database, the trainees' progress, the live-round conductor and the
// trainer's desk. The SSH server (package sshd) is one door into it.
type Room struct {
	store     *Store
	progress  *progressStores
	conductor *Conductor
	desk      *Desk
	teams     Teams
	cancel    context.CancelFunc
	done      chan struct{}

	hookMu   sync.Mutex
	onRemove []func(name string)
	onRename []func(old, new string)
}

// Open prepares the data directory, opens the classroom database and
// starts the conductor's clock. Close it when the room empties.
func Open(cfg Config) (*Room, error) {
	cfg = cfg.withDefaults()
	switch {
	case cfg.DataDir == "":
		return nil, errors.New("classroom: no data directory")
	case cfg.Glossary == nil:
		return nil, errors.New("classroom: no glossary")
	}
	if err := os.MkdirAll(filepath.Join(cfg.DataDir, TraineeDir), 0o700); err != nil {
		return nil, fmt.Errorf("classroom data directory: %w", CheckDiskFull(cfg.DataDir, err))
	}
	if err := tightenOwn(cfg.DataDir); err != nil {
		cfg.Log.Warn("cannot make the classroom's files private", "err", err)
	}
	store, err := OpenStore(filepath.Join(cfg.DataDir, DBFile))
	if err != nil {
		return nil, err
	}
	if err := finishRenames(cfg.DataDir, store); err != nil {
		cfg.Log.Warn("cannot move a renamed trainee's progress", "err", err)
	}
	r := &Room{store: store, progress: newProgressStores(cfg.DataDir), teams: cfg.Teams, done: make(chan struct{})}
	r.conductor = newConductor(cfg.Glossary, cfg.QuizIndex, store, r.progress, cfg.Round, cfg.Now, cfg.Rand, cfg.Log)
	r.desk = &Desk{c: r.conductor, room: r, dataDir: cfg.DataDir, g: cfg.Glossary, now: cfg.Now}
	ctx, cancel := context.WithCancel(context.Background())
	r.cancel = cancel
	go func() {
		defer close(r.done)
		r.conductor.run(ctx)
	}()
	return r, nil
}

// finishRenames moves progress files a rename left under the old name.
func finishRenames(dataDir string, store *Store) error {
	renames, err := store.renames()
	if err != nil {
		return err
	}
	return finishMoves(dataDir, renames)
}

// Close stops rounds and closes every trainee's progress and the
// classroom database. Sessions still saving should have ended first.
func (r *Room) Close() error {
	r.cancel()
	<-r.done
	return errors.Join(r.progress.closeAll(), r.store.Close())
}

// OnRemove registers f to run when the trainer removes a trainee: the
// door ends that trainee's sessions.
func (r *Room) OnRemove(f func(name string)) {
	r.hookMu.Lock()
	defer r.hookMu.Unlock()
	r.onRemove = append(r.onRemove, f)
}

// removed tells the doors that name was removed.
func (r *Room) removed(name string) {
	r.hookMu.Lock()
	hooks := append([]func(string){}, r.onRemove...)
	r.hookMu.Unlock()
	for _, f := range hooks {
		f(name)
	}
}

// OnRename registers f to run when the trainer renames a trainee: the
// door keeps that trainee's sessions under the new name.
func (r *Room) OnRename(f func(old, new string)) {
	r.hookMu.Lock()
	defer r.hookMu.Unlock()
	r.onRename = append(r.onRename, f)
}

// renamed tells the doors that old is now called new.
func (r *Room) renamed(old, new string) {
	r.hookMu.Lock()
	hooks := append([]func(string, string){}, r.onRename...)
	r.hookMu.Unlock()
	for _, f := range hooks {
		f(old, new)
	}
}

// CurrentName is name as the trainer may have renamed it since a
// session began under it.
func (r *Room) CurrentName(name string) string { return r.conductor.Current(name) }

// JoinTeam puts trainee name in their team, when the room plays in
// teams: the one they had, or one by the room's rule the first time.
// Call it after Store.SeeTrainee, before they join the round.
func (r *Room) JoinTeam(name string) (string, error) {
	team, err := r.store.JoinTeam(name, r.teams)
	if err != nil || team == "" {
		return "", err
	}
	r.conductor.SetTeam(name, team)
	return team, nil
}

// Desk is the trainer's control of this room.
func (r *Room) Desk() *Desk { return r.desk }

// Conductor runs this room's live rounds.
func (r *Room) Conductor() *Conductor { return r.conductor }

// Store is the classroom database.
func (r *Room) Store() *Store { return r.store }

// AcquireProgress opens (or shares, for a reconnect overlapping the old
// session) trainee name's progress; ReleaseProgress it when their
// session ends.
func (r *Room) AcquireProgress(name string) (*quiz.Store, error) { return r.progress.acquire(name) }

// ReleaseProgress closes name's progress once their last session is gone.
func (r *Room) ReleaseProgress(name string) error { return r.progress.release(name) }

// Seat is where trainee name answers live-round questions.
func (r *Room) Seat(name string) *Seat { return &Seat{c: r.conductor, name: name} }

// Seat answers live-round questions for one trainee.
type Seat struct {
	c    *Conductor
	name string
}

// Name is the trainee this seat answers for, as they are called now.
func (s *Seat) Name() string { return s.c.Current(s.name) }

// Answer gives choice as the answer to question q of the running round.
func (s *Seat) Answer(q, choice int) (round.Answer, error) { return s.c.Answer(s.name, q, choice) }
