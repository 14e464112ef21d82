package main

import (
	"encoding/json"
	"fmt"
	"os/exec"
	"testing"

	"github.com/crm101/crm101/glossary"
	"github.com/crm101/crm101/quiz"
)

// A trainee answers a short flashcard session (missing one card, which
// comes back), quits, starts crm101 again and finds the progress kept;
// `crm101 stats --json` agrees with the screen.
func TestE2EQuizSessionIsKept(t *testing.T) {
	dir := t.TempDir()
	g, err := glossary.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	left := fmt.Sprintf("New %d", g.Len()-3) // three terms seen
	args := []string{"--data-dir", dir, "quiz", "--mode", "flashcards", "--count", "3", "--seed", "1"}
	s := startTUI(t, 80, 24, nil, args...)
	s.waitFor("Test Yourself", "Due now 0", "New today 3", "Learning 0", "Flashcards only")
	s.send("Enter")

	grades := []string{"1", "3", "3", "3"} // the first card is missed, so it comes back fourth
	for i, g := range grades {
		header := fmt.Sprintf("Question %d of 3", i+1) // a retry counts apart: "of 3 + 1 retry"
		if i > 0 {
			header += " + 1 retry"
		}
		s.waitFor(header, "press space")
		s.send("Space")
		s.waitFor("How well did you recall it?")
		s.sendText(g)
	}
	// The streak comes with the summary's figures, read in the background.
	s.waitFor("Session complete", "3 of 4 answers right (75%)", "3 questions + 1 retry", "Missed 1", "streak 1 day")
	s.send("Enter")
	s.waitFor("Learning 3", left)
	s.send("C-c")
	s.waitExit()

	s = startTUI(t, 80, 24, nil, args...)
	s.waitFor("Test Yourself", "Mastered 0", "Learning 3", left)
	s.send("C-c")
	s.waitExit()

	out, err := exec.Command(crm101Binary(t), "stats", "--json", "--data-dir", dir).Output()
	if err != nil {
		t.Fatalf("stats: %v", err)
	}
	var st quiz.Stats
	if err := json.Unmarshal(out, &st); err != nil {
		t.Fatalf("stats --json: %v\n%s", err, out)
	}
	if st.Reviews != 4 || st.Correct != 3 || st.Learning != 3 || st.New != g.Len()-3 || st.StreakDays != 1 {
		t.Fatalf("stats disagree with the session: %+v", st)
	}
	if len(st.Weakest) != 1 {
		t.Fatalf("weakest %+v, want the one missed card", st.Weakest)
	}
}
