package ui

import (
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/crm101/crm101/glossary"
	"github.com/crm101/crm101/quiz"
)

// Issue 14: at 40×12 a typed question keeps its answer line and a
// flipped flashcard its grade line; the prompt scrolls instead.
func TestQuizGoldenTyped40x12(t *testing.T) {
	tm, _, _ := quizApp(t, QuizSettings{Mode: quiz.TypedMode}, 40, 12)
	tm = send(t, tm, press(tea.KeyEnter))
	tm = send(t, ask(t, tm, quiz.Typed), keys("pipe")...)
	view := plain(tm)
	if !strings.Contains(view, "› pipe") {
		t.Fatalf("answer line hidden at 40×12:\n%s", view)
	}
	requireGolden(t, view)
}

func TestQuizGoldenFlipped40x12(t *testing.T) {
	tm, _, _ := quizApp(t, QuizSettings{Mode: quiz.FlashcardMode}, 40, 12)
	tm = send(t, tm, press(tea.KeyEnter), press(tea.KeyEnter)) // enter flips too
	view := plain(tm)
	if !strings.Contains(view, "How well did you recall it?") || !strings.Contains(view, "↓ more") {
		t.Fatalf("grade line or scroll marker missing at 40×12:\n%s", view)
	}
	requireGolden(t, view)
	// The back scrolls; the grade line stays.
	tm = send(t, tm, tea.KeyPressMsg{Code: tea.KeyPgDown})
	if view := plain(tm); !strings.Contains(view, "↑ more") || !strings.Contains(view, "How well did you recall it?") {
		t.Fatalf("after pgdn:\n%s", view)
	}
}

func TestQuizGoldenChoice20x6(t *testing.T) {
	tm, _, _ := quizApp(t, QuizSettings{Mode: quiz.ChoiceMode}, 20, 6)
	tm = send(t, tm, press(tea.KeyEnter))
	requireGolden(t, plain(ask(t, tm, quiz.Choice)))
}

// At 200×60 quiz text keeps to about 100 columns.
func TestQuizReadingWidthIsCapped(t *testing.T) {
	tm, _, _ := quizApp(t, QuizSettings{Mode: quiz.TypedMode}, 200, 60)
	tm = send(t, tm, press(tea.KeyEnter))
	tm = ask(t, tm, quiz.Typed)
	for _, line := range strings.Split(plain(tm), "\n")[1:] { // the tab bar spans the screen
		if w := len([]rune(strings.TrimRight(line, " "))); w > readingWidth+2 && !strings.Contains(line, "more keys") {
			t.Fatalf("a %d-column line at 200×60: %q", w, line)
		}
	}
}

// q quits on the start panel, the summary and the Progress view, and
// help offers it only there; while typing it is a letter.
func TestQuizQQuitsWhereNothingIsTyped(t *testing.T) {
	tm, _, _ := quizApp(t, QuizSettings{Mode: quiz.TypedMode}, 80, 24)
	if !strings.Contains(plain(tm), "q quit") {
		t.Fatalf("start panel help lacks q quit:\n%s", plain(tm))
	}
	if _, cmd := tm.Update(keys("q")[0]); cmd == nil || !isQuit(cmd()) {
		t.Fatal("q on the start panel does not quit")
	}
	tm = send(t, tm, press(tea.KeyEnter))
	tm = ask(t, tm, quiz.Typed)
	tm = send(t, tm, keys("q")...)
	if quizOf(tm).input.Value() != "q" || strings.Contains(plain(tm), "q quit") {
		t.Fatalf("q while typing: input %q\n%s", quizOf(tm).input.Value(), plain(tm))
	}
	tm = send(t, tm, press(tea.KeyEnter), press(tea.KeyEsc))
	requireState(t, tm, quizSummary)
	if _, cmd := tm.Update(keys("q")[0]); cmd == nil || !isQuit(cmd()) {
		t.Fatal("q on the summary does not quit")
	}
	tm = drain(tm, nil, 0)
	tm, cmd := tm.Update(keys("p")[0])
	tm = drain(tm, cmd, 3)
	requireState(t, tm, quizProgress)
	if _, cmd := tm.Update(keys("q")[0]); cmd == nil || !isQuit(cmd()) {
		t.Fatal("q on the Progress view does not quit")
	}
}

func isQuit(msg tea.Msg) bool { _, ok := msg.(tea.QuitMsg); return ok }

// A grade pressed before the flip shows a hint instead of vanishing.
func TestQuizGradeBeforeFlipHints(t *testing.T) {
	tm, _, _ := quizApp(t, QuizSettings{Mode: quiz.FlashcardMode}, 80, 24)
	tm = send(t, tm, press(tea.KeyEnter), keys("3")[0])
	q := requireState(t, tm, quizAsking)
	if q.done != 0 || q.flipped || !strings.Contains(plain(tm), "Flip the card first") {
		t.Fatalf("grade before flip: done %d flipped %v\n%s", q.done, q.flipped, plain(tm))
	}
}

func TestRoundedPercent(t *testing.T) {
	for _, c := range []struct {
		n, total int
		want     string
	}{{7, 9, "78%"}, {2, 3, "67%"}, {1, 3, "33%"}, {1, 8, "13%"}, {0, 0, "0%"}, {5, 5, "100%"}} {
		if got := roundedPercent(c.n, c.total); got != c.want {
			t.Errorf("roundedPercent(%d, %d) = %s, want %s", c.n, c.total, got, c.want)
		}
	}
}

// recordStudyDays answers every term of g on four days over the past
// nine, missing a third of them, so the Progress view has figures.
func recordStudyDays(t *testing.T, st *quiz.Store, clk *testClock, g *glossary.Glossary) {
	t.Helper()
	for d := 9; d >= 0; d -= 3 {
		at := clk.now.AddDate(0, 0, -d)
		for i, e := range g.Entries() {
			r := quiz.Good
			if (i+d)%3 == 0 {
				r = quiz.Again
			}
			if _, err := st.Record(quiz.Review{Term: e.Term, Kind: "choice", Rating: r, At: at.Add(time.Duration(i) * time.Minute)}); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// The Progress view at 80×24 and 120×40, after a few days of study.
func progressApp(t *testing.T, w, h int) tea.Model {
	t.Helper()
	tm, st, clk := quizApp(t, QuizSettings{}, w, h)
	recordStudyDays(t, st, clk, quizOf(tm).g)
	tm, cmd := tm.Update(keys("p")[0])
	return drain(tm, cmd, 3)
}

func TestProgressGolden80x24(t *testing.T) {
	tm := progressApp(t, 80, 24)
	q := requireState(t, tm, quizProgress)
	if len(q.report.Weakest) == 0 {
		t.Fatal("no weakest terms")
	}
	requireGolden(t, plain(tm))
	// The weakest terms open in Browse.
	tm = send(t, tm, press(tea.KeyDown), keys("o")[0])
	if got := openEntry(t, browseOf(tm)); got != q.report.Weakest[1].Term {
		t.Fatalf("o opened %q, want %q", got, q.report.Weakest[1].Term)
	}
}

func TestProgressGolden120x40(t *testing.T) {
	requireGolden(t, plain(progressApp(t, 120, 40)))
}

// The start panel at 40×12 and 20×6: every setting stays one line and
// the selected one stays in view, however far down it is.
func TestQuizGoldenStart40x12(t *testing.T) {
	tm, _, _ := quizApp(t, QuizSettings{}, 40, 12)
	requireGolden(t, plain(tm))
}

func TestQuizGoldenStart20x6(t *testing.T) {
	tm, _, _ := quizApp(t, QuizSettings{}, 20, 6)
	tm = send(t, tm, press(tea.KeyUp)) // wraps to the last row, Retention
	view := plain(tm)
	if !strings.Contains(view, "│ Retention ‹90%›") {
		t.Fatalf("selected row out of view at 20×6:\n%s", view)
	}
	requireGolden(t, view)
}

// At 20×6 the flipped flashcard keeps the term and a grade line that fits.
func TestQuizGoldenFlipped20x6(t *testing.T) {
	tm, _, _ := quizApp(t, QuizSettings{Mode: quiz.FlashcardMode}, 20, 6)
	tm = send(t, tm, press(tea.KeyEnter), press(tea.KeyEnter))
	view := plain(tm)
	if !strings.Contains(view, "1 again · 2 hard") || !strings.Contains(view, quizOf(tm).q.Prompt[:5]) {
		t.Fatalf("term or grade line missing at 20×6:\n%s", view)
	}
	requireGolden(t, view)
}

func TestQuizGoldenChoice40x12(t *testing.T) {
	tm, _, _ := quizApp(t, QuizSettings{Mode: quiz.ChoiceMode}, 40, 12)
	tm = send(t, tm, press(tea.KeyEnter))
	requireGolden(t, plain(ask(t, tm, quiz.Choice)))
}

func TestQuizGoldenWrong40x12(t *testing.T) {
	tm, _, _ := quizApp(t, QuizSettings{Mode: quiz.ChoiceMode}, 40, 12)
	tm = ask(t, send(t, tm, press(tea.KeyEnter)), quiz.Choice)
	wrong := (quizOf(tm).q.AnswerIndex+1)%4 + 1
	view := plain(send(t, tm, keys(strconv.Itoa(wrong))...))
	if !strings.Contains(view, "You chose "+strconv.Itoa(wrong)+".") {
		t.Fatalf("the pick is not named at 40×12:\n%s", view)
	}
	requireGolden(t, view)
}

func TestQuizGoldenSummary40x12(t *testing.T) {
	tm, _, _ := quizApp(t, QuizSettings{Mode: quiz.ChoiceMode}, 40, 12)
	tm = ask(t, send(t, tm, press(tea.KeyEnter)), quiz.Choice)
	wrong := (quizOf(tm).q.AnswerIndex+1)%4 + 1
	tm = send(t, tm, keys(strconv.Itoa(wrong))[0], press(tea.KeyEnter), press(tea.KeyEsc))
	requireState(t, tm, quizSummary)
	requireGolden(t, plain(tm))
}

func TestProgressGolden40x12(t *testing.T) {
	requireGolden(t, plain(progressApp(t, 40, 12)))
}
