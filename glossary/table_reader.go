package glossary

import "strings"

// tableReader cuts delimited text into records. Fields are quoted the
// way spreadsheets and Anki write them: a field that starts with a quote
// runs to the closing quote, "" inside it is one quote, and it may hold
// separators and line breaks. A quote elsewhere is just a character.
// Unquoted fields are cut from the text without copying, which keeps a
// 100,000-term pack cheap to read.
type tableReader struct {
	s    string
	pos  int
	line int // line of s[pos]
	sep  string
	// raw rows (Quizlet's custom separators) are not quoted, end at
	// rowSep (a line end when empty), and split at their first sep only.
	raw    bool
	rowSep string
	// comments: a row starting with # is skipped, as Anki does.
	comments bool
	c        *collector // for warnings; nil while detecting
	buf      []string
	// peeked holds a record read ahead by peek.
	peeked     []string
	peekedLine int
	hasPeeked  bool
}

// peek reads the next record without consuming it.
func (t *tableReader) peek() ([]string, int, bool) {
	if !t.hasPeeked {
		rec, line, ok := t.read()
		if !ok {
			return nil, 0, false
		}
		t.peeked, t.peekedLine, t.hasPeeked = append([]string(nil), rec...), line, true
	}
	return t.peeked, t.peekedLine, true
}

// next returns the next record and the line it starts on. The slice is
// reused by the following call.
func (t *tableReader) next() ([]string, int, bool) {
	if t.hasPeeked {
		t.hasPeeked = false
		return t.peeked, t.peekedLine, true
	}
	return t.read()
}

// sampleWidth is the most fields among the first records, read ahead
// without consuming them.
func (t *tableReader) sampleWidth() int {
	probe := *t
	probe.buf, probe.c, probe.hasPeeked = nil, nil, false
	width := 0
	if t.hasPeeked {
		width = len(t.peeked)
	}
	for n := 0; n < detectSample; n++ {
		rec, _, ok := probe.read()
		if !ok {
			break
		}
		width = max(width, len(rec))
	}
	return width
}

func (t *tableReader) read() ([]string, int, bool) {
	for t.pos < len(t.s) {
		if t.raw {
			return t.readRaw()
		}
		c := t.s[t.pos]
		if c == '\n' || c == '\r' && t.pos+1 < len(t.s) && t.s[t.pos+1] == '\n' {
			// An empty line is no record at all.
			t.skipLine()
			continue
		}
		if t.comments && c == '#' {
			if t.c != nil {
				t.c.warn(t.line, "the line starts with # and is read as a comment, as Anki does; quote a term that starts with #")
			}
			t.skipLine()
			continue
		}
		return t.readQuoted()
	}
	return nil, 0, false
}

func (t *tableReader) skipLine() {
	if i := strings.IndexByte(t.s[t.pos:], '\n'); i >= 0 {
		t.pos += i + 1
	} else {
		t.pos = len(t.s)
	}
	t.line++
}

// readQuoted reads one record of quoted fields.
func (t *tableReader) readQuoted() ([]string, int, bool) {
	start := t.line
	rec := t.buf[:0]
	s := t.s
	single := len(t.sep) == 1
	var sb byte
	if single {
		sb = t.sep[0]
	}
	for {
		var field string
		p := t.pos
		if p < len(s) && s[p] == '"' {
			if f, end, ok := t.quoted(p); ok {
				field, p = f, end
			} else {
				// No closing quote: the quote is a character, so one
				// stray quote does not swallow the rest of the file.
				if t.c != nil {
					t.c.warn(t.line, "a quote opens a field but never closes; read as a character")
				}
				field, p = t.plain(p+1, single, sb)
				field = `"` + field
			}
		} else {
			field, p = t.plain(p, single, sb)
		}
		rec = append(rec, field)
		switch {
		case p >= len(s):
			t.pos = len(s)
			t.buf = rec
			return rec, start, true
		case s[p] == '\n':
			t.pos = p + 1
			t.line++
			t.buf = rec
			return rec, start, true
		default: // at a separator
			t.pos = p + len(t.sep)
		}
	}
}

// plain reads an unquoted field from p to the next separator or line
// end, without the \r of a CRLF.
func (t *tableReader) plain(p int, single bool, sb byte) (string, int) {
	s := t.s
	end := p
	if single {
		for end < len(s) && s[end] != sb && s[end] != '\n' {
			end++
		}
	} else {
		for end < len(s) && s[end] != '\n' && !strings.HasPrefix(s[end:], t.sep) {
			end++
		}
	}
	field := s[p:end]
	if (end == len(s) || s[end] == '\n') && strings.HasSuffix(field, "\r") {
		field = field[:len(field)-1]
	}
	return field, end
}

// quoted reads a quoted field starting at the quote at p, and anything
// after its closing quote up to the separator or line end (kept as
// written, as Anki's reader keeps it). It returns false when the quote
// never closes.
func (t *tableReader) quoted(p int) (string, int, bool) {
	s := t.s
	q := p + 1
	var b strings.Builder
	escaped := false
	seg := q
	for {
		i := strings.IndexByte(s[q:], '"')
		if i < 0 {
			return "", p, false
		}
		q += i
		if q+1 < len(s) && s[q+1] == '"' {
			if !escaped {
				escaped = true
				b.Grow(len(s[seg:q]) + 64)
			}
			b.WriteString(s[seg : q+1])
			q += 2
			seg = q
			continue
		}
		break
	}
	var field string
	if escaped {
		b.WriteString(s[seg:q])
		field = b.String()
	} else {
		field = s[seg:q]
	}
	t.line += strings.Count(s[p:q], "\n")
	if strings.Contains(field, "\r\n") {
		field = strings.ReplaceAll(field, "\r\n", "\n")
	}
	end := q + 1
	single := len(t.sep) == 1
	var sb byte
	if single {
		sb = t.sep[0]
	}
	if rest, after := t.plain(end, single, sb); rest != "" {
		field += rest
		end = after
	} else {
		end = after
	}
	return field, end, true
}

// readRaw reads one unquoted row ending at rowSep (or a line end) and
// splits it at its first separator: Quizlet writes no quotes, so a
// definition may hold the separator and, with a custom row separator,
// line breaks.
func (t *tableReader) readRaw() ([]string, int, bool) {
	s := t.s
	// Leading line breaks belong to no row (a custom row separator is
	// often followed by one).
	for t.pos < len(s) && (s[t.pos] == '\n' || s[t.pos] == '\r') {
		if s[t.pos] == '\n' {
			t.line++
		}
		t.pos++
	}
	if t.pos >= len(s) {
		return nil, 0, false
	}
	sep := t.rowSep
	if sep == "" {
		sep = "\n"
	}
	row := s[t.pos:]
	next := len(s)
	if i := strings.Index(row, sep); i >= 0 {
		row, next = row[:i], t.pos+i+len(sep)
	}
	start := t.line
	t.line += strings.Count(s[t.pos:next], "\n")
	t.pos = next
	row = strings.TrimSuffix(row, "\r")
	rec := t.buf[:0]
	if term, def, ok := strings.Cut(row, t.sep); ok {
		rec = append(rec, term, def)
	} else {
		rec = append(rec, row)
	}
	t.buf = rec
	return rec, start, true
}
