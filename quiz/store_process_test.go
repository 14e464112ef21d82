package quiz

import (
	"fmt"
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

func TestMain(m *testing.M) {
	if path := os.Getenv(writerEnv); path != "" {
		os.Exit(writeReviews(path, os.Getenv("CRM101_TEST_WRITER_ID")))
	}
	os.Exit(m.Run())
}

// writeReviews is the child process: it records processReviews reviews,
// half of them on a card the other process reviews too.
func writeReviews(path, id string) int {
	s, err := OpenStore(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer s.Close()
	for k := 0; k < processReviews; k++ {
		term := "Shared"
		if k%2 == 1 {
			term = "Own " + id + " " + strconv.Itoa(k)
		}
		r := Review{Term: term, Kind: "typed", Rating: Good, AnswerTime: time.Second, At: t0.Add(time.Duration(k) * time.Minute)}
		if _, err := s.Record(r); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
	}
	return 0
}

func TestConcurrentProcesses(t *testing.T) {
	path := filepath.Join(t.TempDir(), DBFile)
	var cmds []*exec.Cmd
	for i := 0; i < 2; i++ {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), writerEnv+"="+path, "CRM101_TEST_WRITER_ID="+strconv.Itoa(i))
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds = append(cmds, cmd)
	}
	for _, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Errorf("writer process: %v", err)
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
