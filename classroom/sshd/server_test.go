package sshd

import (
	"io"
	"log/slog"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	gossh "golang.org/x/crypto/ssh"

	"github.com/crm101/crm101/glossary"
)

// slowSaver is a trainee app whose last saves take a while to land,
// like Test Yourself writing the answer given just before the end.
type slowSaver struct {
	saved *atomic.Bool
}

func (m slowSaver) Init() tea.Cmd                       { return nil }
func (m slowSaver) Update(tea.Msg) (tea.Model, tea.Cmd) { return m, nil }
func (m slowSaver) View() tea.View                      { return tea.NewView("saving app") }
func (m slowSaver) FinishSaving() error {
	time.Sleep(300 * time.Millisecond)
	m.saved.Store(true)
	return nil
}

// Close waits for sessions to finish saving before closing the stores
// they save to: ssh's own Close does not wait for session handlers.
func TestServerCloseWaitsForSessions(t *testing.T) {
	g, err := glossary.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var saved atomic.Bool
	srv, err := New(Config{
		Addr: "127.0.0.1:0", Code: "KXT4QM", DataDir: t.TempDir(), Glossary: g,
		Log:     slog.New(slog.NewTextHandler(io.Discard, nil)),
		Trainee: func(TraineeSession) tea.Model { return slowSaver{saved: &saved} },
		Trainer: func(TrainerSession) tea.Model { return slowSaver{saved: &saved} },
	})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := srv.Listen()
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	conn, err := gossh.Dial("tcp", ln.Addr().String(), &gossh.ClientConfig{
		User: "ana", HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 10 * time.Second,
		Auth: []gossh.AuthMethod{gossh.KeyboardInteractive(func(_, _ string, qs []string, _ []bool) ([]string, error) {
			ans := make([]string, len(qs))
			for i := range ans {
				ans[i] = "KXT4QM"
			}
			return ans, nil
		})},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	sess, err := conn.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	sess.Stdout = io.Discard
	if err := sess.RequestPty("xterm", 24, 80, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for len(srv.Conductor().Present()) == 0 {
		if time.Now().After(deadline) {
			t.Fatal("trainee never joined")
		}
		time.Sleep(10 * time.Millisecond)
	}
	if err := srv.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
	if !saved.Load() {
		t.Error("Close returned before the session finished saving")
	}
}
