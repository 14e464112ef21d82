package round

import (
	"sort"
	"time"
)

// Points for a right answer: at least BasePoints, up to MaxPoints for an
// instant one, falling linearly over the question's time. Speed matters,
// but never more than being right: a slow right answer still beats any
// wrong one, which scores nothing.
const (
	MaxPoints  = 1000
	BasePoints = 500
)

// Points scores one answer given elapsed time out of limit.
func Points(correct bool, elapsed, limit time.Duration) int {
	if !correct {
		return 0
	}
	if limit <= 0 {
		return MaxPoints
	}
	elapsed = min(max(elapsed, 0), limit)
	bonus := int64(MaxPoints-BasePoints) * int64(limit-elapsed) / int64(limit)
	return BasePoints + int(bonus)
}

// Standing is one trainee's line on the leaderboard.
type Standing struct {
	Rank     int    // 1 is best; ties share a rank ("1, 1, 3")
	Name     string // display name
	Points   int    // total this round
	Correct  int    // right answers this round
	Answered int    // questions answered this round
}

// Rank sorts standings by points, then right answers, then name (so the
// order is stable), and sets competition ranks: equal points and equal
// right answers share a rank.
func Rank(s []Standing) []Standing {
	sort.Slice(s, func(i, j int) bool {
		if s[i].Points != s[j].Points {
			return s[i].Points > s[j].Points
		}
		if s[i].Correct != s[j].Correct {
			return s[i].Correct > s[j].Correct
		}
		return s[i].Name < s[j].Name
	})
	CompetitionRanks(s, func(a, b *Standing) bool { return a.Points == b.Points && a.Correct == b.Correct },
		func(x *Standing) *int { return &x.Rank })
	return s
}

// CompetitionRanks numbers sorted items 1, 2, 3…, an item tied with the
// one before it sharing that one's rank ("1, 1, 3"): the leaderboards,
// the team boards and the report rank the same way.
func CompetitionRanks[T any](s []T, tied func(a, b *T) bool, rank func(*T) *int) {
	for i := range s {
		if i > 0 && tied(&s[i], &s[i-1]) {
			*rank(&s[i]) = *rank(&s[i-1])
		} else {
			*rank(&s[i]) = i + 1
		}
	}
}

// TeamStanding is one team's line on the team leaderboard.
type TeamStanding struct {
	Rank    int    // 1 is best; equal averages share a rank
	Team    string // team name
	Points  int    // average points of its members on the leaderboard
	Members int    // members on the leaderboard
}

// RankTeams totals standings by team (teams maps a name to its team;
// names without one are left out) and ranks the teams by their
// members' average points, so a large team has no edge over a small
// one. Nil when nobody on the board has a team.
func RankTeams(board []Standing, teams map[string]string) []TeamStanding {
	sum := map[string]*TeamStanding{}
	for _, s := range board {
		team := teams[s.Name]
		if team == "" {
			continue
		}
		t := sum[team]
		if t == nil {
			t = &TeamStanding{Team: team}
			sum[team] = t
		}
		t.Points += s.Points
		t.Members++
	}
	if len(sum) == 0 {
		return nil
	}
	out := make([]TeamStanding, 0, len(sum))
	for _, t := range sum {
		t.Points = (t.Points + t.Members/2) / t.Members
		out = append(out, *t)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Points != out[j].Points {
			return out[i].Points > out[j].Points
		}
		return out[i].Team < out[j].Team
	})
	CompetitionRanks(out, func(a, b *TeamStanding) bool { return a.Points == b.Points },
		func(t *TeamStanding) *int { return &t.Rank })
	return out
}
