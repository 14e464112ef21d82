package quiz

import (
	"slices"
	"strings"
	"testing"
)

// Modes are data too: command-line names that never change, and only
// kinds the table knows.
func TestModeTable(t *testing.T) {
	names := []string{"mixed", "flashcards", "choice", "typed", "metrics", "compare"}
	var got []string
	for _, m := range Modes() {
		got = append(got, m.String())
		if m.Label() == "" {
			t.Errorf("%v has no label", m)
		}
		kinds := m.Kinds()
		if len(kinds) == 0 {
			t.Errorf("%v asks no kinds", m)
		}
		for i, k := range kinds {
			if !k.Valid() {
				t.Errorf("%v lists the unknown kind %q", m, k)
			}
			if slices.Contains(kinds[:i], k) {
				t.Errorf("%v lists %q twice", m, k)
			}
		}
		if p, err := ParseMode(strings.ToUpper(m.String())); err != nil || p != m {
			t.Errorf("ParseMode(%q) = %v, %v", strings.ToUpper(m.String()), p, err)
		}
	}
	if !slices.Equal(got, names) {
		t.Errorf("mode names %q, want %q (they are --mode values)", got, names)
	}
	if !slices.Equal(MixedMode.Kinds(), Kinds()) {
		t.Errorf("mixed asks %q, want every kind", MixedMode.Kinds())
	}
	if _, err := ParseMode("essay"); err == nil || !strings.Contains(err.Error(), "flashcards") {
		t.Errorf("bad mode error: %v", err)
	}
	if m := Mode(99); m.String() != "mode(99)" || m.Label() != "mode(99)" || !slices.Equal(m.Kinds(), Kinds()) {
		t.Errorf("unknown mode: %q %q %q", m.String(), m.Label(), m.Kinds())
	}
}
