package classroom

import (
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/crm101/crm101/glossary"
	"github.com/crm101/crm101/quiz"
)

// Report is what a cohort learnt: per trainee and per term. The json
// tags are the `crm101 report --format json` contract.
type Report struct {
	Generated time.Time       `json:"generated"`
	Trainees  []TraineeReport `json:"trainees"`
	Terms     []TermReport    `json:"terms"` // weakest first
}

// TraineeReport is one trainee's line: study and live rounds together.
type TraineeReport struct {
	Name     string  `json:"name"`
	Reviews  int     `json:"reviews"` // every answer, Test Yourself and live
	Correct  int     `json:"correct"`
	Accuracy float64 `json:"accuracy"`
	Mastered int     `json:"mastered"`
	Rounds   int     `json:"rounds"` // live rounds with at least one answer
	Points   int     `json:"points"` // live-round points, all rounds
}

// TermReport is how the cohort does on one term.
type TermReport struct {
	Term     string  `json:"term"`
	Reviews  int     `json:"reviews"`
	Correct  int     `json:"correct"`
	Accuracy float64 `json:"accuracy"`
	Trainees int     `json:"trainees"` // how many trainees met it
}

// ErrNoClassroom means the data directory holds no classroom data.
var ErrNoClassroom = errors.New("no classroom data here (run `crm101 serve` with this --data-dir first)")

// BuildReport reads the classroom database and every trainee's progress
// under dataDir. It only reads, so it is safe while the server runs.
func BuildReport(dataDir string, g *glossary.Glossary, now time.Time) (Report, error) {
	rep := Report{Generated: now, Trainees: []TraineeReport{}, Terms: []TermReport{}}
	live, names, err := liveTotals(filepath.Join(dataDir, DBFile))
	if err != nil {
		return rep, err
	}
	files, err := filepath.Glob(filepath.Join(dataDir, TraineeDir, "*.db"))
	if err != nil {
		return rep, fmt.Errorf("list trainees: %w", err)
	}
	for _, f := range files {
		names[strings.TrimSuffix(filepath.Base(f), ".db")] = true
	}
	terms := make([]string, g.Len())
	for i, e := range g.Entries() {
		terms[i] = e.Term
	}
	byTerm := map[string]*TermReport{}
	for name := range names {
		tr := live[name]
		tr.Name = glossary.Printable(name) // from a file name or the database: screened before anyone prints it
		path := TraineeDB(dataDir, name)
		if _, err := os.Stat(path); err == nil {
			if err := addProgress(&tr, byTerm, path, now, g, terms); err != nil {
				return rep, err
			}
		}
		rep.Trainees = append(rep.Trainees, tr)
	}
	sort.Slice(rep.Trainees, func(i, j int) bool { return rep.Trainees[i].Name < rep.Trainees[j].Name })
	for _, t := range byTerm {
		t.Accuracy = ratio(t.Correct, t.Reviews)
		t.Term = glossary.Printable(t.Term)
		rep.Terms = append(rep.Terms, *t)
	}
	sort.Slice(rep.Terms, func(i, j int) bool {
		a, b := rep.Terms[i], rep.Terms[j]
		if a.Accuracy != b.Accuracy {
			return a.Accuracy < b.Accuracy
		}
		if a.Reviews != b.Reviews {
			return a.Reviews > b.Reviews
		}
		return a.Term < b.Term
	})
	return rep, nil
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func readOnly(path string) (*sql.DB, error) {
	dsn := "file:" + (&url.URL{Path: filepath.ToSlash(path)}).EscapedPath() + "?mode=ro&_pragma=busy_timeout(5000)"
	return sql.Open("sqlite", dsn)
}

// liveTotals sums live-round answers per trainee from the classroom
// database, and lists every trainee who ever joined.
func liveTotals(path string) (map[string]TraineeReport, map[string]bool, error) {
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return nil, nil, fmt.Errorf("%s: %w", filepath.Dir(path), ErrNoClassroom)
	}
	db, err := readOnly(path)
	if err != nil {
		return nil, nil, fmt.Errorf("classroom database %s: %w", path, err)
	}
	defer db.Close()
	names := map[string]bool{}
	rows, err := db.Query(`SELECT name FROM trainees`)
	if err != nil {
		return nil, nil, fmt.Errorf("classroom database %s: %w", path, err)
	}
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return nil, nil, fmt.Errorf("classroom database %s: %w", path, err)
		}
		names[n] = true
	}
	err = rows.Err()
	rows.Close()
	if err != nil {
		return nil, nil, fmt.Errorf("classroom database %s: %w", path, err)
	}
	live := map[string]TraineeReport{}
	rows, err = db.Query(`SELECT trainee, COUNT(DISTINCT round_id), SUM(points) FROM answers GROUP BY trainee`)
	if err != nil {
		return nil, nil, fmt.Errorf("classroom database %s: %w", path, err)
	}
	defer rows.Close()
	for rows.Next() {
		var t TraineeReport
		if err := rows.Scan(&t.Name, &t.Rounds, &t.Points); err != nil {
			return nil, nil, fmt.Errorf("classroom database %s: %w", path, err)
		}
		live[t.Name] = t
		names[t.Name] = true
	}
	return live, names, rows.Err()
}

// addProgress adds one trainee's study progress: totals and mastery from
// quiz.Stats, and per-term counts, both over g's decks (the built-in one
// and any packs the server was given).
func addProgress(tr *TraineeReport, byTerm map[string]*TermReport, path string, now time.Time, g *glossary.Glossary, terms []string) error {
	base, err := quiz.OpenStore(path)
	if err != nil {
		return fmt.Errorf("progress of %s: %w", tr.Name, err)
	}
	defer base.Close()
	st := base.ForGlossary(g)
	stats, err := st.Stats(now, terms)
	if err != nil {
		return fmt.Errorf("progress of %s: %w", tr.Name, err)
	}
	tr.Reviews, tr.Correct, tr.Accuracy, tr.Mastered = stats.Reviews, stats.Correct, stats.Accuracy, stats.Mastered
	per, err := st.ReviewsByTerm()
	if err != nil {
		return fmt.Errorf("progress of %s: %w", tr.Name, err)
	}
	for _, r := range per {
		k := glossary.Key(r.Term)
		t := byTerm[k]
		if t == nil {
			t = &TermReport{Term: r.Term}
			byTerm[k] = t
		}
		t.Reviews += r.Reviews
		t.Correct += r.Correct
		t.Trainees++
	}
	return nil
}
