package classroom

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseTeams(t *testing.T) {
	for in, want := range map[string]Teams{"": {}, "0": {}, "3": {Count: 3}, "prefix": {ByPrefix: true}, " PREFIX ": {ByPrefix: true}} {
		if got, err := ParseTeams(in); err != nil || got != want {
			t.Errorf("ParseTeams(%q) = %+v, %v; want %+v", in, got, err, want)
		}
	}
	for _, bad := range []string{"1", "-2", "100", "colours"} {
		if _, err := ParseTeams(bad); err == nil {
			t.Errorf("ParseTeams(%q) accepted", bad)
		}
	}
}

// Round-robin teams follow the order of first joins and stick through
// reconnects; prefix teams come from the name.
func TestJoinTeam(t *testing.T) {
	s := openTestStore(t, filepath.Join(t.TempDir(), DBFile))
	defer s.Close()
	join := func(name string, teams Teams) string {
		t.Helper()
		if err := s.SeeTrainee(name, "", t0); err != nil {
			t.Fatal(err)
		}
		team, err := s.JoinTeam(name, teams)
		if err != nil {
			t.Fatal(err)
		}
		return team
	}
	two := Teams{Count: 2}
	for _, c := range []struct{ name, want string }{{"ana", "Team 1"}, {"bo", "Team 2"}, {"cy", "Team 1"}, {"ana", "Team 1"}, {"di", "Team 2"}} {
		if got := join(c.name, two); got != c.want {
			t.Errorf("%s joins %q, want %q", c.name, got, c.want)
		}
	}
	if got := join("ed", Teams{}); got != "" {
		t.Errorf("without teams ed joins %q", got)
	}
	prefix := Teams{ByPrefix: true}
	for _, c := range []struct{ name, want string }{{"red.fay", "red"}, {"blue.gus", "blue"}, {"hal", ""}} {
		if got := join(c.name, prefix); got != c.want {
			t.Errorf("%s joins %q, want %q", c.name, got, c.want)
		}
	}
}

// The report gives each trainee's team and ranks the teams by average
// points, in every format; without teams the formats are unchanged
// (the goldens of TestReportFormats hold that).
func TestReportTeams(t *testing.T) {
	dir := buildCohort(t) // ana 1500 points, bo 0, cy 0
	s := openTestStore(t, filepath.Join(dir, DBFile))
	for _, n := range []string{"ana", "bo", "cy"} {
		if _, err := s.JoinTeam(n, Teams{Count: 2}); err != nil { // ana, cy: Team 1; bo: Team 2
			t.Fatal(err)
		}
	}
	s.Close()
	rep, err := BuildReport(dir, reportGlossary(t), t0)
	if err != nil {
		t.Fatal(err)
	}
	teams := map[string]string{}
	for _, tr := range rep.Trainees {
		teams[tr.Name] = tr.Team
	}
	if teams["ana"] != "Team 1" || teams["bo"] != "Team 2" || teams["cy"] != "Team 1" {
		t.Errorf("teams %v", teams)
	}
	if len(rep.Teams) != 2 || rep.Teams[0].Team != "Team 1" || rep.Teams[0].Points != 750 || rep.Teams[0].Members != 2 ||
		rep.Teams[1].Team != "Team 2" || rep.Teams[1].Rank != 2 {
		t.Fatalf("team reports %+v", rep.Teams)
	}

	var table bytes.Buffer
	if err := rep.Write(&table, "table"); err != nil {
		t.Fatal(err)
	}
	if out := table.String(); !strings.Contains(out, "TEAM") || !strings.Contains(out, "TEAM (best average first)") || !strings.Contains(out, "Team 1") {
		t.Errorf("table:\n%s", out)
	}
	var c bytes.Buffer
	if err := rep.Write(&c, "csv"); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&c).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if h := recs[0]; h[len(h)-1] != "team" {
		t.Errorf("csv header %v", h)
	}
	var teamRows int
	for _, r := range recs {
		if r[0] == "team" {
			teamRows++
		}
	}
	if teamRows != 2 {
		t.Errorf("csv team rows %d:\n%v", teamRows, recs)
	}
	var j bytes.Buffer
	if err := rep.Write(&j, "json"); err != nil {
		t.Fatal(err)
	}
	var back Report
	if err := json.Unmarshal(j.Bytes(), &back); err != nil || len(back.Teams) != 2 || back.Trainees[0].Team == "" {
		t.Errorf("json: %v\n%s", err, j.String())
	}
	var h bytes.Buffer
	if err := rep.Write(&h, "html"); err != nil {
		t.Fatal(err)
	}
	if out := h.String(); !strings.Contains(out, `id="team-table"`) || !strings.Contains(out, "<td>Team 2</td>") {
		t.Errorf("html lacks the teams")
	}

	// Without teams: no team column, section or key.
	plain, err := BuildReport(buildCohort(t), reportGlossary(t), t0)
	if err != nil {
		t.Fatal(err)
	}
	var pj, ph bytes.Buffer
	plain.Write(&pj, "json")
	plain.Write(&ph, "html")
	if strings.Contains(pj.String(), `"team`) || strings.Contains(ph.String(), "team-table") {
		t.Error("a report without teams shows teams")
	}
}
