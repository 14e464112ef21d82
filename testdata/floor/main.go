// Command floor is the framework floor of crm101's start-up and keystroke
// benchmarks (perf_bench_test.go): a bare Bubble Tea v2 program that
// shows one styled line and filters a list of names, at the frame rate
// crm101 runs at. Whatever crm101 takes beyond this program is crm101's
// own cost. It lives under testdata so `go build ./...` and `go test
// ./...` skip it; the benchmark builds it with `go build ./testdata/floor`.
//
//	floor NAMES-FILE
package main

import (
	"fmt"
	"os"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// fps matches ui.ProgramFPS, so both programs wait for the same ticks.
const fps = 120

var title = lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Color("#A78BFA"))

type model struct {
	names, shown []string
	query        string
	height       int
}

func (m model) Init() tea.Cmd { return nil }

func (m model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.height = msg.Height
	case tea.KeyPressMsg:
		switch msg.String() {
		case "ctrl+c", "esc":
			return m, tea.Quit
		case "backspace":
			if m.query != "" {
				m.query = m.query[:len(m.query)-1]
			}
		default:
			m.query += msg.Text
		}
		m.shown = filter(m.names, m.query)
	}
	return m, nil
}

func (m model) View() tea.View {
	var b strings.Builder
	b.WriteString(title.Render("Search › " + m.query))
	for i, name := range m.shown {
		if i+1 >= m.height {
			break
		}
		b.WriteString("\n" + name)
	}
	v := tea.NewView(b.String())
	v.AltScreen = true
	return v
}

func filter(names []string, query string) []string {
	q := strings.ToLower(query)
	var out []string
	for _, n := range names {
		if strings.Contains(strings.ToLower(n), q) {
			out = append(out, n)
		}
	}
	return out
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: floor NAMES-FILE")
		os.Exit(2)
	}
	data, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
	names := strings.Split(strings.TrimSpace(string(data)), "\n")
	m := model{names: names, shown: names}
	if _, err := tea.NewProgram(m, tea.WithFPS(fps)).Run(); err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
}
