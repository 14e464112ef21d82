package ui

import (
	"fmt"
	"strconv"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/crm101/crm101/quiz"
)

// Test Yourself's key handling, one function per state, and the keys
// each state enables.

func (m quizModel) handleKey(msg tea.KeyPressMsg) (quizModel, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Quit):
		return m, tea.Quit
	case key.Matches(msg, k.ScrollUp):
		m.scroll = max(0, m.scroll-max(1, m.height/2))
		return m, nil
	case key.Matches(msg, k.ScrollDown):
		m.scroll += max(1, m.height/2) // View clamps it to the body
		return m, nil
	}
	switch m.state {
	case quizStart:
		return m.handleStartKey(msg)
	case quizAsking:
		return m.handleQuestionKey(msg)
	case quizAnswered:
		return m.handleAnsweredKey(msg)
	case quizSummary:
		return m.handleSummaryKey(msg)
	case quizProgress:
		return m.handleProgressKey(msg)
	}
	return m, nil
}

// wheel scrolls a body taller than the screen.
func (m quizModel) wheel(msg tea.MouseWheelMsg) quizModel {
	switch msg.Button {
	case tea.MouseWheelUp:
		m.scroll = max(0, m.scroll-3)
	case tea.MouseWheelDown:
		m.scroll += 3
	}
	return m
}

func (m quizModel) handleStartKey(msg tea.KeyPressMsg) (quizModel, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Up):
		m.setting = cycle(m.setting, -1, settingCount)
	case key.Matches(msg, k.Down):
		m.setting = cycle(m.setting, 1, settingCount)
	case key.Matches(msg, k.Less):
		return m.changeSetting(-1)
	case key.Matches(msg, k.More):
		return m.changeSetting(1)
	case key.Matches(msg, k.Start):
		return m.startSession()
	case key.Matches(msg, k.Progress):
		return m.showProgress()
	}
	return m, nil
}

func (m quizModel) handleQuestionKey(msg tea.KeyPressMsg) (quizModel, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(msg, k.End):
		return m.endSession()
	case key.Matches(msg, k.Flip):
		m.flipped, m.hint = true, ""
		return m, nil
	case m.q.SelfGraded() && !m.flipped && isGradeKey(msg):
		// A grade before the flip is a learner who does not know to flip.
		m.hint = "Flip the card first: press space or enter to see the answer, then grade yourself 1–4."
		return m, nil
	case key.Matches(msg, k.Grade):
		n, _ := strconv.Atoi(msg.String())
		r, err := quiz.SelfGrade(n)
		if err != nil {
			return m, nil
		}
		m.verdict = quiz.Verdict{Correct: r.Correct()}
		return m.answer(r)
	case key.Matches(msg, k.Choose):
		n, _ := strconv.Atoi(msg.String())
		if n > len(m.q.Options) {
			return m, nil
		}
		m.chosen = n - 1
		m, cmd := m.check(msg.String())
		if !m.verdict.Correct {
			// Check names options by letter; the screen numbers them. A
			// definition is shown once, in the explanation below.
			m.verdict.Message = fmt.Sprintf("Not quite — the answer is %d. %s", m.q.AnswerIndex+1, m.q.Answer)
			if m.q.Kind == quiz.ReverseChoice {
				m.verdict.Message = fmt.Sprintf("Not quite — the answer is %d (its definition is below).", m.q.AnswerIndex+1)
			}
		}
		return m, cmd
	case key.Matches(msg, k.Open):
		return m, m.openCmd(m.q.Term)
	case key.Matches(msg, k.Submit):
		if m.input.Value() == "" {
			return m, nil // an empty enter is a slip; tab gives up on purpose
		}
		return m.check(m.input.Value())
	case key.Matches(msg, k.Reveal):
		return m.check("")
	}
	var cmd tea.Cmd
	if m.input.Focused() {
		m.input, cmd = m.input.Update(msg)
	}
	return m, cmd
}

// isGradeKey reports whether msg is one of the self-grade digits.
func isGradeKey(msg tea.KeyPressMsg) bool {
	s := msg.String()
	return len(s) == 1 && s[0] >= '1' && s[0] <= '4'
}

func (m quizModel) handleAnsweredKey(msg tea.KeyPressMsg) (quizModel, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Retry):
		return m.save()
	case key.Matches(msg, k.Open):
		return m, m.openCmd(m.q.Term)
	case key.Matches(msg, k.Next):
		return m.nextQuestion()
	case key.Matches(msg, k.End):
		return m.endSession()
	}
	return m, nil
}

func (m quizModel) handleSummaryKey(msg tea.KeyPressMsg) (quizModel, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Missed):
		if len(m.missed) > 0 {
			m.cursor = clamp(m.cursor+upDown(msg, k.Down), 0, len(m.missed)-1)
		}
	case key.Matches(msg, k.Open):
		if len(m.missed) > 0 {
			return m, m.openCmd(m.missed[m.cursor])
		}
	case key.Matches(msg, k.Progress):
		return m.showProgress()
	case key.Matches(msg, k.Done):
		m.state, m.session, m.saveErr = quizStart, nil, nil
		return m.replan()
	}
	return m, nil
}

func (m quizModel) handleProgressKey(msg tea.KeyPressMsg) (quizModel, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Weak):
		if n := len(m.report.Weakest); n > 0 {
			m.weakCursor = clamp(m.weakCursor+upDown(msg, k.Down), 0, n-1)
		}
	case key.Matches(msg, k.Open):
		if m.weakCursor < len(m.report.Weakest) {
			return m, m.openCmd(m.report.Weakest[m.weakCursor].Term)
		}
	case key.Matches(msg, k.Back):
		m.state, m.scroll = m.from, 0
		if m.state == quizStart {
			return m.replan()
		}
	}
	return m, nil
}

// upDown is +1 for a key matching down, else -1.
func upDown(msg tea.KeyPressMsg, down key.Binding) int {
	if key.Matches(msg, down) {
		return 1
	}
	return -1
}

// syncKeys enables the keys of the current state, so help and key
// matching agree on what works. q quits only where nothing is typed and
// q means nothing else: the start panel, the summary, the Progress view.
func (m *quizModel) syncKeys() {
	k := &m.keys
	switch m.state {
	case quizStart:
		k.only(&k.Up, &k.Down, &k.Less, &k.More, &k.Start, &k.Progress, &k.Quit)
	case quizAsking:
		switch {
		case m.q.SelfGraded() && !m.flipped:
			k.only(&k.Flip, &k.End)
		case m.q.SelfGraded():
			k.only(&k.Grade, &k.Open, &k.End)
		case len(m.q.Options) > 0:
			k.only(&k.Choose, &k.End)
		default:
			k.only(&k.Submit, &k.Reveal, &k.End)
		}
	case quizAnswered:
		switch {
		case m.saving:
			k.only(&k.Open)
		case m.saveErr != nil:
			k.only(&k.Retry, &k.Open, &k.End)
		default:
			k.only(&k.Next, &k.Open, &k.End)
		}
	case quizSummary:
		k.only(&k.Done, &k.Progress, &k.Quit)
		if len(m.missed) > 0 {
			k.Missed.SetEnabled(true)
			k.Down.SetEnabled(true) // only to tell down from up; help shows Missed
			k.Open.SetEnabled(true)
		}
	case quizProgress:
		k.only(&k.Back, &k.Quit)
		if len(m.report.Weakest) > 0 {
			k.Weak.SetEnabled(true)
			k.Down.SetEnabled(true)
			k.Open.SetEnabled(true)
		}
	}
	// Scrolling is offered only when the body does not fit.
	scroll := m.overflows()
	k.ScrollUp.SetEnabled(scroll)
	k.ScrollDown.SetEnabled(scroll)
}
