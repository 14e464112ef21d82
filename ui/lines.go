package ui

import (
	"slices"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// Helpers for screens that lay rendered lines out in a fixed height.

// splitLines splits rendered blocks into their lines.
func splitLines(blocks ...string) []string {
	var out []string
	for _, b := range blocks {
		out = append(out, strings.Split(b, "\n")...)
	}
	return out
}

// dropBlank removes up to n blank lines (styled or not) from lines,
// the last first, and returns what is left of n.
func dropBlank(lines []string, n int) ([]string, int) {
	out := slices.Clone(lines)
	for i := len(out) - 1; i >= 0 && n > 0; i-- {
		if strings.TrimSpace(ansi.Strip(out[i])) == "" {
			out = slices.Delete(out, i, i+1)
			n--
		}
	}
	return out, n
}

// capLines keeps the first n lines of s, ending the last kept one in
// "…" when lines were cut; none at all for n < 1.
func capLines(s string, n int) string {
	lines := strings.Split(s, "\n")
	if len(lines) <= n {
		return s
	}
	if n < 1 {
		return ""
	}
	lines = lines[:n]
	last := strings.TrimRight(ansi.Strip(lines[n-1]), " ")
	lines[n-1] = ansi.Truncate(last, max(0, lipgloss.Width(last)-1), "") + "…"
	return strings.Join(lines, "\n")
}
