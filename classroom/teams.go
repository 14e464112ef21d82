package classroom

import (
	"database/sql"
	"fmt"
	"strconv"
	"strings"
)

// Teams says how a classroom puts trainees in teams. The zero value
// plays without teams.
type Teams struct {
	// Count teams, "Team 1" to "Team Count", filled in turn in the
	// order trainees first join.
	Count int
	// ByPrefix takes the team from the name: "red.ana" joins "red". A
	// name without a prefix plays without a team.
	ByPrefix bool
}

// ParseTeams reads `serve --teams`: "" for none, a number of teams, or
// "prefix".
func ParseTeams(s string) (Teams, error) {
	s = strings.TrimSpace(strings.ToLower(s))
	switch s {
	case "", "0", "none":
		return Teams{}, nil
	case "prefix":
		return Teams{ByPrefix: true}, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 2 || n > 99 {
		return Teams{}, fmt.Errorf("--teams %q: give a number of teams from 2 to 99, or \"prefix\" to take the team from names like red.ana", s)
	}
	return Teams{Count: n}, nil
}

// On reports whether the classroom plays in teams.
func (t Teams) On() bool { return t.Count > 0 || t.ByPrefix }

// TeamPrefix is the team a name joins by its prefix ("red.ana" → "red"),
// "" for a name without one.
func TeamPrefix(name string) string {
	team, _, ok := strings.Cut(name, ".")
	if !ok {
		return ""
	}
	return team
}

// JoinTeam returns name's team, assigning one by rule t the first time
// name joins; the team is kept, so a reconnect (or a restart) keeps it
// and a rename carries it along. name must already be a trainee
// (SeeTrainee).
func (s *Store) JoinTeam(name string, t Teams) (string, error) {
	if !t.On() {
		return "", nil
	}
	tx, err := s.db.Begin()
	if err != nil {
		return "", fmt.Errorf("team of %s: %w", name, s.full(err))
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit
	var team string
	if err := tx.QueryRow(`SELECT team FROM trainees WHERE name = ?`, name).Scan(&team); err != nil {
		if err == sql.ErrNoRows {
			return "", fmt.Errorf("team of %s: %w", name, ErrNoTrainee)
		}
		return "", fmt.Errorf("team of %s: %w", name, err)
	}
	if team != "" {
		return team, nil
	}
	if t.ByPrefix {
		team = TeamPrefix(name)
	} else {
		var n int
		if err := tx.QueryRow(`SELECT COUNT(*) FROM trainees WHERE team != ''`).Scan(&n); err != nil {
			return "", fmt.Errorf("team of %s: %w", name, err)
		}
		team = fmt.Sprintf("Team %d", n%t.Count+1)
	}
	if team == "" {
		return "", nil
	}
	if _, err := tx.Exec(`UPDATE trainees SET team = ? WHERE name = ?`, team, name); err != nil {
		return "", fmt.Errorf("team of %s: %w", name, s.full(err))
	}
	if err := tx.Commit(); err != nil {
		return "", fmt.Errorf("team of %s: %w", name, s.full(err))
	}
	return team, nil
}
