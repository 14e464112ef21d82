package classroom

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestForget(t *testing.T) {
	dir := buildCohort(t)
	log := strings.Join([]string{
		`time=2026-03-02T09:00:00Z level=INFO msg="Ana connect 10.0.0.7:50001 false [] xterm 80 24 SSH-2.0-OpenSSH_9.6"`,
		`time=2026-03-02T09:00:00Z level=INFO msg="bo connect 10.0.0.8:50002 false [] xterm 80 24 SSH-2.0-OpenSSH_9.6"`,
		`time=2026-03-02T09:00:01Z level=WARN msg="wrong join code" remote=10.0.0.7:50003 user=ana`,
		`time=2026-03-02T09:00:01Z level=WARN msg="wrong join code" remote=10.0.0.9:50004 user=anabel`,
		`time=2026-03-02T09:30:00Z level=INFO msg="session ended" name=ana user=Ana remote=10.0.0.7:50001 duration=30m0s`,
		`time=2026-03-02T09:30:00Z level=INFO msg="10.0.0.7:50001 disconnect 30m0.1s"`,
		`time=2026-03-02T09:30:00Z level=ERROR msg="save review" trainee=ana err="x"`,
		`time=2026-03-02T09:31:00Z level=INFO msg="10.0.0.8:50002 disconnect 31m0.1s"`,
	}, "\n") + "\n"
	if err := os.WriteFile(filepath.Join(dir, LogFile), []byte(log), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := Forget(dir, "Ana")
	if err != nil {
		t.Fatal(err)
	}
	if f != (Forgotten{Progress: true, Answers: 2, Joined: true, LogLines: 5}) {
		t.Errorf("forgot %+v", f)
	}
	if _, err := os.Stat(TraineeDB(dir, "ana")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("progress file still there: %v", err)
	}
	rest, _ := os.ReadFile(filepath.Join(dir, LogFile))
	if strings.Contains(strings.ToLower(string(rest)), "ana ") || strings.Contains(string(rest), "10.0.0.7") || strings.Count(string(rest), "\n") != 3 {
		t.Errorf("log after forgetting ana:\n%s", rest)
	}
	rep, err := BuildReport(dir, reportGlossary(t), t0.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	for _, tr := range rep.Trainees {
		if tr.Name == "ana" {
			t.Errorf("ana still in the report: %+v", tr)
		}
	}
	if _, err := Forget(dir, "../etc"); err == nil {
		t.Error("a path was taken for a name")
	}
	if _, err := Forget(t.TempDir(), "ana"); !errors.Is(err, ErrNoClassroom) {
		t.Errorf("empty directory: %v", err)
	}
}
