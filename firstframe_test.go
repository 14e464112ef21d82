package main

import (
	"bytes"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/creack/pty"
)

// ptyApp is crm101 running on a pseudo-terminal that never answers
// anything the app asks: the worst case for a first frame.
type ptyApp struct {
	cmd *exec.Cmd
	tty *os.File
	out bytes.Buffer
}

func startOnSilentTerminal(tb testing.TB, bin string, env []string, args ...string) *ptyApp {
	tb.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append([]string{"TERM=xterm-256color", "HOME=" + tb.TempDir(), "PATH=" + os.Getenv("PATH")}, env...)
	tty, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: 80, Rows: 24})
	if err != nil {
		tb.Fatalf("start on pty: %v", err)
	}
	return &ptyApp{cmd: cmd, tty: tty}
}

// readUntil reads the app's output until it contains want.
func (a *ptyApp) readUntil(tb testing.TB, want string) {
	tb.Helper()
	buf := make([]byte, 32<<10)
	deadline := time.Now().Add(10 * time.Second)
	for !bytes.Contains(a.out.Bytes(), []byte(want)) {
		if time.Now().After(deadline) {
			tb.Fatalf("never saw %q; output:\n%q", want, a.out.String())
		}
		_ = a.tty.SetReadDeadline(time.Now().Add(time.Second))
		n, _ := a.tty.Read(buf)
		a.out.Write(buf[:n])
	}
}

func (a *ptyApp) quit(tb testing.TB) {
	tb.Helper()
	_, _ = a.tty.Write([]byte{3}) // ctrl+c
	done := make(chan error, 1)
	go func() { done <- a.cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			tb.Errorf("app exited with %v", err)
		}
	case <-time.After(10 * time.Second):
		_ = a.cmd.Process.Kill()
		tb.Error("app did not quit on ctrl+c")
	}
	a.tty.Close()
}

// Queries whose answer a program would wait for. A terminal that never
// answers them must not cost the user a stalled first frame, so crm101
// must never send them.
var terminalQueries = [][]byte{
	[]byte("\x1b]11;?"), // background colour
	[]byte("\x1b]10;?"), // foreground colour
	[]byte("\x1b[6n"),   // cursor position
	[]byte("\x1b[c"),    // device attributes
}

func TestFirstFrameNeverQueriesTheTerminal(t *testing.T) {
	for _, env := range [][]string{nil, {"NO_COLOR=1"}, {"COLORFGBG=0;15"}} {
		app := startOnSilentTerminal(t, crm101Binary(t), env)
		app.readUntil(t, "Search")
		for _, q := range terminalQueries {
			if bytes.Contains(app.out.Bytes(), q) {
				t.Errorf("env %v: app sent terminal query %q", env, q)
			}
		}
		app.quit(t)
	}
}

// BenchmarkFirstFrame measures process start to the first frame on a
// terminal that answers nothing.
func BenchmarkFirstFrame(b *testing.B) {
	bin := crm101BinaryB(b)
	for b.Loop() {
		app := startOnSilentTerminal(b, bin, nil)
		app.readUntil(b, "Search")
		b.StopTimer()
		app.quit(b)
		b.StartTimer()
	}
}
