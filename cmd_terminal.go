package main

import (
	"errors"
	"fmt"

	"github.com/charmbracelet/x/term"

	"github.com/spf13/cobra"
)

// errNeedsTerminal is why the interactive app will not start when input
// or output is not a terminal: it would print escape codes into a pipe
// or a file, and could read no keys. The scripting commands say the same
// things as plain text.
var errNeedsTerminal = exitError{2, errors.New("the app needs a terminal; for scripts use crm101 terms | define | search | calc | quiz export")}

// requireTerminal refuses to start the app without a terminal on both
// ends, before anything is drawn.
func requireTerminal(cmd *cobra.Command) error {
	if isTerminal(cmd.InOrStdin()) && isTerminal(cmd.OutOrStdout()) {
		return nil
	}
	return errNeedsTerminal
}

// usageErrorsExit2 makes every argument error of c and its subcommands a
// usage error (exit 2): an unknown command, a missing or an extra
// argument. A command that names no rule takes no arguments, and a
// command that only groups others shows its help.
func usageErrorsExit2(c *cobra.Command) {
	for _, sub := range c.Commands() {
		usageErrorsExit2(sub)
	}
	if !c.Runnable() {
		c.RunE = func(cmd *cobra.Command, _ []string) error { return cmd.Help() }
	}
	rule := c.Args
	if rule == nil {
		rule = cobra.NoArgs
	}
	c.Args = func(cmd *cobra.Command, args []string) error {
		if err := rule(cmd, args); err != nil {
			return exitError{2, fmt.Errorf("%w (see %s --help)", err, cmd.CommandPath())}
		}
		return nil
	}
}

// terminalSize is w's size when it is a terminal, else 0×0.
func terminalSize(w any) (width, height int) {
	f, ok := w.(interface{ Fd() uintptr })
	if !ok {
		return 0, 0
	}
	width, height, err := term.GetSize(f.Fd())
	if err != nil {
		return 0, 0
	}
	return width, height
}
