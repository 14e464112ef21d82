package main

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/spf13/cobra"

	"github.com/crm101/crm101/ui"
)

// tuiOptions say which screen the app opens on and with what.
type tuiOptions struct {
	start  ui.Screen
	query  string
	metric string // Calculate opens on this metric ID
}

// runTUI starts the interactive app full-screen.
func runTUI(cmd *cobra.Command, o tuiOptions) error {
	g, err := loadGlossary(cmd)
	if err != nil {
		return err
	}
	model := ui.New(ui.Options{
		Glossary: g,
		Renderer: ui.DefaultRenderer(),
		Start:    o.start,
		Query:    o.query,
		Metric:   o.metric,
	})
	p := tea.NewProgram(model, tea.WithAltScreen(), tea.WithMouseCellMotion(),
		tea.WithInput(cmd.InOrStdin()), tea.WithOutput(cmd.OutOrStdout()))
	if _, err := p.Run(); err != nil {
		return fmt.Errorf("run app: %w", err)
	}
	return nil
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
