package main

import (
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/spf13/cobra"

	"github.com/crm101/crm101/glossary"
	"github.com/crm101/crm101/quiz"
)

// DecksEnv lists packs to load on every run, separated like PATH.
const DecksEnv = "CRM101_DECKS"

// addDeckFlags gives every command --deck, --only-decks and the flags
// that say how packs are read and layered.
func addDeckFlags(root *cobra.Command) {
	f := root.PersistentFlags()
	f.StringArray("deck", nil,
		"layer a glossary pack (YAML, JSON, CSV, TSV or Anki/Quizlet .txt) over the built-in terms; repeatable, also $"+DecksEnv)
	f.Bool("only-decks", false, "use the packs alone, without the built-in glossary")
	f.Bool("strict", false, "refuse the packs if any note has a problem or a warning (default: skip such notes and say how many)")
	f.String("on-clash", "", "when a pack's term is already a built-in (or earlier pack's) term: keep (the default: the earlier entry stays, the pack's definition is shown beside it), replace, or error; a pack's #on-clash: header says the same")
	f.String(packCategoryFlag, "", "category of pack notes that name none (default: the pack's #category: header, else Uncategorised)")
	// The old spelling still works wherever it means nothing else: after
	// quiz, --category is the quiz's own filter.
	f.String("category", "", "same as --"+packCategoryFlag+", except after quiz, where --category picks the quiz's questions")
	f.String("separator", "", "field separator of delimited packs: tab, comma, semicolon, pipe, colon, space or the text itself, such as Quizlet's custom one (default: detected)")
	f.String("row-separator", "", `row separator of a Quizlet custom export (\n for a line break); rows are then read without quotes`)
}

// packCategoryFlag names the default category of pack notes. It is not
// --category, which `quiz` has for its own filter and so shadows there.
const packCategoryFlag = "pack-category"

// loadOptions reads the pack-reading flags.
func loadOptions(cmd *cobra.Command) (glossary.LoadOptions, error) {
	var o glossary.LoadOptions
	// The root's own flag set: where a command has a --category of its
	// own (quiz), the root's is never set, and stays out of the way.
	fl := cmd.Root().PersistentFlags()
	var err error
	get := func(name string) string {
		v, e := fl.GetString(name)
		if e != nil && err == nil {
			err = e
		}
		return v
	}
	o.Separator, o.RowSeparator, o.Category = get("separator"), get("row-separator"), get(packCategoryFlag)
	if alias := get("category"); alias != "" {
		if o.Category != "" && o.Category != alias {
			return o, fmt.Errorf("--category %q and --%s %q disagree; give one", alias, packCategoryFlag, o.Category)
		}
		o.Category = alias
	}
	if v := get("on-clash"); v != "" {
		clash, e := glossary.ParseOnClash(v)
		if e != nil {
			return o, e
		}
		o.OnClash = clash
	}
	if o.Strict, err = fl.GetBool("strict"); err != nil {
		return o, err
	}
	return o, err
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
// command gets it from: the built-in one with every pack layered over
// it, or the packs alone. Notes with a problem are skipped, with one
// summary line a pack on stderr; a pack that cannot be read at all, or
// any problem under --strict, stops the run before anything else
// (progress included) is touched.
func loadGlossary(cmd *cobra.Command) (*glossary.Glossary, error) {
	paths, only, err := deckPaths(cmd)
	if err != nil {
		return nil, exitError{2, err}
	}
	opts, err := loadOptions(cmd)
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
	g, report, problems := glossary.Load(base, paths, opts)
	if g == nil {
		return nil, exitError{1, fmt.Errorf("cannot load the decks (check them with `crm101 deck validate`):\n%w", problems)}
	}
	for _, line := range loadSummary(report) {
		fmt.Fprintln(cmd.ErrOrStderr(), line)
	}
	if g.Len() >= bigGlossary {
		// Reading a big pack leaves as much garbage as it keeps (parsed
		// rows, layering tables), and the collector last sized its
		// target while both were alive: left alone, it lets the heap
		// grow to twice the load's peak before looking again. Collected
		// now, the target follows what the run keeps. A 100,000-term
		// pack peaks at about 95 MB instead of 105 MB, for no more work:
		// this collection replaces the one that would come later.
		runtime.GC()
	}
	return g, nil
}

// bigGlossary is the size from which loadGlossary collects garbage once
// after loading; below it the heap is too small to matter.
const bigGlossary = 20_000

// loadSummary is what a lenient load tells on stderr: per pack, one line
// when notes were skipped or settled with a warning, and one when terms
// clashed with earlier ones. A clean load says nothing.
func loadSummary(r glossary.LoadReport) []string {
	var lines []string
	for _, p := range r.Packs {
		if p.Skipped > 0 || p.Warnings > 0 {
			line := fmt.Sprintf("%s: %s loaded, %d skipped", p.Name, plural(p.Loaded, "term"), p.Skipped)
			if p.Warnings > 0 {
				line += ", " + plural(p.Warnings, "warning")
			}
			lines = append(lines, line+" (crm101 deck validate "+p.Path+" for details)")
		}
		if p.Clashed > 0 && p.OnClash == glossary.ClashKeep {
			lines = append(lines, fmt.Sprintf("%s: %s already defined earlier (built-in or an earlier pack) and kept as they were; the pack's definitions are shown beside them (--on-clash=replace to use the pack's)",
				p.Name, plural(p.Clashed, "term")))
		}
	}
	return lines
}

func newDeckCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "deck",
		Short: "Check glossary packs, and export the glossary for Anki or a spreadsheet",
		Long: "A pack (deck) is a file of terms layered over the built-in glossary with --deck FILE.\n" +
			"Formats: YAML or JSON (a list of entries), CSV or TSV, and Anki's or Quizlet's plain-text\n" +
			"exports (.txt); the separator and a header row are detected. A term the built-in glossary\n" +
			"already has keeps the built-in entry unless --on-clash=replace or the entry says override.",
	}
	cmd.AddCommand(newDeckValidateCmd(), newDeckInspectCmd(), newDeckExportCmd())
	return cmd
}

func newDeckValidateCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "validate FILE...",
		Short: "Check packs: print every problem as file:line, exit 1 if any",
		Long: "Checks the packs together, layered over the built-in glossary (or alone with\n" +
			"--only-decks), and prints every problem as `file:line: what is wrong`, then every\n" +
			"warning (what a load settles by itself) as `file:line: warning: …`. Problems exit 1;\n" +
			"with --strict warnings count as problems.",
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			base, opts, err := deckSetup(cmd)
			if err != nil {
				return err
			}
			_, report, problems := glossary.Load(base, args, opts)
			out := cmd.OutOrStdout()
			for _, p := range problems {
				fmt.Fprintln(out, p)
			}
			for _, w := range report.Warnings {
				fmt.Fprintln(out, warningLine(w))
			}
			if len(problems) > 0 {
				return exitError{1, fmt.Errorf("%s in %s", plural(len(problems), "problem"), plural(len(args), "file"))}
			}
			sum := report.Summary()
			msg := fmt.Sprintf("ok: %s, %s", plural(sum.Files, "pack"), plural(sum.Entries, "term"))
			if sum.Overridden > 0 {
				msg += fmt.Sprintf(" (%d replacing earlier entries)", sum.Overridden)
			}
			if clashed := clashes(report); clashed > 0 {
				msg += fmt.Sprintf("; %s kept as defined earlier", plural(clashed, "clashing term"))
			}
			_, err = fmt.Fprintln(out, msg)
			return err
		},
	}
}

// deckBase is the glossary packs are checked against: the built-in
// one, or none with --only-decks.
// deckSetup is what `deck validate` and `deck inspect` read packs with:
// the glossary they layer over (none with --only-decks) and the reading
// flags.
func deckSetup(cmd *cobra.Command) (*glossary.Glossary, glossary.LoadOptions, error) {
	_, only, err := deckPaths(cmd)
	if err != nil {
		return nil, glossary.LoadOptions{}, exitError{2, err}
	}
	opts, err := loadOptions(cmd)
	if err != nil {
		return nil, opts, exitError{2, err}
	}
	if only {
		return nil, opts, nil
	}
	base, err := glossary.Builtin()
	return base, opts, err
}

func warningLine(w glossary.PackProblem) string {
	w.Message = "warning: " + w.Message
	return w.String()
}

func clashes(r glossary.LoadReport) int {
	n := 0
	for _, p := range r.Packs {
		n += p.Clashed
	}
	return n
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
