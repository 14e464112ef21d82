package classroom

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/crm101/crm101/classroom/round"
	"github.com/crm101/crm101/glossary"
)

// Report is what a cohort learnt: per trainee, per term, per category,
// over time and in the live rounds. The json tags are the `crm101 report
// --format json` contract; fields are only ever added to it.
type Report struct {
	Generated  time.Time        `json:"generated"`
	Since      *time.Time       `json:"since,omitempty"` // answers before it left out
	Cohorts    []string         `json:"cohorts"`         // the data directories merged, by name
	Trainees   []TraineeReport  `json:"trainees"`
	Terms      []TermReport     `json:"terms"`      // weakest first
	Categories []CategoryReport `json:"categories"` // weakest first
	Timeline   []TimeBucket     `json:"timeline"`   // answers over time, oldest first
	Rounds     []RoundReport    `json:"rounds"`     // live rounds, oldest first
	// Teams ranks the teams by their members' average points; absent
	// when the classroom played without teams.
	Teams []TeamReport `json:"teams,omitempty"`
}

// TeamReport is one team's averages over its members.
type TeamReport struct {
	Rank     int     `json:"rank"` // by average points; ties share a rank
	Team     string  `json:"team"`
	Cohort   string  `json:"cohort"`
	Members  int     `json:"members"`
	Points   float64 `json:"points"`   // average live-round points per member
	Accuracy float64 `json:"accuracy"` // average of the members' accuracy
}

// TraineeReport is one trainee's line: study and live rounds together.
type TraineeReport struct {
	Name     string  `json:"name"`
	Cohort   string  `json:"cohort"`  // which data directory they joined
	Reviews  int     `json:"reviews"` // every answer, Test Yourself and live
	Correct  int     `json:"correct"`
	Accuracy float64 `json:"accuracy"`
	Mastered int     `json:"mastered"` // now, whatever --since says
	Rounds   int     `json:"rounds"`   // live rounds with at least one answer
	Points   int     `json:"points"`   // live-round points, all rounds
	Removed  bool    `json:"removed"`  // the trainer removed them; their answers still count
	Team     string  `json:"team,omitempty"`
}

// TermReport is how the cohort does on one term.
type TermReport struct {
	Term     string  `json:"term"`
	Reviews  int     `json:"reviews"`
	Correct  int     `json:"correct"`
	Accuracy float64 `json:"accuracy"`
	Trainees int     `json:"trainees"` // how many trainees met it
}

// CategoryReport is how the cohort does on one glossary category.
type CategoryReport struct {
	Category string  `json:"category"`
	Reviews  int     `json:"reviews"`
	Correct  int     `json:"correct"`
	Accuracy float64 `json:"accuracy"`
	Terms    int     `json:"terms"` // how many of its terms were answered
}

// TimeBucket counts the answers given in [Start, Start+Width).
type TimeBucket struct {
	Start   time.Time     `json:"start"`
	Width   time.Duration `json:"width_ns"`
	Answers int           `json:"answers"`
	Correct int           `json:"correct"`
}

// RoundReport is one live round and how everyone placed in it.
type RoundReport struct {
	Cohort    string       `json:"cohort"`
	ID        int64        `json:"id"`
	Questions int          `json:"questions"`
	Started   time.Time    `json:"started"`
	Finished  *time.Time   `json:"finished,omitempty"` // nil when the server stopped mid-round
	Places    []RoundPlace `json:"places"`             // best first; Places[:3] is the podium, ties included
}

// RoundPlace is one trainee's place in a live round.
type RoundPlace struct {
	Rank     int    `json:"rank"` // ties share a rank: 1, 1, 3
	Name     string `json:"name"`
	Points   int    `json:"points"`
	Correct  int    `json:"correct"`
	Answered int    `json:"answered"`
}

// Podium is the places of the round's top three ranks (more than three
// trainees when there are ties).
func (r RoundReport) Podium() []RoundPlace {
	n := 0
	for n < len(r.Places) && r.Places[n].Rank <= 3 {
		n++
	}
	return r.Places[:n]
}

// ErrNoClassroom means the data directory holds no classroom data.
var ErrNoClassroom = errors.New("no classroom data here (run `crm101 serve` with this --data-dir first)")

// Query says which answers a report covers: those kept in any of Dirs
// (merged, one cohort each) given at or after Since (zero: all).
type Query struct {
	Dirs  []string
	Since time.Time
}

// BuildReport reads the classroom database and every trainee's progress
// under dataDir. It only reads, so it is safe while the server runs.
func BuildReport(dataDir string, g *glossary.Glossary, now time.Time) (Report, error) {
	return BuildReportFrom(Query{Dirs: []string{dataDir}}, g, now)
}

// BuildReportFrom reports on every cohort of q together: trainees are
// listed per cohort, terms, categories and the timeline are summed.
func BuildReportFrom(q Query, g *glossary.Glossary, now time.Time) (Report, error) {
	rep := Report{Generated: now, Cohorts: []string{}, Trainees: []TraineeReport{}, Terms: []TermReport{},
		Categories: []CategoryReport{}, Timeline: []TimeBucket{}, Rounds: []RoundReport{}}
	if !q.Since.IsZero() {
		since := q.Since
		rep.Since = &since
	}
	t := newTally(g)
	labels := cohortLabels(q.Dirs)
	for i, dir := range q.Dirs {
		rep.Cohorts = append(rep.Cohorts, labels[i])
		if err := t.addCohort(&rep, dir, labels[i], q.Since, now); err != nil {
			return rep, err
		}
	}
	sort.SliceStable(rep.Trainees, func(i, j int) bool {
		a, b := rep.Trainees[i], rep.Trainees[j]
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		return a.Cohort < b.Cohort
	})
	sort.SliceStable(rep.Rounds, func(i, j int) bool { return rep.Rounds[i].Started.Before(rep.Rounds[j].Started) })
	rep.Terms, rep.Categories, rep.Timeline = t.terms(), t.categories(), t.timeline()
	rep.Teams = teamReports(rep.Trainees)
	return rep, nil
}

// teamReports averages the trainees' figures per team (and cohort),
// best average points first; nil when nobody has a team.
func teamReports(trainees []TraineeReport) []TeamReport {
	type key struct{ cohort, team string }
	sum := map[key]*TeamReport{}
	var order []key
	for _, t := range trainees {
		if t.Team == "" {
			continue
		}
		k := key{t.Cohort, t.Team}
		r := sum[k]
		if r == nil {
			r = &TeamReport{Team: t.Team, Cohort: t.Cohort}
			sum[k] = r
			order = append(order, k)
		}
		r.Members++
		r.Points += float64(t.Points)
		r.Accuracy += t.Accuracy
	}
	if len(order) == 0 {
		return nil
	}
	out := make([]TeamReport, 0, len(order))
	for _, k := range order {
		r := sum[k]
		r.Points /= float64(r.Members)
		r.Accuracy /= float64(r.Members)
		out = append(out, *r)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Points != out[j].Points {
			return out[i].Points > out[j].Points
		}
		if out[i].Team != out[j].Team {
			return out[i].Team < out[j].Team
		}
		return out[i].Cohort < out[j].Cohort
	})
	round.CompetitionRanks(out, func(a, b *TeamReport) bool { return a.Points == b.Points },
		func(t *TeamReport) *int { return &t.Rank })
	return out
}

// cohortLabels names each data directory by its last element, or by its
// whole path when two share one.
func cohortLabels(dirs []string) []string {
	count := map[string]int{}
	for _, d := range dirs {
		count[filepath.Base(filepath.Clean(d))]++
	}
	out := make([]string, len(dirs))
	for i, d := range dirs {
		out[i] = filepath.Base(filepath.Clean(d))
		if count[out[i]] > 1 {
			out[i] = filepath.Clean(d)
		}
		out[i] = glossary.Printable(out[i])
	}
	return out
}

// addCohort adds one data directory's trainees and rounds to rep, and
// its answers to the tally.
func (t *tally) addCohort(rep *Report, dir, label string, since, now time.Time) error {
	live, err := readLive(filepath.Join(dir, DBFile), since)
	if err != nil {
		return err
	}
	files, err := filepath.Glob(filepath.Join(dir, TraineeDir, "*.db"))
	if err != nil {
		return fmt.Errorf("list trainees: %w", err)
	}
	names := live.seen
	paths := map[string]string{} // each trainee's progress file
	for _, f := range files {
		n := strings.TrimSuffix(filepath.Base(f), ".db")
		if cur, ok := live.renamed[n]; ok {
			// Still under a former name: the server stopped before
			// moving it, or the trainee's session holds it open.
			if _, err := os.Stat(TraineeDB(dir, cur)); err == nil {
				continue
			}
			n = cur
		}
		paths[n] = f
		if _, ok := names[n]; !ok {
			names[n] = since.IsZero()
		}
	}
	for name, seenSince := range names {
		tr := live.totals[name]
		tr.Name = glossary.Printable(name) // from a file name or the database: screened before anyone prints it
		tr.Cohort = label
		tr.Removed = live.removed[name]
		tr.Team = glossary.Printable(live.team[name])
		if path, ok := paths[name]; ok {
			if err := t.addProgress(&tr, name, path, since, now); err != nil {
				return err
			}
		}
		if seenSince || tr.Reviews > 0 || tr.Rounds > 0 {
			rep.Trainees = append(rep.Trainees, tr)
		}
	}
	for _, r := range live.rounds {
		r.Cohort = label
		rep.Rounds = append(rep.Rounds, r)
	}
	return nil
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
