package glossary

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"
	"unsafe"
)

// Limits on pack files. A pack is read whole, so the file limit bounds
// the memory a hostile file can claim; the line limit catches binary or
// broken files early with a message a person can act on.
const (
	MaxPackBytes = 64 << 20
	MaxLineBytes = 1 << 20
	// maxFileProblems stops a binary file from printing a million lines.
	maxFileProblems = 100
)

// PackEntry is one entry as a pack file states it: where it stands, and
// whether it may replace an entry of the same name from an earlier layer.
type PackEntry struct {
	*Entry   // stored in the pack's arena when it has one
	Line     int
	Override bool
	// bad marks an entry with a problem: a lenient load skips it.
	bad bool
}

// Pack is a parsed pack file. Its entries carry Pack = Name.
type Pack struct {
	Path    string // as given on the command line, for messages
	Name    string // the file's base name: the pack's identity
	Format  Format
	Entries []PackEntry
	// Layout is what was read or detected about the file's shape, for
	// deck inspect.
	Layout Layout
	// OnClash settles terms that an earlier layer already defines.
	OnClash OnClash
	// Warnings are things a lenient load settled by itself (an unknown
	// column left out, a duplicate row replaced by the later one); a
	// strict load treats them as problems.
	Warnings PackProblems
	// Skipped counts the notes left out because of a problem.
	Skipped int
	// fatal is set when a problem concerns the whole file, so that not
	// even a lenient load can use any of it.
	fatal bool
	// arena holds the entries in order when the codec stored them in
	// one array: Entries[k].Entry is &arena[k] for every k < len(arena).
	arena []Entry
}

// PackProblem is one thing to fix in a pack, located like a compiler
// error so editors and people can jump to it.
type PackProblem struct {
	File    string
	Line    int // 0 when the problem is about the whole file
	Message string
	tail    bool // "N more problems": sorts after the file's others
}

// String is the problem as validate prints it: "file:line: message".
func (p PackProblem) String() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Message)
	}
	return p.File + ": " + p.Message
}

// PackProblems is every problem found in one run: one per line of Error.
type PackProblems []PackProblem

// Error lists the problems one a line, in the String form.
func (ps PackProblems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// collector gathers the problems of one file, up to maxFileProblems,
// and its warnings.
type collector struct {
	file    string
	list    PackProblems
	dropped int
	// fatal: a problem about the whole file (it cannot be read, or its
	// structure is broken), so none of it is used.
	fatal bool
	// skipped counts notes a parser left out because of a problem.
	skipped  int
	warnings PackProblems
	wdropped int
}

// add reports a problem with one note (the caller skips the note).
func (c *collector) add(line int, format string, args ...any) {
	if len(c.list) >= maxFileProblems {
		c.dropped++
		return
	}
	c.list = append(c.list, PackProblem{File: c.file, Line: line, Message: fmt.Sprintf(format, args...)})
}

// fail reports a problem with the whole file: no entry of it is used.
func (c *collector) fail(line int, format string, args ...any) {
	c.fatal = true
	c.add(line, format, args...)
}

// skip reports a problem that leaves out the note at line.
func (c *collector) skip(line int, format string, args ...any) {
	c.skipped++
	c.add(line, format, args...)
}

// warn notes something a lenient load settles by itself.
func (c *collector) warn(line int, format string, args ...any) {
	if len(c.warnings) >= maxFileProblems {
		c.wdropped++
		return
	}
	c.warnings = append(c.warnings, PackProblem{File: c.file, Line: line, Message: fmt.Sprintf(format, args...)})
}

func (c *collector) warningList() PackProblems {
	if c.wdropped > 0 {
		c.warnings = append(c.warnings, PackProblem{File: c.file, Message: fmt.Sprintf("%d more warnings not shown", c.wdropped), tail: true})
		c.wdropped = 0
	}
	return c.warnings
}

func (c *collector) full() bool { return len(c.list) >= maxFileProblems }

func (c *collector) result() PackProblems {
	if c.dropped > 0 {
		c.list = append(c.list, PackProblem{File: c.file, Message: fmt.Sprintf("%d more problems not shown", c.dropped), tail: true})
	}
	return c.list
}

// ReadPack reads and parses the pack at path with default options (see
// ReadPackWith).
func ReadPack(path string) (*Pack, PackProblems) { return ReadPackWith(path, ReadOptions{}) }

// ReadPackWith reads and parses the pack at path (see ParsePackWith),
// choosing the format with DetectFormat: from the extension or, failing
// that, from the content. Files over MaxPackBytes are refused before
// they are read.
func ReadPackWith(path string, opts ReadOptions) (*Pack, PackProblems) {
	fail := func(msg string, args ...any) (*Pack, PackProblems) {
		return nil, PackProblems{{File: path, Message: fmt.Sprintf(msg, args...)}}
	}
	f, err := os.Open(path)
	if err != nil {
		return fail("cannot open: %v", unwrapPath(err))
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil {
		if st.IsDir() {
			return fail("is a directory, not a pack file")
		}
		if st.Size() > MaxPackBytes {
			return fail("file is %s; packs larger than %s are refused", byteSize(st.Size()), byteSize(MaxPackBytes))
		}
	}
	// The limit also holds for pipes and files that grow while read.
	data, err := readLimited(f, MaxPackBytes+1)
	if err != nil {
		return fail("cannot read: %v", unwrapPath(err))
	}
	if len(data) > MaxPackBytes {
		return fail("file is larger than %s; packs that large are refused", byteSize(MaxPackBytes))
	}
	if why := notText(data); why != "" {
		return fail("%s", why)
	}
	format, err := DetectFormat(path, data)
	if err != nil {
		return fail("%v", err)
	}
	// data is ours and never written again, so the entries may share its
	// memory instead of copying every field.
	return parsePack(path, data, unsafe.String(unsafe.SliceData(data), len(data)), format, opts)
}

// readLimited reads up to limit bytes, sizing the buffer from the file
// so a large pack is read in one allocation.
func readLimited(f *os.File, limit int64) ([]byte, error) {
	size := int64(512)
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
		// ReadFrom wants MinRead bytes free before it sees EOF.
		size = min(st.Size(), limit) + bytes.MinRead
	}
	buf := bytes.NewBuffer(make([]byte, 0, size))
	_, err := buf.ReadFrom(io.LimitReader(f, limit))
	return buf.Bytes(), err
}

func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// ParsePack parses data in format f with default options (see
// ParsePackWith).
func ParsePack(file string, data []byte, f Format) (*Pack, PackProblems) {
	return ParsePackWith(file, data, f, ReadOptions{})
}

// ParsePackWith parses data in format f. file names the pack in messages
// and gives its name. It returns every problem found in the file alone,
// with the entries that could be read (those with a problem are marked,
// so a lenient load skips them and clashes can still be checked), or a
// nil pack when nothing could be read; clashes between packs and with
// the built-in glossary are Layer's job.
func ParsePackWith(file string, data []byte, f Format, opts ReadOptions) (*Pack, PackProblems) {
	return parsePack(file, data, string(data), f, opts)
}

// reading is one pack file being parsed.
type reading struct {
	data []byte
	// text is data as a string; entries are cut from it, so it must
	// never change.
	text   string
	opts   ReadOptions
	c      *collector
	layout Layout
	// arena is where a codec that knows about how many entries to expect
	// stores them (see entryArena); nil: each on its own.
	arena *entryArena
}

// storedIn is r's arena when it holds exactly the first entries, in
// order, as layering.result needs to take it over; else nil.
func (r *reading) storedIn(entries []PackEntry) []Entry {
	if r.arena == nil || len(r.arena.buf) == 0 || len(r.arena.buf) > len(entries) {
		return nil
	}
	for k := range r.arena.buf {
		if entries[k].Entry != &r.arena.buf[k] {
			return nil
		}
	}
	return r.arena.buf
}

func parsePack(file string, data []byte, text string, f Format, opts ReadOptions) (*Pack, PackProblems) {
	c := &collector{file: file}
	pack := &Pack{Path: file, Name: filepath.Base(file), Format: f}
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		c.fail(1, "bad encoding: the file is UTF-16; save it as UTF-8")
		return nil, c.result()
	}
	if bytes.HasPrefix(data, utf8BOM) { // spreadsheets like to add one
		data, text = data[len(utf8BOM):], text[len(utf8BOM):]
	}
	if why := notText(data); why != "" {
		c.fail(1, "%s", why)
		return nil, c.result()
	}
	if !checkLines(data, c) {
		return nil, c.result()
	}
	if len(bytes.TrimSpace(data)) == 0 {
		c.fail(1, "empty file: no terms")
		return nil, c.result()
	}
	r := &reading{data: data, text: text, opts: opts, c: c, layout: Layout{Format: f}}
	var entries []PackEntry
	if cd, ok := lookup(f); ok {
		entries = cd.parse(r)
	} else {
		c.fail(0, "unknown pack format %q", f)
	}
	if len(entries) == 0 && len(c.list) == 0 {
		c.fail(1, "empty file: no terms")
	}
	def, err := r.defaultCategory()
	if err != "" {
		c.fail(0, "%s", err)
	}
	r.layout.DefaultCategory = def
	known := packCategories(entries, def)
	anki := f == FormatAnki
	for i := range entries {
		entries[i].Pack = pack.Name
		for _, p := range screenEntry(file, &entries[i]) { // control characters out, with a warning
			c.warn(p.Line, "%s (removed)", p.Message)
		}
		checkEntry(&entries[i], def, known, anki, c)
	}
	pack.OnClash, err = r.onClash()
	if err != "" {
		c.fail(0, "%s", err)
	}
	r.layout.OnClash = pack.OnClash
	pack.Entries = entries
	pack.arena = r.storedIn(entries)
	pack.Layout = r.layout
	pack.Warnings = c.warningList()
	pack.Skipped = c.skipped
	pack.fatal = c.fatal || (len(entries) == 0 && len(c.list) > 0)
	return pack, c.result()
}

// checkLines refuses over-long lines and reports invalid UTF-8 line by
// line. It returns false when parsing should not even start.
func checkLines(data []byte, c *collector) bool {
	if utf8.Valid(data) {
		// The common case: only line lengths to check, with no decoding.
		for line, rest := 1, data; len(rest) > 0; line++ {
			i := bytes.IndexByte(rest, '\n')
			if i < 0 {
				i = len(rest)
			}
			if i > MaxLineBytes {
				c.fail(line, "line is %s long; lines longer than %s are refused", byteSize(int64(i)), byteSize(MaxLineBytes))
				return false
			}
			rest = rest[min(i+1, len(rest)):]
		}
		return true
	}
	ok := true
	for line, rest := 1, data; len(rest) > 0 && !c.full(); line++ {
		i := bytes.IndexByte(rest, '\n')
		var l []byte
		if i < 0 {
			l, rest = rest, nil
		} else {
			l, rest = rest[:i], rest[i+1:]
		}
		if len(l) > MaxLineBytes {
			c.fail(line, "line is %s long; lines longer than %s are refused", byteSize(int64(len(l))), byteSize(MaxLineBytes))
			ok = false
			continue
		}
		if !utf8.Valid(l) {
			c.add(line, "bad encoding: not valid UTF-8 (save the file as UTF-8)")
		}
	}
	return ok
}

func byteSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// checkEntry tidies one parsed entry, settles its category (see
// settleCategory) and reports what is missing in it, marking it bad.
func checkEntry(e *PackEntry, def Category, known map[string]Category, anki bool, c *collector) {
	e.Term = strings.TrimSpace(e.Term)
	e.Acronym = strings.TrimSpace(e.Acronym)
	e.Definition = strings.TrimSpace(e.Definition)
	e.Example = strings.TrimSpace(e.Example)
	e.Formula = strings.TrimSpace(e.Formula)
	e.Aliases = trimList(e.Aliases)
	e.Related = trimList(e.Related)
	e.Sources = trimList(e.Sources)
	e.Tags = splitTags(e.Tags)
	problem := func(format string, args ...any) {
		if !e.bad {
			e.bad = true
			c.skipped++
		}
		c.add(e.Line, format, args...)
	}
	if e.Term == "" {
		problem("missing term")
	}
	if e.Definition == "" {
		if e.Term != "" {
			problem("missing definition for %q", e.Term)
		} else {
			problem("missing definition")
		}
	}
	for _, a := range e.Aliases {
		if a == "" {
			problem("empty alias")
		}
	}
	if !validText(*e.Entry) {
		// The line itself was reported by checkLines.
		if !e.bad {
			e.bad = true
			c.skipped++
		}
	}
	settleCategory(e, def, known, anki, c)
}

// validText reports whether every text of e is valid UTF-8.
func validText(e Entry) bool {
	for _, s := range [...]string{e.Term, e.Acronym, e.Definition, e.Example, e.Formula, string(e.Category)} {
		if !utf8.ValidString(s) {
			return false
		}
	}
	for _, list := range [...][]string{e.Aliases, e.Related, e.Sources, e.Tags} {
		for _, s := range list {
			if !utf8.ValidString(s) {
				return false
			}
		}
	}
	return true
}

func trimList(list []string) []string {
	if len(list) == 0 {
		return nil
	}
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = strings.TrimSpace(s)
	}
	return out
}

// closest returns the candidate within a couple of typos of s, for
// "did you mean" on column and field names.
func closest(s string, candidates []string) (string, bool) {
	q := []rune(strings.ToLower(s))
	best, bestD := "", 3
	var rows [3][]int
	for _, cand := range candidates {
		if d := osaDistance(q, []rune(cand), 2, &rows); d < bestD {
			best, bestD = cand, d
		}
	}
	return best, best != ""
}

func didYouMean(s string, candidates []string) string {
	if c, ok := closest(s, candidates); ok {
		return fmt.Sprintf(" (did you mean %q?)", c)
	}
	return ""
}
