package glossary

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestPrintable(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Churn Rate", "Churn Rate"},
		{"line one\n\tline two", "line one\n\tline two"},
		{"\x1b[2J\x1b]0;pwn\aEvil", "[2J]0;pwnEvil"},
		{"a\rb\x00c\x7fd", "abcd"},
		{"C1 \u009b31m red \u0085", "C1 31m red "},
		{"raw byte \x9b31m", "raw byte \uFFFD31m"},
		{"Net Promoter Score — NPS® ü 日本 🙂", "Net Promoter Score — NPS® ü 日本 🙂"},
		{"\u00a0no-break space and \u00e9", "\u00a0no-break space and \u00e9"},
	} {
		if got := Printable(tt.in); got != tt.want {
			t.Errorf("Printable(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if r, ok := FirstControl("ok\x1b[2J"); !ok || r != 0x1b {
		t.Errorf("FirstControl = %U, %v", r, ok)
	}
	if _, ok := FirstControl("tab\tand\nnewline"); ok {
		t.Error("tab and newline reported as control characters")
	}
}

// FuzzPrintable holds Printable to its promise on any input: valid
// UTF-8 out, no control character out, stable when applied twice, and
// clean input left as it is.
func FuzzPrintable(f *testing.F) {
	for _, s := range []string{"", "Churn", "\x1b[2J\x1b]0;pwn\aEvil", "\u009b1m", "\x9b\xc2\x9b", "日本\n\t", "\xff\xfe", "\xc2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Printable(s)
		if !utf8.ValidString(out) {
			t.Fatalf("Printable(%q) = %q is not valid UTF-8", s, out)
		}
		for _, r := range out {
			if IsControl(r) {
				t.Fatalf("Printable(%q) = %q keeps %U", s, out, r)
			}
		}
		if again := Printable(out); again != out {
			t.Fatalf("not stable: %q then %q", out, again)
		}
		if _, bad := FirstControl(s); !bad && utf8.ValidString(s) && out != s {
			t.Fatalf("clean %q changed to %q", s, out)
		}
		if len(out) > 3*len(s) || (len(s) > 0 && strings.Count(out, "\uFFFD") > len(s)) {
			t.Fatalf("output %q out of proportion to %q", out, s)
		}
	})
}

func BenchmarkPrintableClean(b *testing.B) {
	s := strings.Repeat("Customer Lifetime Value — the revenue a customer brings. ", 20)
	b.ReportAllocs()
	for b.Loop() {
		_ = Printable(s)
	}
}
