package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/crm101/crm101/classroom"
	"github.com/crm101/crm101/classroom/round"
)

// writeCohort leaves a data directory named name as `serve` would: each
// trainee in names answered one live question about Churn at at.
func writeCohort(t *testing.T, name string, at time.Time, names ...string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), name)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	s, err := classroom.OpenStore(filepath.Join(dir, classroom.DBFile))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	id, err := s.StartRound(1, at)
	if err != nil {
		t.Fatal(err)
	}
	for i, n := range names {
		if err := s.SeeTrainee(n, "", at); err != nil {
			t.Fatal(err)
		}
		a := round.Answer{Round: id, Name: n, Term: "Churn Rate", Correct: i == 0, Points: 700 * (1 - min(i, 1)), At: at}
		if err := s.RecordAnswer(a); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.FinishRound(id, at.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	return dir
}

// Two cohorts merge into one report, each trainee under their cohort;
// --since leaves the older one out; -o writes a private file.
func TestReportMergesCohorts(t *testing.T) {
	may := writeCohort(t, "may", time.Date(2025, 5, 12, 10, 0, 0, 0, time.Local), "ana", "bo")
	june := writeCohort(t, "june", time.Date(2025, 6, 9, 10, 0, 0, 0, time.Local), "ana", "<i>cy</i>")
	report := func(args ...string) classroom.Report {
		t.Helper()
		var out, errOut strings.Builder
		if code := run(append([]string{"report", "--format", "json"}, args...), &out, &errOut); code != 0 {
			t.Fatalf("report %v: exit %d: %s", args, code, errOut.String())
		}
		var rep classroom.Report
		if err := json.Unmarshal([]byte(out.String()), &rep); err != nil {
			t.Fatal(err)
		}
		return rep
	}
	rep := report("--data-dir", may, "--data-dir", june)
	if len(rep.Trainees) != 4 || len(rep.Rounds) != 2 || strings.Join(rep.Cohorts, ",") != "may,june" {
		t.Errorf("merged: cohorts %v, trainees %+v, %d rounds", rep.Cohorts, rep.Trainees, len(rep.Rounds))
	}
	anas := 0
	for _, tr := range rep.Trainees {
		if tr.Name == "ana" {
			anas++
			if tr.Points != 700 || tr.Rounds != 1 {
				t.Errorf("ana of %s: %+v", tr.Cohort, tr)
			}
		}
	}
	if anas != 2 {
		t.Errorf("want ana of each cohort, got %+v", rep.Trainees)
	}
	rep = report("--data-dir", may, "--data-dir", june, "--since", "2025-06-01")
	if len(rep.Trainees) != 2 || len(rep.Rounds) != 1 || rep.Rounds[0].Cohort != "june" || rep.Since == nil {
		t.Errorf("--since: trainees %+v, rounds %+v", rep.Trainees, rep.Rounds)
	}

	var out, errOut strings.Builder
	if code := run([]string{"report", "--data-dir", may, "--since", "last week"}, &out, &errOut); code != 2 {
		t.Errorf("--since 'last week': exit %d, want 2", code)
	}
	page := filepath.Join(t.TempDir(), "cohort.html")
	if code := run([]string{"report", "--data-dir", may, "--data-dir", june, "--format", "html", "-o", page}, &out, &errOut); code != 0 {
		t.Fatalf("html: exit %d: %s", code, errOut.String())
	}
	body, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(body), "&lt;i&gt;cy&lt;/i&gt;") || strings.Contains(string(body), "<i>cy") {
		t.Errorf("html names not escaped")
	}
	if fi, _ := os.Stat(page); fi.Mode().Perm() != 0o600 {
		t.Errorf("report file mode %v, want 0600", fi.Mode().Perm())
	}
	if !strings.Contains(errOut.String(), "Wrote "+page) {
		t.Errorf("stderr %q", errOut.String())
	}
	if code := run([]string{"report", "--data-dir", may, "--data-dir", june, "--forget", "ana"}, &out, &errOut); code != 2 {
		t.Errorf("--forget with two directories: exit %d, want 2", code)
	}
}
