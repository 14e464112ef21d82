package main

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/crm101/crm101/classroom"
)

func newReportCmd() *cobra.Command {
	var format, forget string
	cmd := &cobra.Command{
		Use:   "report",
		Short: "What a classroom cohort knows: per trainee, and per term weakest first",
		Long: "report reads the data directory of `crm101 serve` (safe while it runs) and prints\n" +
			"per trainee: reviews, accuracy, terms mastered, live rounds played and points;\n" +
			"per term: accuracy across the cohort, the weakest terms first.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if forget != "" {
				return runForget(cmd, forget)
			}
			if !slices.Contains(classroom.Formats, format) {
				return exitError{code: 2, err: fmt.Errorf("--format %q: want one of %s", format, strings.Join(classroom.Formats, ", "))}
			}
			g, err := loadGlossary(cmd)
			if err != nil {
				return err
			}
			dir, err := dataDir(cmd)
			if err != nil {
				return err
			}
			rep, err := classroom.BuildReport(dir, g, time.Now())
			if err != nil {
				return err
			}
			return rep.Write(cmd.OutOrStdout(), format)
		},
	}
	cmd.Flags().StringVar(&format, "format", "table", "table, csv or json")
	cmd.Flags().StringVar(&forget, "forget", "", "delete everything kept about trainee `NAME` (progress, answers, log lines), with the server stopped")
	return cmd
}

// runForget deletes one trainee's data and says what went.
func runForget(cmd *cobra.Command, name string) error {
	dir, err := dataDir(cmd)
	if err != nil {
		return err
	}
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
