package main

import (
	"strings"
	"testing"
	"time"
)

// A new trainee plays three mixed sessions in a row on a fresh data
// directory, as on the first day of onboarding: the third start still
// offers questions (issue 11 §7), because with nothing due and today's
// new terms done the session becomes practice.
func TestE2EQuizThreeSessionsInARow(t *testing.T) {
	dir := t.TempDir()
	s := startTUI(t, 100, 30, []string{"CRM101_DATA_DIR=" + dir}, "quiz", "--count", "10", "--seed", "3")
	for session := 1; session <= 3; session++ {
		start := s.waitFor("Test Yourself", "enter start", "this session:")
		if strings.Contains(start, "this session: 0 questions") {
			t.Fatalf("session %d offers no questions:\n%s", session, start)
		}
		if session == 3 && !strings.Contains(strings.Join(strings.Fields(start), " "), "extra practice") {
			t.Fatalf("third start does not say it is extra practice:\n%s", start)
		}
		s.send("Enter")
		s.waitFor("Question 1 of")
		playSession(t, s)
		s.send("Enter") // back to the start panel
	}
	s.send("q")
	s.waitExit()
}

// playSession answers whatever comes until the summary: flashcards are
// flipped and graded good, choices take the first option, typed answers
// are given up with tab.
func playSession(t *testing.T, s *tmuxSession) {
	t.Helper()
	prev := ""
	for step := 0; step < 200; step++ {
		screen := s.capture()
		if screen == prev {
			time.Sleep(30 * time.Millisecond)
			continue
		}
		switch {
		case strings.Contains(screen, "Session complete"):
			return
		case strings.Contains(screen, "Saving…"):
			time.Sleep(30 * time.Millisecond)
			continue
		case strings.Contains(screen, "enter next"):
			s.send("Enter")
		case strings.Contains(screen, "How well did you recall it?"):
			s.sendText("3")
		case strings.Contains(screen, "press space") || strings.Contains(screen, "space flip"):
			s.send("Space")
		case strings.Contains(screen, "1–4 choose"):
			s.sendText("1")
		case strings.Contains(screen, "tab show answer"):
			s.send("Tab")
		default:
			time.Sleep(30 * time.Millisecond)
			continue
		}
		prev = screen
	}
	t.Fatalf("the session never ended:\n%s", s.capture())
}
