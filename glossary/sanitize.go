package glossary

import (
	"strings"
	"unicode/utf8"
)

// Everything crm101 prints from data (pack text, trainee names, the
// cohort report) passes through Printable, so no escape sequence in a
// pack or an SSH user name reaches a terminal: ESC and BEL sequences can
// clear screens, set window titles and, in some terminals, write the
// clipboard. It lives here, not in its own package, because glossary is
// the one package every printing layer (ui, classroom, the CLI) already
// imports, and pack text is the largest source of such characters.

// IsControl reports whether r may not reach a terminal from data: the
// C0 controls U+0000–U+001F other than newline and tab, DEL (U+007F)
// and the C1 controls U+0080–U+009F. Judge decoded runes, never bytes:
// bytes 0x80–0x9F occur inside ordinary UTF-8.
func IsControl(r rune) bool {
	return (r < 0x20 && r != '\n' && r != '\t') || (r >= 0x7f && r <= 0x9f)
}

// Printable returns s without control characters (see IsControl), and
// with each byte that is not valid UTF-8 replaced by U+FFFD, since a
// stray 0x9B byte is CSI to an 8-bit terminal. Newlines and tabs are
// kept; text for a single line should fold them itself. Clean text,
// the common case, is returned as it is without allocating.
func Printable(s string) string {
	i := firstUnclean(s)
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteRune(utf8.RuneError)
		case !IsControl(r):
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// FirstControl returns the first control character in s and whether
// there is one, for validation messages ("control character U+001B").
// Invalid UTF-8 is not a control character here: Printable replaces it.
func FirstControl(s string) (rune, bool) {
	for _, r := range s {
		if r != utf8.RuneError && IsControl(r) {
			return r, true
		}
	}
	return 0, false
}

// firstUnclean is the index of the first byte of s that Printable would
// change, or len(s). Printable ASCII is checked a byte at a time; only
// text beyond ASCII is decoded.
func firstUnclean(s string) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\n' && c != '\t' || c == 0x7f {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || IsControl(r) {
			return i
		}
		i += size
	}
	return len(s)
}

// PrintableEntry is e with every text field made Printable, for the
// places that put an entry on a terminal.
func PrintableEntry(e Entry) Entry {
	list := func(l []string) []string {
		out := make([]string, len(l))
		for i, s := range l {
			out[i] = Printable(s)
		}
		return out
	}
	e.Term, e.Acronym, e.Category = Printable(e.Term), Printable(e.Acronym), Category(Printable(string(e.Category)))
	e.Definition, e.Example, e.Formula, e.Pack = Printable(e.Definition), Printable(e.Example), Printable(e.Formula), Printable(e.Pack)
	e.Aliases, e.Related, e.Sources, e.Tags = list(e.Aliases), list(e.Related), list(e.Sources), list(e.Tags)
	return e
}
