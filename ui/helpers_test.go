package ui

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"
	"github.com/charmbracelet/x/vt"

	"github.com/crm101/crm101/glossary"
)

// plain is what a screen shows, without colour or attributes, so that
// golden files hold plain text and tests read what a person reads. It
// takes the root model (a tea.View) or a screen's own view (a string).
func plain(m any) string {
	switch v := m.(type) {
	case interface{ View() tea.View }:
		return ansi.Strip(v.View().Content)
	case interface{ View() string }:
		return ansi.Strip(v.View())
	}
	panic(fmt.Sprintf("plain: %T has no View", m))
}

// testGlossary is a small, stable glossary for screen tests, so golden
// files change only when the screens do, not when content is edited.
func testGlossary(t testing.TB) *glossary.Glossary {
	t.Helper()
	g, err := glossary.New([]glossary.Entry{
		{Term: "Customer Acquisition Cost", Acronym: "CAC", Category: glossary.Metrics,
			Definition: "The average cost of winning one new customer, counting marketing and sales spending together.",
			Example:    "We spent $50,000 on marketing and sales and won 100 customers: a CAC of $500.",
			Formula:    "CAC = (marketing spend + sales spend) ÷ new customers",
			Related:    []string{"Customer Lifetime Value", "Churn Rate"}, Sources: []string{"000_f6260d40975035dc.txt"}},
		{Term: "Customer Lifetime Value", Acronym: "CLV", Aliases: []string{"Lifetime Value", "LTV"}, Category: glossary.Metrics,
			Definition: "The revenue a typical customer is expected to bring in over the whole relationship.",
			Example:    "A CLV three times the CAC is a common sign of a healthy business.",
			Related:    []string{"CAC"}, Sources: []string{"004_9f563c1dead159ce.txt"}},
		{Term: "Churn Rate", Aliases: []string{"Customer Churn"}, Category: glossary.Metrics,
			Definition: "The share of customers who stop doing business with you during a period.",
			Example:    "Losing 5 of 100 customers this month is a 5% churn rate.",
			Related:    []string{"Customer Lifetime Value", "Sales Pipeline"}, Sources: []string{"003_5726b649923672ad.txt"}},
		{Term: "Sales Pipeline", Aliases: []string{"Pipeline"}, Category: glossary.Sales,
			Definition: "A staged, visual view of every open deal and how far each has progressed toward a sale.",
			Example:    "Our pipeline shows twelve deals at the proposal stage.",
			Related:    []string{"Sales Qualified Lead"}, Sources: []string{"002_3b8f7682850929ce.txt"}},
		{Term: "Sales Qualified Lead", Acronym: "SQL", Category: glossary.Sales,
			Definition: "A prospect the team has assessed as highly likely to buy, ready for direct sales follow-up.",
			Example:    "Once the demo request came in, the lead became an SQL.",
			Related:    []string{"Sales Pipeline"}, Sources: []string{"002_3b8f7682850929ce.txt"}},
		{Term: "Customer Persona", Aliases: []string{"Buyer Persona"}, Category: glossary.Marketing,
			Definition:    "A semi-fictional character that stands for your ideal customer.",
			Example:       "Our persona “Ops Olivia” runs a ten-person support team.",
			BeyondSources: false, Sources: []string{"002_3b8f7682850929ce.txt"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func newTestModel(t testing.TB, opts Options) Model {
	t.Helper()
	if opts.Glossary == nil {
		opts.Glossary = testGlossary(t)
	}
	if opts.Theme == (Theme{}) {
		opts.Theme = testTheme
	}
	return New(opts)
}

// send applies msgs to m in order, running the commands each returns
// (one level deep, batches included) so background results arrive as
// they would in the program.
func send(t testing.TB, m tea.Model, msgs ...tea.Msg) tea.Model {
	t.Helper()
	for _, msg := range msgs {
		var cmd tea.Cmd
		m, cmd = m.Update(msg)
		m = drain(m, cmd, 3)
	}
	return m
}

func drain(m tea.Model, cmd tea.Cmd, depth int) tea.Model {
	m = fastBlink(m)
	if cmd == nil || depth == 0 {
		return m
	}
	msg := runCmd(cmd)
	switch msg := msg.(type) {
	case nil:
		return m
	case tea.BatchMsg:
		for _, c := range msg {
			m = drain(m, c, depth)
		}
		return m
	case tea.QuitMsg:
		return m
	default:
		if isTimer(msg) {
			return m
		}
		var next tea.Cmd
		m, next = m.Update(msg)
		return drain(m, next, depth-1)
	}
}

// fastBlink makes every text field's cursor blink command return at
// once, so tests can wait for each command to finish — a search or a
// database write under load — without sleeping through half-second
// blinks. The blink messages themselves are then dropped (isTimer).
func fastBlink(m tea.Model) tea.Model {
	root, ok := m.(Model)
	if !ok {
		return m
	}
	root.browse.input = fastCursor(root.browse.input)
	root.calc.filter = fastCursor(root.calc.filter)
	for i := range root.calc.fields {
		root.calc.fields[i] = fastCursor(root.calc.fields[i])
	}
	root.quiz.input = fastCursor(root.quiz.input)
	return root
}

func fastCursor(in textinput.Model) textinput.Model {
	st := in.Styles()
	st.Cursor.BlinkSpeed = time.Microsecond
	in.SetStyles(st)
	return in
}

// runCmd runs cmd and returns its message. The deadline only guards
// against a command that never returns; every real one is far quicker.
func runCmd(cmd tea.Cmd) tea.Msg {
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	select {
	case msg := <-done:
		return msg
	case <-time.After(5 * time.Second):
		return nil
	}
}

// isTimer tells the messages of cursor blinks and animation frames,
// which tests do not replay.
func isTimer(msg tea.Msg) bool {
	name := strings.ToLower(typeName(msg))
	return strings.Contains(name, "blink") || strings.Contains(name, "tick") || strings.Contains(name, "frame")
}

// keys turns a string into key presses, one rune each.
func keys(s string) []tea.Msg {
	msgs := make([]tea.Msg, 0, len(s))
	for _, r := range s {
		msgs = append(msgs, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return msgs
}

// press is one press of a special key (tea.KeyEnter, tea.KeyDown…).
func press(k rune) tea.Msg { return tea.KeyPressMsg{Code: k} }

// ctrl is ctrl and a letter.
func ctrl(r rune) tea.Msg { return tea.KeyPressMsg{Code: r, Mod: tea.ModCtrl} }

func size(w, h int) tea.Msg { return tea.WindowSizeMsg{Width: w, Height: h} }

// requireGolden compares a screen with testdata/<test name>.golden;
// `go test ./ui -update` rewrites the files.
func requireGolden(t *testing.T, view string) {
	t.Helper()
	golden.RequireEqual(t, []byte(view))
}

// startProgram runs the app in a teatest program of the given size.
func startProgram(t *testing.T, m Model, w, h int) *teatest.TestModel {
	t.Helper()
	return startProgramWithProfile(t, m, w, h, colorprofile.TrueColor)
}

// startProgramWithProfile runs the app as on a terminal of the given
// colour profile (teatest's output is no terminal, which Bubble Tea would
// take for one that shows nothing at all).
func startProgramWithProfile(t *testing.T, m Model, w, h int, p colorprofile.Profile) *teatest.TestModel {
	t.Helper()
	return teatest.NewTestModel(t, m, teatest.WithInitialTermSize(w, h), teatest.WithProgramOptions(tea.WithColorProfile(p)))
}

func typeName(v any) string { return fmt.Sprintf("%T", v) }

func lipglossWidth(s string) int { return lipgloss.Width(s) }

// testTheme draws dark and ignores the terminal's answer, so screens do
// not depend on where the tests run.
var testTheme = Theme{Dark: true, Fixed: true}

// termScreen is a terminal emulator fed with a teatest program's output,
// so a test can wait for what the screen shows. Bubble Tea v2 redraws
// only the cells that change, so text on screen need not appear in one
// piece in the byte stream.
type termScreen struct{ em *vt.Emulator }

func newTermScreen(w, h int) *termScreen {
	s := &termScreen{em: vt.NewEmulator(w, h)}
	go func() { _, _ = io.Copy(io.Discard, s.em) }() // the emulator's replies to queries
	return s
}

// waitFor waits until the screen shows every text in want.
func (s *termScreen) waitFor(t *testing.T, tm *teatest.TestModel, want ...string) {
	t.Helper()
	fed := 0
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		// A terminal's line discipline turns \n into \r\n (onlcr);
		// teatest's output is a plain buffer, so do it here.
		_, _ = s.em.Write(bytes.ReplaceAll(b[fed:], []byte("\n"), []byte("\r\n")))
		fed = len(b)
		screen := s.em.String()
		for _, w := range want {
			if !strings.Contains(screen, w) {
				return false
			}
		}
		return true
	}, teatest.WithDuration(10*time.Second))
}
