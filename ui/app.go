// Package ui holds crm101's Bubble Tea models: a root model that routes
// messages and switches screens, and one model per screen. It adapts the
// plain domain packages (glossary, quiz) to the terminal.
package ui

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/charmbracelet/colorprofile"
	"github.com/crm101/crm101/glossary"
	"github.com/crm101/crm101/quiz"
)

// Screen names one of the app's top-level screens.
type Screen int

// The screens, in tab order.
const (
	BrowseScreen Screen = iota
	CalculateScreen
	QuizScreen
)

// String names the screen as its tab shows it.
func (s Screen) String() string {
	switch s {
	case BrowseScreen:
		return "Browse"
	case CalculateScreen:
		return "Calculate"
	case QuizScreen:
		return "Test Yourself"
	}
	return "Unknown"
}

// Short is the tab's name where the full one does not fit.
func (s Screen) Short() string {
	switch s {
	case CalculateScreen:
		return "Calc"
	case QuizScreen:
		return "Quiz"
	}
	return s.String()
}

// Options configure a new app. Glossary is required.
type Options struct {
	Glossary *glossary.Glossary
	// Theme is the background assumed for the first frame (ThemeFromEnv);
	// unless it is Fixed, the terminal's answer to a background query
	// restyles the app when it comes.
	Theme Theme
	Start Screen // screen shown first
	Query string // pre-filled Browse search

	// Test Yourself exists only with a progress store, opened by the
	// caller before the program starts (and closed after FinishSaving).
	Store *quiz.Store
	// OpenStore, when Store is nil, opens the progress store in a
	// command after the first frame, which then never waits on SQLite:
	// Test Yourself appears when it answers, or StoreErr's message does.
	OpenStore func() (*quiz.Store, error)
	// QuizIndex lets apps over one glossary share the quiz's per-glossary
	// table (a classroom's trainees); nil builds one of its own.
	QuizIndex *quiz.Index
	// StoreErr says why there is no store (a damaged file, say): the app
	// still opens for browsing and calculating, and says so at once.
	StoreErr error
	Quiz     QuizSettings     // the start panel's initial settings
	Seed     uint64           // seeds question choice, for repeatable sessions
	Clock    func() time.Time // nil means time.Now; tests pin it
	Metric   string           // metric ID Calculate opens on, form focused
	Live     LiveSeat         // answers live rounds in a classroom session; nil elsewhere
	// Width and Height are the terminal's size when it is known before
	// the program starts: the first frame is then whole at once, not
	// blank until Bubble Tea's own size message has been handled.
	Width, Height int
}

// Model is the root model: it owns the tab bar, the help bar and the
// screens, and routes each message to the screen that owns it.
type Model struct {
	theme   Theme
	styles  *Styles
	keys    globalKeyMap
	help    help.Model
	screens []Screen // the screens that exist, in tab order
	active  Screen
	trail   []place // where back returns to, most recent last
	width   int
	height  int
	err     error

	browse browseModel
	quiz   quizModel
	calc   calculateModel
	live   liveModel // the classroom's live round; takes over the screen while one runs

	openStore func() (*quiz.Store, error) // opens the store after the first frame
	newQuiz   func(*quiz.Store) quizModel // builds Test Yourself on an open store
}

// New builds the root model from opts.
func New(opts Options) Model {
	styles := NewStyles(opts.Theme.Dark)
	h := help.New()
	h.Styles = styles.Help
	m := Model{
		theme:   opts.Theme,
		styles:  styles,
		keys:    defaultGlobalKeyMap(),
		help:    h,
		screens: []Screen{BrowseScreen, CalculateScreen},
		active:  BrowseScreen,
	}
	m.browse = newBrowseModel(opts.Glossary, m.styles, opts.Query)
	shared := m.styles
	m.newQuiz = func(store *quiz.Store) quizModel {
		clock := opts.Clock
		if clock == nil {
			clock = time.Now
		}
		// Cards are kept per pack: a pack term never shares a card with a
		// built-in term of the same name.
		ix := opts.QuizIndex
		if ix == nil {
			ix = quiz.NewIndex(opts.Glossary)
		}
		return newQuizModel(opts.Glossary, ix, store.ForGlossary(opts.Glossary), shared, clock, opts.Seed, opts.Quiz)
	}
	if opts.Store != nil {
		m.screens = append(m.screens, QuizScreen)
		m.quiz = m.newQuiz(opts.Store)
	} else {
		m.openStore = opts.OpenStore
	}
	if opts.StoreErr != nil {
		m.err = fmt.Errorf("Test Yourself is off: %w", opts.StoreErr)
	}
	m.calc = newCalculateModel(m.styles, opts.Metric)
	m.live = newLiveModel(opts.Live, m.styles, nil)
	if m.has(opts.Start) {
		m.active = opts.Start
	}
	m.updateGlobalKeys()
	if opts.Width > 0 && opts.Height > 0 {
		m.width, m.height = opts.Width, opts.Height
		m.resize()
	}
	return m
}

// Init starts the first search so the list is filled before any key,
// and asks the terminal for its background. The first frame does not
// wait for the answer, which may never come.
func (m Model) Init() tea.Cmd {
	cmds := []tea.Cmd{m.browse.Init()}
	if m.has(QuizScreen) {
		cmds = append(cmds, m.quiz.Init())
	}
	if !m.theme.Fixed {
		cmds = append(cmds, tea.RequestBackgroundColor)
	}
	if m.openStore != nil {
		cmds = append(cmds, openStoreCmd(m.openStore))
	}
	return tea.Batch(cmds...)
}

// storeOpenedMsg carries the progress store opened after the first frame.
type storeOpenedMsg struct {
	store *quiz.Store
	err   error
}

// storeOpenDelay lets the first frame, drawn on the program's first
// ticks, have the CPU to itself: on a busy two-core machine SQLite's
// open competed with it. Nobody reaches Test Yourself sooner.
const storeOpenDelay = 50 * time.Millisecond

func openStoreCmd(open func() (*quiz.Store, error)) tea.Cmd {
	return func() tea.Msg {
		time.Sleep(storeOpenDelay)
		store, err := open()
		return storeOpenedMsg{store, err}
	}
}

// storeOpened adds Test Yourself once its store is open, or says why
// there is none, as New does for a store opened before the program.
func (m *Model) storeOpened(msg storeOpenedMsg) tea.Cmd {
	m.openStore = nil
	if msg.err != nil {
		m.err = fmt.Errorf("Test Yourself is off: %w", msg.err)
		m.resize() // the message takes its lines from the body
		return nil
	}
	m.screens = append(slices.Clip(m.screens), QuizScreen)
	m.quiz = m.newQuiz(msg.store)
	m.updateGlobalKeys()
	m.resize()
	return m.quiz.Init()
}

// FinishSaving waits for answers still on their way to the progress
// store and reports any answer that could not be saved. Call it on the
// final model after the program ends, before closing the store.
func (m Model) FinishSaving() error {
	if !m.has(QuizScreen) {
		return nil
	}
	if err := m.quiz.saves.flush(); err != nil {
		return fmt.Errorf("save progress: %w", err)
	}
	return m.quiz.unsaved()
}

// Update routes msg: global keys and navigation here, background results
// to their owner, everything else to the active screen. It works on its
// own copy of the model through a pointer: the model is 37 KB, and the
// helpers passing it by value needed a 340 KB stack frame, which every
// session of a classroom kept.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmd := m.update(msg)
	return m, cmd
}

func (m *Model) update(msg tea.Msg) tea.Cmd {
	if cmd, handled := m.routeLive(msg); handled {
		return cmd
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.resize()
		return nil
	case tea.ColorProfileMsg:
		m.markers(msg.Profile == colorprofile.NoTTY)
		return nil
	case tea.BackgroundColorMsg:
		if !m.theme.Fixed {
			m.restyle(msg.IsDark())
		}
		return nil
	case tea.KeyPressMsg:
		if cmd, handled := m.handleGlobalKey(msg); handled {
			return cmd
		}
	case tea.MouseWheelMsg:
		msg.Y -= lipgloss.Height(m.tabBar())
		return m.updateActive(msg)
	case tea.MouseClickMsg:
		msg.Y -= lipgloss.Height(m.tabBar())
		return m.updateActive(msg)
	case navigateMsg:
		return m.navigate(msg.to)
	case backMsg:
		return m.back()
	case searchDoneMsg:
		var cmd tea.Cmd
		m.browse, cmd = m.browse.Update(msg)
		return cmd
	case storeOpenedMsg:
		return m.storeOpened(msg)
	case quizPlannedMsg, quizSavedMsg, quizSummaryMsg:
		var cmd tea.Cmd
		m.quiz, cmd = m.quiz.Update(msg)
		return cmd
	}
	return m.updateActive(msg)
}

func (m *Model) handleGlobalKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	switch {
	case key.Matches(msg, m.keys.Quit):
		return tea.Quit, true
	case key.Matches(msg, m.keys.Help):
		m.help.ShowAll = !m.help.ShowAll
		m.err = nil
		m.resize()
		return nil, true
	case key.Matches(msg, m.keys.Browse):
		m.show(BrowseScreen)
		return nil, true
	case key.Matches(msg, m.keys.Calculate):
		m.show(CalculateScreen)
		return nil, true
	case key.Matches(msg, m.keys.Quiz):
		if !m.has(QuizScreen) || m.active == QuizScreen {
			return nil, true
		}
		m.show(QuizScreen)
		var cmd tea.Cmd
		m.quiz, cmd = m.quiz.revisit()
		return cmd, true
	}
	return nil, false
}

func (m *Model) updateActive(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	switch m.active {
	case BrowseScreen:
		m.browse, cmd = m.browse.Update(msg)
	case QuizScreen:
		m.quiz, cmd = m.quiz.Update(msg)
	case CalculateScreen:
		m.calc, cmd = m.calc.Update(msg)
	}
	return cmd
}

// show switches to screen s when it exists; unknown screens are ignored
// so a key for a screen that is not built yet does nothing.
func (m *Model) show(s Screen) {
	if !m.has(s) || s == m.active {
		return
	}
	m.active = s
	m.err = nil
	m.updateGlobalKeys()
	m.resize()
}

func (m *Model) has(s Screen) bool {
	for _, x := range m.screens {
		if x == s {
			return true
		}
	}
	return false
}

// updateGlobalKeys hides the keys of screens that do not exist, and of
// the screen already shown, so help never offers a key that does nothing.
func (m *Model) updateGlobalKeys() {
	m.keys.Browse.SetEnabled(m.has(BrowseScreen) && m.active != BrowseScreen)
	m.keys.Calculate.SetEnabled(m.has(CalculateScreen) && m.active != CalculateScreen)
	m.keys.Quiz.SetEnabled(m.has(QuizScreen) && m.active != QuizScreen)
}

// resize gives every screen, visible or not, the space left between the
// tab bar and the help bar, so switching screens never shows a stale size.
func (m *Model) resize() {
	// Help drops whole items to fit (ending in "…"), so it gets exactly
	// the width inside its padding.
	m.help.SetWidth(max(1, m.width-m.styles.App.Help.GetHorizontalFrameSize()))
	chrome := lipgloss.Height(m.tabBar()) + lipgloss.Height(m.helpView())
	bodyHeight := max(0, m.height-chrome)
	m.browse = m.browse.setSize(m.width, bodyHeight)
	m.quiz = m.quiz.setSize(m.width, bodyHeight)
	m.calc = m.calc.setSize(m.width, bodyHeight)
}

// restyle rebuilds every style for a dark or light background, in
// place: the screens share the Styles, and copy only what bubbles keep.
func (m *Model) restyle(dark bool) {
	if dark == m.styles.Dark {
		return
	}
	markers := m.styles.Markers
	*m.styles = *NewStyles(dark)
	m.styles.Markers = markers
	m.help.Styles = m.styles.Help
	m.browse = m.browse.restyle()
	m.calc = m.calc.restyle()
	if m.has(QuizScreen) { // no quiz model without a store, or before it opens
		m.quiz = m.quiz.restyle()
	}
}

// markers turns textual markers on or off (see Styles.Markers): the
// terminal's colour profile has been detected.
func (m *Model) markers(on bool) {
	if on == m.styles.Markers {
		return
	}
	m.styles.Markers = on
	m.resize() // sizes, and so redraws the entry of, every screen
}

// View draws the app full-screen, with mouse wheel reporting.
func (m Model) View() tea.View {
	v := tea.NewView(m.screen())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	return v
}

// screen draws the tab bar, the active screen and the help bar.
func (m *Model) screen() string {
	if m.width == 0 {
		return "" // no size yet: drawing now would only flicker
	}
	if m.live.Active() {
		return m.liveView()
	}
	var body string
	switch m.active {
	case BrowseScreen:
		body = m.browse.View()
	case QuizScreen:
		body = m.quiz.View()
	case CalculateScreen:
		body = m.calc.View()
	}
	screen := lipgloss.JoinVertical(lipgloss.Left, m.tabBar(), body, m.helpView())
	// On a terminal too small for even the chrome, clip rather than let
	// the terminal scroll and tear the frame. Every part already keeps to
	// the width, so the common case costs one count of lines.
	if strings.Count(screen, "\n") >= m.height {
		return m.styles.Plain.MaxWidth(m.width).MaxHeight(m.height).Render(screen)
	}
	return screen
}

// tabBar draws the brand and the tabs. On a narrow terminal it drops
// whole items, never letters: first the brand, then the long names
// (Calculate → Calc), and at last every tab but the active one.
func (m *Model) tabBar() string {
	a := &m.styles.App
	tab := func(s Screen, name string) string {
		switch {
		case s == m.active && m.styles.Markers:
			return a.ActiveTab.Render("[" + name + "]")
		case s == m.active:
			return a.ActiveTab.Render(name)
		}
		return a.Tab.Render(name)
	}
	var full, short, active []string
	for _, s := range m.screens {
		full = append(full, tab(s, s.String()))
		short = append(short, tab(s, s.Short()))
		if s == m.active {
			active = append(active, tab(s, s.Short()))
		}
	}
	room := m.width - a.TabBar.GetHorizontalFrameSize()
	for _, tabs := range [][]string{append([]string{a.Brand.Render("crm101")}, full...), full, short} {
		if bar := lipgloss.JoinHorizontal(lipgloss.Top, tabs...); lipgloss.Width(bar) <= room {
			return a.TabBar.Render(bar)
		}
	}
	// Tighter still: the short names without the bar's own margin.
	if bar := lipgloss.JoinHorizontal(lipgloss.Top, short...); lipgloss.Width(bar) <= m.width {
		return bar
	}
	return a.TabBar.MaxWidth(m.width).Render(lipgloss.JoinHorizontal(lipgloss.Top, active...))
}

func (m *Model) helpView() string {
	if m.err != nil {
		return m.styles.App.Error.Width(m.width).Render(m.err.Error()) // wrapped: an error must be read whole
	}
	var keys help.KeyMap
	switch m.active {
	case QuizScreen:
		keys = combinedHelp{screen: m.quiz.keys, global: m.keys}
	case CalculateScreen:
		keys = combinedHelp{screen: m.calc.keys, global: m.keys}
	default:
		keys = combinedHelp{screen: m.browse.keys, global: m.keys}
	}
	return m.styles.App.Help.MaxWidth(m.width).Render(m.help.View(keys))
}
