package classroom

import (
	"time"

	"github.com/crm101/crm101/classroom/round"
	"github.com/crm101/crm101/glossary"
)

// Desk is the trainer's control of the classroom: start and stop live
// rounds, watch who is in the room, read the cohort report. Both the
// console on the serve terminal and a trainer's SSH session use it.
type Desk struct {
	c       *Conductor
	room    *Room
	dataDir string
	g       *glossary.Glossary
	now     func() time.Time
}

// StartRound starts a live round of n questions.
func (d *Desk) StartRound(n int) error { return d.c.StartRound(n) }

// StopRound ends the running round now.
func (d *Desk) StopRound() { d.c.StopRound() }

// PauseRound stops the running round's clock.
func (d *Desk) PauseRound() { d.c.PauseRound() }

// ResumeRound restarts a paused round's clock.
func (d *Desk) ResumeRound() { d.c.ResumeRound() }

// SkipQuestion closes the open question now, or cuts a reveal short.
func (d *Desk) SkipQuestion() { d.c.SkipQuestion() }

// RemoveTrainee removes name from the room, as for an offensive name:
// off the leaderboard, their sessions ended, never to join again under
// it. Their answers are kept, and the report marks them removed.
func (d *Desk) RemoveTrainee(name string) error {
	if err := d.c.store.RemoveTrainee(name, d.now()); err != nil {
		return err
	}
	d.c.Remove(name)
	d.room.removed(name)
	return nil
}

// RenameTrainee renames trainee old to newName, as for an offensive
// name. newName follows the rules of a join name (NormalizeName) and
// must be free. Their answers, progress file and report rows follow;
// their session carries on, and the leaderboard shows the new name.
func (d *Desk) RenameTrainee(old, newName string) error {
	n, ok := NormalizeName(newName)
	if !ok {
		return BadNameError{Name: newName}
	}
	old = d.c.Current(old)
	if n == old {
		return nil
	}
	if err := d.c.Rename(old, n, d.now()); err != nil {
		return err
	}
	d.room.renamed(old, n)
	return nil
}

// Watch subscribes to round updates with the roster; call leave when done.
func (d *Desk) Watch(send func(round.Update)) (leave func()) { return d.c.Watch(send) }

// Cohort builds the report of everyone who has joined so far.
func (d *Desk) Cohort() (Report, error) { return BuildReport(d.dataDir, d.g, d.now()) }
