package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/crm101/crm101/classroom"
	"github.com/crm101/crm101/quiz"
)

// reportFlags are `crm101 report`'s own flags.
type reportFlags struct {
	format, forget, output, since string
	dirs                          []string
}

func newReportCmd() *cobra.Command {
	var f reportFlags
	cmd := &cobra.Command{
		Use:   "report",
		Short: "What a classroom cohort knows: per trainee, and per term weakest first",
		Long: "report reads the data directory of `crm101 serve` (safe while it runs) and prints\n" +
			"per trainee: reviews, accuracy, terms mastered, live rounds played and points;\n" +
			"per term: accuracy across the cohort, the weakest terms first.\n" +
			"--format html -o cohort.html writes one self-contained page to mail to a manager:\n" +
			"a sortable trainee table, charts per term, per category and over time, and the\n" +
			"live rounds with their podiums. Give --data-dir more than once to merge cohorts.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runReport(cmd, f) },
	}
	cmd.Flags().StringVar(&f.format, "format", "table", "table, csv, json or html")
	cmd.Flags().StringVarP(&f.output, "output", "o", "", "write the report to `FILE` instead of standard output")
	cmd.Flags().StringVar(&f.since, "since", "", "only answers given from `DATE` on (2006-01-02, or 2006-01-02T15:04)")
	// Shadows the global --data-dir: a report may merge several cohorts.
	cmd.Flags().StringArrayVar(&f.dirs, dataDirFlag, nil,
		"`DIR`, a data directory of crm101 serve; repeat to merge cohorts (default $"+quiz.DataDirEnv+", else $XDG_DATA_HOME/crm101)")
	cmd.Flags().StringVar(&f.forget, "forget", "", "delete everything kept about trainee `NAME` (progress, answers, log lines), with the server stopped")
	return cmd
}

func runReport(cmd *cobra.Command, f reportFlags) error {
	dirs, err := reportDirs(f.dirs)
	if err != nil {
		return err
	}
	if f.forget != "" {
		if len(dirs) != 1 {
			return exitError{code: 2, err: errors.New("report --forget: give one --data-dir")}
		}
		return runForget(cmd, dirs[0], f.forget)
	}
	if !slices.Contains(classroom.Formats, f.format) {
		return exitError{code: 2, err: fmt.Errorf("--format %q: want one of %s", f.format, strings.Join(classroom.Formats, ", "))}
	}
	q := classroom.Query{Dirs: dirs}
	if f.since != "" {
		if q.Since, err = parseSince(f.since); err != nil {
			return exitError{code: 2, err: err}
		}
	}
	g, err := loadGlossary(cmd)
	if err != nil {
		return err
	}
	rep, err := classroom.BuildReportFrom(q, g, time.Now())
	if err != nil {
		return err
	}
	if f.output == "" {
		return rep.Write(cmd.OutOrStdout(), f.format)
	}
	// Rendered whole first, so a failure leaves no half-written file; it
	// holds trainees' names and answers, so it is private like the data.
	var b bytes.Buffer
	if err := rep.Write(&b, f.format); err != nil {
		return err
	}
	if err := os.WriteFile(f.output, b.Bytes(), 0o600); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	_, err = fmt.Fprintf(cmd.ErrOrStderr(), "Wrote %s (%s, %s, %s).\n", f.output,
		plural(len(rep.Trainees), "trainee"), plural(len(rep.Terms), "term"), plural(len(rep.Rounds), "live round"))
	return err
}

// reportDirs are the data directories to read: those given, else the
// default one.
func reportDirs(given []string) ([]string, error) {
	if len(given) == 0 {
		dir, err := quiz.DataDir("")
		return []string{dir}, err
	}
	out := make([]string, 0, len(given))
	for _, d := range given {
		abs, err := filepath.Abs(d)
		if err != nil {
			return nil, fmt.Errorf("data directory %s: %w", d, err)
		}
		if !slices.Contains(out, abs) {
			out = append(out, abs)
		}
	}
	return out, nil
}

// sinceLayouts are the forms --since accepts, read in local time.
var sinceLayouts = []string{"2006-01-02", "2006-01-02T15:04", "2006-01-02 15:04", time.RFC3339}

func parseSince(s string) (time.Time, error) {
	for _, layout := range sinceLayouts {
		if t, err := time.ParseInLocation(layout, s, time.Local); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("--since %q: want a date such as 2025-05-12, or 2025-05-12T09:30", s)
}

// runForget deletes one trainee's data and says what went.
func runForget(cmd *cobra.Command, dir, name string) error {
	f, err := classroom.Forget(dir, name)
	if err != nil {
		return err
	}
	name, _ = classroom.NormalizeName(name)
	progress := "no progress file"
	if f.Progress {
		progress = "their progress file"
	}
	joined := ""
	if !f.Joined && !f.Progress && f.Answers == 0 {
		joined = " (no trainee of that name had joined)"
	}
	_, err = fmt.Fprintf(cmd.OutOrStdout(), "Forgot %s: %s, %d live-round answers, %d log lines%s.\n",
		classroom.ClipName(name), progress, f.Answers, f.LogLines, joined)
	return err
}
