package classroom

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/crm101/crm101/classroom/round"
	"github.com/crm101/crm101/glossary"
	"github.com/crm101/crm101/quiz"
)

func reportGlossary(t *testing.T) *glossary.Glossary {
	t.Helper()
	var entries []glossary.Entry
	for _, term := range []string{"Churn", "Lead", "Pipeline", "Quota"} {
		entries = append(entries, glossary.Entry{Term: term, Category: glossary.Sales, Definition: "The " + term + " of a team.", Sources: []string{"002"}})
	}
	g, err := glossary.New(entries)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// buildCohort writes a data directory as a server would leave it: ana
// studied and played, bo only played, cy joined and did nothing.
func buildCohort(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, TraineeDir), 0o700); err != nil {
		t.Fatal(err)
	}
	s := openTestStore(t, filepath.Join(dir, DBFile))
	defer s.Close()
	for _, n := range []string{"ana", "bo", "cy"} {
		if err := s.SeeTrainee(n, "", t0); err != nil {
			t.Fatal(err)
		}
	}
	r1, _ := s.StartRound(1, t0)
	r2, _ := s.StartRound(1, t0.Add(time.Hour))
	for _, a := range []round.Answer{
		{Round: r1, Name: "ana", Term: "Churn", Correct: true, Points: 900, At: t0},
		{Round: r1, Name: "bo", Term: "Churn", At: t0},
		{Round: r2, Name: "ana", Term: "Lead", Correct: true, Points: 600, At: t0},
	} {
		if err := s.RecordAnswer(a); err != nil {
			t.Fatal(err)
		}
	}
	review := func(name, term string, r quiz.Rating) {
		st, err := quiz.OpenStore(TraineeDB(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		if _, err := st.Record(quiz.Review{Term: term, Kind: LiveKind, Rating: r, At: t0}); err != nil {
			t.Fatal(err)
		}
	}
	review("ana", "Churn", quiz.Good)
	review("ana", "Lead", quiz.Good)
	review("ana", "Quota", quiz.Again)
	review("bo", "Churn", quiz.Again)
	review("bo", "Lead", quiz.Good)
	return dir
}

func TestBuildReport(t *testing.T) {
	dir := buildCohort(t)
	rep, err := BuildReport(dir, reportGlossary(t), t0.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Trainees) != 3 {
		t.Fatalf("trainees %+v", rep.Trainees)
	}
	ana, bo, cy := rep.Trainees[0], rep.Trainees[1], rep.Trainees[2]
	if ana.Name != "ana" || ana.Reviews != 3 || ana.Correct != 2 || ana.Rounds != 2 || ana.Points != 1500 {
		t.Errorf("ana %+v", ana)
	}
	if bo.Name != "bo" || bo.Reviews != 2 || bo.Rounds != 1 || bo.Points != 0 || bo.Accuracy != 0.5 {
		t.Errorf("bo %+v", bo)
	}
	if cy.Name != "cy" || cy.Reviews != 0 || cy.Rounds != 0 {
		t.Errorf("cy %+v", cy)
	}
	// Weakest first: Quota 0/1, Churn 1/2, Lead 2/2.
	var order []string
	for _, term := range rep.Terms {
		order = append(order, term.Term)
	}
	if strings.Join(order, ",") != "Quota,Churn,Lead" {
		t.Errorf("terms in order %v, want Quota, Churn, Lead", order)
	}
	if c := rep.Terms[1]; c.Reviews != 2 || c.Correct != 1 || c.Trainees != 2 {
		t.Errorf("Churn %+v", c)
	}
}

func TestReportFormats(t *testing.T) {
	rep, err := BuildReport(buildCohort(t), reportGlossary(t), t0)
	if err != nil {
		t.Fatal(err)
	}
	var table, csvOut, jsonOut bytes.Buffer
	for f, w := range map[string]*bytes.Buffer{"table": &table, "csv": &csvOut, "json": &jsonOut} {
		if err := rep.Write(w, f); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
	}
	for _, want := range []string{"TRAINEE", "ana", "67%", "TERM (weakest first)", "Quota"} {
		if !strings.Contains(table.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, table.String())
		}
	}
	rows, err := csv.NewReader(&csvOut).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1+3+3 || rows[1][0] != "trainee" || rows[4][0] != "term" || rows[4][1] != "Quota" {
		t.Errorf("csv rows %q", rows)
	}
	var back Report
	if err := json.Unmarshal(jsonOut.Bytes(), &back); err != nil || len(back.Trainees) != 3 || back.Trainees[0].Points != 1500 {
		t.Errorf("json %s: %v", jsonOut.String(), err)
	}
	if err := rep.Write(&table, "xml"); err == nil {
		t.Error("unknown format accepted")
	}
}

func TestReportWithoutClassroom(t *testing.T) {
	if _, err := BuildReport(t.TempDir(), reportGlossary(t), t0); !errors.Is(err, ErrNoClassroom) {
		t.Errorf("empty directory: %v, want ErrNoClassroom", err)
	}
}

// columnStarts is the display column where each field of line starts,
// fields being separated by two spaces or more.
func columnStarts(line string) []int {
	var starts []int
	rest, at := line, 0
	for rest != "" {
		field, after, _ := strings.Cut(rest, "  ")
		starts = append(starts, at)
		at += lipgloss.Width(field) + 2
		trimmed := strings.TrimLeft(after, " ")
		at += len(after) - len(trimmed)
		rest = trimmed
	}
	return starts
}

// Wide (李小龙) and accented (Zoë) names keep the table's columns
// straight: every full row starts its fields where the headers do.
func TestReportTableAlignsWideNames(t *testing.T) {
	rep := Report{
		Trainees: []TraineeReport{
			{Name: "Zoë", Reviews: 12, Accuracy: 0.75, Mastered: 3, Rounds: 1, Points: 2400},
			{Name: "李小龙", Reviews: 7, Accuracy: 1, Mastered: 2, Rounds: 2, Points: 900},
			{Name: "ana", Reviews: 120, Accuracy: 0.5, Rounds: 1, Points: 10},
		},
		Terms: []TermReport{
			{Term: "顧客生涯価値", Reviews: 4, Accuracy: 0.25, Trainees: 2},
			{Term: "Net Revenue Retention", Reviews: 9, Accuracy: 0.5, Trainees: 3},
		},
	}
	var b bytes.Buffer
	if err := rep.Write(&b, "table"); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if strings.Contains(out, "\x1b") {
		t.Errorf("table report has escape codes: %q", out)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	header := columnStarts(lines[0])
	if len(header) != 6 {
		t.Fatalf("header fields %v in %q", header, lines[0])
	}
	for _, line := range lines[1:] {
		if line == "" {
			continue
		}
		got := columnStarts(line)
		for i, at := range got {
			if at != header[i] {
				t.Errorf("field %d of %q starts at column %d, header's at %d:\n%s", i+1, line, at, header[i], out)
			}
		}
		if strings.HasSuffix(line, " ") {
			t.Errorf("trailing space in %q", line)
		}
	}
}

// A name written into the database by hand (the server never takes one
// with control characters) reaches no terminal as one.
func TestReportScreensControlCharacters(t *testing.T) {
	dir := buildCohort(t)
	s := openTestStore(t, filepath.Join(dir, DBFile))
	if err := s.SeeTrainee("\x1b]0;pwn\aeve", "", t0); err != nil {
		t.Fatal(err)
	}
	s.Close()
	rep, err := BuildReport(dir, reportGlossary(t), t0)
	if err != nil {
		t.Fatal(err)
	}
	for _, format := range Formats {
		var out bytes.Buffer
		if err := rep.Write(&out, format); err != nil {
			t.Fatal(err)
		}
		if _, bad := glossary.FirstControl(out.String()); bad || !strings.Contains(out.String(), "]0;pwneve") {
			t.Errorf("%s report: %q", format, out.String())
		}
	}
}
