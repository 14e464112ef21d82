package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// A trainer's pack, given with --deck, shows up in Browse beside the
// built-in terms, with the pack named in the detail pane.
func TestE2EDeckInBrowse(t *testing.T) {
	pack, err := filepath.Abs(testPack("good.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	s := startTUI(t, 120, 40, nil, "--deck", pack)
	s.waitFor("Search ›", "Browse")
	s.sendText("win room")
	screen := s.waitFor("Win Room", "From pack: good.tsv")
	if !strings.Contains(screen, "A daily stand-up on the deals") {
		t.Fatalf("pack definition not shown:\n%s", screen)
	}
	s.send("C-c")
	s.waitExit()
}

// With $CRM101_DECKS and --only-decks, Browse lists the pack alone.
func TestE2EOnlyDecks(t *testing.T) {
	pack, err := filepath.Abs(testPack("good.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	s := startTUI(t, 120, 40, []string{DecksEnv + "=" + pack}, "--only-decks")
	screen := s.waitFor("Logo Retention", "Win Room", "2/2")
	if strings.Contains(screen, "Churn Rate") {
		t.Fatalf("built-in terms listed with --only-decks:\n%s", screen)
	}
	s.send("C-c")
	s.waitExit()
}

// Under --strict a broken pack never opens the app: the real binary
// prints the problems and exits 1 before it draws anything.
func TestE2EBrokenDeck(t *testing.T) {
	pack, err := filepath.Abs(testPack("broken.csv"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(crm101Binary(t), "--strict", "--deck", pack)
	cmd.Env = append(os.Environ(), "TERM=xterm-256color", "CRM101_DATA_DIR="+filepath.Join(t.TempDir(), "data"))
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 1 {
		t.Fatalf("exit: %v", err)
	}
	if stdout.Len() != 0 || !strings.Contains(stderr.String(), `broken.csv:5: missing definition for "Too"`) {
		t.Errorf("stdout %q\nstderr %s", stdout.String(), stderr.String())
	}
}
