package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"

	"github.com/crm101/crm101/glossary"
)

// The start-up and keystroke benchmarks measure crm101 against two
// anchors started in the same run, one after the other in rotating
// order, so a busy machine slows all three alike: fzf over the same names,
// and the framework floor, a bare Bubble Tea v2 program at the same frame
// rate (testdata/floor). They report medians and ratios; they never judge
// them. Run them as the README's Performance section says:
//
//	go test . -run '^$' -bench 'Startup|Keystroke' -benchtime 7x

// anchors are the programs a benchmark compares, in the order of the
// first iteration.
type anchors struct {
	names            string // file of the built-in terms, one a line
	floor, crm, fzf  string // binaries
	count            int    // names in the file
	home, crmDataDir string
}

func newAnchors(b *testing.B) *anchors {
	b.Helper()
	fzf, err := exec.LookPath("fzf")
	if err != nil {
		b.Skip("fzf is not installed (apt-get install fzf): it is one of the anchors measured in the same run")
	}
	g, err := glossary.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	terms := make([]string, g.Len())
	for i := range terms {
		terms[i] = g.At(i).Term
	}
	names := filepath.Join(dir, "names.txt")
	if err := os.WriteFile(names, []byte(strings.Join(terms, "\n")+"\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	floor := filepath.Join(dir, "floor")
	if out, err := exec.Command("go", "build", "-o", floor, "./testdata/floor").CombinedOutput(); err != nil {
		b.Fatalf("build the floor: %v\n%s", err, out)
	}
	a := &anchors{names: names, floor: floor, crm: crm101BinaryB(b), fzf: fzf, count: len(terms),
		home: dir, crmDataDir: filepath.Join(dir, "data")}
	// One untimed start of each: binaries in the page cache, and a
	// progress database that already exists, as it does for a learner.
	for _, p := range a.programs() {
		t := a.start(b, p, false)
		t.waitFor(b, p.ready)
		t.quit(b)
	}
	return a
}

// program is one of the three, with the text that shows its first frame.
type program struct {
	name  string
	ready string
}

func (a *anchors) programs() []program {
	return []program{
		{"floor", "Search"},
		{"crm101", "Search"},
		{"fzf", fmt.Sprintf("%d/%d", a.count, a.count)},
	}
}

// rotated is the programs in the order of iteration i: each goes first,
// second and third equally often.
func (a *anchors) rotated(i int) []program {
	ps := a.programs()
	return append(ps[i%len(ps):], ps[:i%len(ps)]...)
}

func (a *anchors) start(b *testing.B, p program, answer bool) *termProc {
	b.Helper()
	var cmd *exec.Cmd
	switch p.name {
	case "floor":
		cmd = exec.Command(a.floor, a.names)
	case "crm101":
		cmd = exec.Command(a.crm, "--data-dir", a.crmDataDir)
	case "fzf":
		cmd = exec.Command(a.fzf)
		f, err := os.Open(a.names)
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { f.Close() })
		cmd.Stdin = f // fzf reads the list here and keys from its tty
	}
	cmd.Env = []string{"TERM=xterm-256color", "HOME=" + a.home, "PATH=" + os.Getenv("PATH")}
	return startTermProc(b, cmd, answer)
}

// BenchmarkStartup measures process start to first frame on a pty, for
// crm101, the floor and fzf, on a terminal that answers nothing and on
// one that answers the queries a modern terminal answers.
func BenchmarkStartup(b *testing.B) {
	a := newAnchors(b)
	for _, answer := range []bool{false, true} {
		name := "silent"
		if answer {
			name = "answering"
		}
		b.Run(name, func(b *testing.B) {
			samples := map[string][]time.Duration{}
			i := 0
			for b.Loop() {
				for _, p := range a.rotated(i) {
					t := a.start(b, p, answer)
					samples[p.name] = append(samples[p.name], t.waitFor(b, p.ready).Sub(t.started))
					t.quit(b)
				}
				i++
			}
			reportAgainstAnchors(b, samples, "ms/first-frame")
		})
	}
}

// BenchmarkKeystroke measures, in Browse on the built-in glossary, the
// time from a key written to the pty to the first byte of output it
// causes: ten keys per start ("churn", then five backspaces), each once
// the screen has been still for a while.
func BenchmarkKeystroke(b *testing.B) {
	a := newAnchors(b)
	keys := []string{"c", "h", "u", "r", "n", "\x7f", "\x7f", "\x7f", "\x7f", "\x7f"}
	samples := map[string][]time.Duration{}
	i := 0
	for b.Loop() {
		for _, p := range a.rotated(i) {
			t := a.start(b, p, false)
			t.waitFor(b, p.ready)
			t.quiet(b, 150*time.Millisecond)
			for _, k := range keys {
				samples[p.name] = append(samples[p.name], t.key(b, k))
				t.quiet(b, 40*time.Millisecond)
			}
			t.quit(b)
		}
		i++
	}
	reportAgainstAnchors(b, samples, "ms/key")
}

// reportAgainstAnchors reports each program's median and crm101's ratio
// to the floor and to fzf.
func reportAgainstAnchors(b *testing.B, samples map[string][]time.Duration, unit string) {
	med := map[string]float64{}
	for name, s := range samples {
		med[name] = median(s)
		b.ReportMetric(med[name], name+"-"+unit)
	}
	b.ReportMetric(med["crm101"]/med["floor"], "github.com/crm101/crm101/floor")
	b.ReportMetric(med["crm101"]/med["fzf"], "github.com/crm101/crm101/fzf")
	b.ReportMetric(0, "ns/op") // the sum of three programs means nothing
}

// median is in milliseconds.
func median(s []time.Duration) float64 {
	s = slices.Clone(s)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return float64(s[n/2]) / 1e6
	}
	return float64(s[n/2-1]+s[n/2]) / 2e6
}

// termProc is a program on a pseudo-terminal whose output a goroutine
// reads as it comes, noting when each piece arrived. With answer set it
// plays a terminal that answers queries: background colour, modes, the
// keyboard protocol, the cursor position.
type termProc struct {
	cmd     *exec.Cmd
	tty     *os.File
	started time.Time

	mu      sync.Mutex
	grew    *sync.Cond
	out     []byte
	arrived []piece
	closed  bool
}

// piece is output that ended at offset end of out and arrived at at.
type piece struct {
	end int
	at  time.Time
}

func startTermProc(b *testing.B, cmd *exec.Cmd, answer bool) *termProc {
	b.Helper()
	t := &termProc{cmd: cmd}
	t.grew = sync.NewCond(&t.mu)
	t.started = time.Now()
	// The controlling terminal is the child's stdout: fzf's stdin is
	// its list.
	attrs := &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 1}
	tty, err := pty.StartWithAttrs(cmd, &pty.Winsize{Cols: 80, Rows: 24}, attrs)
	if err != nil {
		b.Fatalf("start %s on a pty: %v", cmd.Path, err)
	}
	t.tty = tty
	go t.read(answer)
	return t
}

// terminalQuery matches the queries Bubble Tea and fzf send.
var terminalQuery = regexp.MustCompile(`\x1b(?:\]1[0-2];\?(?:\x07|\x1b\\)|\[\?\d+\$p|\[\?u|\[6n|\[0?c)`)

func (t *termProc) read(answer bool) {
	buf := make([]byte, 64<<10)
	scanned := 0
	for {
		n, err := t.tty.Read(buf)
		now := time.Now()
		t.mu.Lock()
		t.out = append(t.out, buf[:n]...)
		t.arrived = append(t.arrived, piece{len(t.out), now})
		var replies []byte
		if answer {
			base := scanned
			for _, m := range terminalQuery.FindAllIndex(t.out[base:], -1) {
				replies = append(replies, reply(t.out[base+m[0]:base+m[1]])...)
				scanned = base + m[1]
			}
			// A query may be cut in two by a read: look again from its start.
			if i := bytes.LastIndexByte(t.out[scanned:], 0x1b); i >= 0 && len(t.out)-scanned-i < 16 {
				scanned += i
			} else {
				scanned = len(t.out)
			}
		}
		if err != nil {
			t.closed = true
		}
		t.grew.Broadcast()
		t.mu.Unlock()
		if len(replies) > 0 {
			_, _ = t.tty.Write(replies)
		}
		if err != nil {
			return
		}
	}
}

// reply is what a dark, modern terminal answers to query q.
func reply(q []byte) []byte {
	s := string(q)
	switch {
	case strings.HasPrefix(s, "\x1b]11;"):
		return []byte("\x1b]11;rgb:1e1e/1e1e/2e2e\x1b\\")
	case strings.HasPrefix(s, "\x1b]10;"):
		return []byte("\x1b]10;rgb:dddd/dddd/dddd\x1b\\")
	case strings.HasPrefix(s, "\x1b]12;"):
		return []byte("\x1b]12;rgb:dddd/dddd/dddd\x1b\\")
	case strings.HasSuffix(s, "$p"):
		mode := strings.TrimSuffix(strings.TrimPrefix(s, "\x1b[?"), "$p")
		state := "0" // not recognised
		if mode == "2026" {
			state = "2" // synchronized output: supported, off
		}
		return []byte("\x1b[?" + mode + ";" + state + "$y")
	case s == "\x1b[?u":
		return []byte("\x1b[?0u")
	case s == "\x1b[6n":
		return []byte("\x1b[1;1R")
	}
	return []byte("\x1b[?62;22c") // primary device attributes
}

// waitFor waits for want in the output and returns when the piece that
// completed it arrived.
func (t *termProc) waitFor(b *testing.B, want string) time.Time {
	b.Helper()
	deadline := time.AfterFunc(10*time.Second, func() {
		t.mu.Lock()
		t.closed = true
		t.grew.Broadcast()
		t.mu.Unlock()
	})
	defer deadline.Stop()
	t.mu.Lock()
	defer t.mu.Unlock()
	for {
		if i := bytes.Index(t.out, []byte(want)); i >= 0 {
			end := i + len(want)
			for _, p := range t.arrived {
				if p.end >= end {
					return p.at
				}
			}
		}
		if t.closed {
			b.Fatalf("%s: never saw %q; output:\n%q", t.cmd.Path, want, t.out)
		}
		t.grew.Wait()
	}
}

// quiet waits until no output has come for d.
func (t *termProc) quiet(b *testing.B, d time.Duration) {
	b.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		t.mu.Lock()
		last := t.started
		if n := len(t.arrived); n > 0 {
			last = t.arrived[n-1].at
		}
		t.mu.Unlock()
		if wait := time.Until(last.Add(d)); wait > 0 {
			time.Sleep(wait)
			continue
		}
		return
	}
	b.Fatalf("%s never went quiet", t.cmd.Path)
}

// key writes k and returns how long the first byte of output after it
// took to arrive.
func (t *termProc) key(b *testing.B, k string) time.Duration {
	b.Helper()
	t.mu.Lock()
	before := len(t.arrived)
	t.mu.Unlock()
	sent := time.Now()
	if _, err := t.tty.Write([]byte(k)); err != nil {
		b.Fatal(err)
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	for len(t.arrived) == before {
		if t.closed {
			b.Fatalf("%s: no output after key %q", t.cmd.Path, k)
		}
		t.grew.Wait()
	}
	return t.arrived[before].at.Sub(sent)
}

// quit sends ctrl+c and waits for the program to end (fzf exits 130).
func (t *termProc) quit(b *testing.B) {
	b.Helper()
	_, _ = t.tty.Write([]byte{3})
	done := make(chan struct{})
	go func() { _ = t.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		_ = t.cmd.Process.Kill()
		<-done
		b.Errorf("%s did not quit on ctrl+c", t.cmd.Path)
	}
	t.tty.Close()
}
