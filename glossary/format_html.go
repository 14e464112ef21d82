package glossary

import (
	"html"
	"strings"
)

// stripHTML turns an Anki field into plain text: line-breaking tags
// (<br>, <hr>, the end of <div>, <p>, <li>) become newlines, every other tag
// goes, entities are decoded and non-breaking spaces become spaces.
// A '<' that does not open a tag ("a < b") stays.
func stripHTML(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return s
	}
	var b strings.Builder
	for len(s) > 0 {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		s = s[i:]
		end := strings.IndexByte(s, '>')
		if end < 0 || len(s) < 2 || !isTagStart(s[1]) {
			b.WriteByte('<')
			s = s[1:]
			continue
		}
		switch tagBreak(s[1:end]) {
		case breakAfter:
			b.WriteByte('\n')
		case breakBefore:
			// <div>b</div> after "a" starts a new line; at the start of
			// the field or after a break it adds none.
			if t := b.String(); t != "" && !strings.HasSuffix(t, "\n") {
				b.WriteByte('\n')
			}
		}
		s = s[end+1:]
	}
	text := html.UnescapeString(b.String())
	return strings.TrimRight(strings.ReplaceAll(text, "\u00a0", " "), "\n")
}

func isTagStart(c byte) bool {
	return c == '/' || c == '!' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

const (
	noBreak = iota
	breakAfter
	breakBefore
)

func tagBreak(tag string) int {
	name := strings.ToLower(strings.TrimRight(strings.Fields(tag + " ")[0], "/"))
	switch name {
	case "br", "hr", "/div", "/p", "/li":
		return breakAfter
	case "div", "p", "li":
		return breakBefore
	}
	return noBreak
}

// toHTML is stripHTML's inverse for export: text is escaped and line
// breaks become <br>, so stripHTML(toHTML(s)) == s.
func toHTML(s string) string {
	return strings.ReplaceAll(html.EscapeString(s), "\n", "<br>")
}
