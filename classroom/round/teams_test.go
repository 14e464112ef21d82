package round

import (
	"reflect"
	"testing"
	"time"
)

func TestRankTeams(t *testing.T) {
	board := []Standing{
		{Name: "ana", Points: 900}, {Name: "bo", Points: 300}, // red: 600 on average
		{Name: "cy", Points: 700},                            // blue: one strong player beats red's two
		{Name: "di", Points: 600}, {Name: "ed", Points: 600}, // green ties red
		{Name: "solo", Points: 1000}, // no team: left out
	}
	teams := map[string]string{"ana": "red", "bo": "red", "cy": "blue", "di": "green", "ed": "green"}
	want := []TeamStanding{
		{Rank: 1, Team: "blue", Points: 700, Members: 1},
		{Rank: 2, Team: "green", Points: 600, Members: 2},
		{Rank: 2, Team: "red", Points: 600, Members: 2},
	}
	if got := RankTeams(board, teams); !reflect.DeepEqual(got, want) {
		t.Errorf("RankTeams = %+v\nwant %+v", got, want)
	}
	if got := RankTeams(board, nil); got != nil {
		t.Errorf("without teams: %+v", got)
	}
}

// The engine ranks teams at each reveal and follows a rename; a
// classroom without teams sends none.
func TestEngineTeams(t *testing.T) {
	for _, withTeams := range []bool{true, false} {
		e := NewEngine(Config{QuestionTime: 20 * time.Second, RevealTime: 5 * time.Second})
		for _, n := range []string{"ana", "bo", "cy"} {
			e.Join(n)
		}
		if withTeams {
			e.SetTeam("ana", "Team 1")
			e.SetTeam("bo", "Team 2")
			e.SetTeam("cy", "Team 1")
		}
		if err := e.Start(1, twoQuestions(), t0); err != nil {
			t.Fatal(err)
		}
		for _, n := range []string{"ana", "bo"} {
			if _, err := e.Answer(n, 0, 0, t0); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := e.Answer("cy", 0, 1, t0); err != nil {
			t.Fatal(err)
		}
		e.Advance(t0)
		ev := e.Event()
		if !withTeams {
			if ev.Teams != nil || e.Seat("ana").Team != "" {
				t.Errorf("teams without teams: %+v", ev.Teams)
			}
			continue
		}
		want := []TeamStanding{{Rank: 1, Team: "Team 2", Points: MaxPoints, Members: 1}, {Rank: 2, Team: "Team 1", Points: MaxPoints / 2, Members: 2}}
		if !reflect.DeepEqual(ev.Teams, want) {
			t.Errorf("teams at the reveal %+v, want %+v", ev.Teams, want)
		}
		e.Rename("cy", "kim")
		if s := e.Seat("kim"); s.Team != "Team 1" {
			t.Errorf("renamed seat %+v", s)
		}
		if got := e.Event().Teams; !reflect.DeepEqual(got, want) {
			t.Errorf("teams after a rename %+v", got)
		}
	}
}
