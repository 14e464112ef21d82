package quiz

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/crm101/crm101/glossary"
)

// minTypoLetters is the shortest answer (in letters and digits) that
// gets one typo forgiven: below it, one edit often lands on another
// word ("lead"/"load", "CAC"/"CAR").
const minTypoLetters = 5

// Verdict is the grade of one answer and the sentence to show for it.
type Verdict struct {
	Correct bool
	// Typo marks a correct answer accepted despite one spelling slip;
	// the scheduler may rate it lower than a clean answer.
	Typo    bool
	Message string
}

// Check grades answer against q. Choice questions take "1"–"4", "A"–"D"
// or the option's text; typed questions take any accepted name, with the
// leniency described on normalize and one forgiven typo in longer
// answers; metric questions take a number within tolerance. Flashcards
// are graded by the learner, so Check only reports that.
func Check(q Question, answer string) Verdict {
	answer = strings.TrimSpace(answer)
	switch {
	case q.SelfGraded():
		return Verdict{Message: "Flashcards are graded by you: did you recall it? The answer: " + q.Answer}
	case len(q.Options) > 0:
		return checkChoice(q, answer)
	case q.Numeric != nil:
		return checkNumber(q, answer)
	default:
		return checkTyped(q, answer)
	}
}

func checkChoice(q Question, answer string) Verdict {
	right := fmt.Sprintf("%c. %s", rune('A'+q.AnswerIndex), q.Answer)
	if answer == "" {
		return Verdict{Message: "No option chosen — the answer is " + right}
	}
	picked := choiceIndex(q.Options, answer)
	switch {
	case picked < 0:
		return Verdict{Message: fmt.Sprintf("Choose 1–%d (or A–%c) — the answer is %s", len(q.Options), 'A'+len(q.Options)-1, right)}
	case picked == q.AnswerIndex:
		return Verdict{Correct: true, Message: "Correct: " + q.Answer}
	default:
		return Verdict{Message: "Not quite — the answer is " + right}
	}
}

// choiceIndex reads an option number, letter or text; -1 when it is none.
func choiceIndex(options []string, answer string) int {
	if n, err := strconv.Atoi(answer); err == nil {
		if n >= 1 && n <= len(options) {
			return n - 1
		}
		return -1
	}
	if utf8.RuneCountInString(answer) == 1 {
		i := int(strings.ToUpper(answer)[0]) - 'A'
		if i >= 0 && i < len(options) {
			return i
		}
		return -1
	}
	key := answerKey(answer)
	for i, o := range options {
		if answerKey(o) == key {
			return i
		}
	}
	return -1
}

func checkTyped(q Question, answer string) Verdict {
	if answerKey(answer) == "" {
		return Verdict{Message: "No answer typed — the answer is " + q.Answer + alsoAccepted(q)}
	}
	key := answerKey(answer)
	for _, a := range q.Accept {
		if answerKey(a) == key {
			return Verdict{Correct: true, Message: "Correct: " + q.Answer}
		}
	}
	for _, c := range q.Confusable {
		if answerKey(c) == key {
			return Verdict{Message: fmt.Sprintf("Not quite — %s is a different term; the answer is %s", c, q.Answer)}
		}
	}
	for _, a := range q.Accept {
		ak := answerKey(a)
		if utf8.RuneCountInString(ak) >= minTypoLetters && glossary.EditDistance(key, ak, 1) == 1 {
			return Verdict{Correct: true, Typo: true, Message: "accepted — watch the spelling: " + a}
		}
	}
	return Verdict{Message: "Not quite — the answer is " + q.Answer + alsoAccepted(q)}
}

// alsoAccepted names the other accepted answers, so a learner who knew
// the acronym but not the words learns that it would have counted.
func alsoAccepted(q Question) string {
	var others []string
	for _, a := range q.Accept {
		if answerKey(a) != answerKey(q.Answer) {
			others = append(others, a)
		}
	}
	if len(others) == 0 {
		return ""
	}
	return " (also accepted: " + strings.Join(others, ", ") + ")"
}
