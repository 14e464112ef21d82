package ui

import (
	"errors"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/crm101/crm101/glossary"
	"github.com/crm101/crm101/quiz"
)

// testClock is the quiz's injected clock; tests move it by hand.
type testClock struct{ now time.Time }

func (c *testClock) Now() time.Time { return c.now }

func newClock() *testClock {
	return &testClock{now: time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)}
}

func openTestStore(t testing.TB) *quiz.Store {
	t.Helper()
	st, err := quiz.OpenStore(filepath.Join(t.TempDir(), "progress.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() }) // a test may have closed it already
	return st
}

// quizApp is the app opened on Test Yourself with a fresh store, sized
// and with its first plan read.
func quizApp(t testing.TB, settings QuizSettings, w, h int) (tea.Model, *quiz.Store, *testClock) {
	t.Helper()
	st := openTestStore(t)
	clk := newClock()
	m := newTestModel(t, Options{Store: st, Start: QuizScreen, Seed: 7, Clock: clk.Now, Quiz: settings})
	tm := send(t, m, size(w, h))
	return drain(tm, tm.Init(), 3), st, clk
}

func quizOf(m tea.Model) quizModel { return m.(Model).quiz }

// ask replaces the current question with one of kind about the same
// term, so each kind can be tested without hunting for it.
func ask(t *testing.T, m tea.Model, kind quiz.Kind) tea.Model {
	t.Helper()
	root := m.(Model)
	q, err := root.quiz.gen.For(root.quiz.q.Term, kind)
	if err != nil {
		t.Fatalf("%s question about %s: %v", kind, root.quiz.q.Term, err)
	}
	root.quiz.q, root.quiz.intro = q, false
	if q.Typed() {
		root.quiz.input.Focus()
	} else {
		root.quiz.input.Blur()
	}
	root.quiz.syncKeys()
	return root
}

func stats(t *testing.T, st *quiz.Store, g *glossary.Glossary) quiz.Stats {
	t.Helper()
	var terms []string
	for _, e := range g.Entries() {
		terms = append(terms, e.Term)
	}
	s, err := st.Stats(newClock().now, terms)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func requireState(t *testing.T, m tea.Model, want quizState) quizModel {
	t.Helper()
	q := quizOf(m)
	if q.state != want {
		t.Fatalf("state %d, want %d\n%s", q.state, want, plain(m))
	}
	return q
}

func TestQuizStartPanelShowsPlanAndTotals(t *testing.T) {
	tm, _, _ := quizApp(t, QuizSettings{}, 80, 24)
	q := requireState(t, tm, quizStart)
	if due, fresh := q.plan.Planned(); due != 0 || fresh != 6 {
		t.Fatalf("planned %d due, %d new; want 0 and 6", due, fresh)
	}
	if q.stats.Total != 6 || q.stats.New != 6 {
		t.Fatalf("stats %+v", q.stats)
	}
	view := plain(tm)
	for _, want := range []string{"Due now 0", "New today 6", "Mastered 0", "Mixed", "All categories", "20 questions", "enter start"} {
		if !strings.Contains(view, want) {
			t.Errorf("start panel lacks %q:\n%s", want, view)
		}
	}
}

func TestQuizSettingsChangeAndReplan(t *testing.T) {
	tm, _, _ := quizApp(t, QuizSettings{}, 80, 24)
	tm = send(t, tm, press(tea.KeyDown), press(tea.KeyRight)) // category: Sales
	q := quizOf(tm)
	if q.settings.Category != glossary.Sales || q.stats.Total != 2 {
		t.Fatalf("category %q, %d terms; want Sales with 2", q.settings.Category, q.stats.Total)
	}
	tm = send(t, tm, press(tea.KeyDown), press(tea.KeyLeft), press(tea.KeyLeft)) // length 20 → 15 → 10
	if l := quizOf(tm).settings.Length; l != 10 {
		t.Fatalf("length %d, want 10", l)
	}
	tm = send(t, tm, press(tea.KeyDown), press(tea.KeyRight)) // study: scheduled → practise
	if st := quizOf(tm).settings.Study; st != quiz.Practise {
		t.Fatalf("study %v, want practise", st)
	}
	tm = send(t, tm, press(tea.KeyDown), press(tea.KeyDown), press(tea.KeyDown), press(tea.KeyDown), press(tea.KeyLeft)) // wraps to the mode row: mixed → compare
	if mode := quizOf(tm).settings.Mode; mode != quiz.CompareMode {
		t.Fatalf("mode %v, want compare", mode)
	}
	tm = send(t, tm, press(tea.KeyRight), press(tea.KeyRight)) // → mixed → flashcards
	if mode := quizOf(tm).settings.Mode; mode != quiz.FlashcardMode {
		t.Fatalf("mode %v, want flashcards", mode)
	}
}

// The course end date (--by) and the desired retention are shown and
// changed on the start panel, and saved as --by and --retention save
// them; stepping the date back past today clears it, as --by off does.
func TestQuizStartPanelChangesEndDateAndRetention(t *testing.T) {
	tm, st, _ := quizApp(t, QuizSettings{}, 80, 24)
	if v := plain(tm); !strings.Contains(v, "Finish by no end date") || !strings.Contains(v, "Retention 90% recalled when due") {
		t.Fatalf("start panel:\n%s", v)
	}
	down := func(n int) []tea.Msg {
		var msgs []tea.Msg
		for range n {
			msgs = append(msgs, press(tea.KeyDown))
		}
		return msgs
	}
	tm = send(t, tm, down(settingEndDate)...)
	tm = send(t, tm, press(tea.KeyRight), press(tea.KeyRight)) // none → in a week → in two
	week2 := time.Date(2026, 12, 9, 0, 0, 0, 0, time.Local)
	c, err := st.Course()
	if err != nil || !c.By.Equal(week2) {
		t.Fatalf("saved end date %v (%v), want %v", c.By, err, week2)
	}
	q := quizOf(tm)
	if v := plain(tm); !strings.Contains(v, "every term by Wed 9 Dec 2026") || !strings.Contains(v, "set by the end date") {
		t.Fatalf("end date not shown:\n%s", v)
	}
	if q.pace.NewPerDay != 1 { // 6 terms over 15 days
		t.Fatalf("new per day %d with an end date in two weeks", q.pace.NewPerDay)
	}
	tm = send(t, tm, press(tea.KeyLeft), press(tea.KeyLeft)) // → in a week → cleared
	if c, _ := st.Course(); !c.By.IsZero() || !strings.Contains(plain(tm), "Finish by ‹ no end date ›") {
		t.Fatalf("end date not cleared: %v\n%s", c.By, plain(tm))
	}
	tm = send(t, tm, press(tea.KeyDown), press(tea.KeyRight), press(tea.KeyRight)) // retention 0.90 → 0.93 → 0.95
	if c, _ := st.Course(); c.Retention != 0.95 || !strings.Contains(plain(tm), "Retention ‹ 95% recalled") {
		t.Fatalf("retention %v:\n%s", c.Retention, plain(tm))
	}
	tm = send(t, tm, press(tea.KeyRight), press(tea.KeyRight)) // 0.97 → wraps to 0.80
	if c, _ := st.Course(); c.Retention != 0.80 {
		t.Fatalf("retention %v, want 0.80", c.Retention)
	}
}

// A plan answered after the settings changed again must not win.
func TestQuizDropsStalePlans(t *testing.T) {
	tm, _, _ := quizApp(t, QuizSettings{}, 80, 24)
	q := quizOf(tm)
	stale := q.planCmd()
	q, fresh := q.changeSetting(1) // flashcards
	q, _ = q.Update(fresh())
	q, _ = q.Update(stale())
	if q.seq == 0 || q.plan == nil || q.settings.Mode != quiz.FlashcardMode {
		t.Fatalf("seq %d, mode %v", q.seq, q.settings.Mode)
	}
	if _, total := q.plan.Progress(); total != 6 {
		t.Fatalf("plan of %d cards", total)
	}
}

func TestQuizFlashcardFlipGradeAndAdvance(t *testing.T) {
	tm, st, _ := quizApp(t, QuizSettings{Mode: quiz.FlashcardMode}, 80, 24)
	tm = send(t, tm, press(tea.KeyEnter))
	q := requireState(t, tm, quizAsking)
	if q.q.Kind != quiz.Flashcard {
		t.Fatalf("kind %s", q.q.Kind)
	}
	e, _ := q.g.Lookup(q.q.Term)
	if strings.Contains(plain(tm), e.Definition[:30]) {
		t.Fatal("definition shown before the flip")
	}
	if tm = send(t, tm, keys("3")...); quizOf(tm).done != 0 {
		t.Fatal("a grade before the flip was taken")
	}
	tm = send(t, tm, keys(" ")...)
	if !strings.Contains(plain(tm), e.Definition[:30]) || !strings.Contains(plain(tm), "again/hard/good/easy") {
		t.Fatalf("flip shows no definition or grades:\n%s", plain(tm))
	}
	tm = send(t, tm, keys("2")...) // hard
	q = requireState(t, tm, quizAsking)
	if q.done != 1 || q.q.Term == e.Term || q.flipped {
		t.Fatalf("after grading: done %d, term %s, flipped %v", q.done, q.q.Term, q.flipped)
	}
	card, ok, err := st.Card(e.Term)
	if err != nil || !ok || card.Reps != 1 {
		t.Fatalf("card %+v, %v, %v", card, ok, err)
	}
	if s := stats(t, st, q.g); s.Reviews != 1 || s.Correct != 1 {
		t.Fatalf("stats after one Hard: %+v", s)
	}
}

func TestQuizChoiceRightIsGoodWrongComesBack(t *testing.T) {
	tm, st, clk := quizApp(t, QuizSettings{Mode: quiz.ChoiceMode}, 80, 24)
	tm = send(t, tm, press(tea.KeyEnter))
	for _, kind := range []quiz.Kind{quiz.Choice, quiz.ReverseChoice} {
		tm = ask(t, tm, kind)
		q := requireState(t, tm, quizAsking)
		tm = send(t, tm, keys(strconv.Itoa(q.q.AnswerIndex+1))...)
		q = requireState(t, tm, quizAnswered)
		if !q.verdict.Correct || q.rating != quiz.Good {
			t.Fatalf("%s right answer: %+v rated %s, want good (choice is never easy)", kind, q.verdict, q.rating)
		}
		if !strings.Contains(plain(tm), "✓ Correct") || !strings.Contains(plain(tm), "enter next") {
			t.Fatalf("no verdict:\n%s", plain(tm))
		}
		tm = send(t, tm, press(tea.KeyEnter))
	}
	tm = ask(t, tm, quiz.Choice)
	q := quizOf(tm)
	missed, total := q.q.Term, q.total
	wrong := (q.q.AnswerIndex+1)%len(q.q.Options) + 1
	clk.now = clk.now.Add(time.Minute)
	tm = send(t, tm, keys(strconv.Itoa(wrong))...)
	q = requireState(t, tm, quizAnswered)
	if q.verdict.Correct || q.rating != quiz.Again || q.total != total+1 {
		t.Fatalf("wrong answer: %+v rated %s, total %d→%d", q.verdict, q.rating, total, q.total)
	}
	view := plain(tm)
	if !strings.Contains(view, "✗ Not quite") || !strings.Contains(view, q.q.Back[:20]) {
		t.Fatalf("wrong answer view lacks verdict or explanation:\n%s", view)
	}
	if s := stats(t, st, q.g); s.Reviews != 3 || s.Correct != 2 {
		t.Fatalf("stats %+v", s)
	}
	if got := q.session.Missed(); len(got) != 1 || got[0] != missed {
		t.Fatalf("missed %v", got)
	}
	// Keys beyond the options do nothing.
	tm = send(t, tm, press(tea.KeyEnter))
	tm = ask(t, tm, quiz.Choice)
	if tm = send(t, tm, keys("5")...); quizOf(tm).state != quizAsking {
		t.Fatal("key 5 answered a four-option question")
	}
}

func TestQuizTypedAnswers(t *testing.T) {
	tm, _, clk := quizApp(t, QuizSettings{Mode: quiz.TypedMode, Category: glossary.Metrics}, 80, 24)
	tm = send(t, tm, press(tea.KeyEnter))

	// Acronym questions name the acronym; tab gives up.
	for i := 0; !quizOf(tm).gen.Fits(quizOf(tm).q.Term, quiz.Acronym); i++ {
		if i == 3 {
			t.Fatal("no term with an acronym came up")
		}
		requireState(t, tm, quizAsking)
		tm = send(t, tm, press(tea.KeyTab), press(tea.KeyEnter))
	}
	tm = ask(t, tm, quiz.Acronym)
	if !strings.Contains(plain(tm), "stand for?") {
		t.Fatalf("acronym prompt:\n%s", plain(tm))
	}
	tm = send(t, tm, press(tea.KeyTab))
	if q := requireState(t, tm, quizAnswered); q.verdict.Correct || q.rating != quiz.Again {
		t.Fatalf("giving up: %+v rated %s", q.verdict, q.rating)
	}
	tm = send(t, tm, press(tea.KeyEnter))

	// Fast and right: easy.
	tm = ask(t, tm, quiz.Typed)
	term := quizOf(tm).q.Term
	tm = send(t, tm, press(tea.KeyEnter))
	requireState(t, tm, quizAsking) // an empty enter is ignored
	tm = send(t, tm, keys(strings.ToUpper(term))...)
	tm = send(t, tm, press(tea.KeyEnter))
	if q := requireState(t, tm, quizAnswered); !q.verdict.Correct || q.rating != quiz.Easy {
		t.Fatalf("fast right typed answer: %+v rated %s", q.verdict, q.rating)
	}
	tm = send(t, tm, press(tea.KeyEnter))

	// One letter short in a long word, slowly: accepted with a note, hard.
	tm = ask(t, tm, quiz.Typed)
	term = quizOf(tm).q.Term
	clk.now = clk.now.Add(30 * time.Second)
	tm = send(t, tm, keys(term[:len(term)-2]+term[len(term)-1:])...)
	tm = send(t, tm, press(tea.KeyEnter))
	q := requireState(t, tm, quizAnswered)
	if !q.verdict.Correct || !q.verdict.Typo || q.rating != quiz.Hard {
		t.Fatalf("typo answer: %+v rated %s", q.verdict, q.rating)
	}
	if !strings.Contains(plain(tm), "watch the spelling") {
		t.Fatalf("no spelling note:\n%s", plain(tm))
	}
}

func TestQuizResizeKeepsTypedAnswer(t *testing.T) {
	tm, _, _ := quizApp(t, QuizSettings{Mode: quiz.TypedMode}, 80, 24)
	tm = send(t, tm, press(tea.KeyEnter))
	tm = ask(t, tm, quiz.Typed)
	tm = send(t, tm, keys("chur")...)
	tm = send(t, tm, size(40, 12), size(20, 6), size(120, 40))
	q := requireState(t, tm, quizAsking)
	if q.input.Value() != "chur" || !q.input.Focused() {
		t.Fatalf("typed answer %q (focused %v) after resizes", q.input.Value(), q.input.Focused())
	}
	if !strings.Contains(plain(tm), "› chur") {
		t.Fatalf("typed answer not on screen:\n%s", plain(tm))
	}
}

func TestQuizOpensTermInBrowseAndComesBack(t *testing.T) {
	tm, _, _ := quizApp(t, QuizSettings{Mode: quiz.ChoiceMode}, 100, 30)
	tm = send(t, tm, press(tea.KeyEnter))
	tm = send(t, tm, keys(strconv.Itoa(quizOf(tm).q.AnswerIndex+1))...)
	before := requireState(t, tm, quizAnswered)
	tm = send(t, tm, keys("o")...)
	if a := tm.(Model).active; a != BrowseScreen {
		t.Fatalf("o showed %v", a)
	}
	if got := openEntry(t, browseOf(tm)); got != before.q.Term {
		t.Fatalf("Browse opened %q, want %q", got, before.q.Term)
	}
	tm = send(t, tm, tea.KeyPressMsg{Code: tea.KeyLeft, Mod: tea.ModAlt})
	if a := tm.(Model).active; a != QuizScreen {
		t.Fatalf("back went to %v", a)
	}
	after := requireState(t, tm, quizAnswered)
	if after.q.Term != before.q.Term || after.done != before.done || after.verdict != before.verdict {
		t.Fatalf("quiz changed while away: %+v vs %+v", after.q.Term, before.q.Term)
	}
}

func TestQuizEndMidSessionKeepsAnswersAndSummarises(t *testing.T) {
	tm, st, clk := quizApp(t, QuizSettings{Mode: quiz.ChoiceMode}, 80, 24)
	tm = send(t, tm, press(tea.KeyEnter))
	q := quizOf(tm)
	tm = send(t, tm, keys(strconv.Itoa(q.q.AnswerIndex+1))...) // right
	tm = send(t, tm, press(tea.KeyEnter))
	q = quizOf(tm)
	missed := q.q.Term
	tm = send(t, tm, keys(strconv.Itoa((q.q.AnswerIndex+1)%4+1))...) // wrong
	clk.now = clk.now.Add(95 * time.Second)
	tm = send(t, tm, press(tea.KeyEsc))
	q = requireState(t, tm, quizSummary)
	if len(q.missed) != 1 || q.missed[0] != missed || !q.summaryReady {
		t.Fatalf("summary: missed %v, ready %v", q.missed, q.summaryReady)
	}
	view := plain(tm)
	for _, want := range []string{"Session complete", "1 of 2 answers right (50%)", "1m 35s", missed, "streak 1 day", "2 learning"} {
		if !strings.Contains(view, want) {
			t.Errorf("summary lacks %q:\n%s", want, view)
		}
	}
	if s := stats(t, st, q.g); s.Reviews != 2 || s.Learning != 2 {
		t.Fatalf("stats %+v", s)
	}
	tm = send(t, tm, keys("o")...)
	if got := openEntry(t, browseOf(tm)); got != missed {
		t.Fatalf("o on the summary opened %q", got)
	}
	tm = send(t, tm, tea.KeyPressMsg{Code: tea.KeyLeft, Mod: tea.ModAlt}, press(tea.KeyEnter))
	q = requireState(t, tm, quizStart)
	if q.stats.Learning != 2 || q.stats.New != 4 {
		t.Fatalf("start panel after the session: %+v", q.stats)
	}
}

func TestQuizEscWithNothingAnsweredReturnsToStart(t *testing.T) {
	tm, _, _ := quizApp(t, QuizSettings{}, 80, 24)
	tm = send(t, tm, press(tea.KeyEnter), press(tea.KeyEsc))
	requireState(t, tm, quizStart)
}

// With nothing due and today's new terms done, the start panel still
// offers a session, and says plainly that it is extra practice.
func TestQuizNeverADeadEnd(t *testing.T) {
	tm, _, _ := quizApp(t, QuizSettings{Mode: quiz.FlashcardMode, Category: glossary.Marketing}, 80, 24)
	tm = send(t, tm, press(tea.KeyEnter), keys(" ")[0], keys("4")[0]) // the only Marketing term, easy
	requireState(t, tm, quizSummary)
	tm = send(t, tm, press(tea.KeyEnter))
	q := requireState(t, tm, quizStart)
	view := strings.Join(strings.Fields(plain(tm)), " ")
	if !q.plan.FellBack() || !strings.Contains(view, "extra practice") || !strings.Contains(view, "this session: 1 question") {
		t.Fatalf("no practice offered:\n%s", plain(tm))
	}
	tm = send(t, tm, press(tea.KeyEnter))
	requireState(t, tm, quizAsking)
}

// A store failure is shown, blocks moving on, and is reported at exit.
func TestQuizSaveErrorIsShownAndReported(t *testing.T) {
	tm, st, _ := quizApp(t, QuizSettings{Mode: quiz.ChoiceMode}, 80, 24)
	tm = send(t, tm, press(tea.KeyEnter))
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	tm = send(t, tm, keys("1")...)
	q := requireState(t, tm, quizAnswered)
	if q.saveErr == nil || !strings.Contains(plain(tm), "Not saved") || !strings.Contains(plain(tm), "r retry saving") {
		t.Fatalf("no save error on screen:\n%s", plain(tm))
	}
	if tm = send(t, tm, press(tea.KeyEnter)); quizOf(tm).state != quizAnswered {
		t.Fatal("enter moved past an unsaved answer")
	}
	tm = send(t, tm, keys("r")...)
	if quizOf(tm).saveErr == nil {
		t.Fatal("retry on a closed store succeeded")
	}
	err := tm.(Model).FinishSaving()
	if err == nil || !strings.Contains(err.Error(), q.q.Term) {
		t.Fatalf("FinishSaving: %v", err)
	}
}

// Quitting before Bubble Tea ran the save command still saves.
func TestQuizFinishSavingSavesPendingAnswer(t *testing.T) {
	tm, st, _ := quizApp(t, QuizSettings{Mode: quiz.FlashcardMode}, 80, 24)
	tm = send(t, tm, press(tea.KeyEnter), keys(" ")[0])
	term := quizOf(tm).q.Term
	tm, _ = tm.Update(keys("3")[0]) // the save command is never run
	if err := tm.(Model).FinishSaving(); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := st.Card(term); !ok || err != nil {
		t.Fatalf("answer about %s not saved: %v", term, err)
	}
	if err := tm.(Model).FinishSaving(); err != nil {
		t.Fatalf("second flush: %v", err)
	}
	if s := stats(t, st, quizOf(tm).g); s.Reviews != 1 {
		t.Fatalf("%d reviews, want exactly 1", s.Reviews)
	}
}

func TestQuizSaveTrackerRunsEachJobOnce(t *testing.T) {
	var tr saveTracker
	runs := 0
	boom := errors.New("boom")
	j := tr.start(func() error { runs++; return boom })
	if err := tr.flush(); !errors.Is(err, boom) {
		t.Fatalf("flush: %v", err)
	}
	if err := tr.finish(j); !errors.Is(err, boom) || runs != 1 {
		t.Fatalf("finish after flush: %v, %d runs", err, runs)
	}
	if err := tr.flush(); err != nil {
		t.Fatalf("nothing pending, got %v", err)
	}
}

func TestQuizNeverOverflowsTheTerminal(t *testing.T) {
	sizes := [][2]int{{20, 6}, {80, 24}, {120, 40}, {1, 1}, {30, 3}, {40, 12}}
	for _, sz := range sizes {
		tm, _, _ := quizApp(t, QuizSettings{Mode: quiz.ChoiceMode}, sz[0], sz[1])
		views := []string{plain(tm)}
		tm = send(t, tm, press(tea.KeyEnter))
		views = append(views, plain(tm))
		tm = send(t, tm, keys("1")...)
		views = append(views, plain(tm))
		tm = send(t, tm, press(tea.KeyEsc))
		views = append(views, plain(tm))
		for k, view := range views {
			lines := strings.Split(view, "\n")
			if len(lines) > sz[1] {
				t.Errorf("%dx%d view %d: %d lines", sz[0], sz[1], k, len(lines))
			}
			for i, l := range lines {
				if w := lipglossWidth(l); w > sz[0] {
					t.Errorf("%dx%d view %d: line %d is %d wide: %q", sz[0], sz[1], k, i, w, l)
				}
			}
		}
	}
}

// Modes are parsed and tested in quiz (TestModeTable).
func TestQuizCategoriesParse(t *testing.T) {
	if c, err := ParseCategory(nil, "customer experience"); err != nil || c != glossary.CustomerExperience {
		t.Errorf("ParseCategory: %q, %v", c, err)
	}
	if c, err := ParseCategory(nil, "all"); err != nil || c != "" {
		t.Errorf("ParseCategory(all): %q, %v", c, err)
	}
	if _, err := ParseCategory(nil, "finance"); err == nil {
		t.Error("unknown category accepted")
	}
}

// advanceTo answers (wrongly, if need be) until the current term fits
// kind, then asks a question of that kind about it.
func advanceTo(t *testing.T, tm tea.Model, kind quiz.Kind) tea.Model {
	t.Helper()
	for i := 0; !quizOf(tm).gen.Fits(quizOf(tm).q.Term, kind); i++ {
		q := requireState(t, tm, quizAsking)
		if i == 10 {
			t.Fatalf("no term fitting %s came up", kind)
		}
		switch {
		case q.q.Kind == quiz.Flashcard:
			tm = send(t, tm, keys(" ")[0], keys("1")[0])
			continue
		case len(q.q.Options) > 0:
			tm = send(t, tm, keys("1")...)
		default:
			tm = send(t, tm, press(tea.KeyTab))
		}
		tm = send(t, tm, press(tea.KeyEnter))
	}
	return ask(t, tm, kind)
}

func TestQuizMetricProblemShowsWorkedFormula(t *testing.T) {
	tm, _, clk := quizApp(t, QuizSettings{Mode: quiz.MetricMode}, 80, 24)
	if total := quizOf(tm).stats.Total; total != 3 {
		t.Fatalf("%d metric terms in the test glossary, want CAC, CLV and churn", total)
	}
	tm = send(t, tm, press(tea.KeyEnter))
	// A term never met is first shown as a flashcard…
	q := requireState(t, tm, quizAsking)
	if q.q.Kind != quiz.Flashcard || !q.intro || !strings.Contains(plain(tm), "first look") {
		t.Fatalf("metric mode asked a new term as %s (intro %v)", q.q.Kind, q.intro)
	}
	// …and comes back as a metric problem once recalled.
	for quizOf(tm).q.Kind == quiz.Flashcard {
		tm = send(t, tm, keys(" ")[0], keys("3")[0])
	}
	q = requireState(t, tm, quizAsking)
	if q.q.Kind != quiz.Metric || q.q.Numeric == nil || !q.input.Focused() {
		t.Fatalf("metric mode asked %s (numeric %v)", q.q.Kind, q.q.Numeric)
	}
	clk.now = clk.now.Add(20 * time.Second)
	tm = send(t, tm, keys(q.q.Answer)...)
	tm = send(t, tm, press(tea.KeyEnter))
	if a := requireState(t, tm, quizAnswered); !a.verdict.Correct || a.rating != quiz.Good {
		t.Fatalf("right value %q: %+v rated %s", q.q.Answer, a.verdict, a.rating)
	}
	tm = send(t, tm, press(tea.KeyEnter))
	q = requireState(t, tm, quizAsking)
	tm = send(t, tm, keys("1")...)
	tm = send(t, tm, press(tea.KeyEnter))
	a := requireState(t, tm, quizAnswered)
	if a.verdict.Correct || a.rating != quiz.Again {
		t.Fatalf("wrong value: %+v rated %s", a.verdict, a.rating)
	}
	if first := strings.SplitN(q.q.Back, "\n", 2)[0]; !strings.Contains(plain(tm), first[:min(30, len(first))]) {
		t.Fatalf("no worked formula on screen:\n%s", plain(tm))
	}
}

func TestQuizArticleQuestion(t *testing.T) {
	tm, st, _ := quizApp(t, QuizSettings{}, 80, 24)
	tm = send(t, tm, press(tea.KeyEnter))
	tm = advanceTo(t, tm, quiz.Article)
	q := quizOf(tm)
	before := stats(t, st, q.g).Reviews
	if len(q.q.Options) > 0 {
		tm = send(t, tm, keys(strconv.Itoa(q.q.AnswerIndex+1))...)
	} else {
		tm = send(t, tm, keys(q.q.Answer)...)
		tm = send(t, tm, press(tea.KeyEnter))
	}
	if a := requireState(t, tm, quizAnswered); !a.verdict.Correct {
		t.Fatalf("article question %q answered %q: %+v", q.q.Prompt, q.q.Answer, a.verdict)
	}
	if after := stats(t, st, q.g).Reviews; after != before+1 {
		t.Fatalf("reviews %d → %d", before, after)
	}
}
