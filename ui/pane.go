package ui

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// withBorderHint writes hint (" more ↓ ") into the bottom border of a
// rounded pane, near its right end, so a pane that holds more than it
// shows says so without spending a line. A pane too narrow is returned
// as it is.
func withBorderHint(pane, hint string, border, hintStyle lipgloss.Style) string {
	lines := strings.Split(pane, "\n")
	last := lines[len(lines)-1]
	if lipgloss.Width(last) < ansi.StringWidth(hint)+4 {
		return pane
	}
	// The border is "╰───╯": keep its ends, put the hint near the right.
	runes := []rune(ansi.Strip(last))
	n := len([]rune(hint))
	start := len(runes) - 2 - n
	lines[len(lines)-1] = border.Render(string(runes[:start])) + hintStyle.Render(hint) + border.Render(string(runes[start+n:]))
	return strings.Join(lines, "\n")
}
