package ui

import (
	"io"
	"os"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"crm101/ui/termcolor"
)

// NewRenderer returns a lipgloss renderer for w that never queries the
// terminal. Asking a terminal for its background colour blocks for up to
// five seconds (termenv's OSC timeout) on terminals that never answer,
// so the first frame would stall; we decide the background from the
// environment instead: CRM101_THEME=light|dark, then COLORFGBG, else dark.
// NO_COLOR and a non-terminal writer give plain text.
func NewRenderer(w io.Writer, getenv func(string) string) *lipgloss.Renderer {
	r := lipgloss.NewRenderer(w)
	r.SetHasDarkBackground(termcolor.Dark(getenv))
	if getenv("NO_COLOR") != "" {
		r.SetColorProfile(termenv.Ascii)
	}
	return r
}

// DefaultRenderer is NewRenderer for the process's stdout and environment.
func DefaultRenderer() *lipgloss.Renderer { return NewRenderer(os.Stdout, os.Getenv) }
