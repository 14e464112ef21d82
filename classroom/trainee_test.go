package classroom

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestClipName(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"ana", "ana"},
		{"\x1b]0;pwn\aana\r\n bo", "]0;pwnana bo"},
		{strings.Repeat("x", 40), strings.Repeat("x", MaxNameEcho-1) + "…"},
		{strings.Repeat("é", 32), strings.Repeat("é", 32)},
	} {
		got := ClipName(tt.in)
		if got != tt.want {
			t.Errorf("ClipName(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if utf8.RuneCountInString(got) > MaxNameEcho {
			t.Errorf("ClipName(%q) has %d characters", tt.in, utf8.RuneCountInString(got))
		}
	}
}
