package ui

import (
	"math/rand/v2"

	tea "charm.land/bubbletea/v2"

	"github.com/crm101/crm101/glossary"
	"github.com/crm101/crm101/quiz"
)

// The quiz's background work: every read and write of the progress
// store runs here, in commands, never in Update or View.

// planCmd plans a session for the current settings and reads the totals
// of the terms it draws from. Its randomness is a fresh generator seeded
// from the screen's, so the command shares no state with Update.
func (m quizModel) planCmd() tea.Cmd {
	store, seq, clock := m.store, m.seq, m.clock
	g, gen, settings := m.g, m.gen, m.settings
	opts := quiz.SessionOptions{Length: m.settings.Length}
	rng := rand.New(rand.NewPCG(m.rng.Uint64(), m.rng.Uint64()))
	return func() tea.Msg {
		terms := askable(g, gen, settings)
		s, err := quiz.NewSession(store, terms, opts, clock, rng)
		if err != nil {
			return quizPlannedMsg{seq: seq, err: err}
		}
		st, err := store.Stats(clock(), terms)
		return quizPlannedMsg{seq: seq, session: s, stats: st, err: err}
	}
}

// askable lists the terms of the chosen category that the mode can ask.
// It walks the whole glossary, so it runs in planCmd, off the UI.
func askable(g *glossary.Glossary, gen *quiz.Generator, settings QuizSettings) []string {
	var out []string
	for _, e := range g.Entries() {
		if settings.Category != "" && e.Category != settings.Category {
			continue
		}
		for _, k := range settings.Mode.Kinds() {
			if gen.Fits(e.Term, k) {
				out = append(out, e.Term)
				break
			}
		}
	}
	return out
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
	g, gen, settings := m.g, m.gen, m.settings
	return func() tea.Msg {
		st, err := store.Stats(now, askable(g, gen, settings))
		return quizSummaryMsg{stats: st, err: err}
	}
}

func (m quizModel) openCmd(term string) tea.Cmd {
	return navigateCmd(place{screen: BrowseScreen, target: term})
}
