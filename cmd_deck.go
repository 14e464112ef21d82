package main

import (
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/crm101/crm101/glossary"
	"github.com/crm101/crm101/quiz"
)

// DecksEnv lists packs to load on every run, separated like PATH.
const DecksEnv = "CRM101_DECKS"

// addDeckFlags gives every command --deck and --only-decks.
func addDeckFlags(root *cobra.Command) {
	root.PersistentFlags().StringArray("deck", nil,
		"layer a glossary pack (YAML, JSON, CSV, TSV or Anki .txt) over the built-in terms; repeatable, also $"+DecksEnv)
	root.PersistentFlags().Bool("only-decks", false, "use the packs alone, without the built-in glossary")
}

// deckPaths is $CRM101_DECKS then every --deck, in order. A file named
// twice (in the variable and a flag, say) is loaded once.
func deckPaths(cmd *cobra.Command) (paths []string, only bool, err error) {
	flags, err := cmd.Flags().GetStringArray("deck")
	if err != nil {
		return nil, false, err
	}
	only, err = cmd.Flags().GetBool("only-decks")
	if err != nil {
		return nil, false, err
	}
	seen := map[string]bool{}
	for _, p := range append(filepath.SplitList(os.Getenv(DecksEnv)), flags...) {
		if strings.TrimSpace(p) == "" {
			continue
		}
		abs, err := filepath.Abs(p)
		if err != nil {
			abs = p
		}
		if !seen[abs] {
			seen[abs] = true
			paths = append(paths, p)
		}
	}
	return paths, only, nil
}

// loadGlossary builds the glossary of this run, the one place every
// command gets it from: the built-in one with every
// pack layered over it, or the packs alone. Any problem in any pack stops
// the run before anything else (progress included) is touched.
func loadGlossary(cmd *cobra.Command) (*glossary.Glossary, error) {
	paths, only, err := deckPaths(cmd)
	if err != nil {
		return nil, exitError{2, err}
	}
	if only && len(paths) == 0 {
		return nil, exitError{2, fmt.Errorf("--only-decks needs at least one --deck FILE (or $%s)", DecksEnv)}
	}
	builtin, err := glossary.Builtin()
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		return builtin, nil
	}
	base := builtin
	if only {
		base = nil
	}
	g, _, problems, stripped := glossary.LoadPacksScreened(base, paths)
	warnStripped(cmd.ErrOrStderr(), stripped)
	if problems != nil {
		return nil, exitError{1, fmt.Errorf("cannot load the decks (check them with `crm101 deck validate`):\n%w", problems)}
	}
	return g, nil
}

func newDeckCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "deck",
		Short: "Check glossary packs, and export the glossary for Anki or a spreadsheet",
		Long: "A pack (deck) is a file of terms layered over the built-in glossary with --deck FILE.\n" +
			"Formats: YAML or JSON (a list of entries), CSV or TSV with a header row, and Anki's\n" +
			"plain-text notes (.txt). A pack may replace a built-in entry only with override set.",
	}
	cmd.AddCommand(newDeckValidateCmd(), newDeckExportCmd())
	return cmd
}

func newDeckValidateCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "validate FILE...",
		Short: "Check packs: print every problem as file:line, exit 1 if any",
		Long: "Checks the packs together, layered over the built-in glossary (or alone with\n" +
			"--only-decks), and prints every problem as `file:line: what is wrong`.",
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			_, only, err := deckPaths(cmd)
			if err != nil {
				return exitError{2, err}
			}
			var base *glossary.Glossary
			if !only {
				if base, err = glossary.Builtin(); err != nil {
					return err
				}
			}
			_, sum, problems, stripped := glossary.LoadPacksScreened(base, args)
			problems = withStripped(problems, stripped)
			if problems != nil {
				for _, p := range problems {
					fmt.Fprintln(cmd.OutOrStdout(), p)
				}
				return exitError{1, fmt.Errorf("%s in %s", plural(len(problems), "problem"), plural(len(args), "file"))}
			}
			msg := fmt.Sprintf("ok: %s, %s", plural(sum.Files, "pack"), plural(sum.Entries, "term"))
			if sum.Overridden > 0 {
				msg += fmt.Sprintf(" (%d replacing earlier entries)", sum.Overridden)
			}
			_, err = fmt.Fprintln(cmd.OutOrStdout(), msg)
			return err
		},
	}
}

func newDeckExportCmd() *cobra.Command {
	var (
		format string
		missed bool
		out    string
	)
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write the glossary (or the terms you struggle with) as YAML, JSON, CSV, TSV or Anki notes",
		Long: "Writes the merged glossary, or with --missed only the terms you currently struggle\n" +
			"with in the quiz. The anki format imports into Anki (File › Import) as Basic notes,\n" +
			"with the category as a tag; every format reads back into crm101 with --deck.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			f, err := exportFormat(format, out)
			if err != nil {
				return exitError{2, err}
			}
			g, err := loadGlossary(cmd)
			if err != nil {
				return err
			}
			entries := g.Entries()
			if missed {
				if entries, err = struggling(cmd, g); err != nil {
					return err
				}
				if len(entries) == 0 {
					fmt.Fprintln(cmd.ErrOrStderr(), "crm101: no terms you currently struggle with; the export is empty")
				}
			}
			if out == "" || out == "-" {
				return glossary.Export(cmd.OutOrStdout(), entries, f)
			}
			return writeFileAtomic(out, func(w io.Writer) error { return glossary.Export(w, entries, f) })
		},
	}
	cmd.Flags().StringVar(&format, "format", "",
		glossary.FormatList()+" (default: from the -o extension, else "+string(glossary.FormatYAML)+")")
	cmd.Flags().BoolVar(&missed, "missed", false, "only the terms you currently struggle with in the quiz")
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to FILE instead of standard output")
	return cmd
}

// exportFormat is --format, or what the output file's extension says.
func exportFormat(flag, out string) (glossary.Format, error) {
	if flag != "" {
		return glossary.ParseFormat(flag)
	}
	if out != "" && out != "-" {
		if f, err := glossary.DetectFormat(out, nil); err == nil {
			return f, nil
		}
	}
	return glossary.FormatYAML, nil
}

// struggling returns the entries of g the learner currently struggles
// with, each read from its own pack's deck. It reads the progress database only if it exists:
// an export never creates one.
func struggling(cmd *cobra.Command, g *glossary.Glossary) ([]glossary.Entry, error) {
	dir, err := dataDir(cmd)
	if err != nil {
		return nil, err
	}
	path := quiz.DBPath(dir)
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	store, err := openProgress(cmd) // with its advice for a damaged file
	if err != nil {
		return nil, err
	}
	defer store.Close()
	terms, err := store.ForGlossary(g).Struggling(math.MaxInt32)
	if err != nil {
		return nil, err
	}
	weak := make(map[string]bool, len(terms))
	for _, t := range terms {
		weak[glossary.Key(t)] = true
	}
	var out []glossary.Entry // in glossary order, like any export
	for _, e := range g.Entries() {
		if weak[glossary.Key(e.Term)] {
			out = append(out, e)
		}
	}
	return out, nil
}

// writeFileAtomic writes through a temporary file renamed into place, so
// an error never leaves half an export behind.
func writeFileAtomic(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("export to %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	// CreateTemp makes the file private; an export is meant to be shared.
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return fmt.Errorf("export to %s: %w", path, err)
	}
	if err := write(tmp); err != nil {
		tmp.Close()
		return fmt.Errorf("export to %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("export to %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("export to %s: %w", path, err)
	}
	return nil
}
