package ui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/lipgloss/v2"

	"github.com/crm101/crm101/quiz"
)

// View draws the current state within the screen's size.
func (m quizModel) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	lines, _ := m.fit(m.parts())
	body := m.styles.Quiz.Frame.Render(strings.Join(lines, "\n"))
	// Fill the height so the help bar stays at the bottom of the terminal.
	return m.styles.Plain.Height(m.height).MaxWidth(m.width).MaxHeight(m.height).Render(body)
}

// parts is the current state's screen in bands.
func (m quizModel) parts() quizParts {
	switch m.state {
	case quizAsking:
		return m.questionView()
	case quizAnswered:
		return m.answeredView()
	case quizSummary:
		return m.summaryView()
	case quizProgress:
		return m.progressView()
	}
	return m.startView()
}

// wrap renders text in style, wrapped to the reading width.
func (m quizModel) wrap(style lipgloss.Style, text string) string {
	return style.Width(m.innerWidth()).Render(text)
}

func (m quizModel) startView() quizParts {
	s := &m.styles.Quiz
	p := quizParts{header: []string{s.Heading.Render("Test Yourself"), ""}}
	switch {
	case m.planErr != nil:
		p.body = append(p.body, m.wrap(s.Error, "Could not read your progress: "+m.planErr.Error()), "")
	case m.planning && m.plan == nil: // counts from an older plan would pass for this one
		p.body = append(p.body, s.Hint.Render("Reading your progress…"), "")
	default:
		due, fresh, extra := 0, 0, 0
		if m.plan != nil {
			due, fresh = m.plan.Planned()
			extra = m.plan.Extra()
		}
		st := m.stats
		p.body = append(p.body,
			m.figures([2]string{"Due now", fmt.Sprint(due)}, [2]string{"New today", fmt.Sprint(fresh)}),
			m.figures([2]string{"Mastered", fmt.Sprint(st.Mastered)}, [2]string{"Learning", fmt.Sprint(st.Learning)},
				[2]string{"New", fmt.Sprint(st.New)}),
			m.wrap(s.Meta, fmt.Sprintf("%s in this selection · %d due today · this session: %s",
				plural(st.Total, "term"), st.DueToday, plural(due+fresh+extra, "question"))))
		if why := m.sessionWhy(due, fresh); why != "" {
			p.body = append(p.body, m.wrap(s.Typo, why))
		}
		if plan := m.courseLine(); plan != "" {
			p.body = append(p.body, m.wrap(s.Meta, plan))
		}
		p.body = append(p.body, "")
	}
	p.body = append(p.body, m.wrap(s.Hint, "Press enter to start, p to see your progress. A missed card comes back a few questions later."))
	p.footer = append(p.footer, "")
	p.footer = append(p.footer, m.settingRows()...)
	if hint := settingHints[m.setting]; hint != "" && m.height >= 16 {
		p.footer = append(p.footer, m.wrap(s.Hint, hint))
	}
	if m.notice != "" {
		p.footer = append(p.footer, "", m.wrap(s.Typo, m.notice))
	}
	return p
}

// settingHints explain the start panel's less obvious settings while
// they are selected.
var settingHints = map[int]string{
	settingStudy:     "Scheduled, practise or missed. To study one category, choose it in Category.",
	settingNewPerDay: "Choosing a number here drops the end date.",
	settingEndDate:   "→ a week later, ← a week earlier; stepping back past today clears the end date (as --by off).",
	settingRetention: "The chance of recalling a term when it falls due, 80–97%: higher means more reviews.",
}

// settingRows are the start panel's settings, one line each however
// narrow the screen; on a short screen only those around the selected
// one, which the footer keeps in view.
func (m quizModel) settingRows() []string {
	s := &m.styles.Quiz
	retention := fmt.Sprintf("%.0f%%", 100*quiz.ClampRetention(m.course.Retention))
	end := "none"
	if !m.course.By.IsZero() {
		end = m.course.By.Format("2 Jan")
	}
	// Each row's value, and a shorter one for a narrow screen.
	rows := []struct{ label, value, short string }{
		{"Mode", m.settings.Mode.Label(), m.settings.Mode.Label()},
		{"Category", categoryLabel(m.settings.Category), categoryLabel(m.settings.Category)},
		{"Length", "up to " + plural(m.settings.Length, "question"), fmt.Sprint(m.settings.Length)},
		{"Study", m.settings.Study.Label(), m.settings.Study.String()},
		{"New/day", m.newPerDayLabel(), fmt.Sprint(max(m.pace.NewPerDay, 0))},
		{"Finish by", m.endDateLabel(), end},
		{"Retention", retention + " recalled when due", retention},
	}
	layout, narrow := "%-9s %s", m.innerWidth() < 36
	openMark, closeMark := "‹ ", " ›"
	if narrow {
		layout, openMark, closeMark = "%s %s", "‹", "›"
	}
	// Leave the header a line and the footer its spacing.
	show := clamp(m.height-2, 1, len(rows))
	first := clamp(m.setting-show/2, 0, len(rows)-show)
	var out []string
	for i := first; i < first+show; i++ {
		style, value := s.Setting, rows[i].value
		if narrow {
			value = rows[i].short
		}
		if i == m.setting {
			style, value = s.Selected, openMark+value+closeMark
		}
		text := clipText(fmt.Sprintf(layout, rows[i].label, value), m.innerWidth()-style.GetHorizontalFrameSize())
		out = append(out, style.Render(text))
	}
	return out
}

// sessionWhy says why a session is shorter than its length, or that it
// is extra practice, so "up to 20" never stands unexplained beside 10.
func (m quizModel) sessionWhy(due, fresh int) string {
	if m.plan == nil {
		return ""
	}
	n := due + fresh + m.plan.Extra()
	switch {
	case m.plan.FellBack() && m.settings.Study == quiz.MissedStudy:
		return "Nothing was missed in the last 7 days, so this session is extra practice: your weakest terms first, then reviews ahead of time, then more new terms."
	case m.plan.FellBack() && m.pace.Unseen == 0:
		return "Nothing is due and you have met every term here, so this session is extra practice: your weakest terms first, then reviews ahead of time."
	case m.plan.FellBack():
		return "Nothing is due and today's new terms are done, so this session is extra practice: your weakest terms first, then reviews ahead of time, then more new terms."
	case m.plan.Study() == quiz.Practise:
		return "Extra practice: your weakest terms first, then reviews ahead of time, then more new terms."
	case m.plan.Study() == quiz.MissedStudy:
		return fmt.Sprintf("%s you answered wrong in the last 7 days.", plural(n, "term"))
	case n < m.settings.Length && m.stats.New > fresh:
		return fmt.Sprintf("Only %d of up to %d: %d due, and new terms are capped at %d a day (%d already met today).",
			n, m.settings.Length, due, m.pace.NewPerDay, m.pace.IntroducedToday)
	case n < m.settings.Length:
		return fmt.Sprintf("Only %d of up to %d: that is every term due or new in this selection.", n, m.settings.Length)
	}
	return ""
}

// courseLine is the course plan and its projected finish.
func (m quizModel) courseLine() string {
	p := m.pace
	switch {
	case p.Unseen == 0:
		return "You have met every term in this selection."
	case !m.course.By.IsZero():
		return fmt.Sprintf("Course plan: every term by %s → %d new terms a day (%d still new).",
			m.course.By.Format("Mon 2 Jan 2006"), p.NewPerDay, p.Unseen)
	case p.Finish.IsZero():
		return ""
	}
	return fmt.Sprintf("At %d new terms a day you will have met all %d terms here by %s.",
		p.NewPerDay, m.stats.Total, p.Finish.Format("Mon 2 Jan 2006"))
}

// newPerDayLabel is the New/day setting as the start panel shows it.
func (m quizModel) newPerDayLabel() string {
	if !m.course.By.IsZero() {
		return fmt.Sprintf("%d a day, set by the end date", m.pace.NewPerDay)
	}
	return fmt.Sprintf("%d a day", max(m.pace.NewPerDay, 0))
}

// endDateLabel is the course's end date (--by) as the start panel shows it.
func (m quizModel) endDateLabel() string {
	if m.course.By.IsZero() {
		return "no end date"
	}
	return "every term by " + m.course.By.Format("Mon 2 Jan 2006")
}

// figures lays out label/value pairs on one line.
func (m quizModel) figures(pairs ...[2]string) string {
	s := &m.styles.Quiz
	parts := make([]string, len(pairs))
	for i, p := range pairs {
		parts[i] = s.Label.Render(p[0]+" ") + s.Value.Render(fmt.Sprintf("%-4s", p[1]))
	}
	return strings.Join(parts, "  ")
}

// header is the question counter, the term's category and the kind, over
// the session's progress bar. Retries count apart: "Question 4 of 10 + 1
// retry". The category is left out while it would single out the answer.
func (m quizModel) header() []string {
	s := &m.styles.Quiz
	n := min(m.done+1, max(m.total, 1))
	if m.state == quizAnswered && !m.saving && m.saveErr == nil {
		n = m.done // this answer is already counted
	}
	planned, retries, follow := m.counts[0], m.counts[1], m.counts[2]
	count := fmt.Sprintf("Question %d of %d", n, planned)
	if retries > 0 {
		count += " + " + plural(retries, "retry")
	}
	if follow > 0 {
		count += fmt.Sprintf(" + %d after a first look", follow)
	}
	meta := []string{count}
	if c := m.category(m.q.Term); c != "" && (m.state == quizAnswered || !m.q.HideCategory) {
		meta = append(meta, string(c))
	}
	label := m.q.Kind.Label()
	if m.intro {
		label = "first look: " + label
	}
	meta = append(meta, label)
	percent := 0.0
	if m.total > 0 {
		percent = float64(m.done) / float64(m.total)
	}
	return []string{m.wrap(s.Meta, strings.Join(meta, " · ")), m.bar.ViewAs(percent), ""}
}

func (m quizModel) questionView() quizParts {
	s := &m.styles.Quiz
	p := quizParts{header: m.header()}
	switch {
	case m.q.SelfGraded():
		if m.height >= 10 { // on a short screen the term comes first
			p.body = append(p.body, s.Hint.Render("What does this mean?"))
		}
		p.body = append(p.body, m.wrap(s.Prompt, m.q.Prompt))
		if !m.flipped {
			p.footer = append(p.footer, "", m.wrap(s.Hint, "Recall it, then press space or enter to see the answer."))
			if m.hint != "" {
				p.footer = append(p.footer, m.wrap(s.Typo, m.hint))
			}
			break
		}
		p.body = append(p.body, "", m.wrap(s.Back, m.q.Back))
		grades := "How well did you recall it? 1 again · 2 hard · 3 good · 4 easy"
		if m.innerWidth() < 36 {
			grades = "1 again · 2 hard · 3 good · 4 easy" // the question would take the screen
		}
		p.footer = append(p.footer, "", m.wrap(s.Hint, grades))
	case len(m.q.Options) > 0:
		p.body = append(p.body, m.wrap(s.Prompt, m.prompt()))
		opts := []string{""}
		short := true
		for i, o := range m.q.Options {
			opt := m.option(i, o)
			short = short && lipgloss.Height(opt) == 1
			opts = append(opts, opt)
		}
		// Short options (terms) are the answer line and stay in view;
		// long ones (definitions) are read like the prompt and scroll.
		if short {
			p.footer = opts
		} else {
			p.body = append(p.body, opts...)
		}
	default:
		p.body = append(p.body, m.wrap(s.Prompt, m.prompt()))
		p.footer = append(p.footer, "", m.input.View())
	}
	return p
}

// prompt is the question's text; on a short screen the instruction
// line ("Which term is this? Type it.") gives way to what it asks about,
// since the answer line already says what to do.
func (m quizModel) prompt() string {
	if m.height < 10 {
		if _, rest, ok := strings.Cut(m.q.Prompt, "\n\n"); ok && strings.TrimSpace(rest) != "" {
			return rest
		}
	}
	return m.q.Prompt
}

// option is a numbered choice whose wrapped lines hang under its text.
func (m quizModel) option(i int, text string) string {
	s := &m.styles.Quiz
	number := s.Label.Render(fmt.Sprintf("%d  ", i+1))
	body := s.Option.Width(max(1, m.innerWidth()-lipgloss.Width(number))).Render(text)
	return lipgloss.JoinHorizontal(lipgloss.Top, number, body)
}

func (m quizModel) answeredView() quizParts {
	s := &m.styles.Quiz
	p := quizParts{header: m.header()}
	switch {
	case m.q.SelfGraded():
		p.body = append(p.body, m.wrap(s.Prompt, m.q.Prompt), "", m.wrap(s.Meta, "You rated it "+m.rating.String()+"."))
	case m.verdict.Typo:
		p.body = append(p.body, m.wrap(s.Right, "✓ Correct"), m.wrap(s.Typo, m.verdict.Message))
	case m.verdict.Correct:
		p.body = append(p.body, m.wrap(s.Right, "✓ "+m.verdict.Message))
	default:
		p.body = append(p.body, m.wrap(s.Wrong, "✗ "+m.verdict.Message))
	}
	switch {
	case m.q.Typed() && m.input.Value() != "":
		p.body = append(p.body, m.wrap(s.Meta, "You typed: "+m.input.Value()))
	case !m.verdict.Correct && m.chosen >= 0 && m.chosen < len(m.q.Options):
		// Name what the learner picked and, in one line, what it is.
		chose := fmt.Sprintf("You chose %d.", m.chosen+1)
		if m.q.Kind != quiz.ReverseChoice {
			chose += " " + m.q.Options[m.chosen]
		}
		p.body = append(p.body, m.wrap(s.Meta, chose))
		if m.chosen < len(m.q.OptionNotes) && m.q.OptionNotes[m.chosen] != "" {
			p.body = append(p.body, m.wrap(s.Typo, m.q.OptionNotes[m.chosen]))
		}
	}
	p.body = append(p.body, "", m.wrap(s.Back, m.q.Back))
	switch {
	case m.saving:
		p.footer = append(p.footer, "", s.Hint.Render("Saving…"))
	case m.saveErr != nil:
		p.footer = append(p.footer, "", m.wrap(s.Error, "Not saved: "+m.saveErr.Error()+" — press r to try again."))
	}
	return p
}

func (m quizModel) summaryView() quizParts {
	s := &m.styles.Quiz
	right := 0
	for _, a := range m.log {
		if a.correct {
			right++
		}
	}
	p := quizParts{header: []string{s.Heading.Render("Session complete"), ""}}
	planned, retries, follow := m.counts[0], m.counts[1], m.counts[2]
	asked := plural(min(planned, len(m.log)), "question")
	if retries > 0 {
		asked += " + " + plural(retries, "retry")
	}
	if follow > 0 {
		asked += fmt.Sprintf(" + %d after a first look", follow)
	}
	score := fmt.Sprintf("%d of %d answers right", right, len(m.log))
	if len(m.log) > 0 {
		score += fmt.Sprintf(" (%s)", roundedPercent(right, len(m.log)))
	}
	p.body = append(p.body,
		m.wrap(s.Value, score),
		m.wrap(s.Meta, asked+" · "+duration(m.finished.Sub(m.started))),
		m.wrap(s.Label, "By category  "+m.breakdown()))
	if m.saveErr != nil {
		p.body = append(p.body, m.wrap(s.Error, "One answer was not saved: "+m.saveErr.Error()))
	}
	p.body = append(p.body, "")
	if len(m.missed) == 0 {
		p.body = append(p.body, s.Right.Render("No misses this time."))
	} else {
		p.body = append(p.body, s.Label.Render(fmt.Sprintf("Missed %d (o opens one in Browse):", len(m.missed))))
		p.body = append(p.body, m.missedList()...)
	}
	p.body = append(p.body, "")
	switch {
	case m.summaryErr != nil:
		p.body = append(p.body, m.wrap(s.Error, "Could not read your progress: "+m.summaryErr.Error()))
	case m.summaryReady:
		p.body = append(p.body, m.wrap(s.Meta, m.forecast()))
	}
	return p
}

// roundedPercent is n of total as a whole percentage, rounded to nearest:
// 7 of 9 is 78%, not 77%.
func roundedPercent(n, total int) string {
	if total == 0 {
		return "0%"
	}
	return fmt.Sprintf("%d%%", (200*n+total)/(2*total))
}

// breakdown is the score per category, in the glossary's category
// order (a pack's own categories after the built-in ones).
func (m quizModel) breakdown() string {
	var parts []string
	for _, c := range categoriesOf(m.g) {
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
	s := &m.styles.Quiz
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
	parts = append(parts, "streak "+plural(st.StreakDays, "day"))
	parts = append(parts, fmt.Sprintf("%d mastered, %d learning, %d new", st.Mastered, st.Learning, st.New))
	return strings.Join(parts, " · ")
}

// plural is "1 day", "2 days"; "retry" becomes "retries".
func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, word)
	}
	if strings.HasSuffix(word, "y") && !strings.HasSuffix(word, "ay") {
		return fmt.Sprintf("%d %sies", n, strings.TrimSuffix(word, "y"))
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// duration formats a session's length for people: "4m 05s".
func duration(d time.Duration) string {
	d = d.Round(time.Second)
	if d < time.Minute {
		return fmt.Sprintf("%ds", int(d.Seconds()))
	}
	return fmt.Sprintf("%dm %02ds", int(d.Minutes()), int(d.Seconds())%60)
}
