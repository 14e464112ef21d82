package sshd

import (
	"strings"
	"testing"
)

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

// The README's sum: 6 characters from 25, 30 wrong tries a minute per
// address for 4 h, give a chance of about 3×10⁻⁵.
func TestGuessChance(t *testing.T) {
	p := GuessChance(CodeLength, DefaultFailBurst, DefaultFailRate, DefaultMaxSession)
	if p < 2.5e-5 || p > 3.5e-5 {
		t.Errorf("chance %.2g, want about 3e-5", p)
	}
	if p4 := GuessChance(4, DefaultFailBurst, DefaultFailRate, DefaultMaxSession); p4 < 0.01 {
		t.Errorf("a 4-character code: chance %.2g, want over 1%%", p4)
	}
	if GuessChance(1, DefaultFailBurst, DefaultFailRate, DefaultMaxSession) != 1 {
		t.Error("a chance above 1")
	}
	sum := GuessSum(CodeLength, Config{})
	if !strings.Contains(sum, "7230 wrong tries") || !strings.Contains(sum, "3e-05") {
		t.Errorf("sum %q", sum)
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
