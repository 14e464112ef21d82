package ui

import (
	"errors"
	"sync"
)

// saveJob is one answer on its way to the progress database. It runs at
// most once, either in its tea.Cmd or in FinishSaving, whichever comes
// first; the other waits for it. The answer is then never lost to a
// quit that lands before Bubble Tea got round to the command.
type saveJob struct {
	once sync.Once
	run  func() error
	err  error
}

func (j *saveJob) do() error {
	j.once.Do(func() { j.err = j.run() })
	return j.err
}

// saveTracker remembers the answers not yet known to be saved. It is
// shared by every copy of the quiz model (models are values), hence a
// pointer with its own lock.
type saveTracker struct {
	mu      sync.Mutex
	pending []*saveJob
}

// start registers run and returns the job that runs it.
func (t *saveTracker) start(run func() error) *saveJob {
	j := &saveJob{run: run}
	t.mu.Lock()
	t.pending = append(t.pending, j)
	t.mu.Unlock()
	return j
}

// finish runs j (or waits for it) and forgets it.
func (t *saveTracker) finish(j *saveJob) error {
	err := j.do()
	t.mu.Lock()
	for i, p := range t.pending {
		if p == j {
			t.pending = append(t.pending[:i], t.pending[i+1:]...)
			break
		}
	}
	t.mu.Unlock()
	return err
}

// flush saves everything still pending, in the order it was answered.
func (t *saveTracker) flush() error {
	t.mu.Lock()
	jobs := append([]*saveJob(nil), t.pending...)
	t.mu.Unlock()
	var errs []error
	for _, j := range jobs {
		if err := t.finish(j); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}
