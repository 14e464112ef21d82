package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

var altLeft = tea.KeyPressMsg{Code: tea.KeyLeft, Mod: tea.ModAlt}

func rootOf(m tea.Model) Model { return m.(Model) }

// Calculate → ctrl+g → the metric's entry in Browse → back: the form of
// the same metric, with focus, as it was.
func TestBackFromGlossaryReturnsToTheCalculator(t *testing.T) {
	t.Parallel()
	m := send(t, newTestModel(t, Options{Start: CalculateScreen, Metric: "cac"}), size(100, 30))
	m = send(t, m, keys("5")...)
	m = send(t, m, ctrl('g'))
	if r := rootOf(m); r.active != BrowseScreen || browseOf(m).openTermName() != "Customer Acquisition Cost" {
		t.Fatalf("ctrl+g showed %v with %q open", r.active, browseOf(m).openTermName())
	}
	m = send(t, m, altLeft)
	c := calcOf(m)
	if rootOf(m).active != CalculateScreen || c.openMetricID() != "cac" || fieldValues(c)[0] != "5" {
		t.Fatalf("back showed %v on %q with fields %v", rootOf(m).active, c.openMetricID(), fieldValues(c))
	}
	if len(rootOf(m).trail) != 0 || c.keys.Return.Enabled() {
		t.Fatalf("trail %v left after going back; back key enabled: %v", rootOf(m).trail, c.keys.Return.Enabled())
	}
}

// Browse → c on a metric entry → Calculate → back: Calculate can return
// to Browse, with the entry still open.
func TestCalculatorGoesBackToBrowse(t *testing.T) {
	t.Parallel()
	m := newTestModel(t, Options{Query: "customer acquisition cost"})
	tm := drain(send(t, m, size(100, 30)), m.Init(), 3)
	tm = send(t, tm, press(tea.KeyEnter), keys("c")[0])
	c := calcOf(tm)
	if rootOf(tm).active != CalculateScreen || !c.keys.Return.Enabled() {
		t.Fatalf("c showed %v; back key enabled: %v", rootOf(tm).active, c.keys.Return.Enabled())
	}
	if !strings.Contains(plain(tm), "alt+← back") {
		t.Fatalf("help does not offer back:\n%s", plain(tm))
	}
	tm = send(t, tm, ctrl('o'))
	b := browseOf(tm)
	if rootOf(tm).active != BrowseScreen || b.openTermName() != "Customer Acquisition Cost" || !b.detailFocus {
		t.Fatalf("back showed %v with %q open (detail focus %v)", rootOf(tm).active, b.openTermName(), b.detailFocus)
	}
}

// Back first walks the entries followed inside Browse, then leaves for
// the screen the user came from.
func TestBackWalksEntriesBeforeLeavingBrowse(t *testing.T) {
	t.Parallel()
	m := send(t, newTestModel(t, Options{Start: CalculateScreen, Metric: "cac"}), size(100, 30))
	m = send(t, m, ctrl('g'))                              // CAC's entry
	m = send(t, m, press(tea.KeyTab), press(tea.KeyEnter)) // follow its first related term
	if got := browseOf(m).openTermName(); got != "Customer Lifetime Value" {
		t.Fatalf("followed to %q", got)
	}
	m = send(t, m, altLeft)
	if got := browseOf(m).openTermName(); rootOf(m).active != BrowseScreen || got != "Customer Acquisition Cost" {
		t.Fatalf("first back: %v, %q", rootOf(m).active, got)
	}
	m = send(t, m, altLeft)
	if rootOf(m).active != CalculateScreen {
		t.Fatalf("second back stayed on %v", rootOf(m).active)
	}
}

// With nowhere to go back to, back is the screen's home: Browse's list.
func TestBackWithEmptyTrailGoesHome(t *testing.T) {
	t.Parallel()
	m := newTestModel(t, Options{Query: "churn"})
	tm := drain(send(t, m, size(100, 30)), m.Init(), 3)
	tm = send(t, tm, press(tea.KeyEnter), altLeft)
	if b := browseOf(tm); rootOf(tm).active != BrowseScreen || b.detailFocus {
		t.Fatalf("back with no trail: %v, detail focus %v", rootOf(tm).active, b.detailFocus)
	}
}

// Going round in circles never grows the trail past its bound.
func TestTrailIsBounded(t *testing.T) {
	t.Parallel()
	m := send(t, newTestModel(t, Options{Start: CalculateScreen, Metric: "cac"}), size(100, 30))
	for range maxTrail + 10 {
		m = send(t, m, ctrl('g'), keys("c")[0])
	}
	if n := len(rootOf(m).trail); n != maxTrail {
		t.Fatalf("trail holds %d places, want %d", n, maxTrail)
	}
}
