package ui

import (
	"slices"

	tea "charm.land/bubbletea/v2"
)

// maxTrail bounds the places remembered for back: enough for any real
// detour, and a loop of links can never grow it without end.
const maxTrail = 50

// navigate goes to a place, pushing the current one onto the trail.
func (m *Model) navigate(to place) tea.Cmd {
	trail := slices.Clip(m.trail) // never append into a copy's array
	if len(trail) == maxTrail {
		trail = trail[1:]
	}
	m.trail = append(trail, m.here())
	return m.goTo(to)
}

// back returns to the last place on the trail. With nowhere to return
// to, it goes to the active screen's home (Browse's list, Calculate's
// picker), the way a browser's back stops at the first page.
func (m *Model) back() tea.Cmd {
	if len(m.trail) == 0 {
		return m.goTo(place{screen: m.active})
	}
	to := m.trail[len(m.trail)-1]
	m.trail = m.trail[: len(m.trail)-1 : len(m.trail)-1]
	return m.goTo(to)
}

// here is the place the user is at now.
func (m *Model) here() place {
	switch m.active {
	case BrowseScreen:
		return place{screen: BrowseScreen, target: m.browse.openTermName()}
	case CalculateScreen:
		return place{screen: CalculateScreen, target: m.calc.openMetricID()}
	}
	return place{screen: m.active}
}

// goTo shows a place without touching the trail.
func (m *Model) goTo(p place) tea.Cmd {
	if !m.has(p.screen) {
		return nil
	}
	m.show(p.screen)
	var cmd tea.Cmd
	switch p.screen {
	case BrowseScreen:
		if p.target == "" {
			m.browse = m.browse.focusList()
		} else {
			m.browse, cmd = m.browse.openTerm(p.target)
		}
	case CalculateScreen:
		if p.target == "" {
			m.calc, cmd = m.calc.focusPicker()
		} else {
			m.calc, cmd = m.calc.openMetric(p.target)
		}
	case QuizScreen:
		m.quiz, cmd = m.quiz.revisit()
	}
	m.calc = m.calc.setCanReturn(len(m.trail) > 0)
	return cmd
}
