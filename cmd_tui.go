package main

import (
	"errors"
	"fmt"
	"os"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/spf13/cobra"

	"github.com/crm101/crm101/ui"
)

// tuiOptions say which screen the app opens on and with what.
type tuiOptions struct {
	start  ui.Screen
	query  string
	metric string // Calculate opens on this metric ID
	quiz   ui.QuizSettings
	seed   uint64 // 0: seeded from the clock
}

// runTUI starts the interactive app full-screen. The progress database
// is opened here, before the program starts. A damaged one stops
// `crm101 quiz` with a message naming the file; any other screen opens
// without Test Yourself and shows the same message, so a broken progress
// file never keeps anyone from looking a term up.
func runTUI(cmd *cobra.Command, o tuiOptions) (err error) {
	g, err := loadGlossary(cmd)
	if err != nil {
		return err
	}
	store, storeErr := openProgress(cmd)
	if storeErr != nil && o.start == ui.QuizScreen {
		return storeErr
	}
	// After the files, whose problems say more than this does.
	if err := requireTerminal(cmd); err != nil {
		if store != nil {
			err = errors.Join(err, store.Close())
		}
		return err
	}
	if store != nil {
		defer func() { err = errors.Join(err, store.Close()) }()
	}
	if o.seed == 0 {
		o.seed = uint64(time.Now().UnixNano())
	}
	model := ui.New(ui.Options{
		Glossary: g,
		Theme:    ui.ThemeFromEnv(os.Getenv),
		Start:    o.start,
		Query:    o.query,
		Store:    store,
		StoreErr: storeErr,
		Quiz:     o.quiz,
		Seed:     o.seed,
		Clock:    time.Now,
		Metric:   o.metric,
	})
	p := tea.NewProgram(model, tea.WithFPS(ui.ProgramFPS),
		tea.WithInput(cmd.InOrStdin()), tea.WithOutput(cmd.OutOrStdout()))
	final, runErr := p.Run()
	if runErr != nil {
		runErr = fmt.Errorf("run app: %w", runErr)
	}
	// Answers given just before quitting may still be on their way.
	if m, ok := final.(ui.Model); ok {
		runErr = errors.Join(runErr, m.FinishSaving())
	}
	return runErr
}

func newBrowseCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "browse [QUERY]",
		Short: "Open the app on Browse, optionally with a search filled in",
		Args:  cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runTUI(cmd, tuiOptions{start: ui.BrowseScreen, query: joinArgs(args)})
		},
	}
}
