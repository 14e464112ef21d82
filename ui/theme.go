package ui

import (
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// NewRenderer returns a lipgloss renderer for w that never queries the
// terminal. Asking a terminal for its background colour blocks for up to
// five seconds (termenv's OSC timeout) on terminals that never answer,
// so the first frame would stall; we decide the background from the
// environment instead: CRM101_THEME=light|dark, then COLORFGBG, else dark.
// NO_COLOR and a non-terminal writer give plain text.
func NewRenderer(w io.Writer, getenv func(string) string) *lipgloss.Renderer {
	r := lipgloss.NewRenderer(w)
	r.SetHasDarkBackground(darkBackground(getenv))
	if getenv("NO_COLOR") != "" {
		r.SetColorProfile(termenv.Ascii)
	}
	return r
}

// DefaultRenderer is NewRenderer for the process's stdout and environment.
func DefaultRenderer() *lipgloss.Renderer { return NewRenderer(os.Stdout, os.Getenv) }

func darkBackground(getenv func(string) string) bool {
	switch strings.ToLower(getenv("CRM101_THEME")) {
	case "light":
		return false
	case "dark":
		return true
	}
	// COLORFGBG is "fg;bg" (sometimes "fg;default;bg"); a bg of 7 or 9–15
	// is one of the light ANSI colours.
	if v := getenv("COLORFGBG"); v != "" {
		parts := strings.Split(v, ";")
		if bg, err := strconv.Atoi(parts[len(parts)-1]); err == nil {
			return !(bg == 7 || (bg >= 9 && bg <= 15))
		}
	}
	return true
}
