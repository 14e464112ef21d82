package ui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/crm101/crm101/quiz"
)

// The Progress view, reached from Test Yourself with p: the figures of
// `crm101 stats` drawn as bars with lipgloss (ntcharts still needs
// Bubble Tea v1). Every bar is made of block characters whose shape
// carries the value, so it reads under NO_COLOR too.

// blocks are the eighths of a cell, empty to full, for vertical bars.
var blocks = []string{" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"}

// chartRows is the forecast chart's height in lines.
const chartRows = 3

func (m quizModel) progressView() quizParts {
	s := &m.styles.Quiz
	p := quizParts{}
	switch {
	case m.reportErr != nil:
		p.header = []string{s.Heading.Render("Progress")}
		p.body = []string{m.wrap(s.Error, "Could not read your progress: "+m.reportErr.Error())}
		return p
	case !m.reportReady:
		p.header = []string{s.Heading.Render("Progress")}
		p.body = []string{s.Hint.Render("Reading your progress…")}
		return p
	}
	r := m.report
	title := s.Heading.Render("Progress") + s.Meta.Render(fmt.Sprintf(" · streak %s · %s, %s right",
		plural(r.StreakDays, "day"), plural(r.Reviews, "answer"), roundedPercent(r.Correct, r.Reviews)))
	p.header = []string{title}
	w := m.innerWidth()
	p.body = append(p.body, m.forecastChart(r.Forecast, w)...)
	left := m.calendar(r.Calendar)
	leftW := lipgloss.Width(strings.Join(left, "\n"))
	bar := max(6, w-leftW-4-25)
	right := append(m.stackedBar(r.Stats, bar+24), m.accuracyBars(r.Categories, bar)...)
	if w >= leftW+4+31 {
		p.body = append(p.body, lipgloss.JoinHorizontal(lipgloss.Top, strings.Join(left, "\n"), "    ", strings.Join(right, "\n")))
	} else {
		p.body = append(p.body, left...)
		p.body = append(p.body, m.stackedBar(r.Stats, max(6, w-1))...)
		p.body = append(p.body, m.accuracyBars(r.Categories, max(6, w-26))...)
	}
	p.body = append(p.body, m.weakList(r.Weakest, w)...)
	return p
}

// forecastChart draws reviews due on each of the next 30 days as
// vertical bars, today first.
func (m quizModel) forecastChart(days []int, w int) []string {
	s := &m.styles.Quiz
	peak := 0
	total := 0
	for _, d := range days {
		peak = max(peak, d)
		total += d
	}
	out := []string{s.Label.Render(fmt.Sprintf("Reviews due, next %d days: %d in all", len(days), total))}
	if len(days) == 0 {
		return out
	}
	label := len(fmt.Sprint(peak)) + 1
	cw := clamp((w-label-1)/len(days), 1, 2)
	for row := chartRows - 1; row >= 0; row-- {
		var b strings.Builder
		for _, d := range days {
			h := 0
			if peak > 0 {
				h = (d*8*chartRows + peak - 1) / peak // ceil: a day with one review shows
			}
			cell := blocks[clamp(h-8*row, 0, 8)]
			b.WriteString(strings.Repeat(cell, cw))
		}
		axis := strings.Repeat(" ", label)
		if row == chartRows-1 {
			axis = fmt.Sprintf("%*d ", label-1, peak)
		} else if row == 0 {
			axis = fmt.Sprintf("%*d ", label-1, 0)
		}
		out = append(out, s.Meta.Render(axis)+s.Right.Render(b.String()))
	}
	span := cw * len(days)
	end := fmt.Sprintf("+%dd", len(days)-1)
	out = append(out, s.Meta.Render(strings.Repeat(" ", label)+"today"+strings.Repeat(" ", max(1, span-5-len(end)))+end))
	return out
}

// heat is one calendar day: its shade says how much was studied.
func heat(n int) string {
	switch {
	case n == 0:
		return "·"
	case n <= 5:
		return "░"
	case n <= 15:
		return "▒"
	case n <= 30:
		return "▓"
	}
	return "█"
}

// calendar is the last twelve weeks as seven weekday rows, oldest
// week on the left.
func (m quizModel) calendar(days []quiz.StudyDay) []string {
	s := &m.styles.Quiz
	out := []string{s.Label.Render(fmt.Sprintf("Study days, last %d weeks", quiz.CalendarWeeks))}
	if len(days) == 0 {
		return out
	}
	names := []string{"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"}
	rows := make([]strings.Builder, 7)
	for r := range rows {
		rows[r].WriteString(s.Meta.Render(names[r] + " "))
	}
	// Pad the first week so each row is one weekday.
	lead := (int(days[0].Day.Weekday()) + 6) % 7
	for i := 0; i < lead; i++ {
		rows[i].WriteString("  ")
	}
	for i, d := range days {
		r := (lead + i) % 7
		cell := heat(d.Reviews)
		if d.Reviews > 0 {
			cell = s.Right.Render(cell)
		} else {
			cell = s.Meta.Render(cell)
		}
		rows[r].WriteString(cell + " ")
	}
	for r := range rows {
		out = append(out, strings.TrimRight(rows[r].String(), " "))
	}
	return out
}

// stackedBar is mastered / learning / new as one bar with its legend.
func (m quizModel) stackedBar(st quiz.Stats, w int) []string {
	s := &m.styles.Quiz
	out := []string{s.Label.Render(fmt.Sprintf("Terms: %d", st.Total))}
	if st.Total == 0 {
		return out
	}
	parts := []struct {
		n     int
		glyph string
		style lipgloss.Style
		name  string
	}{
		{st.Mastered, "█", s.Right, "mastered"},
		{st.Learning, "▓", s.Typo, "learning"},
		{st.New, "░", s.Meta, "new"},
	}
	var bar, legend strings.Builder
	used := 0
	for i, p := range parts {
		n := p.n * w / st.Total
		if i == len(parts)-1 {
			n = w - used
		}
		used += n
		bar.WriteString(p.style.Render(strings.Repeat(p.glyph, n)))
		fmt.Fprintf(&legend, "%s %s %d  ", p.style.Render(p.glyph), p.name, p.n)
	}
	return append(out, bar.String(), strings.TrimRight(legend.String(), " "))
}

// accuracyBars is the share of right answers per category.
func (m quizModel) accuracyBars(cats []quiz.CategoryAccuracy, w int) []string {
	s := &m.styles.Quiz
	out := []string{s.Label.Render("Right answers by category")}
	for _, c := range cats {
		name := fmt.Sprintf("%-19s ", clipText(string(c.Category), 19))
		if c.Reviews == 0 {
			out = append(out, s.Meta.Render(name+" no answers yet"))
			continue
		}
		full := (c.Correct*w + c.Reviews/2) / c.Reviews
		out = append(out, name+s.Right.Render(strings.Repeat("█", full))+s.Meta.Render(strings.Repeat("░", w-full))+
			fmt.Sprintf(" %4s", roundedPercent(c.Correct, c.Reviews)))
	}
	return out
}

// weakList is the weakest terms, two columns, with a textual marker on
// the selected one; o opens it in Browse.
func (m quizModel) weakList(weak []quiz.TermStat, w int) []string {
	s := &m.styles.Quiz
	if len(weak) == 0 {
		return []string{s.Label.Render("Weakest terms: none yet — a term joins once you miss it.")}
	}
	out := []string{s.Label.Render("Weakest terms (o opens one in Browse)")}
	col := w
	if w >= 70 && len(weak) > 5 {
		col = w / 2
	}
	cell := func(i int) string {
		t := weak[i]
		text := fmt.Sprintf("%s · %d/%d right", t.Term, t.RecentCorrect, t.RecentReviews)
		if t.Lapses > 0 {
			text += ", forgotten " + times(t.Lapses)
		}
		text = clipText(text, col-3)
		if i == m.weakCursor {
			return s.Value.Render("› " + text)
		}
		return "  " + text
	}
	if col == w {
		for i := range weak {
			out = append(out, cell(i))
		}
		return out
	}
	half := (len(weak) + 1) / 2
	for i := 0; i < half; i++ {
		line := m.styles.Plain.Width(col).Render(cell(i))
		if i+half < len(weak) {
			line += cell(i + half)
		}
		out = append(out, line)
	}
	return out
}

// times is "once", "2 times".
func times(n int) string {
	if n == 1 {
		return "once"
	}
	return fmt.Sprintf("%d times", n)
}

// clipText shortens s to at most n cells, with an ellipsis.
func clipText(s string, n int) string {
	if lipgloss.Width(s) <= n || n < 2 {
		return s
	}
	r := []rune(s)
	for len(r) > 0 && lipgloss.Width(string(r))+1 > n {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}
