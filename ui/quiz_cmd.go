package ui

import (
	"math/rand/v2"

	tea "charm.land/bubbletea/v2"

	"github.com/crm101/crm101/quiz"
)

// The quiz's background work: every read and write of the progress
// store runs here, in commands, never in Update or View.

// planCmd plans a session for the current settings and reads the totals
// of the terms it draws from. Its randomness is a fresh generator seeded
// from the screen's, so the command shares no state with Update.
func (m quizModel) planCmd() tea.Cmd {
	store, seq, clock := m.store, m.seq, m.clock
	gen, settings := m.gen, m.settings
	opts := quiz.SessionOptions{Length: m.settings.Length}
	rng := rand.New(rand.NewPCG(m.rng.Uint64(), m.rng.Uint64()))
	return func() tea.Msg {
		terms := gen.Askable(settings.Mode.Kinds(), settings.Category)
		s, err := quiz.NewSession(store, terms, opts, clock, rng)
		if err != nil {
			return quizPlannedMsg{seq: seq, err: err}
		}
		st, err := store.Stats(clock(), terms)
		return quizPlannedMsg{seq: seq, session: s, stats: st, err: err}
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

func (m quizModel) openCmd(term string) tea.Cmd {
	return navigateCmd(place{screen: BrowseScreen, target: term})
}
