package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/crm101/crm101/classroom/round"
)

// A trainee joins with the real OpenSSH client, as in a classroom, in a
// 40×12 terminal (tmux): the join code at ssh's own prompt, Browse, then
// a live round started by the trainer, answered by key, revealed and
// finished. The other tests' clients are golang.org/x/crypto/ssh; this
// one is the program trainees actually type.
func TestOpenSSHTraineeJoinsAndPlaysARound(t *testing.T) {
	if _, err := exec.LookPath("ssh"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("ssh is required in CI (.ci/run installs openssh-client)")
		}
		t.Skip("the OpenSSH client is not installed")
	}
	srv, addr := testClassroom(t, loadConfig(t.TempDir(), 2*time.Minute, 4*time.Second))
	host, port, _ := strings.Cut(addr, ":")
	dir := t.TempDir()
	s := startShell(t, 40, 12, "ssh", "-p", port, "-F", "/dev/null",
		"-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile="+filepath.Join(dir, "known_hosts"),
		"-o", "PubkeyAuthentication=no", "-o", "PreferredAuthentications=keyboard-interactive",
		"-o", "LogLevel=ERROR", "ana@"+host)
	s.waitFor("Join code:")
	s.sendText("KXT4QM")
	s.send("Enter")
	s.waitFor("Browse", "Search")
	if !waitUntil(10*time.Second, func() bool { return len(srv.Conductor().Present()) == 1 }) {
		t.Fatalf("ana is not in the room:\n%s", s.capture())
	}

	if err := srv.Conductor().StartRound(1); err != nil {
		t.Fatal(err)
	}
	ev := srv.Conductor().Snapshot()
	if ev.Phase != round.Asking {
		t.Fatalf("round phase %v, want asking", ev.Phase)
	}
	// The countdown, the question and all four choices fit 40×12.
	screen := s.waitFor("Question 1 of 1", "s  ", "1  ", "2  ", "3  ", "4  ")
	if !strings.Contains(screen, firstWords(ev.Question.Prompt, 3)) {
		t.Errorf("the question is not on the screen:\n%s", screen)
	}
	s.sendText(strconv.Itoa(ev.Question.Answer + 1))
	s.waitFor("Right!")
	s.waitFor("Final leaderboard", "ana")
	s.send("Enter")
	s.waitFor("Browse", "Search")
	s.send("C-c")
	s.waitExit()
}

// firstWords is the first n words of s, as the screen wraps them.
func firstWords(s string, n int) string {
	words := strings.Fields(s)
	return strings.Join(words[:min(n, len(words))], " ")
}

// startShell runs a command (not crm101) in a fresh tmux server.
func startShell(t *testing.T, width, height int, args ...string) *tmuxSession {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("tmux is required in CI (.ci/run installs it)")
		}
		t.Skip("tmux not installed")
	}
	s := &tmuxSession{t: t, socket: filepath.Join(t.TempDir(), "tmux.sock")}
	command := append([]string{"env", "TERM=xterm-256color"}, args...)
	s.run(append([]string{"new-session", "-d", "-x", fmt.Sprint(width), "-y", fmt.Sprint(height)}, command...)...)
	t.Cleanup(func() { _ = exec.Command("tmux", "-S", s.socket, "kill-server").Run() })
	return s
}
