package classroom

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"
	"charm.land/lipgloss/v2/table"
)

// Formats `crm101 report --format` accepts.
var Formats = []string{"table", "csv", "json", "html"}

// Write renders rep in format (one of Formats) to w.
func (rep Report) Write(w io.Writer, format string) error {
	switch format {
	case "table", "":
		return rep.writeTable(w)
	case "csv":
		return rep.writeCSV(w)
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	case "html":
		return rep.writeHTML(w)
	}
	return fmt.Errorf("unknown format %q (want table, csv, json or html)", format)
}

func pct(f float64) string { return strconv.FormatFloat(f*100, 'f', 0, 64) + "%" }

// writeTable lays both sections out in one set of columns, measured by
// display width (lipgloss/table), so a wide or accented name (李小龙,
// Zoë) keeps them straight where tabwriter counted runes. It uses no
// style: the output is plain text, on a terminal or in a pipe alike.
func (rep Report) writeTable(w io.Writer) error {
	headers := []string{"TRAINEE", "REVIEWS", "ACCURACY", "MASTERED", "ROUNDS", "POINTS"}
	teams := len(rep.Teams) > 0
	if teams { // a column only a classroom with teams has
		headers = append(headers, "TEAM")
	}
	cols := len(headers)
	row := func(cells ...string) []string { return append(cells, make([]string, cols-len(cells))...) }
	var rows [][]string
	for _, t := range rep.Trainees {
		r := []string{rep.traineeLabel(t), strconv.Itoa(t.Reviews), pct(t.Accuracy), strconv.Itoa(t.Mastered), strconv.Itoa(t.Rounds), strconv.Itoa(t.Points)}
		if teams {
			r = append(r, t.Team)
		}
		rows = append(rows, r)
	}
	if len(rep.Trainees) == 0 {
		rows = append(rows, row("(no trainees yet)"))
	}
	if teams {
		rows = append(rows, row(), row("TEAM (best average first)", "MEMBERS", "ACCURACY", "", "", "AVG POINTS"))
		for _, t := range rep.Teams {
			rows = append(rows, row(rep.teamLabel(t), strconv.Itoa(t.Members), pct(t.Accuracy), "", "", strconv.FormatFloat(t.Points, 'f', 0, 64)))
		}
	}
	rows = append(rows, row(), row("TERM (weakest first)", "REVIEWS", "ACCURACY", "TRAINEES"))
	for _, t := range rep.Terms {
		rows = append(rows, row(t.Term, strconv.Itoa(t.Reviews), pct(t.Accuracy), strconv.Itoa(t.Trainees)))
	}
	if len(rep.Terms) == 0 {
		rows = append(rows, row("(no answers yet)"))
	}
	gap := lipgloss.NewStyle().PaddingRight(2)
	tb := table.New().Headers(headers...).Rows(rows...).
		BorderTop(false).BorderBottom(false).BorderLeft(false).BorderRight(false).BorderHeader(false).BorderColumn(false).
		StyleFunc(func(_, col int) lipgloss.Style {
			if col == cols-1 {
				return lipgloss.NewStyle()
			}
			return gap
		})
	var out strings.Builder
	for line := range strings.Lines(tb.String()) {
		out.WriteString(strings.TrimRight(line, " \n"))
		out.WriteByte('\n')
	}
	_, err := io.WriteString(w, out.String())
	return err
}

// writeCSV writes one table with a leading section column ("trainee" or
// "term"), so a spreadsheet can filter either part; columns a section
// does not have are empty.
func (rep Report) writeCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	// With teams, a "team" column and section come last; without, the
	// columns are as they always were.
	teams := len(rep.Teams) > 0
	write := func(cells []string, team string) {
		if teams {
			cells = append(cells, team)
		}
		cw.Write(cells)
	}
	write([]string{"section", "name", "reviews", "correct", "accuracy", "mastered", "rounds", "points", "trainees", "cohort", "removed"}, "team")
	f := func(x float64) string { return strconv.FormatFloat(x, 'f', 4, 64) }
	for _, t := range rep.Trainees {
		write([]string{"trainee", t.Name, strconv.Itoa(t.Reviews), strconv.Itoa(t.Correct), f(t.Accuracy),
			strconv.Itoa(t.Mastered), strconv.Itoa(t.Rounds), strconv.Itoa(t.Points), "", t.Cohort, strconv.FormatBool(t.Removed)}, t.Team)
	}
	for _, t := range rep.Terms {
		write([]string{"term", t.Term, strconv.Itoa(t.Reviews), strconv.Itoa(t.Correct), f(t.Accuracy),
			"", "", "", strconv.Itoa(t.Trainees), "", ""}, "")
	}
	// A team's row: its average accuracy and average points; trainees
	// holds its member count.
	for _, t := range rep.Teams {
		write([]string{"team", t.Team, "", "", f(t.Accuracy), "", "", strconv.FormatFloat(t.Points, 'f', 1, 64),
			strconv.Itoa(t.Members), t.Cohort, ""}, t.Team)
	}
	cw.Flush()
	return cw.Error()
}

// teamLabel is t's name, with its cohort when the report merges several.
func (rep Report) teamLabel(t TeamReport) string {
	if len(rep.Cohorts) > 1 {
		return t.Team + " (" + t.Cohort + ")"
	}
	return t.Team
}

// traineeLabel is t's name, with its cohort when the report merges
// several, since two cohorts may each have an "ana".
func (rep Report) traineeLabel(t TraineeReport) string {
	label := t.Name
	if len(rep.Cohorts) > 1 {
		label += " (" + t.Cohort + ")"
	}
	if t.Removed {
		label += " (removed)"
	}
	return label
}
