package ui

import (
	"errors"
	"image/color"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/crm101/crm101/quiz"
)

// A store opened after the first frame: the first frame has no Test
// Yourself and waits for nothing; the store's answer adds the tab, or
// the reason there is none, exactly as a store opened before would.
func TestStoreOpenedAfterFirstFrame(t *testing.T) {
	st := openTestStore(t)
	cases := []struct {
		name    string
		open    func() (*quiz.Store, error)
		wantTab bool
		wantMsg string
	}{
		{"opens", func() (*quiz.Store, error) { return st, nil }, true, ""},
		{"damaged", func() (*quiz.Store, error) { return nil, errors.New("progress.db is damaged") }, false, "Test Yourself is off: progress.db is damaged"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := newTestModel(t, Options{OpenStore: c.open})
			var tm tea.Model = m
			tm, _ = tm.Update(size(80, 24))
			// The terminal's background may answer before the store does.
			tm, _ = tm.Update(tea.BackgroundColorMsg{Color: color.White})
			if first := ansi.Strip(tm.View().Content); strings.Contains(first, "Test Yourself") {
				t.Fatalf("first frame offers Test Yourself before the store is open:\n%s", first)
			}
			tm = drain(tm, tm.Init(), 3)
			screen := ansi.Strip(tm.View().Content)
			if got := strings.Contains(screen, "Test Yourself  "); got != c.wantTab {
				t.Errorf("Test Yourself tab shown: %v, want %v:\n%s", got, c.wantTab, screen)
			}
			if c.wantMsg != "" && !strings.Contains(screen, c.wantMsg) {
				t.Errorf("no %q on screen:\n%s", c.wantMsg, screen)
			}
			if c.wantTab {
				tm = send(t, tm, tea.KeyPressMsg{Code: tea.KeyF3})
				if tm.(Model).active != QuizScreen {
					t.Errorf("the quiz key does not open Test Yourself once the store is open")
				}
			}
		})
	}
}

// Given the terminal's size up front, the very first View is the whole
// screen, not the blank one drawn while waiting for Bubble Tea's size
// message.
func TestFirstViewWithKnownSize(t *testing.T) {
	m := New(Options{Glossary: testGlossary(t), Theme: testTheme, Width: 80, Height: 24})
	view := plain(m)
	if !strings.Contains(view, "Search ›") || !strings.Contains(view, "Browse") {
		t.Fatalf("first view:\n%s", view)
	}
	if blank := plain(New(Options{Glossary: testGlossary(t), Theme: testTheme})); strings.TrimSpace(blank) != "" {
		t.Fatalf("without a size the first view should wait: %q", blank)
	}
}
