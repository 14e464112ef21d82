package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
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

// backgroundQuery is the terminal query for its background colour
// (OSC 11), which the app sends once and never waits for.
var backgroundQuery = []byte("\x1b]11;?")

// The first frame never waits on the terminal: on a pty that answers
// nothing, the app draws Browse, chosen from the environment, although
// its background query is never answered.
func TestFirstFrameNeverWaitsForTheTerminal(t *testing.T) {
	for _, env := range [][]string{nil, {"NO_COLOR=1"}, {"COLORFGBG=0;15"}, {"TERM=dumb"}} {
		app := startOnSilentTerminal(t, crm101Binary(t), env)
		app.readUntil(t, "Search")
		app.quit(t)
	}
}

// CRM101_THEME is the user's choice: the app does not even ask.
func TestThemeChosenNeverAsks(t *testing.T) {
	for _, theme := range []string{"light", "dark"} {
		app := startOnSilentTerminal(t, crm101Binary(t), []string{"CRM101_THEME=" + theme})
		app.readUntil(t, "Search")
		app.quit(t)
		if bytes.Contains(app.out.Bytes(), backgroundQuery) {
			t.Errorf("CRM101_THEME=%s: app asked for the background", theme)
		}
	}
}

// A terminal that answers the background query restyles the app: the
// first frame is drawn dark (the default), the answer "white" turns
// the brand to the light palette's accent.
func TestBackgroundAnswerRestyles(t *testing.T) {
	const darkAccent, lightAccent = "38;2;167;139;250", "38;2;90;63;217"
	app := startOnSilentTerminal(t, crm101Binary(t), []string{"COLORTERM=truecolor"})
	app.readUntil(t, "Search")
	if !bytes.Contains(app.out.Bytes(), []byte(darkAccent)) {
		t.Fatalf("first frame is not in the dark palette:\n%q", app.out.String())
	}
	app.readUntil(t, string(backgroundQuery))
	if _, err := app.tty.Write([]byte("\x1b]11;rgb:ffff/ffff/ffff\x1b\\")); err != nil {
		t.Fatal(err)
	}
	app.readUntil(t, lightAccent)
	app.quit(t)
}

// BenchmarkFirstFrame measures process start to the first frame on a
// terminal that answers nothing: with the built-in glossary, and with a
// 100,000-term pack to read, check and layer first.
func BenchmarkFirstFrame(b *testing.B) {
	bin := crm101BinaryB(b)
	cases := []struct {
		name string
		args []string
	}{{"builtin", nil}}
	for _, format := range []string{"csv", "yaml"} {
		cases = append(cases, struct {
			name string
			args []string
		}{"pack-100k-" + format, []string{"--deck", writeBigPack(b, format, 100_000)}})
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				app := startOnSilentTerminal(b, bin, nil, c.args...)
				app.readUntil(b, "Search")
				b.StopTimer()
				app.quit(b)
				b.StartTimer()
			}
		})
	}
}

// writeBigPack writes a pack of n made-up terms in format (csv or yaml).
func writeBigPack(b *testing.B, format string, n int) string {
	b.Helper()
	var buf bytes.Buffer
	if format == "csv" {
		buf.WriteString("term,category,definition,aliases\n")
	}
	for i := range n {
		term := fmt.Sprintf("Team Term %d Pipeline Review", i)
		def := fmt.Sprintf("Made-up definition number %d, long enough to look like a real one about deals and leads.", i)
		if format == "csv" {
			fmt.Fprintf(&buf, "%s,Sales,%q,TT%d\n", term, def, i)
		} else {
			fmt.Fprintf(&buf, "- term: %s\n  aliases: [TT%d]\n  category: Sales\n  definition: %s\n", term, i, def)
		}
	}
	path := filepath.Join(b.TempDir(), "big."+format)
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		b.Fatal(err)
	}
	return path
}
