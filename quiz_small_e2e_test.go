package main

import (
	"strings"
	"testing"
)

// At 40×12 a trainee meets a term as a flashcard, then types it: the
// grade line and the answer line stay on screen while the prompt
// scrolls, and the typed answer is marked right.
func TestE2ETypedQuestionSmallTerminal(t *testing.T) {
	s := startTUI(t, 40, 12, []string{"NO_COLOR=1"}, "quiz", "--mode", "typed", "--count", "1", "--seed", "1")
	s.waitFor("Test Yourself", "enter start")
	s.send("Enter")
	screen := s.waitFor("What does this mean?", "space flip")
	term := lineAfter(screen, "What does this mean?")
	if term == "" {
		t.Fatalf("no term on the flashcard:\n%s", screen)
	}
	s.send("Space")
	s.waitFor("How well did you recall it?")
	s.sendText("3")
	s.waitFor("Which term is this? Type it.", "› type your answer")
	s.sendText(strings.ToLower(term))
	s.waitFor("› " + strings.ToLower(term))
	s.send("Enter")
	s.waitFor("✓ Correct: "+term, "enter next")
	s.send("C-c")
	s.waitExit()
}

// lineAfter is the first non-blank line of screen after the one holding
// marker, trimmed.
func lineAfter(screen, marker string) string {
	lines := strings.Split(screen, "\n")
	for i, l := range lines {
		if !strings.Contains(l, marker) {
			continue
		}
		for _, next := range lines[i+1:] {
			if t := strings.TrimSpace(next); t != "" {
				return t
			}
		}
	}
	return ""
}
