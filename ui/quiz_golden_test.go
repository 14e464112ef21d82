package ui

import (
	"strconv"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/crm101/crm101/quiz"
)

// Golden screens of every quiz state, with the clock and seed pinned.

func TestQuizGoldenStart80x24(t *testing.T) {
	tm, _, _ := quizApp(t, QuizSettings{}, 80, 24)
	requireGolden(t, plain(tm))
}

func TestQuizGoldenFlashcard80x24(t *testing.T) {
	tm, _, _ := quizApp(t, QuizSettings{Mode: quiz.FlashcardMode}, 80, 24)
	tm = send(t, tm, press(tea.KeyEnter), keys(" ")[0])
	requireGolden(t, plain(tm))
}

func TestQuizGoldenChoice80x24(t *testing.T) {
	tm, _, _ := quizApp(t, QuizSettings{Mode: quiz.ChoiceMode}, 80, 24)
	tm = send(t, tm, press(tea.KeyEnter))
	requireGolden(t, plain(ask(t, tm, quiz.Choice)))
}

func TestQuizGoldenReverseChoice80x24(t *testing.T) {
	tm, _, _ := quizApp(t, QuizSettings{Mode: quiz.ChoiceMode}, 80, 24)
	tm = send(t, tm, press(tea.KeyEnter))
	requireGolden(t, plain(ask(t, tm, quiz.ReverseChoice)))
}

func TestQuizGoldenTyped80x24(t *testing.T) {
	tm, _, _ := quizApp(t, QuizSettings{Mode: quiz.TypedMode}, 80, 24)
	tm = send(t, tm, press(tea.KeyEnter))
	tm = send(t, ask(t, tm, quiz.Typed), keys("sales pipe")...)
	requireGolden(t, plain(tm))
}

func TestQuizGoldenWrong80x24(t *testing.T) {
	tm, _, _ := quizApp(t, QuizSettings{Mode: quiz.ChoiceMode}, 80, 24)
	tm = send(t, tm, press(tea.KeyEnter))
	tm = ask(t, tm, quiz.Choice)
	wrong := (quizOf(tm).q.AnswerIndex+1)%4 + 1
	requireGolden(t, plain(send(t, tm, keys(strconv.Itoa(wrong))...)))
}

func TestQuizGoldenTypo80x24(t *testing.T) {
	tm, _, clk := quizApp(t, QuizSettings{Mode: quiz.TypedMode}, 80, 24)
	tm = send(t, tm, press(tea.KeyEnter))
	tm = ask(t, tm, quiz.Typed)
	term := quizOf(tm).q.Term
	clk.now = clk.now.Add(12 * time.Second)
	tm = send(t, tm, keys(term[:len(term)-2]+term[len(term)-1:])...)
	requireGolden(t, plain(send(t, tm, press(tea.KeyEnter))))
}

func TestQuizGoldenSummary80x24(t *testing.T) {
	tm, _, clk := quizApp(t, QuizSettings{Mode: quiz.ChoiceMode}, 80, 24)
	tm = send(t, tm, press(tea.KeyEnter))
	for i := 0; i < 4; i++ {
		q := quizOf(tm)
		answer := q.q.AnswerIndex + 1
		if i%2 == 1 {
			answer = answer%4 + 1
		}
		clk.now = clk.now.Add(40 * time.Second)
		tm = send(t, tm, keys(strconv.Itoa(answer))...)
		tm = send(t, tm, press(tea.KeyEnter))
	}
	requireGolden(t, plain(send(t, tm, press(tea.KeyEsc))))
}

func TestQuizGoldenAnswered120x40(t *testing.T) {
	tm, _, _ := quizApp(t, QuizSettings{Mode: quiz.TypedMode}, 120, 40)
	tm = send(t, tm, press(tea.KeyEnter))
	tm = ask(t, tm, quiz.Typed)
	tm = send(t, tm, keys("lifetime value")...)
	requireGolden(t, plain(send(t, tm, press(tea.KeyEnter))))
}

func TestQuizGoldenTiny20x6(t *testing.T) {
	tm, _, _ := quizApp(t, QuizSettings{Mode: quiz.TypedMode}, 20, 6)
	tm = send(t, tm, press(tea.KeyEnter))
	tm = send(t, ask(t, tm, quiz.Typed), keys("pipe")...)
	requireGolden(t, plain(tm))
}

func TestQuizGoldenMetric80x24(t *testing.T) {
	tm, _, _ := quizApp(t, QuizSettings{Mode: quiz.MetricMode}, 80, 24)
	tm = send(t, tm, press(tea.KeyEnter))
	requireGolden(t, plain(ask(t, tm, quiz.Metric)))
}

func TestQuizGoldenMetricAnswered80x24(t *testing.T) {
	tm, _, _ := quizApp(t, QuizSettings{Mode: quiz.MetricMode}, 80, 24)
	tm = ask(t, send(t, tm, press(tea.KeyEnter)), quiz.Metric)
	tm = send(t, tm, keys("12")[0], keys("12")[1], press(tea.KeyEnter))
	requireGolden(t, plain(tm))
}
