package main

import (
	"bytes"
	"crypto/ed25519"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	gossh "golang.org/x/crypto/ssh"

	"github.com/charmbracelet/x/vt"
	"github.com/crm101/crm101/classroom/round"
	"github.com/crm101/crm101/classroom/sshd"
	"github.com/crm101/crm101/glossary"
	"github.com/crm101/crm101/ui"
)

// The classroom is tested the way trainees use it: real SSH clients
// (golang.org/x/crypto/ssh) with a PTY, talking to the server on
// loopback, reading the screen the app draws.

// testClassroom starts a server on 127.0.0.1:0 with cfg's limits.
func testClassroom(t testing.TB, cfg sshd.Config) (*sshd.Server, string) {
	t.Helper()
	g, err := glossary.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	cfg.Addr = "127.0.0.1:0"
	if cfg.DataDir == "" {
		cfg.DataDir = t.TempDir()
	}
	if cfg.Code == "" {
		cfg.Code = "KXT4QM"
	}
	cfg.Glossary = g
	cfg.Rand = rand.New(rand.NewPCG(6, 6))
	cfg.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	cfg.FPS = ui.ProgramFPS
	if cfg.Trainee == nil {
		cfg.Trainee = func(s sshd.TraineeSession) tea.Model {
			return ui.New(ui.Options{Glossary: g, Theme: ui.ThemeFromEnv(ui.EnvLookup(s.Environ)), Live: s.Live, Store: s.Progress, Seed: 1})
		}
	}
	cfg.Trainer = func(s sshd.TrainerSession) tea.Model {
		return ui.NewTrainer(ui.TrainerOptions{Desk: s.Desk, Theme: ui.ThemeFromEnv(ui.EnvLookup(s.Environ))})
	}
	srv, err := sshd.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := srv.Listen()
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return srv, ln.Addr().String()
}

// sshClient is one trainee at a terminal.
type sshClient struct {
	conn   *gossh.Client
	sess   *gossh.Session
	stdin  io.WriteCloser
	screen *screen
	stderr *screen
	told   []string // keyboard-interactive instructions shown at login
	banner string   // the server's banner, shown before login
	done   chan error
}

// screen is the client's terminal: a terminal emulator fed with what
// the server writes, so tests read the screen a trainee sees (Bubble Tea
// v2 redraws only the cells that change). Set reply and it answers the
// terminal's queries (background colour, device attributes) as a real
// terminal does; leave it nil for a terminal that never answers.
type screen struct {
	mu      sync.Mutex
	term    *vt.Emulator
	writes  int        // number of writes, to tell a new frame from an old one
	bytes   int        // bytes written, for the benchmark's bytes per frame
	frames  int        // writes since the last reset: one a frame
	replyMu sync.Mutex // apart from mu: replies are made while mu is held
	reply   io.Writer
	seen    map[string]time.Time // first time each watched text appeared
	watch   []string
	shown   string // the screen's text as of write number shownAt
	shownAt int
}

func newScreen(w, h int, watch []string) *screen {
	s := &screen{term: vt.NewEmulator(w, h), seen: map[string]time.Time{}, watch: watch}
	go s.answer()
	return s
}

// answer passes the emulator's replies to the server when the client
// answers, and drops them otherwise (the emulator must not block).
func (s *screen) answer() {
	buf := make([]byte, 4096)
	for {
		n, err := s.term.Read(buf)
		if err != nil {
			return
		}
		s.replyMu.Lock()
		reply := s.reply
		s.replyMu.Unlock()
		if reply != nil {
			_, _ = reply.Write(buf[:n])
		}
	}
}

func (s *screen) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.writes++
	s.frames++
	s.bytes += len(p)
	_, _ = s.term.Write(p)
	if len(s.watch) > 0 {
		at := time.Now()
		text := s.textLocked()
		for _, w := range s.watch {
			if _, ok := s.seen[w]; !ok && strings.Contains(text, w) {
				s.seen[w] = at
			}
		}
	}
	return len(p), nil
}

// close ends the emulator, and with it the goroutine passing replies.
func (s *screen) close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	// Closing the emulator's reply pipe ends answer's Read with EOF. Not
	// term.Close: it sets a flag that Read checks without a lock.
	if pw, ok := s.term.InputPipe().(*io.PipeWriter); ok {
		_ = pw.CloseWithError(io.EOF)
	}
}

// reset forgets what was seen, for the next round of a benchmark.
func (s *screen) reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.bytes, s.frames = 0, 0
	s.seen = map[string]time.Time{}
}

// seenAt is when watched text w first appeared since the last reset.
func (s *screen) seenAt(w string) (time.Time, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	t, ok := s.seen[w]
	return t, ok
}

// text is what the screen shows now.
func (s *screen) text() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.textLocked()
}

// textLocked is the screen's text, read from the emulator only when
// something was written since last time: waiting clients poll often,
// and two hundred of them reading a whole screen each time would starve
// the server they measure.
func (s *screen) textLocked() string {
	if s.shownAt != s.writes {
		s.shown, s.shownAt = s.term.String(), s.writes
	}
	return s.shown
}

// since is what the screen shows now, if anything was drawn after write
// number mark (else ""), and the new mark.
func (s *screen) since(mark int) (string, int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.writes <= mark && mark > 0 {
		return "", s.writes
	}
	return s.textLocked(), s.writes
}

type dialOpts struct {
	user, code, name string
	from             string // local IP to connect from ("": the system's choice)
	pty              bool
	key              gossh.Signer
	password         bool
	silent           bool // a terminal that never answers a query
	watch            []string
}

func dial(addr string, o dialOpts) (*sshClient, error) {
	c := &sshClient{screen: newScreen(100, 30, o.watch), stderr: newScreen(100, 30, nil), done: make(chan error, 1)}
	var auth []gossh.AuthMethod
	if o.key != nil {
		auth = append(auth, gossh.PublicKeys(o.key))
	}
	if o.password {
		auth = append(auth, gossh.Password(o.code))
	}
	var mu sync.Mutex
	auth = append(auth, gossh.KeyboardInteractive(func(_, instruction string, questions []string, _ []bool) ([]string, error) {
		mu.Lock()
		defer mu.Unlock()
		if instruction != "" {
			c.told = append(c.told, instruction)
		}
		ans := make([]string, len(questions))
		for i, q := range questions {
			if strings.Contains(q, "name") {
				ans[i] = o.name
			} else {
				ans[i] = o.code
			}
		}
		return ans, nil
	}))
	cfg := &gossh.ClientConfig{
		User: o.user, Auth: auth, HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 10 * time.Second,
		BannerCallback: func(msg string) error { c.banner += msg; return nil },
	}
	d := net.Dialer{Timeout: cfg.Timeout}
	if o.from != "" {
		d.LocalAddr = &net.TCPAddr{IP: net.ParseIP(o.from)}
	}
	tcp, err := d.Dial("tcp", addr)
	if err != nil {
		return c, err
	}
	cc, chans, reqs, err := gossh.NewClientConn(tcp, addr, cfg)
	if err != nil {
		tcp.Close()
		return c, err
	}
	conn := gossh.NewClient(cc, chans, reqs)
	c.conn = conn
	if c.sess, err = conn.NewSession(); err != nil {
		conn.Close()
		return c, err
	}
	if c.stdin, err = c.sess.StdinPipe(); err != nil {
		conn.Close()
		return c, err
	}
	if !o.silent {
		c.screen.replyMu.Lock()
		c.screen.reply = c.stdin
		c.screen.replyMu.Unlock()
	}
	c.sess.Stdout, c.sess.Stderr = c.screen, c.stderr
	if o.pty {
		if err := c.sess.RequestPty("xterm-256color", 30, 100, gossh.TerminalModes{}); err != nil {
			conn.Close()
			return c, err
		}
	}
	if err := c.sess.Shell(); err != nil {
		conn.Close()
		return c, err
	}
	go func() { c.done <- c.sess.Wait() }()
	return c, nil
}

func (c *sshClient) close() {
	if c.conn != nil {
		c.conn.Close()
	}
	c.screen.close()
	c.stderr.close()
}

func (c *sshClient) send(keys string) error {
	_, err := c.stdin.Write([]byte(keys))
	return err
}

// waitFor waits until the screen shows want in a frame drawn after
// write number mark (0: any frame).
func (c *sshClient) waitFor(want string, mark int, timeout time.Duration) (int, error) {
	deadline := time.Now().Add(timeout)
	for {
		text, next := c.screen.since(mark)
		if strings.Contains(text, want) {
			return next, nil
		}
		if time.Now().After(deadline) {
			return next, fmt.Errorf("timed out after %v waiting for %q; screen ends:\n%s", timeout, want, tail(text, 600))
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}

// waitUntil polls cond for up to timeout.
func waitUntil(timeout time.Duration, cond func() bool) bool {
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(20 * time.Millisecond)
	}
	return true
}

// settleGoroutines waits for the goroutine count to fall to at most n.
func settleGoroutines(n int, timeout time.Duration) int {
	var got int
	waitUntil(timeout, func() bool {
		runtime.GC()
		got = runtime.NumGoroutine()
		return got <= n
	})
	return got
}

func TestClassroomJoinAndBrowse(t *testing.T) {
	srv, addr := testClassroom(t, sshd.Config{})
	c, err := dial(addr, dialOpts{user: "Ana", code: "kxt4qm", pty: true})
	if err != nil {
		t.Fatal(err)
	}
	defer c.close()
	// The full app, Test Yourself included: it has this trainee's store.
	if _, err := c.waitFor("Test Yourself", 0, 10*time.Second); err != nil {
		t.Fatal(err)
	}
	if !waitUntil(5*time.Second, func() bool { return len(srv.Conductor().Present()) == 1 }) {
		t.Fatalf("present = %v", srv.Conductor().Present())
	}
	if got := srv.Conductor().Present(); got[0] != "ana" {
		t.Errorf("name %q, want the SSH user folded to ana", got[0])
	}
	if c.banner != sshd.JoinNotice+"\n" {
		t.Errorf("banner %q, want the join notice", c.banner)
	}
}

// The per-address limit on wrong codes is the security bound: changing
// the SSH user name between guesses buys nothing beyond it.
func TestClassroomWrongJoinCode(t *testing.T) {
	_, addr := testClassroom(t, sshd.Config{FailBurst: 4, FailRate: 0.001})
	c, err := dial(addr, dialOpts{user: "ana", code: "WRONG1", pty: true})
	if err == nil {
		c.close()
		t.Fatal("wrong join code got in")
	}
	if !containsAny(c.told, "Wrong join code") {
		t.Errorf("not told the code was wrong: %q", c.told)
	}
	// Three tries used up three of four allowances; one more wrong
	// password, under another name, and the address is locked out, even
	// with the right code and a third name.
	if _, err := dial(addr, dialOpts{user: "bo", code: "WRONG2", password: true}); err == nil {
		t.Fatal("wrong password got in")
	}
	c, err = dial(addr, dialOpts{user: "cy", code: "KXT4QM", pty: true})
	if err == nil {
		c.close()
		t.Fatal("locked-out address got in")
	}
	if !containsAny(c.told, "Too many wrong join codes from your address") {
		t.Errorf("not told about the lock-out: %q", c.told)
	}
}

// A trainee who mistypes the code five times is slowed down under their
// own name; their neighbours at the same address keep joining.
func TestClassroomTypoSlowsOnlyThatName(t *testing.T) {
	srv, addr := testClassroom(t, sshd.Config{})
	for range 2 { // 3 + 2 wrong tries, then the name is out of tries
		if c, err := dial(addr, dialOpts{user: "ana", code: "KXT4Q", pty: true}); err == nil {
			c.close()
			t.Fatal("wrong join code got in")
		}
	}
	c, err := dial(addr, dialOpts{user: "Ana", code: "KXT4QM", pty: true})
	if err == nil {
		c.close()
		t.Fatal("ana got in straight after five wrong codes")
	}
	if !containsAny(c.told, "Too many wrong join codes under this name") {
		t.Errorf("ana not told she is slowed down: %q", c.told)
	}
	bo, err := dial(addr, dialOpts{user: "bo", code: "KXT4QM", pty: true})
	if err != nil {
		t.Fatalf("bo, at the same address, was refused: %v (told %q)", err, bo.told)
	}
	defer bo.close()
	if !waitUntil(5*time.Second, presentIs(srv, "bo")) {
		t.Errorf("present %v, want bo", srv.Conductor().Present())
	}
}

func TestClassroomNeedsTerminal(t *testing.T) {
	_, addr := testClassroom(t, sshd.Config{})
	c, err := dial(addr, dialOpts{user: "ana", code: "KXT4QM", pty: false})
	if err != nil {
		t.Fatal(err)
	}
	defer c.close()
	select {
	case err := <-c.done:
		var exit *gossh.ExitError
		if !errors.As(err, &exit) || exit.ExitStatus() != 1 {
			t.Errorf("exit = %v, want status 1", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("session without a terminal was not ended")
	}
	if out := c.screen.text(); !strings.Contains(out, "Requires an active PTY") {
		t.Errorf("output %q, want the PTY message", out)
	}
}

func TestClassroomConnectionFlood(t *testing.T) {
	_, addr := testClassroom(t, sshd.Config{ConnBurst: 3, ConnRate: 0.001})
	var refused []*sshClient
	for i := 0; i < 8; i++ {
		c, err := dial(addr, dialOpts{user: fmt.Sprintf("t%d", i), code: "KXT4QM", pty: true})
		if err != nil {
			refused = append(refused, c)
			continue
		}
		defer c.close()
	}
	if len(refused) != 5 {
		t.Fatalf("%d of 8 connections refused, want the 5 over the burst of 3", len(refused))
	}
	for _, c := range refused {
		if !containsAny(c.told, "Too many connections from your address") {
			t.Errorf("refused without the reason: %q", c.told)
		}
	}
}

func TestClassroomSessionTimeLimit(t *testing.T) {
	srv, addr := testClassroom(t, sshd.Config{MaxSession: 1500 * time.Millisecond})
	c, err := dial(addr, dialOpts{user: "ana", code: "KXT4QM", pty: true})
	if err != nil {
		t.Fatal(err)
	}
	defer c.close()
	select {
	case <-c.done:
	case <-time.After(15 * time.Second):
		t.Fatal("over-long session was not ended")
	}
	if out := c.stderr.text(); !strings.Contains(out, "reached its time limit") {
		t.Errorf("stderr %q, want the time-limit message", out)
	}
	if !waitUntil(5*time.Second, func() bool { return srv.Active() == 0 }) {
		t.Errorf("%d sessions still active", srv.Active())
	}
}

func TestClassroomFull(t *testing.T) {
	_, addr := testClassroom(t, sshd.Config{MaxSessions: 2})
	for i := 0; i < 2; i++ {
		c, err := dial(addr, dialOpts{user: fmt.Sprintf("t%d", i), code: "KXT4QM", pty: true})
		if err != nil {
			t.Fatal(err)
		}
		defer c.close()
		if _, err := c.waitFor("Browse", 0, 10*time.Second); err != nil {
			t.Fatal(err)
		}
	}
	c, err := dial(addr, dialOpts{user: "late", code: "KXT4QM", pty: true})
	if err != nil {
		t.Fatal(err)
	}
	defer c.close()
	select {
	case <-c.done:
	case <-time.After(10 * time.Second):
		t.Fatal("third session was not turned away")
	}
	if out := c.stderr.text(); !strings.Contains(out, "The classroom is full (2 sessions)") {
		t.Errorf("stderr %q, want the full-classroom message", out)
	}
}

func TestClassroomHostKey(t *testing.T) {
	dir := t.TempDir()
	testClassroom(t, sshd.Config{DataDir: dir})
	path := filepath.Join(dir, sshd.HostKeyFile)
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if perm := info.Mode().Perm(); perm != 0o600 {
		t.Errorf("host key mode %v, want 0600", perm)
	}
	first, _ := os.ReadFile(path)
	// A loosened key is tightened and reused, not replaced.
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	again, err := sshd.LoadHostKey(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, again) {
		t.Error("host key changed between runs")
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o600 {
		t.Errorf("loosened host key left at %v", info.Mode().Perm())
	}
}

func TestClassroomNameTakenIsAsked(t *testing.T) {
	srv, addr := testClassroom(t, sshd.Config{})
	first, err := dial(addr, dialOpts{user: "ana", code: "KXT4QM", pty: true})
	if err != nil {
		t.Fatal(err)
	}
	defer first.close()
	if !waitUntil(5*time.Second, func() bool { return len(srv.Conductor().Present()) == 1 }) {
		t.Fatal("first trainee not in the room")
	}
	second, err := dial(addr, dialOpts{user: "ana", code: "KXT4QM", name: "Ana.B", pty: true})
	if err != nil {
		t.Fatal(err)
	}
	defer second.close()
	if !containsAny(second.told, `already called "ana"`) {
		t.Errorf("not told the name is taken: %q", second.told)
	}
	if !waitUntil(5*time.Second, func() bool { return len(srv.Conductor().Present()) == 2 }) {
		t.Fatalf("present %v", srv.Conductor().Present())
	}
	if got := srv.Conductor().Present(); got[1] != "ana.b" {
		t.Errorf("present %v, want ana and ana.b", got)
	}
}

func containsAny(list []string, want string) bool {
	for _, s := range list {
		if strings.Contains(s, want) {
			return true
		}
	}
	return false
}

func newSigner(t testing.TB) gossh.Signer {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	s, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// A trainee whose terminal never answers a query (background colour,
// device attributes) still gets the app at once, and can type into it:
// nothing in a session waits for the terminal. The idle limit is long,
// so an app that waited would still be waiting when the test gives up.
func TestClassroomSilentTerminal(t *testing.T) {
	_, addr := testClassroom(t, sshd.Config{IdleTimeout: time.Hour})
	start := time.Now()
	c, err := dial(addr, dialOpts{user: "ana", code: "KXT4QM", name: "ana", pty: true, silent: true})
	if err != nil {
		t.Fatal(err)
	}
	defer c.close()
	mark, err := c.waitFor("Search", 0, 10*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("first screen %v after dialling", time.Since(start).Round(time.Millisecond))
	if err := c.send("churn"); err != nil {
		t.Fatal(err)
	}
	if _, err := c.waitFor("Search › churn", mark, 10*time.Second); err != nil {
		t.Fatal(err)
	}
}

func TestClassroomKeys(t *testing.T) {
	trainer, ana, stranger := newSigner(t), newSigner(t), newSigner(t)
	srv, addr := testClassroom(t, sshd.Config{
		TrainerKeys: []gossh.PublicKey{trainer.PublicKey()}, AuthorizedKeys: []gossh.PublicKey{ana.PublicKey()},
	})
	// The trainer's key opens the console, which starts rounds.
	tc, err := dial(addr, dialOpts{user: "whoever", key: trainer, pty: true})
	if err != nil {
		t.Fatal(err)
	}
	defer tc.close()
	if _, err := tc.waitFor("crm101 classroom", 0, 10*time.Second); err != nil {
		t.Fatal(err)
	}
	// A listed key needs no code, and binds its name.
	ac, err := dial(addr, dialOpts{user: "ana", key: ana, pty: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tc.waitFor("In the room (1)", 0, 10*time.Second); err != nil {
		t.Fatal(err)
	}
	if err := tc.send("s"); err != nil {
		t.Fatal(err)
	}
	if !waitUntil(10*time.Second, func() bool { return srv.Conductor().Snapshot().Phase == round.Asking }) {
		t.Fatal("trainer's s did not start a round")
	}
	if _, err := ac.waitFor("Question 1 of 10", 0, 10*time.Second); err != nil {
		t.Fatal(err)
	}
	ac.close()
	if !waitUntil(10*time.Second, func() bool { return len(srv.Conductor().Present()) == 0 }) {
		t.Fatal("ana still present")
	}
	// An unlisted key is not enough: without the code, no entry.
	if c, err := dial(addr, dialOpts{user: "eve", key: stranger, code: "NOPE"}); err == nil {
		c.close()
		t.Fatal("unlisted key got in")
	}
	// With the code, someone else still cannot take the name ana's key owns.
	c, err := dial(addr, dialOpts{user: "ana", code: "KXT4QM", name: "ana", pty: true})
	if err == nil {
		c.close()
		t.Fatal("join code took over a key-bound name")
	}
	if !containsAny(c.told, `already called "ana"`) {
		t.Errorf("told %q", c.told)
	}
}

func TestClassroomPanicStaysInItsSession(t *testing.T) {
	g, err := glossary.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	srv, addr := testClassroom(t, sshd.Config{Trainee: func(s sshd.TraineeSession) tea.Model {
		if s.Name == "boom" {
			panic("a bug that only boom's session meets")
		}
		return ui.New(ui.Options{Glossary: g, Theme: ui.ThemeFromEnv(ui.EnvLookup(s.Environ)), Live: s.Live})
	}})
	ana, err := dial(addr, dialOpts{user: "ana", code: "KXT4QM", pty: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ana.close()
	boom, err := dial(addr, dialOpts{user: "boom", code: "KXT4QM", pty: true})
	if err != nil {
		t.Fatal(err)
	}
	defer boom.close()
	select {
	case <-boom.done:
	case <-time.After(10 * time.Second):
		t.Fatal("the panicking session did not end")
	}
	if out := boom.stderr.text(); !strings.Contains(out, "internal error") {
		t.Errorf("stderr %q, want the internal-error message", out)
	}
	// The server and the other trainee carry on.
	if _, err := ana.waitFor("Browse", 0, 10*time.Second); err != nil {
		t.Fatal(err)
	}
	bo, err := dial(addr, dialOpts{user: "bo", code: "KXT4QM", pty: true})
	if err != nil {
		t.Fatalf("server stopped accepting after a panic: %v", err)
	}
	defer bo.close()
	if !waitUntil(10*time.Second, presentIs(srv, "ana", "bo")) {
		t.Errorf("present %v, want ana and bo", srv.Conductor().Present())
	}
}

func TestClassroomIdleTimeout(t *testing.T) {
	_, addr := testClassroom(t, sshd.Config{IdleTimeout: 1500 * time.Millisecond})
	idle, err := dial(addr, dialOpts{user: "ana", code: "KXT4QM", pty: true})
	if err != nil {
		t.Fatal(err)
	}
	defer idle.close()
	busy, err := dial(addr, dialOpts{user: "bo", code: "KXT4QM", pty: true})
	if err != nil {
		t.Fatal(err)
	}
	defer busy.close()
	// Bo types now and then (arrow keys, harmless on Browse); Ana does not.
	stop := make(chan struct{})
	typing := make(chan error, 1)
	go func() {
		tick := time.NewTicker(200 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				typing <- nil
				return
			case <-tick.C:
				if err := busy.send("\x1b[B"); err != nil {
					typing <- err
					return
				}
			}
		}
	}()
	select {
	case <-idle.done:
	case <-time.After(15 * time.Second):
		t.Fatal("idle session was not ended")
	}
	close(stop)
	if err := <-typing; err != nil {
		t.Fatalf("a typing trainee was disconnected: %v %q", err, busy.stderr.text())
	}
	if out := idle.stderr.text(); !strings.Contains(out, "without a key press") {
		t.Errorf("stderr %q, want the idle message", out)
	}
	select {
	case err := <-busy.done:
		t.Fatalf("a typing trainee was disconnected: %v %q", err, busy.stderr.text())
	default:
	}
}

// savingApp is the app plus a FinishSaving that counts its calls, like
// the app's Test Yourself screen that saves answers in the background.
type savingApp struct {
	tea.Model
	calls *atomic.Int32
}

func (a savingApp) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	m, cmd := a.Model.Update(msg)
	a.Model = m
	return a, cmd
}

func (a savingApp) FinishSaving() error { a.calls.Add(1); return nil }

func TestClassroomFinishesSavingBeforeClosing(t *testing.T) {
	g, err := glossary.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var calls atomic.Int32
	srv, addr := testClassroom(t, sshd.Config{Trainee: func(s sshd.TraineeSession) tea.Model {
		return savingApp{Model: ui.New(ui.Options{Glossary: g, Theme: ui.ThemeFromEnv(ui.EnvLookup(s.Environ)), Live: s.Live}), calls: &calls}
	}})
	c, err := dial(addr, dialOpts{user: "ana", code: "KXT4QM", pty: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.waitFor("Browse", 0, 10*time.Second); err != nil {
		t.Fatal(err)
	}
	c.send("\x03") // ctrl+c quits the app
	if !waitUntil(10*time.Second, func() bool { return srv.Active() == 0 }) {
		t.Fatal("session did not end")
	}
	c.close()
	if calls.Load() != 1 {
		t.Errorf("FinishSaving called %d times, want once", calls.Load())
	}
}
