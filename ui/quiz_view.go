package ui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/lipgloss/v2"

	"github.com/crm101/crm101/glossary"
	"github.com/crm101/crm101/quiz"
)

// View draws the current state within the screen's size.
func (m quizModel) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	var blocks []string
	switch m.state {
	case quizStart:
		blocks = m.startView()
	case quizAsking:
		blocks = m.questionView()
	case quizAnswered:
		blocks = m.answeredView()
	case quizSummary:
		blocks = m.summaryView()
	}
	frame := m.styles.Quiz.Frame
	inner := max(1, m.width-frame.GetHorizontalFrameSize())
	for i, b := range blocks {
		blocks[i] = m.styles.Plain.Width(inner).Render(b)
	}
	body := frame.Render(strings.Join(blocks, "\n"))
	// Fill the height so the help bar stays at the bottom of the terminal.
	return m.styles.Plain.Height(m.height).MaxWidth(m.width).MaxHeight(m.height).Render(body)
}

// innerWidth is the width text wraps at inside the frame.
func (m quizModel) innerWidth() int {
	return max(1, m.width-m.styles.Quiz.Frame.GetHorizontalFrameSize())
}

// wrap renders text in style, wrapped to the screen.
func (m quizModel) wrap(style lipgloss.Style, text string) string {
	return style.Width(m.innerWidth()).Render(text)
}

func (m quizModel) startView() []string {
	s := m.styles.Quiz
	out := []string{s.Heading.Render("Test Yourself"), ""}
	switch {
	case m.planErr != nil:
		out = append(out, m.wrap(s.Error, "Could not read your progress: "+m.planErr.Error()), "")
	case m.planning && m.plan == nil && m.stats.Total == 0:
		out = append(out, s.Hint.Render("Reading your progress…"), "")
	default:
		due, fresh := 0, 0
		if m.plan != nil {
			due, fresh = m.plan.Planned()
		}
		st := m.stats
		out = append(out,
			m.figures([2]string{"Due now", fmt.Sprint(due)}, [2]string{"New today", fmt.Sprint(fresh)}),
			m.figures([2]string{"Mastered", fmt.Sprint(st.Mastered)}, [2]string{"Learning", fmt.Sprint(st.Learning)},
				[2]string{"New", fmt.Sprint(st.New)}),
			s.Meta.Render(fmt.Sprintf("%d terms in this selection · %d due today · this session: %d questions",
				st.Total, st.DueToday, due+fresh)),
			"")
	}
	rows := []struct{ label, value string }{
		{"Mode", m.settings.Mode.Label()},
		{"Category", categoryLabel(m.settings.Category)},
		{"Length", fmt.Sprintf("up to %d questions", m.settings.Length)},
	}
	for i, r := range rows {
		style, value := s.Setting, r.value
		if i == m.setting {
			style, value = s.Selected, "‹ "+value+" ›"
		}
		out = append(out, style.Render(fmt.Sprintf("%-9s %s", r.label, value)))
	}
	out = append(out, "", m.wrap(s.Hint, fmt.Sprintf(
		"Due reviews come first, then up to %d new terms a day; a missed card comes back a few questions later. Press enter to start.",
		quiz.DefaultNewPerDay)))
	if m.notice != "" {
		out = append(out, "", m.wrap(s.Typo, m.notice))
	}
	return out
}

// figures lays out label/value pairs on one line.
func (m quizModel) figures(pairs ...[2]string) string {
	s := m.styles.Quiz
	parts := make([]string, len(pairs))
	for i, p := range pairs {
		parts[i] = s.Label.Render(p[0]+" ") + s.Value.Render(fmt.Sprintf("%-4s", p[1]))
	}
	return strings.Join(parts, "  ")
}

// header is the question counter, the term's category and the kind, over
// the session's progress bar.
func (m quizModel) header() []string {
	s := m.styles.Quiz
	n := min(m.done+1, max(m.total, 1))
	if m.state == quizAnswered && !m.saving && m.saveErr == nil {
		n = m.done // this answer is already counted
	}
	meta := fmt.Sprintf("Question %d of %d · %s · %s", n, m.total, m.category(m.q.Term), m.q.Kind.Label())
	percent := 0.0
	if m.total > 0 {
		percent = float64(m.done) / float64(m.total)
	}
	return []string{s.Meta.Render(meta), m.bar.ViewAs(percent), ""}
}

func (m quizModel) questionView() []string {
	s := m.styles.Quiz
	out := m.header()
	switch {
	case m.q.SelfGraded():
		out = append(out, s.Hint.Render("What does this mean?"), "", m.wrap(s.Prompt, m.q.Prompt), "")
		if !m.flipped {
			out = append(out, s.Hint.Render("Recall it, then press space to see the answer."))
			break
		}
		out = append(out, m.wrap(s.Back, m.q.Back), "", m.wrap(s.Hint, "How well did you recall it? 1 again · 2 hard · 3 good · 4 easy"))
	case len(m.q.Options) > 0:
		out = append(out, m.wrap(s.Prompt, m.q.Prompt), "")
		for i, o := range m.q.Options {
			out = append(out, m.option(i, o))
		}
	default:
		out = append(out, m.wrap(s.Prompt, m.q.Prompt), "", m.input.View())
	}
	return out
}

// option is a numbered choice whose wrapped lines hang under its text.
func (m quizModel) option(i int, text string) string {
	s := m.styles.Quiz
	number := s.Label.Render(fmt.Sprintf("%d  ", i+1))
	body := s.Option.Width(max(1, m.innerWidth()-lipgloss.Width(number))).Render(text)
	return lipgloss.JoinHorizontal(lipgloss.Top, number, body)
}

func (m quizModel) answeredView() []string {
	s := m.styles.Quiz
	out := m.header()
	switch {
	case m.q.SelfGraded():
		out = append(out, m.wrap(s.Prompt, m.q.Prompt), "", m.wrap(s.Meta, "You rated it "+m.rating.String()+"."))
	case m.verdict.Typo:
		out = append(out, m.wrap(s.Right, "✓ Correct"), m.wrap(s.Typo, m.verdict.Message))
	case m.verdict.Correct:
		out = append(out, m.wrap(s.Right, "✓ "+m.verdict.Message))
	default:
		out = append(out, m.wrap(s.Wrong, "✗ "+m.verdict.Message))
	}
	switch {
	case m.q.Typed() && m.input.Value() != "":
		out = append(out, m.wrap(s.Meta, "You typed: "+m.input.Value()))
	case !m.verdict.Correct && m.chosen >= 0 && m.chosen < len(m.q.Options):
		out = append(out, m.wrap(s.Meta, fmt.Sprintf("You chose %d. %s", m.chosen+1, m.q.Options[m.chosen])))
	}
	out = append(out, "", m.wrap(s.Back, m.q.Back), "")
	switch {
	case m.saving:
		out = append(out, s.Hint.Render("Saving…"))
	case m.saveErr != nil:
		out = append(out, m.wrap(s.Error, "Not saved: "+m.saveErr.Error()+" — press r to try again."))
	}
	return out
}

func (m quizModel) summaryView() []string {
	s := m.styles.Quiz
	right := 0
	for _, a := range m.log {
		if a.correct {
			right++
		}
	}
	out := []string{s.Heading.Render("Session complete"), ""}
	score := fmt.Sprintf("%d of %d answers right", right, len(m.log))
	if len(m.log) > 0 {
		score += fmt.Sprintf(" (%d%%)", right*100/len(m.log))
	}
	out = append(out,
		s.Label.Render("Score  ")+s.Value.Render(score)+s.Meta.Render(" · "+duration(m.finished.Sub(m.started))),
		m.wrap(s.Label, "By category  "+m.breakdown()))
	if m.saveErr != nil {
		out = append(out, m.wrap(s.Error, "One answer was not saved: "+m.saveErr.Error()))
	}
	out = append(out, "")
	if len(m.missed) == 0 {
		out = append(out, s.Right.Render("No misses this time."))
	} else {
		out = append(out, s.Label.Render(fmt.Sprintf("Missed %d (o opens one in Browse):", len(m.missed))))
		out = append(out, m.missedList()...)
	}
	out = append(out, "")
	switch {
	case m.summaryErr != nil:
		out = append(out, m.wrap(s.Error, "Could not read your progress: "+m.summaryErr.Error()))
	case m.summaryReady:
		out = append(out, m.wrap(s.Meta, m.forecast()))
	}
	return out
}

// breakdown is the score per category, in the category order.
func (m quizModel) breakdown() string {
	var parts []string
	for _, c := range glossary.Categories() {
		n, right := 0, 0
		for _, a := range m.log {
			if a.category == c {
				n++
				if a.correct {
					right++
				}
			}
		}
		if n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d/%d", c, right, n))
		}
	}
	return strings.Join(parts, " · ")
}

// missedList shows the missed terms around the cursor, in as many rows
// as the summary leaves free (at least one).
func (m quizModel) missedList() []string {
	s := m.styles.Quiz
	rows := max(1, m.height-12)
	first := clamp(m.cursor-rows/2, 0, max(0, len(m.missed)-rows))
	var out []string
	for i := first; i < len(m.missed) && i < first+rows; i++ {
		style := s.Missed
		if i == m.cursor {
			style = s.SelectedMissed
		}
		out = append(out, style.Render(m.missed[i]))
	}
	return out
}

// forecast says when the learner should come back, and the streak.
func (m quizModel) forecast() string {
	st := m.summary
	var parts []string
	switch {
	case st.DueToday > 0:
		parts = append(parts, fmt.Sprintf("%d still due today", st.DueToday))
	case st.NextDue != nil:
		parts = append(parts, "next review "+st.NextDue.In(m.finished.Location()).Format("Mon 2 Jan 15:04"))
	}
	if st.DueTomorrow > 0 {
		parts = append(parts, fmt.Sprintf("%d due tomorrow", st.DueTomorrow))
	}
	days := "days"
	if st.StreakDays == 1 {
		days = "day"
	}
	parts = append(parts, fmt.Sprintf("streak %d %s", st.StreakDays, days))
	parts = append(parts, fmt.Sprintf("%d mastered, %d learning, %d new", st.Mastered, st.Learning, st.New))
	return strings.Join(parts, " · ")
}

// duration formats a session's length for people: "4m 05s".
func duration(d time.Duration) string {
	d = d.Round(time.Second)
	if d < time.Minute {
		return fmt.Sprintf("%ds", int(d.Seconds()))
	}
	return fmt.Sprintf("%dm %02ds", int(d.Minutes()), int(d.Seconds())%60)
}
