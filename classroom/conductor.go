package classroom

import (
	"context"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"sort"
	"sync"
	"time"

	"github.com/crm101/crm101/classroom/round"
	"github.com/crm101/crm101/glossary"
	"github.com/crm101/crm101/quiz"
)

// LiveKind is the question kind live-round answers are saved under in a
// trainee's progress, next to their own Test Yourself reviews.
const LiveKind = "live"

// Conductor runs live rounds for everyone in the room: it drives the
// round engine on a timer, saves each answer as it arrives and sends
// every session its view of the round. It is safe for concurrent use.
type Conductor struct {
	g        *glossary.Glossary
	store    *Store
	progress *progressStores
	now      func() time.Time
	log      *slog.Logger

	// genMu guards gen (rand.Rand is not safe for concurrent use), so a
	// round's questions are drawn without holding mu.
	genMu    sync.Mutex
	gen      *quiz.Generator
	playable int // terms a live question fits, counted on first use; under genMu

	mu      sync.Mutex
	engine  *round.Engine
	subs    map[*subscriber]struct{}
	names   map[string]int    // sessions per trainee name
	present []string          // sorted names in the room, rebuilt on change
	renamed map[string]string // former name → current, for sessions that began under it
	wake    chan struct{}
	sentAt  time.Time // last broadcast
	dirty   bool      // answers arrived since the last broadcast
}

// answerFlush is how often answer counts are sent out while a question
// is open. Every answer would otherwise redraw every screen: with 200
// trainees answering at once, 40,000 frames for one number that changes.
const answerFlush = 150 * time.Millisecond

// subscriber is one session's mailbox. It keeps only the latest update:
// each is a full snapshot, so a slow terminal skips stale frames instead
// of queueing them or holding up everyone else.
type subscriber struct {
	name    string // "" for a trainer
	trainer bool
	notify  chan struct{}
	mu      sync.Mutex
	latest  *round.Update
}

func newConductor(g *glossary.Glossary, ix *quiz.Index, store *Store, progress *progressStores, cfg round.Config,
	now func() time.Time, rng *rand.Rand, log *slog.Logger) *Conductor {
	return &Conductor{
		g: g, store: store, progress: progress, now: now, log: log,
		engine: round.NewEngine(cfg), gen: ix.Generator(rng), playable: -1,
		subs: map[*subscriber]struct{}{}, names: map[string]int{}, renamed: map[string]string{},
		wake: make(chan struct{}, 1),
	}
}

// run advances rounds when their time comes, until ctx ends.
func (c *Conductor) run(ctx context.Context) {
	timer := time.NewTimer(time.Hour)
	defer timer.Stop()
	for {
		c.mu.Lock()
		c.advanceLocked()
		next := c.engine.Next()
		if c.dirty {
			flush := c.sentAt.Add(answerFlush)
			if !c.now().Before(flush) {
				c.broadcastLocked()
			} else if next.IsZero() || flush.Before(next) {
				next = flush
			}
		}
		c.mu.Unlock()
		wait := time.Hour
		if !next.IsZero() {
			wait = max(next.Sub(c.now()), 0)
		}
		timer.Reset(wait)
		select {
		case <-ctx.Done():
			return
		case <-timer.C:
		case <-c.wake:
			if !timer.Stop() {
				select {
				case <-timer.C:
				default:
				}
			}
		}
	}
}

func (c *Conductor) poke() {
	select {
	case c.wake <- struct{}{}:
	default:
	}
}

// advanceLocked moves the engine on as far as time allows and tells
// everyone. Called with c.mu held.
func (c *Conductor) advanceLocked() {
	now := c.now()
	changed := false
	for i := 0; i < 4 && c.engine.Advance(now); i++ { // bounded: a round takes at most two steps per instant
		changed = true
		if c.engine.Phase() == round.Finished {
			ev := c.engine.Event()
			if err := c.store.FinishRound(ev.Round, now); err != nil {
				c.log.Error("finish round", "round", ev.Round, "err", err)
			}
		}
	}
	if changed {
		c.broadcastLocked()
	}
}

// Join subscribes a trainee's session: send receives every update
// (normally tea.Program.Send). Call the returned leave when the session
// ends; it stops delivery before returning.
func (c *Conductor) Join(name string, send func(round.Update)) (leave func()) {
	return c.subscribe(&subscriber{name: name, notify: make(chan struct{}, 1)}, send)
}

// Watch subscribes a trainer's console: updates carry who is present.
func (c *Conductor) Watch(send func(round.Update)) (leave func()) {
	return c.subscribe(&subscriber{trainer: true, notify: make(chan struct{}, 1)}, send)
}

func (c *Conductor) subscribe(s *subscriber, send func(round.Update)) func() {
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		for {
			select {
			case <-done:
				return
			case <-s.notify:
				s.mu.Lock()
				u := s.latest
				s.latest = nil
				s.mu.Unlock()
				if u != nil {
					send(*u)
				}
			}
		}
	}()
	c.mu.Lock()
	c.subs[s] = struct{}{}
	if !s.trainer {
		s.name = c.currentLocked(s.name) // renamed since the session began
		c.names[s.name]++
		c.engine.Join(s.name)
		c.rebuildPresentLocked()
	}
	// The newcomer gets the round as it stands; of the others only
	// trainers care who came in, so trainees' screens are not redrawn.
	ev := c.engine.Event()
	c.postLocked(s, ev)
	c.postTrainersLocked(ev)
	c.mu.Unlock()

	var once sync.Once
	return func() {
		once.Do(func() {
			c.mu.Lock()
			delete(c.subs, s)
			if !s.trainer {
				if c.names[s.name]--; c.names[s.name] <= 0 {
					delete(c.names, s.name)
					c.engine.Leave(s.name)
				}
				c.rebuildPresentLocked()
			}
			c.postTrainersLocked(c.engine.Event())
			c.mu.Unlock()
			c.poke() // the last one still to answer may have left
			close(done)
			<-stopped
		})
	}
}

func (c *Conductor) rebuildPresentLocked() {
	p := make([]string, 0, len(c.names))
	for n := range c.names {
		p = append(p, n)
	}
	sort.Strings(p)
	c.present = p
}

// broadcastLocked posts the current snapshot to every mailbox.
func (c *Conductor) broadcastLocked() {
	c.sentAt, c.dirty = c.now(), false
	ev := c.engine.Event()
	for s := range c.subs {
		c.postLocked(s, ev)
	}
}

// postTrainersLocked posts ev to the trainers' consoles only.
func (c *Conductor) postTrainersLocked(ev round.Event) {
	for s := range c.subs {
		if s.trainer {
			c.postLocked(s, ev)
		}
	}
}

// postLocked replaces s's pending update with ev and wakes its sender.
func (c *Conductor) postLocked(s *subscriber, ev round.Event) {
	u := round.Update{Event: ev}
	if s.trainer {
		u.Present = c.present
	} else {
		u.Seat = c.engine.Seat(s.name)
	}
	s.mu.Lock()
	s.latest = &u
	s.mu.Unlock()
	select {
	case s.notify <- struct{}{}:
	default:
	}
}

// StartRound starts a live round of n questions for everyone present.
// The questions are drawn before taking the room's lock: in a large deck
// that takes a while, and answers and joins must not wait for it.
func (c *Conductor) StartRound(n int) error {
	if c.running() {
		return round.ErrRunning
	}
	qs, err := c.questions(n)
	if err != nil {
		return fmt.Errorf("start round: %w", err)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.engine.Phase().Running() {
		return round.ErrRunning
	}
	now := c.now()
	id, err := c.store.StartRound(len(qs), now)
	if err != nil {
		return err
	}
	if err := c.engine.Start(id, qs, now); err != nil {
		return fmt.Errorf("start round: %w", err)
	}
	c.log.Info("round started", "round", id, "questions", len(qs), "present", len(c.present))
	c.broadcastLocked()
	c.poke()
	return nil
}

func (c *Conductor) running() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.engine.Phase().Running()
}

// questions draws up to n questions for a round, as many as the
// glossary can make.
func (c *Conductor) questions(n int) ([]round.Question, error) {
	c.genMu.Lock()
	defer c.genMu.Unlock()
	if c.playable < 0 {
		c.playable = round.Playable(c.gen, c.g)
	}
	if c.playable == 0 {
		return nil, round.ErrTooFewTerms
	}
	return round.Questions(c.gen, min(n, c.playable))
}

// PauseRound stops the running round's clock; ResumeRound restarts it.
// A paused round takes no answers and does not move on.
func (c *Conductor) PauseRound() { c.control("paused", c.engine.Pause) }

// ResumeRound restarts a paused round's clock with the time it had left.
func (c *Conductor) ResumeRound() { c.control("resumed", c.engine.Resume) }

// SkipQuestion closes the open question now and shows its answer, or
// cuts a reveal short; answers already given count.
func (c *Conductor) SkipQuestion() { c.control("skipped", c.engine.Skip) }

// control applies a trainer's control to the engine and, when it
// changed something, tells everyone and wakes the clock.
func (c *Conductor) control(what string, f func(time.Time) bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	now := c.now()
	if !f(now) {
		return
	}
	ev := c.engine.Event()
	c.log.Info("round "+what, "round", ev.Round, "question", ev.Index+1)
	if ev.Phase == round.Finished {
		if err := c.store.FinishRound(ev.Round, now); err != nil {
			c.log.Error("finish round", "round", ev.Round, "err", err)
		}
	}
	c.broadcastLocked()
	c.poke()
}

// StopRound ends the running round now, with the leaderboard so far.
func (c *Conductor) StopRound() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.engine.Phase().Running() {
		return
	}
	c.engine.Stop()
	ev := c.engine.Event()
	if err := c.store.FinishRound(ev.Round, c.now()); err != nil {
		c.log.Error("finish round", "round", ev.Round, "err", err)
	}
	c.log.Info("round stopped", "round", ev.Round)
	c.broadcastLocked()
}

// Answer scores name's choice for question q, saves it in the classroom
// database and in the trainee's progress, then lets the round move on
// if that was the last answer it waited for. The engine refuses a second
// answer, and the database key refuses it again, so each is stored once.
func (c *Conductor) Answer(name string, q, choice int) (round.Answer, error) {
	c.mu.Lock()
	name = c.currentLocked(name)
	a, err := c.engine.Answer(name, q, choice, c.now())
	if err != nil {
		c.mu.Unlock()
		return round.Answer{}, err
	}
	// Saved under the lock: the reveal must not be broadcast (and the
	// round finished) before the answer that closed it is on disk.
	saveErr := c.store.RecordAnswer(a)
	c.dirty = true
	c.mu.Unlock()
	c.poke()
	if saveErr != nil {
		c.log.Error("save answer", "trainee", name, "err", saveErr)
		return a, fmt.Errorf("your answer counts, but saving it failed: %w", saveErr)
	}
	if st := c.progress.get(name); st != nil {
		r := quiz.RatingFor(LiveKind, a.Correct, false, a.Elapsed)
		if _, err := st.ForGlossary(c.g).Record(quiz.Review{Term: a.Term, Kind: LiveKind, Rating: r, AnswerTime: a.Elapsed, At: a.At}); err != nil {
			c.log.Error("save review", "trainee", name, "err", err)
		}
	}
	return a, nil
}

// Remove takes name out of the room: off the leaderboard, out of the
// current question, and told so on their screen. Their sessions are
// ended by the door (Room.OnRemove).
func (c *Conductor) Remove(name string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.engine.Remove(name)
	delete(c.names, name)
	c.rebuildPresentLocked()
	c.log.Info("trainee removed", "trainee", name)
	c.broadcastLocked()
	c.poke()
}

// Rename renames trainee old to new for good: their rows in the
// classroom database and their progress file (Store.RenameTrainee), and
// in the room their place on the leaderboard, this question's answer
// and their sessions, which carry on under new. Everyone's screen shows
// new at once. It holds the room's lock throughout, so no answer can be
// saved under old once its rows have moved.
func (c *Conductor) Rename(old, new string, at time.Time) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	old = c.currentLocked(old)
	if err := c.store.RenameTrainee(old, new, at, func() (func(), error) { return c.progress.rename(old, new) }); err != nil {
		return err
	}
	if !c.engine.Rename(old, new) {
		c.log.Error("rename in the round", "trainee", old, "to", new)
	}
	if n, ok := c.names[old]; ok {
		delete(c.names, old)
		c.names[new] = n
	}
	for s := range c.subs {
		if !s.trainer && s.name == old {
			s.name = new
		}
	}
	for k, v := range c.renamed {
		if v == old {
			c.renamed[k] = new
		}
	}
	c.renamed[old] = new
	c.rebuildPresentLocked()
	c.log.Info("trainee renamed", "trainee", old, "to", new)
	c.broadcastLocked()
	return nil
}

// Current is name as it is now: the name the trainer gave a trainee
// renamed while their session ran, else name itself.
func (c *Conductor) Current(name string) string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.currentLocked(name)
}

func (c *Conductor) currentLocked(name string) string {
	if n, ok := c.renamed[name]; ok {
		return n
	}
	return name
}

// SetTeam puts name in team for the team leaderboard.
func (c *Conductor) SetTeam(name, team string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.engine.SetTeam(name, team)
}

// Present lists the trainees in the room.
func (c *Conductor) Present() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.present...)
}

// Snapshot returns the round as it stands, for tests and the trainer.
func (c *Conductor) Snapshot() round.Event {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.engine.Event()
}
