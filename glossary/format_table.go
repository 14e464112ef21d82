package glossary

import (
	"strings"
	"unicode/utf8"
)

// A table is a delimited file: CSV, TSV, Anki's plain-text notes and
// Quizlet's exports. All are read the way Anki's text importer reads
// them (rslib/src/import_export/text/csv in ankitects/anki): a legacy
// "tags:" first line, "#key:value" header lines, a separator that is
// detected unless stated, an optional header row, and columns term,
// definition and tags when there is no header.

// tableKind is what differs between the delimited formats.
type tableKind struct {
	// sep is the separator the extension suggests: it wins ties in
	// detection and is the fallback.
	sep string
	// anki: fields may be HTML, a definition may carry labelled lines,
	// and a row starting with # is a comment.
	anki bool
}

// tableHeaderKeys are the "#key:value" lines read before the rows:
// Anki's own, and crm101's category and on-clash.
var tableHeaderKeys = map[string]bool{
	"separator": true, "html": true, "tags": true, "columns": true, "notetype": true, "deck": true,
	"notetype column": true, "deck column": true, "tags column": true, "guid column": true,
	"if matches": true, "match scope": true, "category": true, "on-clash": true,
}

// separatorCandidates are tried in Anki's order.
var separatorCandidates = []string{"\t", "|", ";", ":", ","}

// detectSample is how many records separator detection looks at.
const detectSample = 20

// columnAliases are the header names, beyond crm101's own field names,
// that Anki, Quizlet and spreadsheets use.
var columnAliases = map[string]string{
	"front": "term", "question": "term", "word": "term", "term": "term",
	"back": "definition", "answer": "definition", "meaning": "definition", "definition": "definition",
	"tags": "tags",
}

// columnField is the field a header cell names, or "".
func columnField(cell string) string {
	name := columnName(cell)
	if f, ok := columnAliases[name]; ok {
		return f
	}
	if knownField(name) {
		return name
	}
	return ""
}

// parseTable reads a delimited file.
func parseTable(r *reading, kind tableKind) []PackEntry {
	text, line := r.text, 1
	lay := &r.layout
	lay.headers = map[string]string{}
	// Anki still reads the "tags:" first line of very old exports.
	if rest, ok := strings.CutPrefix(text, "tags:"); ok {
		l, after := cutLine(rest)
		lay.Tags = strings.Fields(l)
		text, line = after, line+1
	}
	for strings.HasPrefix(text, "#") {
		l, after := cutLine(text)
		key, value, ok := strings.Cut(l[1:], ":")
		key = strings.ToLower(strings.TrimSpace(key))
		switch {
		case ok && tableHeaderKeys[key]:
			lay.headers[key] = strings.TrimSpace(value)
		case kind.anki:
			r.c.warn(line, "unknown header %q, read as a comment", l)
		default:
			goto body // a spreadsheet's first term may start with #
		}
		text, line = after, line+1
	}
body:
	if v, ok := lay.headers["tags"]; ok {
		lay.Tags = append(lay.Tags, strings.Fields(v)...)
	}
	tr, ok := r.tableReader(text, line, kind)
	if !ok {
		return nil
	}
	lay.HTML = kind.anki
	if v, ok := lay.headers["html"]; ok && kind.anki {
		b, valid := parseBool(v)
		if !valid {
			r.c.warn(0, "#html is %q, want true or false; read as true", v)
			b = true
		}
		lay.HTML = b
	} else if kind.anki {
		lay.HTML = looksHTML(text)
	}
	cols, ok := r.columns(tr, kind)
	if !ok {
		return nil
	}
	// One row a line is the common case: size the slice once, and the
	// arena with room for the layers below (see ReadOptions.reserve).
	rows := strings.Count(text, "\n") + 1
	entries := make([]PackEntry, 0, rows)
	r.arena = newEntryArena(rows + r.opts.reserve)
	for {
		rec, at, more := tr.next()
		if !more {
			break
		}
		if blankRecord(rec) {
			continue // a spreadsheet's empty row (",,,")
		}
		if pe, ok := r.tableRow(rec, at, cols, kind); ok {
			entries = append(entries, pe)
		}
	}
	return entries
}

// tableReader chooses the separator and returns a reader of the rows.
func (r *reading) tableReader(text string, line int, kind tableKind) (*tableReader, bool) {
	lay := &r.layout
	sep, from := "", ""
	switch {
	case r.opts.Separator != "":
		s, ok := separatorText(r.opts.Separator, true)
		if !ok {
			r.c.fail(0, "--separator %q is not a separator", r.opts.Separator)
			return nil, false
		}
		sep, from = s, "--separator"
	case lay.headers["separator"] != "":
		s, ok := separatorText(lay.headers["separator"], false)
		if !ok {
			r.c.fail(0, "unknown #separator %q (want tab, comma, semicolon, space, pipe, colon or one character)", lay.headers["separator"])
			return nil, false
		}
		sep, from = s, "#separator"
	default:
		sep, from = detectSeparator(text, kind)
	}
	rowSep := ""
	if r.opts.RowSeparator != "" {
		rowSep = unescape(r.opts.RowSeparator)
	}
	lay.Separator, lay.SeparatorFrom, lay.RowSeparator = separatorName(sep), from, separatorName(rowSep)
	tr := &tableReader{s: text, line: line, sep: sep, rowSep: rowSep, comments: kind.anki, c: r.c}
	tr.raw = rowSep != "" || utf8.RuneCountInString(sep) > 1
	return tr, true
}

// detectSeparator picks the candidate that splits the first records into
// the same number of fields, at least two; ties go to the extension's
// separator, then Anki's order. Anki itself takes the first candidate
// that occurs at all, so "CLV:CAC Ratio" splits on the colon.
func detectSeparator(text string, kind tableKind) (string, string) {
	order := make([]string, 0, len(separatorCandidates))
	order = append(order, kind.sep)
	for _, s := range separatorCandidates {
		if s != kind.sep {
			order = append(order, s)
		}
	}
	for _, sep := range order {
		tr := &tableReader{s: text, line: 1, sep: sep, comments: kind.anki}
		n, fields, same := 0, -1, true
		for n < detectSample {
			rec, _, more := tr.next()
			if !more {
				break
			}
			if blankRecord(rec) && len(rec) < 2 {
				continue
			}
			if fields >= 0 && len(rec) != fields {
				same = false
				break
			}
			fields = len(rec)
			n++
		}
		if same && fields >= 2 {
			return sep, "detected"
		}
	}
	return kind.sep, "default"
}

// separatorText reads a separator as a name or as itself; free text
// (several characters, escapes like \t) only from the command line.
func separatorText(v string, free bool) (string, bool) {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "tab", `\t`:
		return "\t", true
	case "comma":
		return ",", true
	case "semicolon":
		return ";", true
	case "space":
		return " ", true
	case "pipe":
		return "|", true
	case "colon":
		return ":", true
	}
	if free {
		v = unescape(v)
		return v, v != "" && !strings.ContainsAny(v, "\"") && v != "\n"
	}
	if r, size := utf8.DecodeRuneInString(v); size == len(v) && r != utf8.RuneError && r != 0 && r != '"' && r != '\n' && r != '\r' {
		return v, true
	}
	return "", false
}

// separatorName is how inspect shows a separator.
func separatorName(sep string) string {
	switch sep {
	case "\t":
		return "tab"
	case ",":
		return "comma"
	case ";":
		return "semicolon"
	case " ":
		return "space"
	case "|":
		return "pipe"
	case ":":
		return "colon"
	}
	return strings.NewReplacer("\n", `\n`, "\t", `\t`, "\r", `\r`).Replace(sep)
}

// unescape reads \n, \t, \r and \\ in a command-line separator.
func unescape(s string) string {
	return strings.NewReplacer(`\n`, "\n", `\t`, "\t", `\r`, "\r", `\\`, `\`).Replace(s)
}

// columns maps the columns: from #columns, else a header row, else term,
// definition and tags in that order; #… column headers claim theirs
// first. It reports false when no term or no definition column exists.
func (r *reading) columns(tr *tableReader, kind tableKind) ([]Column, bool) {
	lay := &r.layout
	special := map[int]string{}
	for _, key := range []string{"guid column", "notetype column", "deck column", "tags column"} {
		v, ok := lay.headers[key]
		if !ok {
			continue
		}
		n, valid := atoiPositive(v)
		if !valid {
			r.c.fail(0, "#%s is %q, want a column number from 1", key, v)
			return nil, false
		}
		special[n-1] = strings.TrimSuffix(key, " column")
	}
	var names []string
	switch {
	case lay.headers["columns"] != "":
		sub := &tableReader{s: lay.headers["columns"], line: 1, sep: tr.sep}
		names, _, _ = sub.next()
		names = append([]string(nil), names...)
		lay.HeaderLine = -1 // a header line, not a row
	default:
		if rec, at, ok := tr.peek(); ok && isHeaderRow(rec) {
			names = append([]string(nil), rec...)
			lay.HeaderLine = at
			tr.next()
		}
	}
	width := len(names)
	if names == nil {
		width = tr.sampleWidth()
	}
	for i := range special {
		width = max(width, i+1)
	}
	cols := make([]Column, width)
	seen := map[string]int{}
	var unknown []string
	plain := 0 // columns mapped by position, without a header
	for i := range cols {
		col := &cols[i]
		col.Index = i + 1
		if i < len(names) {
			col.Name = names[i]
		}
		if s, ok := special[i]; ok {
			if s == "tags" {
				col.Field = "tags"
			} else {
				col.Note = s
			}
			continue
		}
		if names == nil {
			defaults := []string{"term", "definition", "tags"}
			for plain < len(defaults) && seen[defaults[plain]] > 0 {
				plain++
			}
			if plain < len(defaults) && !(defaults[plain] == "tags" && hasField(cols, "tags")) {
				col.Field = defaults[plain]
				seen[col.Field] = i + 1
				plain++
			} else {
				col.Note = "no header"
			}
			continue
		}
		f := columnField(col.Name)
		switch {
		case strings.TrimSpace(col.Name) == "":
			col.Note = "no name"
		case f == "":
			col.Note = "unknown column"
			unknown = append(unknown, col.Name)
		case seen[f] > 0:
			col.Note = "repeats column " + itoa(seen[f])
			r.c.warn(lay.headerLine(), "column %q repeats %s (column %d); only the first is read", col.Name, f, seen[f])
		default:
			col.Field = f
			seen[f] = i + 1
		}
	}
	if len(unknown) > 0 {
		r.c.warn(lay.headerLine(), "%s left out%s; crm101 reads term (Front, Question, Word), definition (Back, Answer, Meaning), tags and its own fields",
			quotedList("column", unknown), didYouMean(columnName(unknown[0]), packFields))
	}
	if names == nil {
		var extra []string
		for _, c := range cols {
			if c.Note == "no header" {
				extra = append(extra, itoa(c.Index))
			}
		}
		if len(extra) > 0 {
			r.c.warn(0, "with no header row, columns are term, definition and tags; column %s left out", strings.Join(extra, ", "))
		}
	}
	lay.Columns = cols
	for _, need := range []string{"term", "definition"} {
		if !hasField(cols, need) {
			r.c.fail(lay.headerLine(), "no %s column: name one in the header (%s)", need, aliasesOf(need))
			return nil, false
		}
	}
	return cols, true
}

func (l *Layout) headerLine() int { return max(l.HeaderLine, 0) }

func hasField(cols []Column, f string) bool {
	for _, c := range cols {
		if c.Field == f {
			return true
		}
	}
	return false
}

func aliasesOf(field string) string {
	switch field {
	case "term":
		return "Term, Front, Question or Word"
	case "definition":
		return "Definition, Back, Answer or Meaning"
	}
	return field
}

func quotedList(noun string, names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = `"` + n + `"`
	}
	if len(q) == 1 {
		return noun + " " + q[0] + " is"
	}
	return noun + "s " + strings.Join(q[:len(q)-1], ", ") + " and " + q[len(q)-1] + " are"
}

// isHeaderRow: every non-empty cell names a column, or the row names
// both a term and a definition column (the others are then unknown
// columns, left out with a warning).
func isHeaderRow(rec []string) bool {
	all, term, def, any := true, false, false, false
	for _, cell := range rec {
		if strings.TrimSpace(cell) == "" {
			continue
		}
		any = true
		switch columnField(cell) {
		case "":
			all = false
		case "term":
			term = true
		case "definition":
			def = true
		}
	}
	return any && (all || term && def)
}

// tableRow turns one record into an entry.
func (r *reading) tableRow(rec []string, line int, cols []Column, kind tableKind) (PackEntry, bool) {
	var fe fileEntry
	bad := false
	for i, cell := range rec {
		if i >= len(cols) {
			if strings.TrimSpace(cell) != "" {
				r.c.skip(line, "%s, want %d as in %s", fields(len(rec)), len(cols), r.layout.columnSource())
				return PackEntry{}, false
			}
			continue
		}
		f := cols[i].Field
		switch {
		case f == "":
			continue
		case f == "tags":
			fe.Tags = append(fe.Tags, cell)
			continue
		case f == "definition" && kind.anki:
			readBack(cell, r.layout.HTML, &fe)
			continue
		case kind.anki && r.layout.HTML:
			cell = stripHTML(cell)
		}
		if msg := fe.set(f, cell); msg != "" {
			r.c.add(line, "%s", msg)
			bad = true
		}
	}
	if len(r.layout.Tags) > 0 {
		fe.Tags = append(append([]string(nil), r.layout.Tags...), fe.Tags...)
	}
	pe := r.arena.packEntry(fe, line)
	if bad {
		pe.bad = true
		r.c.skipped++
	}
	return pe, true
}

func (l *Layout) columnSource() string {
	if l.HeaderLine != 0 {
		return "the header"
	}
	return "the first rows"
}

func blankRecord(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// looksHTML reports whether text holds a tag or an entity, as Anki
// decides whether a file without #html is HTML.
func looksHTML(text string) bool {
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '<':
			if i+1 < len(text) && isTagStart(text[i+1]) {
				if end := strings.IndexAny(text[i+1:], "<>\n"); end >= 0 && text[i+1+end] == '>' {
					return true
				}
			}
		case '&':
			j := i + 1
			if j < len(text) && text[j] == '#' {
				j++
			}
			k := j
			for k < len(text) && k-j < 10 && (text[k] >= 'a' && text[k] <= 'z' || text[k] >= 'A' && text[k] <= 'Z' || text[k] >= '0' && text[k] <= '9') {
				k++
			}
			if k > j && k < len(text) && text[k] == ';' {
				return true
			}
		}
	}
	return false
}

func atoiPositive(s string) (int, bool) {
	s = strings.TrimSpace(s)
	n := 0
	for _, c := range []byte(s) {
		if c < '0' || c > '9' || n > 1<<20 {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, s != "" && n >= 1
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for ; n > 0; n /= 10 {
		i--
		b[i] = byte('0' + n%10)
	}
	return string(b[i:])
}

func cutLine(s string) (line, rest string) {
	i := strings.IndexByte(s, '\n')
	if i < 0 {
		return strings.TrimSuffix(s, "\r"), ""
	}
	return strings.TrimSuffix(s[:i], "\r"), s[i+1:]
}
