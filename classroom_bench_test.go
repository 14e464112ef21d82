package main

import (
	"bufio"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// BenchmarkClassroom200 runs the real `crm101 serve` as its own process
// and 200 SSH trainees against it. Each iteration is a one-question live
// round started from a trainer's SSH console. It reports the bytes sent
// per frame (one write to a trainee's terminal) and per trainee and
// round, the slowest frame any trainee saw — from the trainer's key press to the question on
// the trainee's screen, and from the last answer to the reveal — and the
// server process's resident memory. Not run in CI:
//
//	go test -run '^$' -bench Classroom200 -benchtime 3x .
func BenchmarkClassroom200(b *testing.B) {
	const n = 200
	bin := crm101BinaryB(b)
	dir := b.TempDir()
	trainer := newSigner(b)
	keyFile := filepath.Join(dir, "trainer.pub")
	if err := os.WriteFile(keyFile, gossh.MarshalAuthorizedKey(trainer.PublicKey()), 0o600); err != nil {
		b.Fatal(err)
	}
	addr := freeAddr(b)
	cmd := exec.Command(bin, "serve", "--headless", "--addr", addr, "--code", "KXT4QM",
		"--data-dir", filepath.Join(dir, "data"), "--trainer-key", keyFile, "--questions", "1",
		"--question-time", "120s", "--reveal-time", "200ms", "--max-sessions", "1000",
		"--conn-burst", "1000", "--conn-rate", "1000")
	out, err := cmd.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { cmd.Process.Signal(syscall.SIGTERM); cmd.Wait() })
	if line, err := bufio.NewReader(out).ReadString('\n'); err != nil || !strings.Contains(line, "Trainees join with") {
		b.Fatalf("serve did not start: %q, %v", line, err)
	}
	idle := procStatus(b, cmd.Process.Pid, "VmRSS")

	tc, err := dial(addr, dialOpts{user: "trainer", key: trainer, pty: true})
	if err != nil {
		b.Fatal(err)
	}
	defer tc.close()
	watch := []string{"Question 1 of 1", "1 · answer", "Final leaderboard"}
	clients := make([]*sshClient, n)
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c, err := dial(addr, dialOpts{user: fmt.Sprintf("t%03d", i), code: "KXT4QM", pty: true, watch: watch})
			clients[i] = c
			if err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		b.Fatal(err)
	}
	defer func() {
		for _, c := range clients {
			c.close()
		}
	}()
	if _, err := tc.waitFor(fmt.Sprintf("In the room (%d)", n), 0, 60*time.Second); err != nil {
		b.Fatal(err)
	}

	var worstQuestion, worstReveal time.Duration
	var sent, frames int
	b.ResetTimer()
	for range b.N {
		for _, c := range clients {
			c.screen.reset()
		}
		pressed := time.Now()
		if err := tc.send("s"); err != nil {
			b.Fatal(err)
		}
		var mu sync.Mutex
		var lastAnswer time.Time
		errs := make(chan error, n)
		for i, c := range clients {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if _, err := c.waitFor("Question 1 of 1", 0, 120*time.Second); err != nil {
					errs <- fmt.Errorf("client %d: %w", i, err)
					return
				}
				if err := c.send("1"); err != nil {
					errs <- err
					return
				}
				mu.Lock()
				lastAnswer = time.Now()
				mu.Unlock()
				if _, err := c.waitFor("Final leaderboard", 0, 120*time.Second); err != nil {
					errs <- fmt.Errorf("client %d: %w", i, err)
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			b.Fatal(err)
		}
		for _, c := range clients {
			q, _ := c.screen.seenAt("Question 1 of 1")
			worstQuestion = max(worstQuestion, q.Sub(pressed))
			if r, ok := c.screen.seenAt("1 · answer"); ok {
				worstReveal = max(worstReveal, r.Sub(lastAnswer))
			}
			c.screen.mu.Lock()
			sent += c.screen.bytes
			frames += c.screen.frames
			c.screen.mu.Unlock()
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(worstQuestion.Milliseconds()), "max-question-frame-ms")
	b.ReportMetric(float64(worstReveal.Milliseconds()), "max-reveal-frame-ms")
	b.ReportMetric(float64(sent)/float64(max(frames, 1)), "bytes/frame")
	b.ReportMetric(float64(sent)/float64(n*b.N), "bytes/trainee-round")
	b.ReportMetric(float64(idle)/1024, "server-idle-rss-MB")
	b.ReportMetric(float64(procStatus(b, cmd.Process.Pid, "VmHWM"))/1024, "server-peak-rss-MB")
}

// freeAddr finds a free loopback port for a server in another process.
func freeAddr(b testing.TB) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// procStatus reads a memory figure in kB from /proc/PID/status (Linux).
func procStatus(b testing.TB, pid int, field string) int {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		b.Skipf("no /proc: %v", err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, field+":"); ok {
			kb, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
			return kb
		}
	}
	b.Fatalf("no %s in /proc/%d/status", field, pid)
	return 0
}
