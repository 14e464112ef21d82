package ui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/crm101/crm101/classroom/round"
)

// LiveSeat answers live-round questions for the trainee at this
// terminal. The classroom server provides one per SSH session.
type LiveSeat interface {
	Answer(question, choice int) (round.Answer, error)
	Name() string // the trainee answering, to find their leaderboard line
}

// liveTickMsg redraws the countdown once a second while a question runs.
type liveTickMsg struct{ round int64 }

// liveTicker keeps one countdown loop per running round, for the
// trainee's live view and the trainer's console alike. Each tick names
// its round; a tick from a loop that is no longer current is dropped
// without stopping the current loop or starting another.
type liveTicker struct{ round int64 } // the round the loop runs for; 0: none

// sync starts a loop for ev's round when it runs and has none yet.
func (t liveTicker) sync(ev round.Event) (liveTicker, tea.Cmd) {
	if !ev.Phase.Running() || t.round == ev.Round {
		return t, nil
	}
	t.round = ev.Round
	return t, liveTickCmd(ev.Round)
}

// tick continues the current loop while its round runs, and ends it after.
func (t liveTicker) tick(msg liveTickMsg, ev round.Event) (liveTicker, tea.Cmd) {
	switch {
	case msg.round != t.round:
		return t, nil // stale: a loop already replaced
	case ev.Phase.Running() && ev.Round == t.round:
		return t, liveTickCmd(t.round)
	}
	t.round = 0
	return t, nil
}

func liveTickCmd(id int64) tea.Cmd {
	return tea.Tick(time.Second, func(time.Time) tea.Msg { return liveTickMsg{round: id} })
}

// liveAnsweredMsg is the server's verdict on the trainee's answer.
type liveAnsweredMsg struct {
	answer round.Answer
	err    error
}

// liveModel is the trainee's live round. Round updates arrive as
// round.Update messages (the server's p.Send); while a round runs, or
// its final leaderboard is open, this view takes over the screen, and
// it gives the app back when the trainee closes the leaderboard.
type liveModel struct {
	seat   LiveSeat
	styles *Styles
	keys   liveKeyMap
	now    func() time.Time

	ev        round.Event
	me        round.Seat
	has       bool
	dismissed int64 // round whose final leaderboard the trainee closed
	seen      int64 // latest round this terminal watched while it ran
	cursor    int
	pending   bool   // an answer is on its way to the server
	notice    string // why the last answer was refused
	renamedTo string // the trainer renamed this trainee, until they close the notice
	ticker    liveTicker

	width, height int
}

func newLiveModel(seat LiveSeat, styles *Styles, now func() time.Time) liveModel {
	if now == nil {
		now = time.Now
	}
	return liveModel{seat: seat, styles: styles, keys: defaultLiveKeyMap(), now: now}
}

// Active reports whether the live view owns the screen.
func (m liveModel) Active() bool {
	if !m.has {
		return false
	}
	switch {
	case m.renamedTo != "":
		return true // a trainee must learn their new name, to connect with it
	case m.ev.Phase.Running():
		return true
	case m.ev.Phase == round.Finished:
		// Only a round the trainee was in: one who connects after it
		// ended goes straight to the app, not to someone else's results.
		return m.finalShown()
	}
	return false
}

// finalShown reports whether a final leaderboard the trainee has not
// closed is showing.
func (m liveModel) finalShown() bool {
	return m.ev.Phase == round.Finished && m.ev.Round != m.dismissed && (m.ev.Round == m.seen || m.me.Rank > 0)
}

// Update handles round updates, ticks, answers and, while active, keys.
func (m liveModel) Update(msg tea.Msg) (liveModel, tea.Cmd) {
	switch msg := msg.(type) {
	case round.Update:
		return m.apply(msg)
	case liveTickMsg:
		var cmd tea.Cmd
		m.ticker, cmd = m.ticker.tick(msg, m.ev)
		return m, cmd
	case liveAnsweredMsg:
		m.pending = false
		if msg.err != nil {
			m.notice = msg.err.Error()
		} else if msg.answer.Round == m.ev.Round && msg.answer.Question == m.ev.Index {
			// Shown at once; the server's next update says the same.
			a := msg.answer
			m.me.Answered = &a
			m = m.setKeys()
		}
		return m, nil
	case tea.KeyPressMsg:
		return m.handleKey(msg)
	}
	return m, nil
}

func (m liveModel) apply(u round.Update) (liveModel, tea.Cmd) {
	if !m.has || u.Event.Round != m.ev.Round || u.Event.Index != m.ev.Index {
		m.cursor, m.notice, m.pending = 0, "", false
	}
	if m.has && m.me.Name != "" && u.Seat.Name != "" && u.Seat.Name != m.me.Name {
		m.renamedTo = u.Seat.Name
	}
	m.ev, m.me, m.has = u.Event, u.Seat, true
	if m.ev.Phase.Running() {
		m.seen = m.ev.Round
	}
	m = m.setKeys()
	var cmd tea.Cmd
	m.ticker, cmd = m.ticker.sync(m.ev)
	return m, cmd
}

// setKeys enables the keys that do something in the current phase.
func (m liveModel) setKeys() liveModel {
	m.keys.Back.SetEnabled(m.ev.Phase == round.Finished || (m.renamedTo != "" && !m.ev.Phase.Running()))
	asking := m.ev.Phase == round.Asking && m.me.Playing && m.me.Answered == nil
	for _, b := range []*key.Binding{&m.keys.Pick, &m.keys.Up, &m.keys.Down, &m.keys.Answer} {
		b.SetEnabled(asking)
	}
	return m
}

func (m liveModel) handleKey(msg tea.KeyPressMsg) (liveModel, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.Back):
		m.dismissed, m.renamedTo = m.ev.Round, ""
		m = m.setKeys()
	case m.pending:
	case key.Matches(msg, m.keys.Pick):
		return m.answer(pickIndex(msg.String()))
	case key.Matches(msg, m.keys.Up):
		m.cursor = max(0, m.cursor-1)
	case key.Matches(msg, m.keys.Down):
		m.cursor = min(len(m.ev.Question.Choices)-1, m.cursor+1)
	case key.Matches(msg, m.keys.Answer):
		return m.answer(m.cursor)
	}
	return m, nil
}

// pickIndex maps "1"–"4" and "a"–"d" to a choice index.
func pickIndex(k string) int {
	if k >= "a" && k <= "d" {
		return int(k[0] - 'a')
	}
	return int(k[0] - '1')
}

func (m liveModel) answer(choice int) (liveModel, tea.Cmd) {
	if choice < 0 || choice >= len(m.ev.Question.Choices) || m.seat == nil {
		return m, nil
	}
	m.cursor, m.pending, m.notice = choice, true, ""
	seat, q := m.seat, m.ev.Index
	return m, func() tea.Msg {
		a, err := seat.Answer(q, choice)
		return liveAnsweredMsg{answer: a, err: err}
	}
}

func (m liveModel) setSize(w, h int) liveModel {
	m.width, m.height = w, h
	return m
}

// compactLive is the height under which the live round drops its
// spacing and shortens its header: at 40×12 the padding and margins
// took the countdown, the last choice and the help line off the screen.
const compactLive = 18

// liveLook is the frame and the spaced styles of the live round, as
// the terminal's height allows.
type liveLook struct {
	compact                      bool
	frame, prompt, status, title lipgloss.Style
}

func (m liveModel) look() liveLook {
	st := &m.styles.Live
	if m.height >= compactLive {
		return liveLook{frame: st.Frame, prompt: st.Prompt, status: st.Status, title: st.Title}
	}
	return liveLook{compact: true, frame: st.Frame.Padding(0, 1), prompt: st.Prompt.Margin(0),
		status: st.Status.Margin(0), title: st.Title.Margin(0)}
}

// View draws the question, the reveal or the final leaderboard.
func (m liveModel) View() string {
	st := &m.styles.Live
	look := m.look()
	inner := max(10, m.width-look.frame.GetHorizontalFrameSize())
	var parts []string
	if m.renamedTo != "" {
		parts = append(parts, st.Status.Width(inner).Render(fmt.Sprintf(
			"The trainer renamed you to %s. Your answers, progress and points carry on; next time connect as ssh %s@…",
			m.renamedTo, m.renamedTo)))
	}
	switch {
	case m.renamedTo != "" && !m.ev.Phase.Running() && !m.finalShown():
		// The notice alone; the help line says enter gives the app back.
	case m.ev.Phase == round.Asking:
		parts = append(parts, m.askingView(inner, look)...)
	case m.ev.Phase == round.Revealing:
		parts = append(parts, m.revealView(inner, look)...)
	default:
		parts = append(parts, m.finalView()...)
	}
	return look.frame.Render(strings.Join(parts, "\n")) // Render pads every line to the widest, as JoinVertical would
}

// header is the round's title line. Where it does not fit the width it
// puts the countdown first and shortens: "14s  Question 1 of 3  0 pts",
// then "14s  Q1/3  0 pts".
func (m liveModel) header(what string, width int) string {
	st := &m.styles.Live
	left := st.Header.Render(fmt.Sprintf("LIVE ROUND · Question %d of %d%s", m.ev.Index+1, m.ev.Total, what))
	left += "  " + st.Muted.Render(fmt.Sprintf("%d points", m.me.Points))
	header := left + "   " + m.countdown()
	for _, short := range []string{
		fmt.Sprintf("Question %d of %d", m.ev.Index+1, m.ev.Total),
		fmt.Sprintf("Q%d/%d", m.ev.Index+1, m.ev.Total),
	} {
		if lipgloss.Width(header) <= width {
			break
		}
		header = m.countdown() + "  " + st.Header.Render(short) + "  " + st.Muted.Render(fmt.Sprintf("%d pts", m.me.Points))
	}
	return header
}

func (m liveModel) countdown() string {
	secs := secondsLeft(m.ev.Deadline, m.now())
	st := &m.styles.Live
	if m.ev.Paused {
		return st.Urgent.Render("PAUSED by the trainer")
	}
	if m.ev.Phase == round.Revealing {
		return st.Muted.Render(fmt.Sprintf("next in %ds", secs))
	}
	if secs <= 5 {
		return st.Urgent.Render(fmt.Sprintf("%ds", secs))
	}
	return st.Countdown.Render(fmt.Sprintf("%ds", secs))
}

func (m liveModel) askingView(width int, look liveLook) []string {
	st := &m.styles.Live
	parts := []string{m.header("", width)}
	var choices []string
	for i, c := range m.ev.Question.Choices {
		line := fmt.Sprintf("%d  %s", i+1, c)
		switch {
		case m.me.Answered != nil && m.me.Answered.Choice == i:
			choices = append(choices, st.Chosen.Render(line+"  ← your answer"))
		case m.me.Answered == nil && m.me.Playing && i == m.cursor:
			choices = append(choices, st.Cursor.Render(line))
		default:
			choices = append(choices, st.Choice.Render(line))
		}
	}
	var status string
	switch {
	case !m.me.Playing:
		status = "You joined during this question: you play from the next one."
	case m.notice != "":
		status = st.Error.Render(m.notice)
	case m.me.Answered != nil:
		status = fmt.Sprintf("Answer in. %d of %d have answered.", m.ev.Answered, m.ev.Players)
	case m.pending:
		status = "Sending…"
	default:
		status = "Press 1–4 (or a–d) to answer. Faster right answers score more."
	}
	status = look.status.Width(width).Render(status)
	prompt := look.prompt.Width(width).Render(m.ev.Question.Prompt)
	if look.compact {
		// The countdown and the choices stay; the prompt gets the rows
		// left, the status line only when the prompt is whole.
		rows := m.height - liveHelpRows - look.frame.GetVerticalFrameSize() - len(parts) - len(choices)
		if lipgloss.Height(prompt)+lipgloss.Height(status) > rows {
			status = ""
		}
		prompt = capLines(prompt, max(1, rows))
	}
	parts = append(append(parts, prompt), choices...)
	if status != "" {
		parts = append(parts, status)
	}
	return parts
}

// liveHelpRows is the help line the root draws under the live round.
const liveHelpRows = 1

func (m liveModel) revealView(width int, look liveLook) []string {
	st := &m.styles.Live
	var counts []string
	most := 1
	for _, n := range m.ev.Counts {
		most = max(most, n)
	}
	barMax := max(1, min(20, width-40))
	for i, c := range m.ev.Question.Choices {
		n := 0
		if i < len(m.ev.Counts) {
			n = m.ev.Counts[i]
		}
		mark, style := "  ", st.Rank
		if i == m.ev.Question.Answer {
			mark, style = "✓ ", st.Correct
		}
		bar := st.Bar.Render(strings.Repeat("█", n*barMax/most))
		label := style.Render(fmt.Sprintf("%s%d  %s", mark, i+1, c))
		pad := strings.Repeat(" ", max(1, 32-lipgloss.Width(label)))
		counts = append(counts, label+pad+bar+" "+st.Muted.Render(fmt.Sprint(n)))
	}
	var verdict string
	switch a := m.me.Answered; {
	case !m.me.Playing:
		verdict = st.Muted.Render("You play from the next question.")
	case a == nil:
		verdict = st.Wrong.Render("No answer this time. The answer was " + m.ev.Question.Choices[m.ev.Question.Answer] + ".")
	case a.Correct:
		verdict = st.Correct.Render(fmt.Sprintf("Right! +%d points.", a.Points))
	default:
		verdict = st.Wrong.Render("Not this time: the answer was " + m.ev.Question.Choices[m.ev.Question.Answer] + ".")
	}
	verdict = look.status.Width(width).Render(verdict)
	prompt := look.prompt.Width(width).Render(m.ev.Question.Prompt)
	board := look.title.Render("Leaderboard") + "\n" + m.boards(5, width)
	if look.compact {
		// The countdown, the counts and the verdict stay; the question
		// (already seen) gets the rows left, and the leaderboard what
		// remains after it.
		rows := m.height - liveHelpRows - look.frame.GetVerticalFrameSize() - 1 - len(counts) - lipgloss.Height(verdict)
		prompt = capLines(prompt, rows)
		board = capLines(board, rows-lipgloss.Height(prompt))
	}
	parts := []string{m.header(" · answer", width)}
	if prompt != "" {
		parts = append(parts, prompt)
	}
	parts = append(append(parts, counts...), verdict)
	if board != "" {
		parts = append(parts, board)
	}
	return parts
}

// boards is the leaderboard's top n with, in a classroom with teams,
// the team leaderboard beside or under it.
func (m liveModel) boards(n, width int) string {
	st := &m.styles.Live
	return withTeams(strings.Join(m.board(n), "\n"), m.ev.Teams, m.me.Team, width, st.Title, st.Me, st.Rank)
}

func (m liveModel) finalView() []string {
	st := &m.styles.Live
	parts := []string{st.Header.Render(fmt.Sprintf("LIVE ROUND · Final leaderboard (%d questions)", m.ev.Total))}
	if p := podium(m.ev.Leaderboard); p != "" {
		parts = append(parts, st.Status.Render("Podium: "+p))
	}
	parts = append(parts, m.boards(10, max(10, m.width-st.Frame.GetHorizontalFrameSize())))
	if m.me.Rank > 0 {
		parts = append(parts, st.Status.Render(fmt.Sprintf("You finished #%d with %d points.", m.me.Rank, m.me.Points)))
	} else {
		parts = append(parts, st.Status.Render("You join the next round from its first question."))
	}
	return append(parts, st.Muted.Render("enter: back to the app"))
}

// board draws the top n standings, plus the trainee's own line when they
// are further down, so everyone sees where they stand.
func (m liveModel) board(n int) []string {
	st := &m.styles.Live
	name := ""
	if m.seat != nil {
		name = m.seat.Name()
	}
	var rows [][]string
	var looks []lipgloss.Style
	for i, s := range m.ev.Leaderboard {
		if i >= n && s.Name != name {
			continue
		}
		if i >= n && i > n {
			rows, looks = append(rows, []string{"…"}), append(looks, st.Muted)
		}
		rows = append(rows, standingRow(s))
		if s.Name == name {
			looks = append(looks, st.Me)
		} else {
			looks = append(looks, st.Rank)
		}
	}
	if len(rows) == 0 {
		return []string{st.Muted.Render("No answers yet.")}
	}
	return []string{boardColumns.render(nil, rows, func(row int) lipgloss.Style { return looks[row] })}
}

// secondsLeft counts whole seconds to deadline, rounding up, so the
// countdown shows 1s until time is really up.
func secondsLeft(deadline, now time.Time) int {
	return max(0, int((deadline.Sub(now)+time.Second-1)/time.Second))
}

// routeLive is the root's one hook for the classroom: round messages go
// to the live view, and while it owns the screen so do keys and the
// mouse (ctrl+c still quits). Sizes are recorded and passed on.
func (m *Model) routeLive(msg tea.Msg) (tea.Cmd, bool) {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case round.Update, liveTickMsg, liveAnsweredMsg:
		m.live, cmd = m.live.Update(msg)
		return cmd, true
	case tea.WindowSizeMsg:
		m.live = m.live.setSize(msg.Width, msg.Height)
	case tea.KeyPressMsg:
		if m.live.Active() && !key.Matches(msg, m.keys.Quit) {
			m.live, cmd = m.live.Update(msg)
			return cmd, true
		}
	case tea.MouseMsg:
		return nil, m.live.Active()
	}
	return nil, false
}

// liveView draws the live round full-screen with its keys below.
func (m *Model) liveView() string {
	h := m.help
	h.ShowAll = false
	screen := lipgloss.JoinVertical(lipgloss.Left, m.live.View(), m.styles.App.Help.Render(h.View(m.live.keys)))
	// Clipped only when it does not fit: every trainee's session draws
	// this on each broadcast, and clipping re-measures every line.
	if lipgloss.Height(screen) > m.height || lipgloss.Width(screen) > m.width {
		return m.styles.Plain.MaxWidth(m.width).MaxHeight(m.height).Render(screen)
	}
	return screen
}
