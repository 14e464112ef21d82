package ui

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"charm.land/bubbles/v2/progress"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/crm101/crm101/glossary"
	"github.com/crm101/crm101/quiz"
)

// quizPlannedMsg carries a planned session, the progress totals of the
// terms it draws from and the course's pace. seq drops plans for
// settings changed since.
type quizPlannedMsg struct {
	seq     int
	session *quiz.Session
	stats   quiz.Stats
	course  quiz.Course
	pace    quiz.Pace
	err     error
}

// quizSavedMsg reports that the current answer reached the database.
type quizSavedMsg struct{ err error }

// quizSummaryMsg carries the progress after a finished session.
type quizSummaryMsg struct {
	stats quiz.Stats
	err   error
}

// quizCourseSavedMsg reports that a changed course reached the database.
type quizCourseSavedMsg struct{ err error }

// quizReportMsg carries the Progress view's figures.
type quizReportMsg struct {
	report quiz.Report
	err    error
}

// quizState is where the learner is in Test Yourself.
type quizState int

const (
	quizStart    quizState = iota // start panel: totals and settings
	quizAsking                    // a question waits for an answer
	quizAnswered                  // the verdict and the explanation
	quizSummary                   // the session is over
	quizProgress                  // the Progress view
)

// Start panel rows, in display order.
const (
	settingMode = iota
	settingCategory
	settingLength
	settingStudy
	settingNewPerDay
	settingEndDate
	settingRetention
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
	// startWhenPlanned: enter came while the plan was being read; the
	// session starts as soon as it arrives instead of dropping the key.
	startWhenPlanned bool
	plan             *quiz.Session
	stats            quiz.Stats // totals of the selection, for the start panel
	course           quiz.Course
	pace             quiz.Pace
	planErr          error
	notice           string // why enter did not start a session

	session *quiz.Session
	q       quiz.Question
	intro   bool      // q is a flashcard meeting a term before the mode's kind
	asked   time.Time // when q appeared, for the answer time
	flipped bool
	hint    string // a key pressed too early (a grade before the flip)
	scroll  int    // lines of the body scrolled past
	input   textinput.Model
	verdict quiz.Verdict
	chosen  int // option picked, 0-based; -1 for none
	rating  quiz.Rating
	elapsed time.Duration
	saving  bool
	saveErr error
	done    int // copies of the session's progress: View never reads
	total   int // the session while a save may be running
	counts  [3]int
	log     []answered

	started, finished time.Time
	missed            []string
	cursor            int // selected missed term on the summary
	summary           quiz.Stats
	summaryErr        error
	summaryReady      bool

	report      quiz.Report
	reportErr   error
	reportReady bool
	weakCursor  int
	from        quizState // where the Progress view returns to

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
		if m.startWhenPlanned && !m.planning && m.state == quizStart {
			m.startWhenPlanned = false
			m, cmd = m.startSession() // falls through: the asking keys must be synced too
		}
	case quizSavedMsg:
		m, cmd = m.applySaved(msg)
	case quizSummaryMsg:
		m.summary, m.summaryErr, m.summaryReady = msg.stats, msg.err, true
	case quizCourseSavedMsg:
		if msg.err != nil {
			m.planErr = msg.err
		}
	case quizReportMsg:
		m.report, m.reportErr, m.reportReady = msg.report, msg.err, true
	case tea.KeyPressMsg:
		m, cmd = m.handleKey(msg)
	case tea.MouseWheelMsg:
		m = m.wheel(msg)
	default:
		if m.state == quizAsking && m.input.Focused() {
			m.input, cmd = m.input.Update(msg)
		}
	}
	m.syncKeys()
	return m, cmd
}

// changeSetting moves the selected setting and plans again for it.
func (m quizModel) changeSetting(delta int) (quizModel, tea.Cmd) {
	switch m.setting {
	case settingMode:
		modes := quiz.Modes()
		m.settings.Mode = modes[cycle(slices.Index(modes, m.settings.Mode), delta, len(modes))]
	case settingCategory:
		m.settings.Category = nextCategory(m.g, m.settings.Category, delta)
	case settingLength:
		m.settings.Length = nextLength(m.settings.Length, delta)
	case settingStudy:
		studies := quiz.Studies()
		m.settings.Study = studies[cycle(slices.Index(studies, m.settings.Study), delta, len(studies))]
	case settingNewPerDay:
		// A daily count chosen by hand replaces a course end date.
		m.course.NewPerDay = nextNewPerDay(m.pace.NewPerDay, delta)
		m.course.By = time.Time{}
		return m.changeCourse()
	case settingEndDate:
		m.course.By = nextEndDate(m.course.By, m.clock(), delta)
		return m.changeCourse()
	case settingRetention:
		m.course.Retention = nextRetention(m.course.Retention, delta)
		return m.changeCourse()
	}
	return m.replan()
}

// changeCourse saves the course as the start panel changed it and plans
// again; the plan reads the course once the save is done.
func (m quizModel) changeCourse() (quizModel, tea.Cmd) {
	save := m.saveCourseCmd()
	m, plan := m.replan()
	return m, tea.Batch(save, plan)
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
	m.startWhenPlanned = false // the settings changed: wait for a new enter
	return m, m.planCmd()
}

func (m quizModel) applyPlan(msg quizPlannedMsg) quizModel {
	if msg.seq != m.seq {
		return m // settings changed while planning; a newer plan is coming
	}
	m.planning = false
	m.plan, m.stats, m.planErr = msg.session, msg.stats, msg.err
	m.course, m.pace = msg.course, msg.pace
	return m
}

func (m quizModel) startSession() (quizModel, tea.Cmd) {
	switch {
	case m.planning:
		m.notice = "Starting as soon as your progress is read…"
		m.startWhenPlanned = true
		return m, nil
	case m.planErr != nil || m.plan == nil:
		return m, nil
	}
	if _, total := m.plan.Progress(); total == 0 {
		m.notice = "There are no terms in this selection. Choose another category or mode."
		return m, nil
	}
	m.session, m.plan = m.plan, nil
	m.log, m.missed, m.cursor, m.summaryReady = nil, nil, 0, false
	m.started = m.clock()
	m.done, m.total = m.session.Progress()
	m.counts[0], m.counts[1], m.counts[2] = m.session.Counts()
	return m.nextQuestion()
}

// nextQuestion asks about the session's next term, or ends the session.
// A term never met comes as a flashcard or multiple choice first.
func (m quizModel) nextQuestion() (quizModel, tea.Cmd) {
	term, ok := m.session.Next()
	if !ok {
		return m.endSession()
	}
	m.q, m.intro = m.gen.Pick(term, m.settings.Mode.Kinds(), m.session.Met)
	m.q = printableQuestion(m.q)
	m.state, m.flipped, m.verdict, m.saveErr, m.chosen = quizAsking, false, quiz.Verdict{}, nil, -1
	m.hint, m.scroll = "", 0
	m.asked = m.clock()
	m.input.Reset()
	if m.q.Typed() {
		return m, m.input.Focus()
	}
	m.input.Blur()
	return m, nil
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
	m.state, m.scroll, m.hint = quizAnswered, 0, ""
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
	if m.intro && m.rating.Correct() {
		// Met as a flashcard: now ask it the mode's way.
		m.session.FollowUp(m.q.Term)
	}
	m.done, m.total = m.session.Progress()
	m.counts[0], m.counts[1], m.counts[2] = m.session.Counts()
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
	m.cursor, m.scroll = 0, 0
	return m, m.summaryCmd()
}

// showProgress opens the Progress view and reads its figures.
func (m quizModel) showProgress() (quizModel, tea.Cmd) {
	m.from, m.state = m.state, quizProgress
	m.reportReady, m.weakCursor, m.scroll = false, 0, 0
	return m, m.reportCmd()
}

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

// setSize lays the screen out for width×height cells; a typed answer in
// progress survives.
func (m quizModel) setSize(width, height int) quizModel {
	m.width, m.height = width, height
	m.input.SetWidth(max(1, m.innerWidth()-lipgloss.Width(m.input.Prompt)-2))
	m.bar.SetWidth(max(0, min(m.innerWidth()-2, 60)))
	return m
}

// unsaved describes an answer whose save failed and was not retried.
func (m quizModel) unsaved() error {
	if m.saveErr == nil {
		return nil
	}
	return fmt.Errorf("your answer about %q was not saved: %w", m.q.Term, m.saveErr)
}

// printableQuestion is q with the text a learner reads made Printable:
// it comes from glossary data, which may come from a pack.
func printableQuestion(q quiz.Question) quiz.Question {
	q.Prompt, q.Answer, q.Back = glossary.Printable(q.Prompt), glossary.Printable(q.Answer), glossary.Printable(q.Back)
	options := make([]string, len(q.Options))
	for i, o := range q.Options {
		options[i] = glossary.Printable(o)
	}
	q.Options = options
	return q
}
