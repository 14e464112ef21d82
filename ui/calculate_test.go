package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/teatest/v2"
)

// The tests run in parallel: send waits out each cursor-blink command a
// keystroke returns, so typed forms are slow in wall time but idle.

func calcOf(m tea.Model) calculateModel { return m.(Model).calc }

// startCalc opens the app on Calculate at w×h, on metric when given.
func startCalc(t *testing.T, w, h int, metric string) tea.Model {
	t.Helper()
	return send(t, newTestModel(t, Options{Start: CalculateScreen, Metric: metric}), size(w, h))
}

// fill types each value into the next field, starting at the focused one.
func fill(t *testing.T, m tea.Model, values ...string) tea.Model {
	t.Helper()
	for i, v := range values {
		if i > 0 {
			m = send(t, m, press(tea.KeyTab))
		}
		m = send(t, m, keys(v)...)
	}
	return m
}

func fieldValues(c calculateModel) []string {
	out := make([]string, len(c.fields))
	for i, f := range c.fields {
		out[i] = f.Value()
	}
	return out
}

func TestCalculateLiveResultAndFormula(t *testing.T) {
	t.Parallel()
	m := startCalc(t, 80, 24, "")
	if c := calcOf(m); c.focus != pickerFocus || c.metrics[c.current].ID != "cac" {
		t.Fatalf("start: focus %d on %s, want the picker on cac", c.focus, c.metrics[c.current].ID)
	}
	m = send(t, m, press(tea.KeyEnter))
	m = fill(t, m, "30,000", "$20k", "10")
	if got := calcOf(m).calc.Text; got != "$5,000.00" {
		t.Fatalf("after typing 10: %q", got)
	}
	m = send(t, m, keys("0")...) // the result follows every key
	c := calcOf(m)
	if c.errs != nil || c.calc.Text != "$500.00" {
		t.Fatalf("result %q, errors %v", c.calc.Text, c.errs)
	}
	view := plain(m)
	for _, want := range []string{"CAC = $500.00", "CAC = ($30,000.00 + $20,000.00) ÷ 100 = $500.00", "commonly cited as healthy"} {
		if !strings.Contains(view, want) {
			t.Errorf("screen lacks %q:\n%s", want, view)
		}
	}
}

func TestCalculateErrorBesideFieldKeepsTheText(t *testing.T) {
	t.Parallel()
	m := startCalc(t, 80, 24, "cac")
	m = fill(t, m, "30,000", "abc", "0")
	c := calcOf(m)
	if got := fieldValues(c); strings.Join(got, "|") != "30,000|abc|0" {
		t.Fatalf("typed text changed: %q", got)
	}
	if c.errs.For("sales-spend") == "" || c.errs.For("new-customers") != "new customers must be at least 1 to compute CAC" {
		t.Fatalf("errors %v", c.errs)
	}
	lines := strings.Split(plain(m), "\n")
	row := func(s string) int {
		for i, l := range lines {
			if strings.Contains(l, s) {
				return i
			}
		}
		t.Fatalf("no line with %q:\n%s", s, strings.Join(lines, "\n"))
		return -1
	}
	if row("✗ new customers must be at") != row("› new customers")+1 {
		t.Errorf("the error is not under its field:\n%s", strings.Join(lines, "\n"))
	}
	if !strings.Contains(plain(m), "Fix the field marked ✗") {
		t.Errorf("no pointer to the errors")
	}
	m = send(t, m, press(tea.KeyBackspace))
	m = send(t, m, keys("4")...)
	if c := calcOf(m); c.errs.For("new-customers") != "" || c.errs.For("sales-spend") == "" {
		t.Fatalf("after fixing new customers: %v", c.errs)
	}
}

// Untouched fields do not nag; the result area says what is missing.
func TestCalculateEmptyFieldsAskInsteadOfComplaining(t *testing.T) {
	t.Parallel()
	m := startCalc(t, 120, 40, "retention")
	m = fill(t, m, "200")
	view := plain(m)
	if strings.Contains(view, "is required") {
		t.Errorf("empty field flagged as an error:\n%s", view)
	}
	if !strings.Contains(view, "Fill in customers at end and new customers to see the result.") {
		t.Errorf("missing-input hint absent:\n%s", view)
	}
}

func TestCalculateFocusMoves(t *testing.T) {
	t.Parallel()
	m := startCalc(t, 80, 24, "clv")
	steps := []struct {
		key  tea.Msg
		want int
	}{
		{press(tea.KeyTab), 1}, {press(tea.KeyDown), 2}, {press(tea.KeyEnter), 3},
		{press(tea.KeyTab), 0}, // past the last field, round to the first
		{tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}, pickerFocus}, {press(tea.KeyEnter), 0},
		{press(tea.KeyTab), 1}, {press(tea.KeyTab), 2}, {press(tea.KeyTab), 3},
		{tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}, 2}, {press(tea.KeyUp), 1}, {press(tea.KeyUp), 0},
		{tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}, pickerFocus}, // before the first field: the picker
	}
	for i, s := range steps {
		m = send(t, m, s.key)
		if got := calcOf(m).focus; got != s.want {
			t.Fatalf("step %d (%v): focus %d, want %d", i, s.key, got, s.want)
		}
	}
	m = send(t, m, press(tea.KeyTab), press(tea.KeyEsc))
	if got := calcOf(m).focus; got != pickerFocus {
		t.Fatalf("esc: focus %d", got)
	}
}

func TestCalculatePickerFiltersAndPreviews(t *testing.T) {
	t.Parallel()
	m := startCalc(t, 80, 24, "")
	m = send(t, m, keys("payb")...)
	c := calcOf(m)
	if len(c.shown) == 0 || c.metrics[c.current].ID != "payback" {
		t.Fatalf("filter payb shows %v, form on %s", c.shown, c.metrics[c.current].ID)
	}
	m = send(t, m, press(tea.KeyEnter))
	if c := calcOf(m); c.focus != 0 || c.metrics[c.current].ID != "payback" {
		t.Fatalf("enter: focus %d on %s", c.focus, c.metrics[c.current].ID)
	}
	m = send(t, m, press(tea.KeyEsc))
	m = send(t, m, keys("zzzz")...)
	if !strings.Contains(plain(m), "No metric matches") {
		t.Fatalf("no empty-filter message:\n%s", plain(m))
	}
	m = send(t, m, press(tea.KeyEnter)) // nothing to choose: stays
	if calcOf(m).focus != pickerFocus {
		t.Fatal("enter with no match left the picker")
	}
}

// Arrowing through the picker must not lose what was typed for a metric.
func TestCalculateKeepsTypedTextAcrossMetrics(t *testing.T) {
	t.Parallel()
	m := startCalc(t, 80, 24, "cac")
	m = fill(t, m, "1", "2", "3")
	m = send(t, m, press(tea.KeyEsc), press(tea.KeyDown))
	if c := calcOf(m); c.metrics[c.current].ID != "clv" || fieldValues(c)[0] != "" {
		t.Fatalf("down: on %s with %q", c.metrics[c.current].ID, fieldValues(c))
	}
	m = send(t, m, press(tea.KeyEnter), keys("9")[0], press(tea.KeyEsc), press(tea.KeyUp))
	if got := strings.Join(fieldValues(calcOf(m)), "|"); got != "1|2|3" {
		t.Fatalf("back on cac: %q", got)
	}
	if calcOf(m).calc.Text != "$1.00" {
		t.Fatalf("restored form not recomputed: %q", calcOf(m).calc.Text)
	}
	m = send(t, m, press(tea.KeyDown))
	if got := fieldValues(calcOf(m))[0]; got != "9" {
		t.Fatalf("back on clv: %q", got)
	}
}

// ctrl+g opens the metric's entry on Browse; back returns to the form as
// it was left. Switching screens with F-keys keeps it too.
func TestCalculateOpensGlossaryEntryAndComesBack(t *testing.T) {
	t.Parallel()
	m := startCalc(t, 100, 30, "cac")
	m = fill(t, m, "5")
	m = send(t, m, ctrl('g'))
	if active := m.(Model).active; active != BrowseScreen {
		t.Fatalf("ctrl+g: active %v", active)
	}
	if got := openEntry(t, browseOf(m)); got != "Customer Acquisition Cost" {
		t.Fatalf("ctrl+g opened %q", got)
	}
	m = send(t, m, tea.KeyPressMsg{Code: tea.KeyLeft, Mod: tea.ModAlt})
	if active := m.(Model).active; active != CalculateScreen {
		t.Fatalf("back: active %v", active)
	}
	if c := calcOf(m); fieldValues(c)[0] != "5" || c.focus != 0 {
		t.Fatalf("form not kept: %q focus %d", fieldValues(c), c.focus)
	}
	m = send(t, m, press(tea.KeyF1), press(tea.KeyF2))
	if fieldValues(calcOf(m))[0] != "5" {
		t.Fatal("F1/F2 lost the form")
	}
}

// Browse (or anyone) opens a metric by navigating to it.
func TestOpenMetricMsgShowsTheCalculator(t *testing.T) {
	t.Parallel()
	m := send(t, newTestModel(t, Options{}), size(80, 24))
	m = send(t, m, navigateMsg{to: place{CalculateScreen, "churn"}})
	c := calcOf(m)
	if m.(Model).active != CalculateScreen || c.metrics[c.current].ID != "churn" || c.focus != 0 {
		t.Fatalf("active %v, metric %s, focus %d", m.(Model).active, c.metrics[c.current].ID, c.focus)
	}
	m = send(t, m, navigateMsg{to: place{CalculateScreen, "no-such-metric"}})
	if c := calcOf(m); c.metrics[c.current].ID != "churn" {
		t.Fatalf("unknown id moved the form to %s", c.metrics[c.current].ID)
	}
}

func TestCalculateHelpListsWhatWorksNow(t *testing.T) {
	t.Parallel()
	m := startCalc(t, 120, 40, "")
	if v := plain(m); !strings.Contains(v, "enter fill in") || strings.Contains(v, "next field") {
		t.Fatalf("picker help wrong:\n%s", v)
	}
	m = send(t, m, press(tea.KeyEnter))
	if v := plain(m); !strings.Contains(v, "tab next field") || !strings.Contains(v, "ctrl+g glossary") {
		t.Fatalf("form help wrong:\n%s", v)
	}
}

func TestCalculateNeverOverflowsTheTerminal(t *testing.T) {
	t.Parallel()
	sizes := [][2]int{{20, 6}, {80, 24}, {120, 40}, {1, 1}, {0, 0}, {30, 3}, {59, 12}, {60, 12}, {200, 60}}
	for _, sz := range sizes {
		for _, focusForm := range []bool{false, true} {
			m := startCalc(t, sz[0], sz[1], "")
			if focusForm {
				m = send(t, m, press(tea.KeyEnter))
				m = fill(t, m, "1", "abc", "0")
			}
			view := plain(m)
			lines := strings.Split(view, "\n")
			if sz[0] > 0 && sz[1] > 0 && len(lines) > sz[1] {
				t.Errorf("%dx%d: %d lines", sz[0], sz[1], len(lines))
			}
			for i, l := range lines {
				if w := lipglossWidth(l); w > sz[0] {
					t.Errorf("%dx%d: line %d is %d wide: %q", sz[0], sz[1], i, w, l)
				}
			}
		}
	}
	// A resize storm mid-typing keeps the text and the result.
	m := startCalc(t, 80, 24, "mrr")
	m = fill(t, m, "250", "80")
	m = send(t, m, size(20, 6), size(1, 1), size(200, 60), size(80, 24))
	if c := calcOf(m); c.calc.Text != "$20,000.00" || strings.Join(fieldValues(c), "|") != "250|80" {
		t.Fatalf("after resizes: %q %q", c.calc.Text, fieldValues(c))
	}
}

// At narrow widths the picker and the form take turns; esc brings the
// picker back.
func TestCalculateNarrowShowsOnePartAtATime(t *testing.T) {
	t.Parallel()
	m := startCalc(t, 50, 20, "")
	if v := plain(m); !strings.Contains(v, "Metric ›") || strings.Contains(v, "Customer Acquisition Cost") {
		t.Fatalf("narrow picker:\n%s", v)
	}
	m = send(t, m, press(tea.KeyEnter))
	if v := plain(m); strings.Contains(v, "Metric ›") || !strings.Contains(v, "Customer Acquisition Cost") {
		t.Fatalf("narrow form:\n%s", v)
	}
}

func TestCalculateGolden80x24(t *testing.T) {
	t.Parallel()
	m := startCalc(t, 80, 24, "payback")
	m = fill(t, m, "$500", "80", "75%")
	requireGolden(t, plain(m))
}

func TestCalculateGoldenError80x24(t *testing.T) {
	t.Parallel()
	m := startCalc(t, 80, 24, "churn")
	m = fill(t, m, "200", "250")
	requireGolden(t, plain(m))
}

// The 120×40 golden comes from a real program run (teatest): the form is
// filled key by key and the final frame is compared.
func TestCalculateGolden120x40(t *testing.T) {
	m := newTestModel(t, Options{Start: CalculateScreen})
	tm := startProgram(t, m, 120, 40)
	screen := newTermScreen(120, 40)
	screen.waitFor(t, tm, "Metric ›")
	tm.Type("nps")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
	for i, v := range []string{"120", "50", "30"} {
		if i > 0 {
			tm.Send(tea.KeyPressMsg{Code: tea.KeyTab})
		}
		tm.Type(v)
	}
	screen.waitFor(t, tm, "NPS = 45")
	tm.Send(ctrl('c'))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(3*time.Second))
	requireGolden(t, plain(final))
}

// Calculate on a dumb terminal: the active tab in brackets, the focused
// form's thick border, the focused field's "›".
func TestCalculateGoldenNoAttributes80x24(t *testing.T) {
	m := newTestModel(t, Options{Start: CalculateScreen, Metric: "churn"})
	tm := startProgramWithProfile(t, m, 80, 24, colorprofile.NoTTY)
	screen := newTermScreen(80, 24)
	screen.waitFor(t, tm, "[Calculate]", "› customers at start")
	tm.Type("200")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyTab})
	tm.Type("$9")
	screen.waitFor(t, tm, "✗")
	tm.Send(ctrl('c'))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(3*time.Second))
	requireGolden(t, plain(final))
}

// Calculate on small terminals: the result's line always shows.
func TestCalculateGoldenSmall(t *testing.T) {
	for _, sz := range [][2]int{{40, 12}, {20, 6}} {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			m := startCalc(t, sz[0], sz[1], "clv")
			for i, v := range []string{"200", "6", "5", "50"} {
				if i > 0 {
					m = send(t, m, press(tea.KeyTab))
				}
				m = send(t, m, keys(v)...)
			}
			view := plain(m)
			if !strings.Contains(view, "3,000") {
				t.Fatalf("no result on screen:\n%s", view)
			}
			requireGolden(t, view)
		})
	}
}
