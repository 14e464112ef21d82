package ui

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/crm101/crm101/classroom"
	"github.com/crm101/crm101/classroom/round"
)

// ClassroomDesk is the trainer's control of a classroom.
type ClassroomDesk interface {
	StartRound(n int) error
	StopRound()
	PauseRound()
	ResumeRound()
	SkipQuestion()
	Cohort() (classroom.Report, error)
	RemoveTrainee(name string) error
	RenameTrainee(old, newName string) error
}

// TrainerOptions configure the trainer's console.
type TrainerOptions struct {
	Desk      ClassroomDesk
	Theme     Theme            // background for the first frame (see Options.Theme)
	Banner    string           // how trainees join, shown at the top
	Questions int              // questions per round to start with
	Now       func() time.Time // clock for the countdown; nil is time.Now
}

// Round lengths the trainer can pick with +/-.
const (
	minRoundQuestions     = 1
	maxRoundQuestions     = 30
	defaultRoundQuestions = 10
	cohortRows            = 8  // trainees and weakest terms shown on the panel
	trainerBoardRows      = 10 // leaderboard lines on the console
)

// cohortMsg carries a freshly built cohort report to the console.
type cohortMsg struct {
	report classroom.Report
	err    error
}

// trainerActionMsg reports the result of starting a round.
type trainerActionMsg struct{ err error }

// removedMsg reports the result of removing a trainee.
type removedMsg struct {
	name string
	err  error
}

// renamedMsg reports the result of renaming a trainee.
type renamedMsg struct {
	old, new string
	err      error
}

// TrainerModel is the trainer's console: who is in the room, the round
// as it runs with its leaderboard, and the cohort panel (the same
// figures as `crm101 report`).
type TrainerModel struct {
	desk   ClassroomDesk
	theme  Theme
	styles *Styles
	keys   trainerKeyMap
	help   help.Model
	banner string
	now    func() time.Time

	n          int // questions for the next round
	ev         round.Event
	present    []string
	picked     string // trainee selected with Pick, "" for none
	removing   bool   // asking whether to remove picked
	renaming   bool   // typing a new name for picked into newName
	newName    textinput.Model
	showCohort bool
	cohort     *classroom.Report
	status     string
	lastRound  int64 // round whose end already refreshed the cohort
	ticker     liveTicker

	width, height int
}

// NewTrainer builds the trainer's console.
func NewTrainer(o TrainerOptions) TrainerModel {
	styles := NewStyles(o.Theme.Dark)
	n := o.Questions
	if n <= 0 {
		n = defaultRoundQuestions
	}
	now := o.Now
	if now == nil {
		now = time.Now
	}
	h := help.New()
	h.Styles = styles.Help
	in := textinput.New()
	in.Prompt = "New name › "
	in.Placeholder = "letters, digits, . - _"
	in.CharLimit = classroom.MaxNameLen
	in.SetWidth(classroom.MaxNameLen + 1)
	in.SetStyles(styles.Input.Field)
	m := TrainerModel{desk: o.Desk, theme: o.Theme, styles: styles, keys: defaultTrainerKeyMap(), help: h, banner: o.Banner, now: now, n: n, newName: in}
	m.keys.Stop.SetEnabled(false)
	m.keys.Confirm.SetEnabled(false)
	m.keys.Cancel.SetEnabled(false)
	m.keys.Save.SetEnabled(false)
	m.keys.Back.SetEnabled(false)
	return m
}

// Init asks for the terminal's background without waiting for it;
// updates arrive from the server.
func (m TrainerModel) Init() tea.Cmd {
	if m.theme.Fixed {
		return nil
	}
	return tea.RequestBackgroundColor
}

// Update handles round updates, the cohort report and the trainer's keys.
func (m TrainerModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.help.SetWidth(msg.Width)
	case tea.BackgroundColorMsg:
		if !m.theme.Fixed && msg.IsDark() != m.styles.Dark {
			*m.styles = *NewStyles(msg.IsDark())
			m.help.Styles = m.styles.Help
			m.newName.SetStyles(m.styles.Input.Field)
		}
	case round.Update:
		return m.apply(msg)
	case liveTickMsg:
		var cmd tea.Cmd
		m.ticker, cmd = m.ticker.tick(msg, m.ev)
		return m, cmd
	case cohortMsg:
		if msg.err != nil {
			m.status = "Cohort report: " + msg.err.Error()
		} else {
			m.cohort = &msg.report
		}
	case removedMsg:
		m.status = "Removed " + msg.name + ": their answers stay in the report, marked removed."
		if msg.err != nil {
			m.status = "Could not remove " + msg.name + ": " + msg.err.Error()
		}
	case renamedMsg:
		m.status = "Renamed " + msg.old + " to " + msg.new + ": their answers, progress and points follow."
		if msg.err != nil {
			m.status = "Could not rename " + msg.old + ": " + msg.err.Error()
		}
	case trainerActionMsg:
		m.status = ""
		if msg.err != nil {
			m.status = msg.err.Error()
		}
	case tea.KeyPressMsg:
		return m.handleKey(msg)
	}
	return m, nil
}

func (m TrainerModel) running() bool {
	return m.ev.Phase.Running()
}

func (m TrainerModel) apply(u round.Update) (TrainerModel, tea.Cmd) {
	m.ev, m.present = u.Event, u.Present
	if !slices.Contains(m.present, m.picked) {
		m.picked = ""
		m = m.askingRemoval(false).askingName(false)
	}
	m.keys.Stop.SetEnabled(m.running())
	m.keys.Start.SetEnabled(!m.running())
	m.keys.Pause.SetEnabled(m.running())
	m.keys.Skip.SetEnabled(m.running())
	var cmds []tea.Cmd
	var tick tea.Cmd
	if m.ticker, tick = m.ticker.sync(m.ev); tick != nil {
		cmds = append(cmds, tick)
	}
	if m.ev.Phase == round.Finished && m.ev.Round != m.lastRound {
		m.lastRound = m.ev.Round
		if m.showCohort {
			cmds = append(cmds, m.cohortCmd())
		}
	}
	return m, tea.Batch(cmds...)
}

func (m TrainerModel) handleKey(msg tea.KeyPressMsg) (TrainerModel, tea.Cmd) {
	m.status = ""
	if m.removing {
		return m.answerRemoval(msg)
	}
	if m.renaming {
		return m.typeName(msg)
	}
	switch {
	case key.Matches(msg, m.keys.Pick):
		m.picked = pickNext(m.present, m.picked, msg.String() == "shift+tab")
	case key.Matches(msg, m.keys.Remove):
		if m.picked == "" {
			m.status = "Pick a trainee with tab first."
			return m, nil
		}
		m = m.askingRemoval(true)
	case key.Matches(msg, m.keys.Rename):
		if m.picked == "" {
			m.status = "Pick a trainee with tab first."
			return m, nil
		}
		m = m.askingName(true)
		return m, textinput.Blink
	case key.Matches(msg, m.keys.Quit):
		return m, tea.Quit
	case key.Matches(msg, m.keys.Start):
		desk, n := m.desk, m.n
		m.status = fmt.Sprintf("Starting a round of %d questions…", n)
		return m, func() tea.Msg { return trainerActionMsg{err: desk.StartRound(n)} }
	case key.Matches(msg, m.keys.Stop):
		desk := m.desk
		return m, func() tea.Msg { desk.StopRound(); return trainerActionMsg{} }
	case key.Matches(msg, m.keys.Pause):
		desk, paused := m.desk, m.ev.Paused
		return m, func() tea.Msg {
			if paused {
				desk.ResumeRound()
			} else {
				desk.PauseRound()
			}
			return trainerActionMsg{}
		}
	case key.Matches(msg, m.keys.Skip):
		desk := m.desk
		return m, func() tea.Msg { desk.SkipQuestion(); return trainerActionMsg{} }
	case key.Matches(msg, m.keys.More):
		m.n = min(maxRoundQuestions, m.n+1)
	case key.Matches(msg, m.keys.Fewer):
		m.n = max(minRoundQuestions, m.n-1)
	case key.Matches(msg, m.keys.Cohort):
		m.showCohort = !m.showCohort
		if m.showCohort {
			return m, m.cohortCmd()
		}
	}
	return m, nil
}

// askingRemoval switches the keys between asking to remove a trainee
// and the console's usual ones.
func (m TrainerModel) askingRemoval(on bool) TrainerModel {
	m.removing = on
	m.keys.Confirm.SetEnabled(on)
	m.keys.Cancel.SetEnabled(on)
	return m
}

// answerRemoval takes the trainer's answer to "remove NAME?".
func (m TrainerModel) answerRemoval(msg tea.KeyPressMsg) (TrainerModel, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.Quit):
		return m, tea.Quit
	case key.Matches(msg, m.keys.Confirm):
		desk, name := m.desk, m.picked
		m = m.askingRemoval(false)
		m.picked = ""
		m.status = "Removing " + name + "…"
		return m, func() tea.Msg { return removedMsg{name: name, err: desk.RemoveTrainee(name)} }
	case key.Matches(msg, m.keys.Cancel):
		m = m.askingRemoval(false)
	}
	return m, nil
}

// askingName switches between typing a new name for the picked trainee
// and the console's usual keys, which must not fire while typing.
func (m TrainerModel) askingName(on bool) TrainerModel {
	m.renaming = on
	m.keys.Save.SetEnabled(on)
	m.keys.Back.SetEnabled(on)
	m.newName.Reset()
	if on {
		m.newName.Focus()
	} else {
		m.newName.Blur()
	}
	return m
}

// typeName takes keys while the trainer types a new name: enter renames
// (the desk checks the name), esc gives up, anything else is text.
func (m TrainerModel) typeName(msg tea.KeyPressMsg) (TrainerModel, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.Quit):
		return m, tea.Quit
	case key.Matches(msg, m.keys.Back):
		return m.askingName(false), nil
	case key.Matches(msg, m.keys.Save):
		desk, old, name := m.desk, m.picked, strings.TrimSpace(m.newName.Value())
		if name == "" {
			m.status = "Type the new name, or esc to keep " + old + "."
			return m, nil
		}
		m = m.askingName(false)
		m.picked = ""
		m.status = "Renaming " + old + "…"
		return m, func() tea.Msg { return renamedMsg{old: old, new: name, err: desk.RenameTrainee(old, name)} }
	}
	var cmd tea.Cmd
	m.newName, cmd = m.newName.Update(msg)
	return m, cmd
}

// pickNext is the trainee after (or before) picked in present.
func pickNext(present []string, picked string, back bool) string {
	if len(present) == 0 {
		return ""
	}
	i := slices.Index(present, picked)
	switch {
	case i < 0 && back:
		i = len(present) - 1
	case i < 0:
		i = 0
	case back:
		i = (i + len(present) - 1) % len(present)
	default:
		i = (i + 1) % len(present)
	}
	return present[i]
}

func (m TrainerModel) cohortCmd() tea.Cmd {
	desk := m.desk
	return func() tea.Msg {
		r, err := desk.Cohort()
		return cohortMsg{report: r, err: err}
	}
}

// View draws the console.
func (m TrainerModel) View() tea.View {
	v := tea.NewView(m.console())
	v.AltScreen = true
	return v
}

// console draws the room, the round and the cohort panel.
func (m TrainerModel) console() string {
	if m.width == 0 {
		return ""
	}
	st := &m.styles.Live
	// Lines wrap rather than run off a narrow terminal: the join command
	// in the banner is what the trainer reads out to the room.
	wrap := m.styles.Plain.Width(max(10, m.width)).Render
	parts := []string{wrap(m.styles.App.Brand.Render("crm101 classroom") + st.Muted.Render(m.banner))}
	shown := make([]string, len(m.present))
	for i, n := range m.present {
		shown[i] = n
		if n == m.picked { // a textual marker: visible without colour
			shown[i] = "[" + n + "]"
		}
	}
	names := strings.Join(shown, ", ")
	if names == "" {
		names = "nobody yet"
	}
	parts = append(parts, st.Title.Render(fmt.Sprintf("In the room (%d)", len(m.present))),
		st.Rank.Width(max(10, m.width-2)).Render(names),
		st.Title.Render("Live round"), wrap(m.roundLine()))
	if len(m.ev.Leaderboard) > 0 {
		var rows [][]string
		for _, s := range m.ev.Leaderboard[:min(len(m.ev.Leaderboard), trainerBoardRows)] {
			rows = append(rows, standingRow(s))
		}
		board := boardColumns.render(nil, rows, func(int) lipgloss.Style { return st.Rank })
		parts = append(parts, withTeams(board, m.ev.Teams, "", m.width, st.Title, st.Me, st.Rank))
		if more := len(m.ev.Leaderboard) - trainerBoardRows; more > 0 {
			parts = append(parts, st.Muted.Render(fmt.Sprintf("  … and %d more", more)))
		}
	}
	if m.showCohort {
		parts = append(parts, m.cohortView())
	}
	if m.removing {
		parts = append(parts, st.Error.Render("Remove "+m.picked+" from the room? Their answers stay in the report. y/n"))
	}
	if m.renaming {
		parts = append(parts, st.Status.Render("Rename "+m.picked+": their answers, progress and points follow."), m.newName.View())
	}
	if m.status != "" {
		parts = append(parts, wrap(st.Error.Render(m.status)))
	}
	var keys help.KeyMap = m.keys
	if m.renaming {
		keys = typingKeys{m.keys}
	}
	// The help line stays on screen: what does not fit above it is cut.
	help := m.styles.App.Help.Render(m.help.View(keys))
	body := m.styles.Plain.MaxWidth(m.width).MaxHeight(max(0, m.height-lipgloss.Height(help))).
		Render(lipgloss.JoinVertical(lipgloss.Left, parts...))
	return m.styles.Plain.MaxWidth(m.width).MaxHeight(m.height).Render(lipgloss.JoinVertical(lipgloss.Left, body, help))
}

func (m TrainerModel) roundLine() string {
	st := &m.styles.Live
	switch m.ev.Phase {
	case round.Asking:
		left := fmt.Sprintf("%ds left", secondsLeft(m.ev.Deadline, m.now()))
		if m.ev.Paused {
			left = fmt.Sprintf("PAUSED with %ds left (p resumes)", int(m.ev.Left.Round(time.Second).Seconds()))
		}
		return fmt.Sprintf("Question %d of %d · %s · %d of %d answered\n%s",
			m.ev.Index+1, m.ev.Total, left, m.ev.Answered, m.ev.Players, st.Muted.Render(m.ev.Question.Prompt))
	case round.Revealing:
		counts := make([]string, len(m.ev.Counts))
		for i, n := range m.ev.Counts {
			counts[i] = fmt.Sprintf("%d: %d", i+1, n)
		}
		return fmt.Sprintf("Question %d of %d · answer: %d %s · answers given %s", m.ev.Index+1, m.ev.Total,
			m.ev.Question.Answer+1, m.ev.Question.Choices[m.ev.Question.Answer], strings.Join(counts, "  "))
	case round.Finished:
		line := fmt.Sprintf("Round %d finished. Press s for another round of %d questions.", m.ev.Round, m.n)
		if p := podium(m.ev.Leaderboard); p != "" {
			line += "\n" + st.Status.Render("Podium: "+p)
		}
		return line
	}
	return fmt.Sprintf("No round yet. Press s to start one of %d questions (+/- to change).", m.n)
}

func (m TrainerModel) cohortView() string {
	st := &m.styles.Live
	if m.cohort == nil {
		return st.Panel.Render("Cohort: loading…")
	}
	plain := func(int) lipgloss.Style { return m.styles.Plain }
	shown := m.cohort.Trainees[:min(len(m.cohort.Trainees), cohortRows)]
	rows := make([][]string, 0, len(shown))
	for _, t := range shown {
		rows = append(rows, []string{t.Name, fmt.Sprint(t.Reviews), percent(t.Accuracy), fmt.Sprint(t.Mastered), fmt.Sprint(t.Rounds), fmt.Sprint(t.Points)})
	}
	lines := []string{st.Header.Render("Cohort"),
		cohortColumns.render([]string{"TRAINEE", "REVIEWS", "ACCURACY", "MASTERED", "ROUNDS", "POINTS"}, rows, plain)}
	if more := len(m.cohort.Trainees) - len(shown); more > 0 {
		lines = append(lines, st.Muted.Render(fmt.Sprintf("… %d more: crm101 report", more)))
	}
	lines = append(lines, "", st.Header.Render("Weakest terms"))
	var terms [][]string
	for _, t := range m.cohort.Terms[:min(len(m.cohort.Terms), cohortRows)] {
		terms = append(terms, []string{t.Term, percent(t.Accuracy), fmt.Sprintf("of %d", t.Reviews)})
	}
	if len(terms) > 0 {
		lines = append(lines, termColumns.render(nil, terms, plain))
	} else {
		lines = append(lines, st.Muted.Render("No answers yet."))
	}
	return st.Panel.Render(strings.Join(lines, "\n"))
}

// percent shows an accuracy as a whole percentage.
func percent(f float64) string { return fmt.Sprintf("%.0f%%", f*100) }
