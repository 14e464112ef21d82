package sshd

import "testing"

func TestJoinCode(t *testing.T) {
	code, err := NewJoinCode()
	if err != nil {
		t.Fatal(err)
	}
	if len(code) != CodeLength {
		t.Errorf("code %q has %d characters", code, len(code))
	}
	if !codeMatches(" "+code+" ", code) || !codeMatches(lower(code), code) {
		t.Error("code should match ignoring case and spaces")
	}
	if codeMatches(code[:CodeLength-1], code) || codeMatches("", code) {
		t.Error("a prefix or nothing matched")
	}
}

func lower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
