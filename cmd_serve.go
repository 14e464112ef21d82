package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"syscall"
	"time"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"
	gossh "golang.org/x/crypto/ssh"

	"github.com/crm101/crm101/classroom"
	"github.com/crm101/crm101/classroom/round"
	"github.com/crm101/crm101/classroom/sshd"
	"github.com/crm101/crm101/quiz"
	"github.com/crm101/crm101/ui"
)

// serveFlags are `crm101 serve`'s options.
type serveFlags struct {
	addr, code, authorizedKeys, trainerKeys    string
	teams                                      string
	questions, maxSessions, connBurst          int
	connRate                                   float64
	questionTime, revealTime, idle, maxSession time.Duration
	headless                                   bool
}

func newServeCmd() *cobra.Command {
	var f serveFlags
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Run an onboarding session: trainees join over SSH, you run live rounds",
		Long: "serve starts a classroom on an SSH port. Trainees join with their ordinary ssh client\n" +
			"and the join code; each gets the full app with their progress kept here. This terminal\n" +
			"becomes the trainer's console: start live rounds, watch the leaderboard, read the cohort.\n" +
			"It listens on loopback unless --addr names a LAN address. --data-dir holds the host key,\n" +
			"classroom.db (rounds and answers) and trainees/NAME.db (each trainee's progress).",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runServe(cmd, f) },
	}
	fl := cmd.Flags()
	fl.StringVar(&f.addr, "addr", sshd.DefaultAddr, "address to listen on (a LAN address lets others join)")
	fl.StringVar(&f.code, "code", "", "join code trainees type (default: a random one)")
	fl.StringVar(&f.authorizedKeys, "authorized-keys", "", "authorized_keys file of trainee keys that may join without the code")
	fl.StringVar(&f.trainerKeys, "trainer-key", "", "authorized_keys file of keys that get the trainer's console over SSH")
	fl.IntVar(&f.questions, "questions", 10, "questions per live round to start with")
	fl.IntVar(&f.maxSessions, "max-sessions", sshd.DefaultMaxSessions, "most sessions at once")
	fl.IntVar(&f.connBurst, "conn-burst", sshd.DefaultConnBurst, "connections one address may open at once before being slowed")
	fl.Float64Var(&f.connRate, "conn-rate", sshd.DefaultConnRate, "connections per second one address may open after that")
	fl.DurationVar(&f.questionTime, "question-time", round.DefaultQuestionTime, "how long each live question stays open")
	fl.DurationVar(&f.revealTime, "reveal-time", round.DefaultRevealTime, "how long the answer and leaderboard show")
	fl.DurationVar(&f.idle, "idle-timeout", sshd.DefaultIdleTimeout, "disconnect a session idle this long")
	fl.DurationVar(&f.maxSession, "max-session", sshd.DefaultMaxSession, "end any session after this long")
	fl.StringVar(&f.teams, "teams", "", "play in teams: a number (trainees fill Team 1…N in turn) or \"prefix\" (red.ana joins red)")
	fl.BoolVar(&f.headless, "headless", false, "no console on this terminal: log to stderr, trainers use --trainer-key")
	return cmd
}

func runServe(cmd *cobra.Command, f serveFlags) error {
	g, err := loadGlossary(cmd)
	if err != nil {
		return err
	}
	// An existing directory keeps its mode (it may be the trainer's home):
	// the server makes what it writes there private itself — host key,
	// databases and log 0600, the trainees' directory 0700 — and warns
	// about the directory.
	dir, err := dataDir(cmd)
	if err != nil {
		return err
	}
	if w := classroom.DataDirWarning(dir); w != "" {
		fmt.Fprintln(cmd.ErrOrStderr(), "crm101 serve: "+w)
	}
	code := f.code
	if code == "" {
		if code, err = sshd.NewJoinCode(); err != nil {
			return err
		}
	}
	if w := shortCodeWarning(code, f.maxSession); w != "" {
		fmt.Fprintln(cmd.ErrOrStderr(), w)
	}
	teams, err := classroom.ParseTeams(f.teams)
	if err != nil {
		return exitError{code: 2, err: err}
	}
	authorized, err := readKeys(f.authorizedKeys)
	if err != nil {
		return exitError{code: 2, err: err}
	}
	trainers, err := readKeys(f.trainerKeys)
	if err != nil {
		return exitError{code: 2, err: err}
	}
	console := !f.headless && isTerminal(cmd.InOrStdin()) && isTerminal(cmd.OutOrStdout())
	logFile, err := classroom.OpenLog(dir)
	if err != nil {
		return err
	}
	defer logFile.Close()
	var logOut io.Writer = logFile
	if !console {
		logOut = io.MultiWriter(logFile, cmd.ErrOrStderr())
	}
	logger := slog.New(slog.NewTextHandler(logOut, nil))

	var banner string // known once listening; set before any session starts
	// One question-generation table for the whole room: building it reads
	// every entry, too slow to repeat for each trainee and each round.
	ix := quiz.NewIndex(g)
	srv, err := sshd.New(sshd.Config{
		Addr: f.addr, Code: code, DataDir: dir, Glossary: g, QuizIndex: ix,
		AuthorizedKeys: authorized, TrainerKeys: trainers,
		MaxSessions: f.maxSessions, ConnBurst: f.connBurst, ConnRate: f.connRate, IdleTimeout: f.idle, MaxSession: f.maxSession,
		Round: round.Config{QuestionTime: f.questionTime, RevealTime: f.revealTime},
		Teams: teams,
		Log:   logger,
		FPS:   sessionFPS,
		Trainee: func(s sshd.TraineeSession) tea.Model {
			return ui.New(ui.Options{Glossary: g, QuizIndex: ix, Theme: ui.ThemeFromEnv(ui.EnvLookup(s.Environ)), Live: s.Live,
				Width: s.Width, Height: s.Height,
				Store: s.Progress, Seed: uint64(time.Now().UnixNano()), Clock: time.Now})
		},
		Trainer: func(s sshd.TrainerSession) tea.Model {
			return ui.NewTrainer(ui.TrainerOptions{Desk: s.Desk, Theme: ui.ThemeFromEnv(ui.EnvLookup(s.Environ)), Banner: "  " + banner, Questions: f.questions})
		},
	})
	if err != nil {
		return err
	}
	defer srv.Close()
	ln, err := srv.Listen()
	if err != nil {
		return err
	}
	banner = joinBanner(ln.Addr(), code)
	fmt.Fprintln(cmd.OutOrStdout(), banner)
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if !console {
		select {
		case <-ctx.Done():
		case err := <-served:
			return err
		}
		return nil
	}
	model := ui.NewTrainer(ui.TrainerOptions{Desk: srv.Desk(), Theme: ui.ThemeFromEnv(os.Getenv), Banner: "  " + banner, Questions: f.questions})
	p := tea.NewProgram(model, tea.WithContext(ctx), tea.WithFPS(ui.ProgramFPS),
		tea.WithInput(cmd.InOrStdin()), tea.WithOutput(cmd.OutOrStdout()))
	leave := srv.Desk().Watch(func(u round.Update) { p.Send(u) })
	defer leave()
	return runConsole(p, served)
}

// runConsole runs the trainer's console until the trainer quits or the
// server stops serving, which ends the console too: a console with no
// server behind it would only look like a classroom.
func runConsole(p *tea.Program, served <-chan error) error {
	failed := make(chan error, 1)
	go func() {
		if err := <-served; err != nil {
			failed <- err
			p.Quit()
		}
	}()
	_, err := p.Run()
	select {
	case serr := <-failed:
		return fmt.Errorf("classroom server: %w", serr)
	default:
	}
	if err != nil && !errors.Is(err, tea.ErrProgramKilled) && !errors.Is(err, context.Canceled) {
		return fmt.Errorf("trainer console: %w", err)
	}
	return nil
}

// shortCodeWarning warns, with the sum, about a join code shorter than
// a random one; "" when code is long enough.
func shortCodeWarning(code string, maxSession time.Duration) string {
	n := utf8.RuneCountInString(code)
	if n >= sshd.CodeLength {
		return ""
	}
	return fmt.Sprintf("crm101 serve: warning: the join code is short: %s. Use %d characters or more, or leave --code out for a random one.",
		sshd.GuessSum(n, sshd.Config{MaxSession: maxSession}), sshd.CodeLength)
}

// joinBanner is what the trainer reads out or puts on a slide.
func joinBanner(addr net.Addr, code string) string {
	host, port, _ := net.SplitHostPort(addr.String())
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		host = lanAddress()
	}
	cmd := "ssh -p " + port + " yourname@" + host
	if port == "22" {
		cmd = "ssh yourname@" + host
	}
	out := "Trainees join with:  " + cmd + "   join code: " + code
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		out += "\n(Listening on loopback: only this machine can join. Use --addr <LAN address>:" + port + " for a room.)"
	}
	return out
}

// lanAddress guesses the address trainees reach this machine at when
// serving on every interface: the first private IPv4 address.
func lanAddress() string {
	addrs, err := net.InterfaceAddrs()
	if err == nil {
		for _, a := range addrs {
			if n, ok := a.(*net.IPNet); ok && n.IP.To4() != nil && n.IP.IsPrivate() {
				return n.IP.String()
			}
		}
	}
	return "THIS-MACHINES-ADDRESS"
}

// readKeys parses an authorized_keys file; "" means no keys.
func readKeys(path string) ([]gossh.PublicKey, error) {
	if path == "" {
		return nil, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read keys: %w", err)
	}
	var keys []gossh.PublicKey
	for len(data) > 0 {
		k, _, _, rest, err := gossh.ParseAuthorizedKey(data)
		if err != nil {
			if len(keys) == 0 {
				return nil, fmt.Errorf("keys in %s: no valid key (%w)", path, err)
			}
			break // ParseAuthorizedKey skips comments; what is left is junk at the end
		}
		keys = append(keys, k)
		data = rest
	}
	return keys, nil
}

// sessionFPS is each trainee's frame rate. A room is up to hundreds of
// programs in one process: at 120 frames a second each, their render
// tickers alone would keep two cores busy, and a live round's question
// would reach the last trainee seconds late. 30 is smooth for typing
// over a network and leaves the cores to the round.
const sessionFPS = 30

func isTerminal(v any) bool {
	f, ok := v.(interface{ Fd() uintptr })
	return ok && term.IsTerminal(f.Fd())
}
