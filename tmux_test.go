package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// End-to-end tests drive the real binary in a real terminal: tmux runs
// it, send-keys types, capture-pane reads the screen.

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// crm101Binary builds the binary once per test run.
func crm101Binary(t *testing.T) string {
	t.Helper()
	return crm101BinaryB(t)
}

// crm101BinaryB is crm101Binary for tests and benchmarks alike.
func crm101BinaryB(t testing.TB) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "crm101-e2e")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "crm101")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			buildErr = err
			binPath = string(out)
		}
	})
	if buildErr != nil {
		t.Fatalf("build: %v\n%s", buildErr, binPath)
	}
	return binPath
}

// tmuxSession is one terminal with the app running in it.
type tmuxSession struct {
	t      *testing.T
	socket string
}

// startTUI runs crm101 with args in a fresh tmux server of width×height.
// env entries ("K=V") are added to the app's environment.
func startTUI(t *testing.T, width, height int, env []string, args ...string) *tmuxSession {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("tmux is required in CI (.ci/run installs it)")
		}
		t.Skip("tmux not installed")
	}
	bin := crm101Binary(t)
	s := &tmuxSession{t: t, socket: filepath.Join(t.TempDir(), "tmux.sock")}
	// Progress goes to a temporary directory unless the test says
	// otherwise (a later entry in env wins): tests never touch $HOME.
	command := []string{"env", "TERM=xterm-256color", "CRM101_DATA_DIR=" + t.TempDir()}
	command = append(command, env...)
	command = append(command, bin)
	command = append(command, args...)
	tmuxArgs := append([]string{"new-session", "-d", "-x", strconv.Itoa(width), "-y", strconv.Itoa(height)}, command...)
	s.run(tmuxArgs...)
	t.Cleanup(func() { _ = exec.Command("tmux", "-S", s.socket, "kill-server").Run() })
	return s
}

func (s *tmuxSession) run(args ...string) string {
	s.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-S", s.socket}, args...)...).CombinedOutput()
	if err != nil {
		s.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// send types keys; each argument is a tmux key name ("Enter", "C-c") or
// literal text.
func (s *tmuxSession) send(keys ...string) {
	s.t.Helper()
	for _, k := range keys {
		s.run("send-keys", "-t", "0", k)
	}
}

// sendText types text literally.
func (s *tmuxSession) sendText(text string) {
	s.t.Helper()
	s.run("send-keys", "-t", "0", "-l", text)
}

func (s *tmuxSession) capture() string {
	s.t.Helper()
	return s.run("capture-pane", "-p", "-t", "0")
}

// waitFor polls the screen until it contains every want, failing with
// the last screen after a generous deadline (this is a wait, not a
// performance assertion).
func (s *tmuxSession) waitFor(wants ...string) string {
	s.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		screen := s.capture()
		ok := true
		for _, w := range wants {
			if !strings.Contains(screen, w) {
				ok = false
				break
			}
		}
		if ok {
			return screen
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("screen never showed %q:\n%s", wants, screen)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// waitExit waits for the app to quit (tmux closes the pane and server).
func (s *tmuxSession) waitExit() {
	s.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if exec.Command("tmux", "-S", s.socket, "has-session").Run() != nil {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	s.t.Fatalf("app did not quit:\n%s", s.capture())
}
