package main

import (
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
	screen := s.waitFor("Search › churn")
	if !strings.Contains(screen, "Churn") {
		t.Fatalf("query not applied:\n%s", screen)
	}
	s.send("C-c")
	s.waitExit()
}
