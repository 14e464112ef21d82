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

	"github.com/crm101/crm101/classroom"
)

// BenchmarkClassroom200 runs the real `crm101 serve` as its own process
// and 200 SSH trainees against it, each from its own loopback address
// (127.0.1.1, 127.0.1.2, …), with the default limits but --max-sessions.
// Each iteration is a one-question live round started from a trainer's
// SSH console. It reports the bytes sent per frame (one write to a
// trainee's terminal) and per trainee and round, the slowest frame any
// trainee saw — from the trainer's key press to the question on the
// trainee's screen, and from the last answer to the reveal — the server
// process's resident memory, and how long the room took to join.
// Afterwards it checks that every answer was recorded exactly once. Not
// run in CI:
//
//	go test -run '^$' -bench Classroom200 -benchtime 3x .
func BenchmarkClassroom200(b *testing.B) { benchClassroom(b, 200, false) }

// BenchmarkClassroom200OneAddress is BenchmarkClassroom200 with all 200
// trainees behind one address (127.0.0.1), like an office behind NAT.
// A trainee turned away by the per-address connection limit tries again
// a second later, as a person would.
func BenchmarkClassroom200OneAddress(b *testing.B) { benchClassroom(b, 200, true) }

func benchClassroom(b *testing.B, n int, oneAddress bool) {
	bin := crm101BinaryB(b)
	dir := b.TempDir()
	data := filepath.Join(dir, "data")
	trainer := newSigner(b)
	keyFile := filepath.Join(dir, "trainer.pub")
	if err := os.WriteFile(keyFile, gossh.MarshalAuthorizedKey(trainer.PublicKey()), 0o600); err != nil {
		b.Fatal(err)
	}
	addr := freeAddr(b)
	cmd := exec.Command(bin, "serve", "--headless", "--addr", addr, "--code", "KXT4QM",
		"--data-dir", data, "--trainer-key", keyFile, "--questions", "1",
		"--question-time", "120s", "--reveal-time", "200ms", "--max-sessions", "1000")
	out, err := cmd.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	stopped := false
	stop := func() {
		if !stopped {
			stopped = true
			cmd.Process.Signal(syscall.SIGTERM)
			cmd.Wait()
		}
	}
	b.Cleanup(stop)
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
	joinStart := time.Now()
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			o := dialOpts{user: fmt.Sprintf("t%03d", i), code: "KXT4QM", pty: true, watch: watch}
			if !oneAddress {
				o.from = fmt.Sprintf("127.0.%d.%d", 1+i/250, 1+i%250)
			}
			c, err := dialRetrying(addr, o, 3*time.Minute)
			clients[i] = c
			if err != nil {
				errs <- fmt.Errorf("client %d: %w", i, err)
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
	joined := time.Since(joinStart)

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
	b.ReportMetric(joined.Seconds(), "join-s")
	b.ReportMetric(float64(idle)/1024, "server-idle-rss-MB")
	b.ReportMetric(float64(procStatus(b, cmd.Process.Pid, "VmHWM"))/1024, "server-peak-rss-MB")

	// Every answer recorded exactly once: n per round, one per trainee.
	stop()
	st, err := classroom.OpenStore(filepath.Join(data, classroom.DBFile))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	for id := int64(1); id <= int64(b.N); id++ {
		standing, err := st.RoundStanding(id)
		if err != nil {
			b.Fatal(err)
		}
		if len(standing) != n {
			b.Errorf("round %d: %d trainees' answers stored, want %d", id, len(standing), n)
		}
		for _, s := range standing {
			if s.Answered != 1 {
				b.Errorf("round %d: %s has %d answers stored, want 1", id, s.Name, s.Answered)
			}
		}
	}
}

// dialRetrying dials like a trainee turned away for too many
// connections from their address: they wait a second and try again.
func dialRetrying(addr string, o dialOpts, within time.Duration) (*sshClient, error) {
	deadline := time.Now().Add(within)
	for {
		c, err := dial(addr, o)
		if err == nil || !containsAny(c.told, "Too many connections") || time.Now().After(deadline) {
			return c, err
		}
		c.close()
		time.Sleep(time.Second)
	}
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
