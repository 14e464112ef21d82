package main

import (
	"errors"
	"fmt"
	"os"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/spf13/cobra"

	"github.com/crm101/crm101/glossary"
	"github.com/crm101/crm101/quiz"
	"github.com/crm101/crm101/ui"
)

// tuiOptions say which screen the app opens on and with what.
type tuiOptions struct {
	start  ui.Screen
	query  string
	metric string // Calculate opens on this metric ID
	quiz   ui.QuizSettings
	seed   uint64 // 0: seeded from the clock
	// glossary, when set, is the one the command already loaded (to read
	// --category among the packs' categories); else runTUI loads it.
	glossary *glossary.Glossary
}

// runTUI starts the interactive app full-screen. `crm101 quiz` opens
// the progress database before the program starts, so a damaged one
// stops it with a message naming the file. Any other screen draws its
// first frame first and opens the database after (SQLite took a quarter
// of the start-up); a damaged one then leaves the app without Test
// Yourself, with the same message, so a broken progress file never keeps
// anyone from looking a term up.
func runTUI(cmd *cobra.Command, o tuiOptions) (err error) {
	g := o.glossary
	if g == nil {
		if g, err = loadGlossary(cmd); err != nil {
			return err
		}
	}
	progress := &lazyProgress{open: func() (*quiz.Store, error) { return openProgress(cmd) }}
	defer func() { err = errors.Join(err, progress.Close()) }()
	var store *quiz.Store
	if o.start == ui.QuizScreen {
		if store, err = progress.Open(); err != nil {
			return err
		}
	}
	// After the files, whose problems say more than this does.
	if err := requireTerminal(cmd); err != nil {
		return err
	}
	if o.seed == 0 {
		o.seed = uint64(time.Now().UnixNano())
	}
	width, height := terminalSize(cmd.OutOrStdout())
	model := ui.New(ui.Options{
		Width:     width,
		Height:    height,
		Glossary:  g,
		Theme:     ui.ThemeFromEnv(os.Getenv),
		Start:     o.start,
		Query:     o.query,
		Store:     store,
		OpenStore: progress.Open, // when Store is nil: after the first frame
		Quiz:      o.quiz,
		Seed:      o.seed,
		Clock:     time.Now,
		Metric:    o.metric,
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

// lazyProgress opens the progress store at most once, from whichever
// goroutine asks first, and closes it after the program ends, waiting
// for an open still under way.
type lazyProgress struct {
	mu     sync.Mutex
	open   func() (*quiz.Store, error)
	store  *quiz.Store
	closed bool
}

// Open opens the store; after Close it refuses.
func (p *lazyProgress) Open() (*quiz.Store, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return nil, errors.New("progress database: the app has ended")
	}
	if p.store == nil {
		store, err := p.open()
		if err != nil {
			return nil, err
		}
		p.store = store
	}
	return p.store, nil
}

// Close closes the store if it was opened.
func (p *lazyProgress) Close() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.closed = true
	if p.store == nil {
		return nil
	}
	return p.store.Close()
}
