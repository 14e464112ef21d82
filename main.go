// Command crm101 teaches the language of CRM in the terminal: browse a
// glossary, work out the metrics, and test yourself with spaced
// repetition. Run it without arguments for the interactive app; the
// subcommands answer the same questions for scripts.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/crm101/crm101/quiz"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

// exitError carries a specific exit status through cobra, so bad input
// can exit 2 and "not found" 1 while messages still go to stderr.
type exitError struct {
	code int
	err  error
}

// Error implements error.
func (e exitError) Error() string { return e.err.Error() }

// Unwrap lets errors.Is and errors.As see the cause.
func (e exitError) Unwrap() error { return e.err }

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run executes the command line and returns the process exit status.
func run(args []string, stdout, stderr io.Writer) int {
	root := newRootCmd()
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.Execute()
	if err == nil {
		return 0
	}
	fmt.Fprintln(stderr, "crm101:", err)
	var ee exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	return 1
}

func newRootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "crm101",
		Short: "Learn the language of CRM: browse terms, calculate metrics, test yourself",
		Long: "crm101 teaches sales trainees the vocabulary of customer relationship management.\n" +
			"Without a command it opens the interactive app on Browse.",
		Version:       version,
		Args:          cobra.NoArgs,
		SilenceUsage:  true,
		SilenceErrors: true,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runTUI(cmd, tuiOptions{})
		},
	}
	root.CompletionOptions.HiddenDefaultCmd = true
	// A malformed flag is bad input, on every command: exit 2, like a bad
	// value (subcommands inherit this from the root).
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		if c.HasParent() {
			err = fmt.Errorf("%s: %w", c.Name(), err)
		}
		return exitError{2, err}
	})
	root.PersistentFlags().String(dataDirFlag, "",
		"directory of the progress database (default $"+quiz.DataDirEnv+", else $XDG_DATA_HOME/crm101)")
	addDeckFlags(root)
	root.AddCommand(newBrowseCmd(), newTermsCmd(), newDefineCmd(), newSearchCmd(), newCalcCmd())
	root.AddCommand(newQuizCmd(), newStatsCmd())
	root.AddCommand(newServeCmd(), newReportCmd())
	root.AddCommand(newDeckCmd())
	usageErrorsExit2(root)
	return root
}
