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
	"time"

	"github.com/crm101/crm101/classroom/round"
	"github.com/crm101/crm101/glossary"
	"github.com/crm101/crm101/quiz"
)

func readOnly(path string) (*sql.DB, error) {
	dsn := "file:" + (&url.URL{Path: filepath.ToSlash(path)}).EscapedPath() + "?mode=ro&_pragma=busy_timeout(5000)"
	return sql.Open("sqlite", dsn)
}

// sinceMs is since as the databases store times; zero means all time.
func sinceMs(since time.Time) int64 {
	if since.IsZero() {
		return 0
	}
	return since.UnixMilli()
}

// liveData is what the classroom database of one cohort says.
type liveData struct {
	totals  map[string]TraineeReport // live rounds and points per trainee
	seen    map[string]bool          // everyone who joined: whether since --since
	removed map[string]bool          // trainees the trainer removed
	renamed map[string]string        // former name → current
	team    map[string]string        // trainee → team, in a classroom with teams
	rounds  []RoundReport
}

// readLive reads one classroom database: who joined, their live-round
// totals and every round with its places, from since on.
func readLive(path string, since time.Time) (liveData, error) {
	d := liveData{totals: map[string]TraineeReport{}, seen: map[string]bool{}, removed: map[string]bool{}, renamed: map[string]string{}, team: map[string]string{}}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return d, fmt.Errorf("%s: %w", filepath.Dir(path), ErrNoClassroom)
	}
	db, err := readOnly(path)
	if err != nil {
		return d, fmt.Errorf("classroom database %s: %w", path, err)
	}
	defer db.Close()
	if err := d.read(db, sinceMs(since)); err != nil {
		return d, fmt.Errorf("classroom database %s: %w", path, err)
	}
	return d, nil
}

func (d *liveData) read(db *sql.DB, since int64) error {
	// removed_at came with schema version 2; a report only reads, so an
	// older database, not yet opened by a newer server, goes without.
	removedAt := "NULL"
	var v int
	if err := db.QueryRow(`PRAGMA user_version`).Scan(&v); err != nil {
		return err
	}
	if v >= 2 {
		removedAt = "removed_at"
	}
	err := eachRow(db, `SELECT name, last_seen, `+removedAt+` FROM trainees`, nil, func(rows *sql.Rows) error {
		var n string
		var last int64
		var removed sql.NullInt64
		err := rows.Scan(&n, &last, &removed)
		d.seen[n] = last >= since
		if removed.Valid {
			d.removed[n] = true
		}
		return err
	})
	if err != nil {
		return err
	}
	if v >= 3 {
		err = eachRow(db, `SELECT name, team FROM trainees WHERE team != ''`, nil, func(rows *sql.Rows) error {
			var n, team string
			err := rows.Scan(&n, &team)
			d.team[n] = team
			return err
		})
		if err != nil {
			return err
		}
		err = eachRow(db, `SELECT old, new FROM renames`, nil, func(rows *sql.Rows) error {
			var o, n string
			err := rows.Scan(&o, &n)
			d.renamed[o] = n
			return err
		})
		if err != nil {
			return err
		}
	}
	err = eachRow(db, `SELECT trainee, COUNT(DISTINCT round_id), SUM(points) FROM answers
		WHERE answered_at >= ? GROUP BY trainee`, []any{since}, func(rows *sql.Rows) error {
		var t TraineeReport
		err := rows.Scan(&t.Name, &t.Rounds, &t.Points)
		d.totals[t.Name] = t
		d.seen[t.Name] = true
		return err
	})
	if err != nil {
		return err
	}
	err = eachRow(db, `SELECT id, questions, started_at, finished_at FROM rounds
		WHERE started_at >= ? ORDER BY id`, []any{since}, func(rows *sql.Rows) error {
		var r RoundReport
		var started int64
		var finished sql.NullInt64
		err := rows.Scan(&r.ID, &r.Questions, &started, &finished)
		r.Started = time.UnixMilli(started)
		if finished.Valid {
			f := time.UnixMilli(finished.Int64)
			r.Finished = &f
		}
		d.rounds = append(d.rounds, r)
		return err
	})
	if err != nil {
		return err
	}
	for i := range d.rounds {
		if d.rounds[i].Places, err = places(db, d.rounds[i].ID); err != nil {
			return err
		}
	}
	return nil
}

// places ranks one round from its stored answers as the room saw it
// ranked (Store.RoundStanding, read-only).
func places(db *sql.DB, id int64) ([]RoundPlace, error) {
	var st []round.Standing
	err := eachRow(db, `SELECT trainee, SUM(points), SUM(correct), COUNT(*) FROM answers
		WHERE round_id = ? GROUP BY trainee`, []any{id}, func(rows *sql.Rows) error {
		var s round.Standing
		err := rows.Scan(&s.Name, &s.Points, &s.Correct, &s.Answered)
		st = append(st, s)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("places in round %d: %w", id, err)
	}
	out := []RoundPlace{}
	for _, s := range round.Rank(st) {
		out = append(out, RoundPlace{Rank: s.Rank, Name: glossary.Printable(s.Name), Points: s.Points, Correct: s.Correct, Answered: s.Answered})
	}
	return out, nil
}

// eachRow runs query and calls scan for each row.
func eachRow(db *sql.DB, query string, args []any, scan func(*sql.Rows) error) error {
	rows, err := db.Query(query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// tally sums answers across trainees and cohorts: per term, per
// category and over time.
type tally struct {
	g        *glossary.Glossary
	allTerms []string
	byTerm   map[string]*TermReport // by glossary.Key
	byCat    map[string]*CategoryReport
	catTerms map[string]map[string]bool
	times    []answerAt
}

type answerAt struct {
	at      time.Time
	correct bool
}

// otherCategory holds answers to terms no longer in the glossary.
const otherCategory = "Other"

func newTally(g *glossary.Glossary) *tally {
	t := &tally{g: g, byTerm: map[string]*TermReport{}, byCat: map[string]*CategoryReport{}, catTerms: map[string]map[string]bool{}}
	for _, e := range g.Entries() {
		t.allTerms = append(t.allTerms, e.Term)
	}
	return t
}

// addProgress adds one trainee's study progress: mastery now from
// quiz.Stats, and every answer since, over g's decks (the built-in one
// and any packs the server was given). Answers are read from the
// progress file's reviews table directly, read-only, since quiz.Store
// counts all time and a report may cover a period.
func (t *tally) addProgress(tr *TraineeReport, name, path string, since, now time.Time) error {
	base, err := quiz.OpenStore(path)
	if err != nil {
		return fmt.Errorf("progress of %s: %w", tr.Name, err)
	}
	stats, err := base.ForGlossary(t.g).Stats(now, t.allTerms)
	base.Close()
	if err != nil {
		return fmt.Errorf("progress of %s: %w", tr.Name, err)
	}
	tr.Mastered = stats.Mastered
	db, err := readOnly(path)
	if err != nil {
		return fmt.Errorf("progress of %s: %w", tr.Name, err)
	}
	defer db.Close()
	met := map[string]bool{}
	err = eachRow(db, `SELECT deck, term, correct, reviewed_at FROM reviews WHERE reviewed_at >= ?`,
		[]any{sinceMs(since)}, func(rows *sql.Rows) error {
			var deck, term string
			var correct bool
			var at int64
			if err := rows.Scan(&deck, &term, &correct, &at); err != nil {
				return err
			}
			if t.add(term, deck, correct, time.UnixMilli(at), met) {
				tr.Reviews++
				if correct {
					tr.Correct++
				}
			}
			return nil
		})
	if err != nil {
		return fmt.Errorf("progress of %s: %w", tr.Name, err)
	}
	tr.Accuracy = ratio(tr.Correct, tr.Reviews)
	return nil
}

// add counts one answer unless its card belongs to a deck the glossary
// does not hold (a pack not loaded, a built-in term a pack overrides),
// as quiz.Store's views do. met is the trainee's terms so far.
func (t *tally) add(term, deck string, correct bool, at time.Time, met map[string]bool) bool {
	e, known := t.g.Lookup(term)
	want := glossary.BuiltinDeck
	if known {
		want = e.Deck()
		term = e.Term
	}
	if deck != want {
		return false
	}
	key := glossary.Key(term)
	tr := t.byTerm[key]
	if tr == nil {
		tr = &TermReport{Term: term}
		t.byTerm[key] = tr
	}
	tr.Reviews++
	cat := otherCategory
	if known {
		cat = string(e.Category)
	}
	cr := t.byCat[cat]
	if cr == nil {
		cr = &CategoryReport{Category: cat}
		t.byCat[cat] = cr
		t.catTerms[cat] = map[string]bool{}
	}
	cr.Reviews++
	t.catTerms[cat][key] = true
	if correct {
		tr.Correct++
		cr.Correct++
	}
	if !met[key] {
		met[key] = true
		tr.Trainees++
	}
	t.times = append(t.times, answerAt{at, correct})
	return true
}

// terms lists the terms answered, weakest first.
func (t *tally) terms() []TermReport {
	out := []TermReport{}
	for _, tr := range t.byTerm {
		tr.Accuracy = ratio(tr.Correct, tr.Reviews)
		tr.Term = glossary.Printable(tr.Term)
		out = append(out, *tr)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Accuracy != b.Accuracy {
			return a.Accuracy < b.Accuracy
		}
		if a.Reviews != b.Reviews {
			return a.Reviews > b.Reviews
		}
		return a.Term < b.Term
	})
	return out
}

// categories lists the categories answered, weakest first.
func (t *tally) categories() []CategoryReport {
	out := []CategoryReport{}
	for name, c := range t.byCat {
		c.Accuracy = ratio(c.Correct, c.Reviews)
		c.Terms = len(t.catTerms[name])
		c.Category = glossary.Printable(c.Category)
		out = append(out, *c)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Accuracy != out[j].Accuracy {
			return out[i].Accuracy < out[j].Accuracy
		}
		return out[i].Category < out[j].Category
	})
	return out
}

// bucketWidths are the timeline's possible bucket widths, finest first:
// the finest that keeps the chart to maxBuckets bars is used.
var bucketWidths = []time.Duration{
	time.Minute, 2 * time.Minute, 5 * time.Minute, 10 * time.Minute, 15 * time.Minute, 30 * time.Minute,
	time.Hour, 2 * time.Hour, 4 * time.Hour, 6 * time.Hour, 12 * time.Hour, 24 * time.Hour, 7 * 24 * time.Hour,
}

const maxBuckets = 60

// timeline buckets the answers over time, empty buckets included, so a
// break in the session shows as one.
func (t *tally) timeline() []TimeBucket {
	out := []TimeBucket{}
	if len(t.times) == 0 {
		return out
	}
	sort.Slice(t.times, func(i, j int) bool { return t.times[i].at.Before(t.times[j].at) })
	first, last := t.times[0].at, t.times[len(t.times)-1].at
	width := bucketWidths[len(bucketWidths)-1]
	for _, w := range bucketWidths {
		if last.Sub(first.Truncate(w)) < maxBuckets*w {
			width = w
			break
		}
	}
	start := first.Truncate(width)
	for _, a := range t.times {
		i := int(a.at.Sub(start) / width)
		for len(out) <= i {
			out = append(out, TimeBucket{Start: start.Add(time.Duration(len(out)) * width), Width: width})
		}
		out[i].Answers++
		if a.correct {
			out[i].Correct++
		}
	}
	return out
}
