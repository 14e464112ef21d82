package ui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
	"charm.land/lipgloss/v2/table"

	"github.com/crm101/crm101/classroom/round"
	"github.com/crm101/crm101/glossary"
)

// columns is the layout of a borderless table: which columns hold
// numbers (aligned right) and how many spaces follow each column.
type columns struct {
	right []bool
	gap   []int
}

// render lays rows out under headers (none when headers is nil) with
// lipgloss/table, which measures cells by display width: a wide or
// accented name (李小龙, Zoë) keeps the columns straight where %-20s
// counted bytes. style gives each row its look; the headers are row
// table.HeaderRow.
//
// Every cell passes through glossary.Printable: names and terms come
// from the classroom database, which a hand-edited file could fill with
// escape sequences.
func (c columns) render(headers []string, rows [][]string, style func(row int) lipgloss.Style) string {
	for _, r := range rows {
		for i := range r {
			r[i] = glossary.Printable(r[i])
		}
	}
	t := table.New().Headers(headers...).Rows(rows...).
		BorderTop(false).BorderBottom(false).BorderLeft(false).BorderRight(false).
		BorderHeader(false).BorderColumn(false).
		StyleFunc(func(row, col int) lipgloss.Style {
			s := style(row)
			if col < len(c.right) && c.right[col] {
				s = s.Align(lipgloss.Right)
			}
			if col < len(c.gap) {
				s = s.PaddingRight(c.gap[col])
			}
			return s
		})
	return t.String()
}

// boardColumns lays out a leaderboard: rank, name, points, right answers.
var boardColumns = columns{right: []bool{true, false, true, false}, gap: []int{1, 2, 2}}

// standingRow is one leaderboard line, the same for trainees and trainer.
func standingRow(s round.Standing) []string {
	return []string{fmt.Sprintf("%d.", s.Rank), s.Name, fmt.Sprint(s.Points), fmt.Sprintf("%d/%d right", s.Correct, s.Answered)}
}

// teamColumns lays out the team leaderboard: rank, team, average
// points, members.
var teamColumns = columns{right: []bool{true, false, true, false}, gap: []int{1, 2, 2}}

// teamRow is one team's line on the team leaderboard.
func teamRow(t round.TeamStanding) []string {
	return []string{fmt.Sprintf("%d.", t.Rank), t.Team, fmt.Sprintf("%d avg", t.Points), fmt.Sprintf("%d in team", t.Members)}
}

// withTeams puts the team leaderboard beside the individual one when
// both fit in width, else under it; board alone without teams. mine is
// the viewer's team, drawn with me; others with rank.
func withTeams(board string, teams []round.TeamStanding, mine string, width int, title, me, rank lipgloss.Style) string {
	if len(teams) == 0 {
		return board
	}
	rows := make([][]string, 0, len(teams))
	looks := make([]lipgloss.Style, 0, len(teams))
	for _, t := range teams {
		rows = append(rows, teamRow(t))
		if t.Team == mine {
			looks = append(looks, me)
		} else {
			looks = append(looks, rank)
		}
	}
	// The title loses its margins so both tables start on the same line.
	table := lipgloss.JoinVertical(lipgloss.Left, title.UnsetMargins().UnsetPadding().Render("Teams"),
		teamColumns.render(nil, rows, func(row int) lipgloss.Style { return looks[row] }))
	const gap = "    "
	if lipgloss.Width(board)+lipgloss.Width(gap)+lipgloss.Width(table) <= width {
		return lipgloss.JoinHorizontal(lipgloss.Top, board, gap, table)
	}
	return lipgloss.JoinVertical(lipgloss.Left, board, table)
}

// cohortColumns lays out the cohort panel's trainees, the same figures
// as `crm101 report`; termColumns its weakest terms.
var (
	cohortColumns = columns{right: []bool{false, true, true, true, true, true}, gap: []int{2, 2, 2, 2, 2}}
	termColumns   = columns{right: []bool{false, true, false}, gap: []int{2, 1}}
)

// podium names the top three of a final leaderboard ("1st ana 2,700 ·
// 2nd bo 1,800 · 3rd cy 900"); ties share a place, so more may stand on
// it. "" when nobody scored a place.
func podium(board []round.Standing) string {
	var places []string
	for _, s := range board {
		if s.Rank > 3 {
			break
		}
		places = append(places, fmt.Sprintf("%s %s %d", ordinal(s.Rank), glossary.Printable(s.Name), s.Points))
	}
	return strings.Join(places, " · ")
}

func ordinal(n int) string {
	switch n {
	case 1:
		return "1st"
	case 2:
		return "2nd"
	case 3:
		return "3rd"
	}
	return fmt.Sprintf("%dth", n)
}
