package main

import (
	"errors"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// idleConsole stands in for the trainer's console: it only quits when told.
type idleConsole struct{}

func (idleConsole) Init() tea.Cmd                       { return nil }
func (idleConsole) Update(tea.Msg) (tea.Model, tea.Cmd) { return idleConsole{}, nil }
func (idleConsole) View() tea.View                      { return tea.NewView("") }

// When the server stops serving, the console ends with its error instead
// of carrying on with nobody able to join.
func TestConsoleEndsWhenServerFails(t *testing.T) {
	p := tea.NewProgram(idleConsole{}, tea.WithInput(nil), tea.WithOutput(&strings.Builder{}), tea.WithoutRenderer())
	served := make(chan error, 1)
	served <- errors.New("accept: too many open files")
	done := make(chan error, 1)
	go func() { done <- runConsole(p, served) }()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "too many open files") {
			t.Errorf("runConsole = %v, want the server's error", err)
		}
	case <-time.After(5 * time.Second):
		p.Kill()
		t.Fatal("the console carried on after the server failed")
	}
}

// A --code shorter than a random one is warned about with the sum.
func TestShortCodeWarning(t *testing.T) {
	if w := shortCodeWarning("KXT4QM", 4*time.Hour); w != "" {
		t.Errorf("6 characters warned: %q", w)
	}
	w := shortCodeWarning("crm", 4*time.Hour)
	for _, want := range []string{"3 characters from 25", "7230 wrong tries", "chance of about 0.5", "6 characters or more"} {
		if !strings.Contains(w, want) {
			t.Errorf("warning %q lacks %q", w, want)
		}
	}
}
