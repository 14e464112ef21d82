package ui

import (
	"strconv"
	"strings"
)

// Theme is what the app knows of the terminal's background before the
// terminal has said anything: enough to draw the first frame at once.
type Theme struct {
	Dark bool
	// Fixed means the user chose (CRM101_THEME): the terminal's own
	// answer to a background query never overrides it.
	Fixed bool
}

// ThemeFromEnv decides the background without asking the terminal:
// CRM101_THEME=light|dark, then COLORFGBG ("fg;bg", where bg 7 or 9–15
// is a light ANSI colour), else dark, the common case for terminals.
// The app may later learn better from a tea.BackgroundColorMsg.
func ThemeFromEnv(getenv func(string) string) Theme {
	switch strings.ToLower(strings.TrimSpace(getenv("CRM101_THEME"))) {
	case "light":
		return Theme{Dark: false, Fixed: true}
	case "dark":
		return Theme{Dark: true, Fixed: true}
	}
	if v := getenv("COLORFGBG"); v != "" {
		parts := strings.Split(v, ";")
		if bg, err := strconv.Atoi(parts[len(parts)-1]); err == nil {
			return Theme{Dark: !(bg == 7 || (bg >= 9 && bg <= 15))}
		}
	}
	return Theme{Dark: true}
}

// EnvLookup is getenv over an environment list such as an SSH
// session's ("KEY=value", the last of a key winning, as in os/exec).
func EnvLookup(environ []string) func(string) string {
	return func(key string) string {
		for i := len(environ) - 1; i >= 0; i-- {
			if k, v, ok := strings.Cut(environ[i], "="); ok && k == key {
				return v
			}
		}
		return ""
	}
}

// ProgramFPS is the frame rate every crm101 program runs at. Bubble Tea
// v2 renders on a ticker (60 a second by default), so a keystroke's
// frame waits up to one tick: at 120 that wait is at most 8 ms.
const ProgramFPS = 120
