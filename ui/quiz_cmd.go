package ui

import (
	"math/rand/v2"

	tea "charm.land/bubbletea/v2"

	"github.com/crm101/crm101/quiz"
)

// The quiz's background work: every read and write of the progress
// store runs here, in commands, never in Update or View.

// planCmd plans a session for the current settings and reads the totals
// of the terms it draws from and the saved course. Its randomness is a
// fresh generator seeded from the screen's, so the command shares no
// state with Update.
func (m quizModel) planCmd() tea.Cmd {
	store, seq, clock, saves := m.store, m.seq, m.clock, m.saves
	gen, settings := m.gen, m.settings
	rng := rand.New(rand.NewPCG(m.rng.Uint64(), m.rng.Uint64()))
	return func() tea.Msg {
		// Plan from every answer given: the last ones of a session may
		// still be on their way to the database. (A failed save is
		// reported by its own command.)
		_ = saves.flush()
		fail := func(err error) tea.Msg { return quizPlannedMsg{seq: seq, err: err} }
		course, err := store.Course()
		if err != nil {
			return fail(err)
		}
		terms := gen.Askable(settings.Mode.Kinds(), settings.Category)
		pace, err := store.Pace(course, terms, clock())
		if err != nil {
			return fail(err)
		}
		opts := quiz.SessionOptions{Length: settings.Length, Study: settings.Study, NewPerDay: pace.NewPerDay}
		if pace.NewPerDay == 0 {
			opts.NewPerDay = -1 // zero means the default to SessionOptions
		}
		s, err := quiz.NewSession(store, terms, opts, clock, rng)
		if err != nil {
			return fail(err)
		}
		st, err := store.Stats(clock(), terms)
		return quizPlannedMsg{seq: seq, session: s, stats: st, course: course, pace: pace, err: err}
	}
}

// saveCourseCmd saves the course as the start panel changed it. The
// save is a pending job like an answer's, so the next plan (which
// flushes them first) reads it, and changes pressed in quick succession
// land in the order they were made.
func (m quizModel) saveCourseCmd() tea.Cmd {
	store, course, tracker := m.store, m.course, m.saves
	job := tracker.start(func() error { return store.SaveCourse(course) })
	return func() tea.Msg {
		_ = tracker.flush() // earlier changes first; an answer's error is its own command's
		return quizCourseSavedMsg{err: job.do()}
	}
}

// saveCmd records the current answer. The session is only touched by
// this command until its message arrives, and View reads copies.
func (m quizModel) saveCmd() tea.Cmd {
	s, term, kind, rating, elapsed := m.session, m.q.Term, string(m.q.Kind), m.rating, m.elapsed
	job := m.saves.start(func() error {
		_, err := s.Record(term, kind, rating, elapsed)
		return err
	})
	tracker := m.saves
	return func() tea.Msg { return quizSavedMsg{err: tracker.finish(job)} }
}

// summaryCmd reads the totals after the session, for the forecast.
func (m quizModel) summaryCmd() tea.Cmd {
	store, now := m.store, m.clock()
	gen, settings := m.gen, m.settings
	return func() tea.Msg {
		st, err := store.Stats(now, gen.Askable(settings.Mode.Kinds(), settings.Category))
		return quizSummaryMsg{stats: st, err: err}
	}
}

// reportCmd reads the Progress view's figures over the whole glossary.
func (m quizModel) reportCmd() tea.Cmd {
	store, now, g := m.store, m.clock(), m.g
	return func() tea.Msg {
		terms := make([]string, 0, g.Len())
		for _, e := range g.Entries() {
			terms = append(terms, e.Term)
		}
		r, err := store.Report(now, g, terms)
		return quizReportMsg{report: r, err: err}
	}
}

func (m quizModel) openCmd(term string) tea.Cmd {
	return navigateCmd(place{screen: BrowseScreen, target: term})
}
