package main

import (
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/crm101/crm101/classroom"
	"github.com/crm101/crm101/glossary"
	"github.com/crm101/crm101/quiz"
	"github.com/crm101/crm101/ui"
)

// dataDirFlag names the persistent flag that moves the progress database.
const dataDirFlag = "data-dir"

// dataDir is the data directory the command works in: --data-dir, else
// $CRM101_DATA_DIR, else the XDG data directory; created if missing.
func dataDir(cmd *cobra.Command) (string, error) {
	flag, err := cmd.Flags().GetString(dataDirFlag)
	if err != nil {
		return "", fmt.Errorf("read --%s: %w", dataDirFlag, err)
	}
	return quiz.DataDir(flag)
}

// openProgress opens the learner's progress database, honouring
// --data-dir, then $CRM101_DATA_DIR, then the XDG data directory.
func openProgress(cmd *cobra.Command) (*quiz.Store, error) {
	dir, err := dataDir(cmd)
	if err != nil {
		return nil, err
	}
	store, err := quiz.OpenStore(quiz.DBPath(dir))
	if full := classroom.CheckDiskFull(dir, err); full != err {
		// Never advise moving a healthy file aside for want of space.
		return nil, fmt.Errorf("progress database %s: %w", quiz.DBPath(dir), full)
	}
	if errors.Is(err, quiz.ErrNotDatabase) {
		// The store left the file alone; tell the learner it is theirs to move.
		return nil, fmt.Errorf("%w\ncrm101 has not changed that file. Move it aside to start over, or use --%s or $%s to keep progress elsewhere",
			err, dataDirFlag, quiz.DataDirEnv)
	}
	return store, err
}

// quizFlags are the settings `crm101 quiz` and `quiz export` share.
type quizFlags struct {
	mode, category string
	count          int
	seed           uint64
}

func (f *quizFlags) register(cmd *cobra.Command, countDefault int, countHelp string) {
	names := make([]string, 0, len(quiz.Modes()))
	for _, m := range quiz.Modes() {
		names = append(names, m.String())
	}
	cmd.Flags().StringVar(&f.mode, "mode", quiz.MixedMode.String(), "question types: "+strings.Join(names, ", "))
	cmd.Flags().StringVar(&f.category, "category", "all", "only terms of this category (e.g. Metrics, Sales)")
	cmd.Flags().IntVar(&f.count, "count", countDefault, countHelp)
	cmd.Flags().Uint64Var(&f.seed, "seed", 0, "seed for question choice; the same seed repeats the same questions (default: random)")
}

// parse checks the flags, turning bad values into usage errors (exit 2).
// The category is checked by parseCategory, once the glossary (and so the
// packs' categories) is loaded.
func (f quizFlags) parse() (quiz.Mode, error) {
	mode, err := quiz.ParseMode(f.mode)
	if err != nil {
		return 0, exitError{2, err}
	}
	if f.count < 1 {
		return 0, exitError{2, fmt.Errorf("--count must be at least 1, got %d", f.count)}
	}
	return mode, nil
}

// loadWithCategory loads the glossary and reads --category among its
// categories: the built-in ones and those its packs bring.
func (f quizFlags) loadWithCategory(cmd *cobra.Command) (*glossary.Glossary, glossary.Category, error) {
	g, err := loadGlossary(cmd)
	if err != nil {
		return nil, "", err
	}
	cat, err := ui.ParseCategory(g, f.category)
	if err != nil {
		return nil, "", exitError{2, err}
	}
	return g, cat, nil
}

// seedFor returns --seed when given, else a fresh one from the clock.
func (f quizFlags) seedFor(cmd *cobra.Command) (uint64, bool) {
	if cmd.Flags().Changed("seed") {
		return f.seed, true
	}
	return uint64(time.Now().UnixNano()), false
}

// courseFlags are the settings `crm101 quiz` saves in the progress store
// until changed: --new-per-day, --by, --retention.
type courseFlags struct {
	newPerDay int
	by        string
	retention float64
	study     string
}

func (c *courseFlags) register(cmd *cobra.Command) {
	var studies []string
	for _, s := range quiz.Studies() {
		studies = append(studies, s.String())
	}
	cmd.Flags().StringVar(&c.study, "study", quiz.Scheduled.String(), "what to study: "+strings.Join(studies, ", ")+"; for one category, add --category")
	cmd.Flags().IntVar(&c.newPerDay, "new-per-day", quiz.DefaultNewPerDay, "new terms a day; saved until changed")
	cmd.Flags().StringVar(&c.by, "by", "", "learn every term by this date (YYYY-MM-DD; sets the new terms a day; \"off\" drops it); saved until changed")
	cmd.Flags().Float64Var(&c.retention, "retention", quiz.DefaultRetention, "desired retention, 0.80–0.97: higher means more reviews; saved until changed")
}

// apply saves the flags the user gave into the store's course.
func (c courseFlags) apply(cmd *cobra.Command, store *quiz.Store) error {
	course, err := store.Course()
	if err != nil {
		return err
	}
	changed := false
	if cmd.Flags().Changed("new-per-day") {
		if c.newPerDay < 0 {
			return exitError{2, fmt.Errorf("--new-per-day must be 0 or more, got %d", c.newPerDay)}
		}
		course.NewPerDay, course.By, changed = c.newPerDay, time.Time{}, true
		if c.newPerDay == 0 {
			course.NewPerDay = -1 // none: zero would mean the default
		}
	}
	if cmd.Flags().Changed("by") {
		switch by := strings.TrimSpace(c.by); by {
		case "", "off", "none":
			course.By = time.Time{}
		default:
			t, err := time.ParseInLocation(quiz.DateLayout, by, time.Local)
			if err != nil {
				return exitError{2, fmt.Errorf("--by %q: want a date such as 2026-12-18", c.by)}
			}
			course.By = t
		}
		changed = true
	}
	if cmd.Flags().Changed("retention") {
		if c.retention < quiz.MinRetention || c.retention > quiz.MaxRetention {
			return exitError{2, fmt.Errorf("--retention must be between %.2f and %.2f, got %g", quiz.MinRetention, quiz.MaxRetention, c.retention)}
		}
		course.Retention, changed = c.retention, true
	}
	if !changed {
		return nil
	}
	return store.SaveCourse(course)
}

func newQuizCmd() *cobra.Command {
	var f quizFlags
	var c courseFlags
	cmd := &cobra.Command{
		Use:   "quiz",
		Short: "Open the app on Test Yourself: a spaced-repetition quiz",
		Long: "Open the app on Test Yourself. Due reviews come first, then new terms (up to\n" +
			"10 a day, or as many as --by needs); with nothing due and today's new terms\n" +
			"done, you practise instead. Every answer is saved at once in the progress\n" +
			"database, and so are --new-per-day, --by and --retention, until changed.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			mode, err := f.parse()
			if err != nil {
				return err
			}
			study, err := quiz.ParseStudy(c.study)
			if err != nil {
				return exitError{2, err}
			}
			g, cat, err := f.loadWithCategory(cmd)
			if err != nil {
				return err
			}
			if cmd.Flags().Changed("new-per-day") || cmd.Flags().Changed("by") || cmd.Flags().Changed("retention") {
				store, err := openProgress(cmd)
				if err != nil {
					return err
				}
				err = c.apply(cmd, store)
				store.Close()
				if err != nil {
					return err
				}
			}
			seed, _ := f.seedFor(cmd)
			return runTUI(cmd, tuiOptions{
				start:    ui.QuizScreen,
				quiz:     ui.QuizSettings{Mode: mode, Category: cat, Length: f.count, Study: study},
				seed:     seed,
				glossary: g,
			})
		},
	}
	f.register(cmd, quiz.DefaultSessionLength, "questions per session")
	c.register(cmd)
	cmd.AddCommand(newQuizExportCmd())
	return cmd
}

func newQuizExportCmd() *cobra.Command {
	var f quizFlags
	var format string
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Print a quiz with an answer key, for a group session",
		Long: "Print a quiz of --count questions about different terms, with an answer key\n" +
			"(Markdown), or as a JSON array of {kind, prompt, options, answer, term}.\n" +
			"The same --seed prints the same quiz again.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			mode, err := f.parse()
			if err != nil {
				return err
			}
			if !slices.Contains(quiz.ExportFormats(), format) {
				return exitError{2, fmt.Errorf("unknown --format %q (want %s)", format, strings.Join(quiz.ExportFormats(), " or "))}
			}
			g, cat, err := f.loadWithCategory(cmd)
			if err != nil {
				return err
			}
			seed, given := f.seedFor(cmd)
			var cats []glossary.Category
			if cat != "" {
				cats = []glossary.Category{cat}
			}
			gen := quiz.NewGenerator(g, rand.New(rand.NewPCG(seed, seed)))
			questions, err := gen.Quiz(f.count, mode.Kinds(), cats)
			if err != nil {
				return err
			}
			if err := quiz.Export(questions, format, cmd.OutOrStdout()); err != nil {
				return err
			}
			if !given {
				fmt.Fprintf(cmd.ErrOrStderr(), "crm101: printed with --seed %d (pass it again to reprint this quiz)\n", seed)
			}
			return nil
		},
	}
	f.register(cmd, 10, "number of questions, each about a different term")
	cmd.Flags().StringVar(&format, "format", "md", "md (printable, with answer key) or json")
	return cmd
}

func newStatsCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "stats",
		Short: "Show your progress: totals, due today, streak, weakest terms",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			g, err := loadGlossary(cmd)
			if err != nil {
				return err
			}
			store, err := openProgress(cmd)
			if err != nil {
				return err
			}
			defer store.Close()
			terms := make([]string, 0, g.Len())
			for _, e := range g.Entries() {
				terms = append(terms, e.Term)
			}
			st, err := store.ForGlossary(g).StatsFor(time.Now(), g, terms)
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(cmd.OutOrStdout(), st)
			}
			return printStats(cmd.OutOrStdout(), store.Path(), st)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the figures as JSON")
	return cmd
}

// printStats writes the figures for people.
func printStats(w io.Writer, path string, st quiz.Stats) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "Progress file\t%s\n", path)
	fmt.Fprintf(tw, "Terms\t%d (%d mastered, %d learning, %d new)\n", st.Total, st.Mastered, st.Learning, st.New)
	due := fmt.Sprintf("%d (tomorrow %d)", st.DueToday, st.DueTomorrow)
	if st.NextDue != nil {
		due += ", next after today " + st.NextDue.Local().Format("Mon 2 Jan 15:04")
	}
	fmt.Fprintf(tw, "Due today\t%s\n", due)
	streak := plural(st.StreakDays, "day")
	if st.StreakDays > 0 && !st.StudiedToday {
		streak += " (study today to keep it)"
	}
	fmt.Fprintf(tw, "Streak\t%s\n", streak)
	fmt.Fprintf(tw, "Reviews\t%s, %s right\n", plural(st.Reviews, "answer"), roundedPercent(st.Correct, st.Reviews))
	for i, c := range st.Categories {
		label := ""
		if i == 0 {
			label = "By category"
		}
		if c.Reviews == 0 {
			fmt.Fprintf(tw, "%s\t%s: no answers yet\n", label, c.Category)
			continue
		}
		fmt.Fprintf(tw, "%s\t%s: %s right (%d of %d)\n", label, c.Category, roundedPercent(c.Correct, c.Reviews), c.Correct, c.Reviews)
	}
	if len(st.Forecast) > 0 {
		week := 0
		for _, n := range st.Forecast[:min(7, len(st.Forecast))] {
			week += n
		}
		fmt.Fprintf(tw, "Due next %d days\t%s (next 7 days: %d)\n", len(st.Forecast), forecastLine(st.Forecast), week)
	}
	if len(st.Weakest) == 0 {
		fmt.Fprintf(tw, "Weakest\tnone yet\n")
	}
	for i, ts := range st.Weakest {
		label := ""
		if i == 0 {
			label = "Weakest"
		}
		fmt.Fprintf(tw, "%s\t%s: %d of %d recent answers right, %s\n",
			label, ts.Term, ts.RecentCorrect, ts.RecentReviews, forgotten(ts.Lapses))
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("print stats: %w", err)
	}
	return nil
}

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// forgotten says how often a learnt term was forgotten, in plain words.
func forgotten(n int) string {
	switch n {
	case 0:
		return "never forgotten"
	case 1:
		return "forgotten once"
	}
	return fmt.Sprintf("forgotten %d times", n)
}

// roundedPercent is n of total as a whole percentage, rounded to
// nearest: 7 of 9 is 78%.
func roundedPercent(n, total int) string {
	if total == 0 {
		return "0%"
	}
	return fmt.Sprintf("%d%%", (200*n+total)/(2*total))
}

// forecastLine is the day-by-day due counts, today first.
func forecastLine(days []int) string {
	parts := make([]string, len(days))
	for i, n := range days {
		parts[i] = fmt.Sprint(n)
	}
	return strings.Join(parts, " ")
}
