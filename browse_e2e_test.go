package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A trainee opens crm101, types a query, reads an entry, follows a
// related term, comes back, and quits.
func TestE2EBrowseJourney(t *testing.T) {
	s := startTUI(t, 80, 24, nil)
	s.waitFor("Search ›", "Browse")
	s.sendText("clv")
	screen := s.waitFor("Customer Lifetime Value (CLV)")
	if !strings.Contains(screen, "Definition") {
		t.Fatalf("no detail pane:\n%s", screen)
	}
	s.send("Enter")
	s.waitFor("tab next related")
	s.send("Enter") // open the first related term
	screen = s.waitFor("alt+← back")
	s.send("Escape")
	s.waitFor("enter read")
	s.send("C-c")
	s.waitExit()
}

// The first frame must not wait for a terminal that never answers
// colour queries: with no answer at all, the search box still appears.
func TestE2ENoColorPlainScreen(t *testing.T) {
	s := startTUI(t, 120, 40, []string{"NO_COLOR=1"}, "browse", "churn")
	// The search runs in the background: wait for its result, not only
	// for the first frame, which may come before it.
	s.waitFor("Search › churn", "Churn Rate")
	s.send("C-c")
	s.waitExit()
}

// A damaged progress file never keeps anyone from looking a term up: the
// app opens on Browse, says what is wrong, and leaves the file alone.
func TestE2EDamagedProgressStillBrowses(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "progress.db")
	junk := []byte("this is not a database, but it is somebody's file\n")
	if err := os.WriteFile(path, junk, 0o600); err != nil {
		t.Fatal(err)
	}
	s := startTUI(t, 80, 24, nil, "--data-dir", dir)
	screen := s.waitFor("Search ›", "Test Yourself is off", "progress.db")
	if strings.Contains(screen, "Test Yourself  ") {
		t.Errorf("quiz tab shown without a store:\n%s", screen)
	}
	s.sendText("nps")
	s.waitFor("Net Promoter Score")
	s.send("C-c")
	s.waitExit()
	if got, _ := os.ReadFile(path); !bytes.Equal(got, junk) {
		t.Fatal("the damaged progress file was changed")
	}
}
