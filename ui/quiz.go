package ui

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/progress"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/crm101/crm101/glossary"
	"github.com/crm101/crm101/quiz"
)

// quizPlannedMsg carries a planned session and the progress totals of
// the terms it draws from. seq drops plans for settings changed since.
type quizPlannedMsg struct {
	seq     int
	session *quiz.Session
	stats   quiz.Stats
	err     error
}

// quizSavedMsg reports that the current answer reached the database.
type quizSavedMsg struct{ err error }

// quizSummaryMsg carries the progress after a finished session.
type quizSummaryMsg struct {
	stats quiz.Stats
	err   error
}

// quizState is where the learner is in Test Yourself.
type quizState int

const (
	quizStart    quizState = iota // start panel: totals and settings
	quizAsking                    // a question waits for an answer
	quizAnswered                  // the verdict and the explanation
	quizSummary                   // the session is over
)

// Start panel rows, in display order.
const (
	settingMode = iota
	settingCategory
	settingLength
	settingCount
)

// answered is one recorded answer, for the summary.
type answered struct {
	term     string
	category glossary.Category
	correct  bool
}

// quizModel is the Test Yourself screen. The store is opened before the
// program starts; every read and write of it happens in a tea.Cmd.
type quizModel struct {
	g      *glossary.Glossary
	store  *quiz.Store
	styles *Styles
	keys   quizKeyMap
	clock  func() time.Time
	rng    *rand.Rand
	gen    *quiz.Generator
	saves  *saveTracker

	state    quizState
	settings QuizSettings
	setting  int // selected start panel row

	seq      int // newest plan asked for
	planning bool
	plan     *quiz.Session
	stats    quiz.Stats // totals of the selection, for the start panel
	planErr  error
	notice   string // why enter did not start a session

	session *quiz.Session
	q       quiz.Question
	asked   time.Time // when q appeared, for the answer time
	flipped bool
	input   textinput.Model
	verdict quiz.Verdict
	chosen  int // option picked, 0-based; -1 for none
	rating  quiz.Rating
	elapsed time.Duration
	saving  bool
	saveErr error
	done    int // copies of the session's progress: View never reads
	total   int // the session while a save may be running
	log     []answered

	started, finished time.Time
	missed            []string
	cursor            int // selected missed term on the summary
	summary           quiz.Stats
	summaryErr        error
	summaryReady      bool

	bar           progress.Model
	width, height int
}

func newQuizModel(g *glossary.Glossary, ix *quiz.Index, store *quiz.Store, styles *Styles, clock func() time.Time, seed uint64, settings QuizSettings) quizModel {
	if settings.Length <= 0 {
		settings.Length = quiz.DefaultSessionLength
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	gen := ix.Generator(rng)
	in := textinput.New()
	in.Prompt = "› "
	in.Placeholder = "type your answer"
	in.SetStyles(styles.Input.Answer)
	in.CharLimit = 120
	m := quizModel{
		g: g, store: store, styles: styles, keys: defaultQuizKeyMap(), clock: clock, rng: rng,
		gen: gen, saves: &saveTracker{}, settings: settings, input: in, bar: newProgressBar(styles),
	}
	m.planning = true
	m.syncKeys()
	return m
}

// Init plans the first session so the start panel shows real totals.
func (m quizModel) Init() tea.Cmd { return m.planCmd() }

// Update handles keys and the results of the quiz's background work.
func (m quizModel) Update(msg tea.Msg) (quizModel, tea.Cmd) {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case quizPlannedMsg:
		m = m.applyPlan(msg)
	case quizSavedMsg:
		m, cmd = m.applySaved(msg)
	case quizSummaryMsg:
		m.summary, m.summaryErr, m.summaryReady = msg.stats, msg.err, true
	case tea.KeyPressMsg:
		m, cmd = m.handleKey(msg)
	default:
		if m.state == quizAsking && m.input.Focused() {
			m.input, cmd = m.input.Update(msg)
		}
	}
	m.syncKeys()
	return m, cmd
}

func (m quizModel) handleKey(msg tea.KeyPressMsg) (quizModel, tea.Cmd) {
	switch m.state {
	case quizStart:
		return m.handleStartKey(msg)
	case quizAsking:
		return m.handleQuestionKey(msg)
	case quizAnswered:
		return m.handleAnsweredKey(msg)
	case quizSummary:
		return m.handleSummaryKey(msg)
	}
	return m, nil
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
	}
	return m, nil
}

// changeSetting moves the selected setting and plans again for it.
func (m quizModel) changeSetting(delta int) (quizModel, tea.Cmd) {
	switch m.setting {
	case settingMode:
		modes := quiz.Modes()
		m.settings.Mode = modes[cycle(slices.Index(modes, m.settings.Mode), delta, len(modes))]
	case settingCategory:
		m.settings.Category = nextCategory(m.settings.Category, delta)
	case settingLength:
		m.settings.Length = nextLength(m.settings.Length, delta)
	}
	return m.replan()
}

// revisit refreshes the start panel when the learner comes back to it:
// another window, or a classroom round, may have recorded answers since.
func (m quizModel) revisit() (quizModel, tea.Cmd) {
	if m.state != quizStart || m.planning {
		return m, nil
	}
	return m.replan()
}

// replan discards the current plan and asks for one matching the settings.
func (m quizModel) replan() (quizModel, tea.Cmd) {
	m.seq++
	m.plan, m.planErr, m.notice, m.planning = nil, nil, "", true
	return m, m.planCmd()
}

func (m quizModel) applyPlan(msg quizPlannedMsg) quizModel {
	if msg.seq != m.seq {
		return m // settings changed while planning; a newer plan is coming
	}
	m.planning = false
	m.plan, m.stats, m.planErr = msg.session, msg.stats, msg.err
	return m
}

func (m quizModel) startSession() (quizModel, tea.Cmd) {
	switch {
	case m.planning:
		m.notice = "Still reading your progress…"
		return m, nil
	case m.planErr != nil || m.plan == nil:
		return m, nil
	}
	if _, total := m.plan.Progress(); total == 0 {
		m.notice = "Nothing to study here today: no cards are due and today's new terms are done. Try another category or mode, or come back tomorrow."
		return m, nil
	}
	m.session, m.plan = m.plan, nil
	m.log, m.missed, m.cursor, m.summaryReady = nil, nil, 0, false
	m.started = m.clock()
	m.done, m.total = m.session.Progress()
	return m.nextQuestion()
}

// nextQuestion asks about the session's next term, or ends the session.
func (m quizModel) nextQuestion() (quizModel, tea.Cmd) {
	term, ok := m.session.Next()
	if !ok {
		return m.endSession()
	}
	m.q = m.gen.Pick(term, m.settings.Mode.Kinds())
	m.state, m.flipped, m.verdict, m.saveErr, m.chosen = quizAsking, false, quiz.Verdict{}, nil, -1
	m.asked = m.clock()
	m.input.Reset()
	if m.q.Typed() {
		return m, m.input.Focus()
	}
	m.input.Blur()
	return m, nil
}

func (m quizModel) handleQuestionKey(msg tea.KeyPressMsg) (quizModel, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(msg, k.End):
		return m.endSession()
	case key.Matches(msg, k.Flip):
		m.flipped = true
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
			// Check names options by letter; the screen numbers them.
			m.verdict.Message = fmt.Sprintf("Not quite — the answer is %d. %s", m.q.AnswerIndex+1, m.q.Answer)
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

// check grades a chosen or typed answer and saves its rating.
func (m quizModel) check(answer string) (quizModel, tea.Cmd) {
	m.verdict = quiz.Check(m.q, answer)
	m.input.Blur()
	elapsed := m.clock().Sub(m.asked)
	return m.answer(quiz.RatingFor(m.q.RatingKind(), m.verdict.Correct, m.verdict.Typo, elapsed))
}

// answer records rating for the current question in the background.
func (m quizModel) answer(r quiz.Rating) (quizModel, tea.Cmd) {
	m.rating, m.elapsed = r, m.clock().Sub(m.asked)
	m.state = quizAnswered
	return m.save()
}

func (m quizModel) save() (quizModel, tea.Cmd) {
	m.saving, m.saveErr = true, nil
	return m, m.saveCmd()
}

func (m quizModel) applySaved(msg quizSavedMsg) (quizModel, tea.Cmd) {
	if !m.saving {
		return m, nil
	}
	m.saving = false
	if msg.err != nil {
		m.saveErr = msg.err
		return m, nil
	}
	m.log = append(m.log, answered{term: m.q.Term, category: m.category(m.q.Term), correct: m.rating.Correct()})
	m.done, m.total = m.session.Progress()
	if m.q.SelfGraded() {
		// The learner already read the back and graded it: move on.
		return m.nextQuestion()
	}
	return m, nil
}

func (m quizModel) category(term string) glossary.Category {
	if e, ok := m.g.Lookup(term); ok {
		return e.Category
	}
	return ""
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

// endSession shows the summary; with nothing answered it goes straight
// back to the start panel. Answers are already saved one by one.
func (m quizModel) endSession() (quizModel, tea.Cmd) {
	m.input.Blur()
	if len(m.log) == 0 && m.saveErr == nil {
		m.state, m.session = quizStart, nil
		return m.replan()
	}
	m.state, m.finished = quizSummary, m.clock()
	m.missed = m.session.Missed()
	m.cursor = 0
	return m, m.summaryCmd()
}

func (m quizModel) handleSummaryKey(msg tea.KeyPressMsg) (quizModel, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Missed):
		if len(m.missed) > 0 {
			delta := -1
			if key.Matches(msg, k.Down) {
				delta = 1
			}
			m.cursor = clamp(m.cursor+delta, 0, len(m.missed)-1)
		}
	case key.Matches(msg, k.Open):
		if len(m.missed) > 0 {
			return m, m.openCmd(m.missed[m.cursor])
		}
	case key.Matches(msg, k.Done):
		m.state, m.session, m.saveErr = quizStart, nil, nil
		return m.replan()
	}
	return m, nil
}

// syncKeys enables the keys of the current state, so help and key
// matching agree on what works.
func (m *quizModel) syncKeys() {
	k := &m.keys
	switch m.state {
	case quizStart:
		k.only(&k.Up, &k.Down, &k.Less, &k.More, &k.Start)
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
		k.only(&k.Done)
		if len(m.missed) > 0 {
			k.Missed.SetEnabled(true)
			k.Down.SetEnabled(true) // only to tell down from up; help shows Missed
			k.Open.SetEnabled(true)
		}
	}
}

// setSize lays the screen out for width×height cells; a typed answer in
// progress survives.
// restyle takes up new shared styles: the answer field and the progress
// bar keep their own copies.
func (m quizModel) restyle() quizModel {
	m.input.SetStyles(m.styles.Input.Answer)
	width := m.bar.Width()
	m.bar = newProgressBar(m.styles)
	m.bar.SetWidth(width)
	return m
}

// newProgressBar is the session's progress bar in the current palette.
func newProgressBar(styles *Styles) progress.Model {
	bar := progress.New(progress.WithColors(styles.Quiz.BarFull), progress.WithFillCharacters('█', '░'), progress.WithoutPercentage())
	bar.EmptyColor = styles.Quiz.BarEmpty
	return bar
}

func (m quizModel) setSize(width, height int) quizModel {
	m.width, m.height = width, height
	m.input.SetWidth(max(1, width-lipgloss.Width(m.input.Prompt)-4))
	m.bar.SetWidth(max(0, min(width-4, 60)))
	return m
}

// unsaved describes an answer whose save failed and was not retried.
func (m quizModel) unsaved() error {
	if m.saveErr == nil {
		return nil
	}
	return fmt.Errorf("your answer about %q was not saved: %w", m.q.Term, m.saveErr)
}
