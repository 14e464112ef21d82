package glossary

import (
	"strings"
	"testing"
)

// Key's ASCII fast path must agree with the plain definition.
func FuzzKey(f *testing.F) {
	for _, s := range []string{"", " ", "Churn Rate", "  churn\t\nRATE ", "a  b", "Ü ber", "x\v\fy", "already folded"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := strings.ToLower(strings.Join(strings.Fields(s), " "))
		if got := Key(s); got != want {
			t.Fatalf("Key(%q) = %q, want %q", s, got, want)
		}
	})
}
