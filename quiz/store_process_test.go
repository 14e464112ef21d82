package quiz

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// writerEnv makes the test binary act as one crm101 process writing
// reviews, so TestConcurrentProcesses can run two real processes.
const writerEnv = "CRM101_TEST_WRITER_DB"

const processReviews = 40

// TestWriterProcess is the body of a child process; run directly it
// skips. A test rather than TestMain, so the package keeps TestMain free.
func TestWriterProcess(t *testing.T) {
	path := os.Getenv(writerEnv)
	if path == "" {
		t.Skip("only runs as a child of TestConcurrentProcesses")
	}
	if err := writeReviews(path, os.Getenv("CRM101_TEST_WRITER_ID")); err != nil {
		t.Fatal(err)
	}
}

// writeReviews is the child process: it records processReviews reviews,
// half of them on a card the other process reviews too.
func writeReviews(path, id string) error {
	s, err := OpenStore(path)
	if err != nil {
		return err
	}
	defer s.Close()
	for k := 0; k < processReviews; k++ {
		term := "Shared"
		if k%2 == 1 {
			term = "Own " + id + " " + strconv.Itoa(k)
		}
		r := Review{Term: term, Kind: "typed", Rating: Good, AnswerTime: time.Second, At: t0.Add(time.Duration(k) * time.Minute)}
		if _, err := s.Record(r); err != nil {
			return err
		}
	}
	return nil
}

func TestConcurrentProcesses(t *testing.T) {
	path := filepath.Join(t.TempDir(), DBFile)
	var cmds []*exec.Cmd
	var outs [2]bytes.Buffer
	for i := range outs {
		cmd := exec.Command(os.Args[0], "-test.run=^TestWriterProcess$")
		cmd.Env = append(os.Environ(), writerEnv+"="+path, "CRM101_TEST_WRITER_ID="+strconv.Itoa(i))
		cmd.Stdout, cmd.Stderr = &outs[i], &outs[i]
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds = append(cmds, cmd)
	}
	for i, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Errorf("writer process %d: %v\n%s", i, err, outs[i].String())
		}
	}
	s, err := OpenStore(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n := countRows(t, s, "reviews"); n != 2*processReviews {
		t.Errorf("reviews = %d, want %d", n, 2*processReviews)
	}
	shared, _, _ := s.Card("Shared")
	if shared.Reps != processReviews {
		t.Errorf("shared card reps = %d, want %d (an update was lost)", shared.Reps, processReviews)
	}
}
