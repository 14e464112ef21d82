package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/charmbracelet/x/ansi"
)

// fits reports why view does not fit a w×h terminal, or "".
func fits(view string, w, h int) string {
	lines := strings.Split(view, "\n")
	if len(lines) > h {
		return fmt.Sprintf("%d lines for %d rows", len(lines), h)
	}
	for i, l := range lines {
		if ansi.StringWidth(l) > w {
			return fmt.Sprintf("line %d is %d wide for %d columns", i+1, ansi.StringWidth(l), w)
		}
	}
	return ""
}

// The live round and the trainer's console keep to small terminals, and
// the trainee's question still shows its countdown and choices.
func TestLiveScreensOnSmallTerminals(t *testing.T) {
	for _, sz := range [][2]int{{40, 12}, {20, 6}} {
		w, h := sz[0], sz[1]
		m := newLiveTestModel(t, &fakeSeat{})
		m = send(t, m, size(w, h), asking(true)).(Model)
		if why := fits(plain(m), w, h); why != "" {
			t.Errorf("live question at %dx%d: %s\n%s", w, h, why, plain(m))
		}
		// The countdown and every choice stay on screen, and at 40×12
		// the question and the help line too.
		want := []string{"14s", "1  Churn", "2  Sales", "3  Customer", "4  Customer"}
		if w == 40 {
			want = append(want, "A staged view of every open deal.", "1-4 answer")
		}
		for _, s := range want {
			if !strings.Contains(plain(m), s) {
				t.Errorf("live question at %dx%d lacks %q:\n%s", w, h, s, plain(m))
			}
		}
		var tm tea.Model = NewTrainer(TrainerOptions{Desk: &wideDesk{}, Theme: testTheme, Banner: "ssh -p 23234 yourname@10.0.0.5", Now: func() time.Time { return liveT0 }})
		tm = send(t, tm, size(w, h), wideBoard())
		tm = send(t, tm, keys("c")...)
		if why := fits(plain(tm), w, h); why != "" {
			t.Errorf("trainer console at %dx%d: %s\n%s", w, h, why, plain(tm))
		}
	}
}
