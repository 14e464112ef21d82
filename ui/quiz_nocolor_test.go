package ui

import (
	"strconv"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/crm101/crm101/quiz"
)

// On a terminal that shows no colour or attributes (NO_COLOR, TERM=dumb)
// Test Yourself's state still reads, in text: the selected setting row
// (a bar and ‹ ›), the option the learner picked ("You chose 2.") and
// the selected weak term (›). Each runs the app as a program with the
// NoTTY profile at 80×24.

// quizProgram is the quiz app of quizApp, run as a NoTTY program.
func quizProgram(t *testing.T, st *quiz.Store, settings QuizSettings) *teatest.TestModel {
	t.Helper()
	m := newTestModel(t, Options{Store: st, Start: QuizScreen, Seed: 7, Clock: newClock().Now, Quiz: settings})
	return startProgramWithProfile(t, m, 80, 24, colorprofile.NoTTY)
}

func finalView(t *testing.T, tm *teatest.TestModel) string {
	t.Helper()
	tm.Send(ctrl('c'))
	return plain(tm.FinalModel(t, teatest.WithFinalTimeout(3*time.Second)))
}

func TestQuizGoldenNoAttributesStart80x24(t *testing.T) {
	tm := quizProgram(t, openTestStore(t), QuizSettings{})
	screen := newTermScreen(80, 24)
	screen.waitFor(t, tm, "Test Yourself", "│ Mode      ‹ Mixed ›")
	tm.Send(press(tea.KeyDown))
	screen.waitFor(t, tm, "│ Category  ‹ All categories ›")
	requireGolden(t, finalView(t, tm))
}

func TestQuizGoldenNoAttributesPicked80x24(t *testing.T) {
	// The same seed, store and clock ask the same first question: find
	// its answer, then pick another option in the program.
	probe, _, _ := quizApp(t, QuizSettings{Mode: quiz.ChoiceMode}, 80, 24)
	q := quizOf(send(t, probe, press(tea.KeyEnter))).q
	if len(q.Options) == 0 {
		t.Fatalf("first question has no options: %+v", q)
	}
	wrong := (q.AnswerIndex+1)%len(q.Options) + 1

	tm := quizProgram(t, openTestStore(t), QuizSettings{Mode: quiz.ChoiceMode})
	screen := newTermScreen(80, 24)
	screen.waitFor(t, tm, "Test Yourself", "this session:")
	tm.Send(press(tea.KeyEnter))
	screen.waitFor(t, tm, "Question 1 of")
	tm.Send(keys(strconv.Itoa(wrong))[0])
	screen.waitFor(t, tm, "You chose "+strconv.Itoa(wrong)+".", "✗ Not quite")
	requireGolden(t, finalView(t, tm))
}

func TestQuizGoldenNoAttributesWeak80x24(t *testing.T) {
	st := openTestStore(t)
	clk := newClock()
	recordStudyDays(t, st, clk, testGlossary(t))
	tm := quizProgram(t, st, QuizSettings{})
	screen := newTermScreen(80, 24)
	screen.waitFor(t, tm, "Test Yourself", "this session:")
	tm.Send(keys("p")[0])
	screen.waitFor(t, tm, "Weakest terms (o opens one in Browse)", "› ")
	tm.Send(press(tea.KeyDown))
	requireGolden(t, finalView(t, tm))
}
