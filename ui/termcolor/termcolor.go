// Package termcolor decides the terminal's background (dark or light)
// from the environment, without asking the terminal.
//
// Asking is what lipgloss does by default, and Bubble Tea v1 asks from
// its package init: on a terminal that never answers, the first frame
// then waits for termenv's five-second timeout. This package sets the
// answer on lipgloss's default renderer in its own init, which Go runs
// before Bubble Tea's: packages are initialised in import-path order
// among those whose imports are ready, and "crm101/…" sorts before
// "github.com/charmbracelet/bubbletea" (the reason the module path has
// no host name). The first-frame test in the repository root proves it.
package termcolor

import (
	"os"
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"
)

func init() {
	lipgloss.SetHasDarkBackground(Dark(os.Getenv))
}

// Dark reports whether the background is dark: CRM101_THEME=light|dark
// decides, then COLORFGBG ("fg;bg", where bg 7 or 9–15 is a light ANSI
// colour), else dark, the common case for terminals.
func Dark(getenv func(string) string) bool {
	switch strings.ToLower(getenv("CRM101_THEME")) {
	case "light":
		return false
	case "dark":
		return true
	}
	if v := getenv("COLORFGBG"); v != "" {
		parts := strings.Split(v, ";")
		if bg, err := strconv.Atoi(parts[len(parts)-1]); err == nil {
			return !(bg == 7 || (bg >= 9 && bg <= 15))
		}
	}
	return true
}
