package sshd

import (
	"errors"
	"fmt"
	"log/slog"
	"net"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	"charm.land/wish/v2/activeterm"
	bm "charm.land/wish/v2/bubbletea"
	"charm.land/wish/v2/logging"

	"github.com/crm101/crm101/classroom"
	"github.com/crm101/crm101/classroom/round"
	"github.com/crm101/crm101/glossary"
)

// Server is the classroom's door: an SSH server giving each trainee the
// app and the trainer a console, with the room (classroom.Room) behind them.
type Server struct {
	cfg       Config
	ssh       *ssh.Server
	room      *classroom.Room
	connLimit *limiter
	failLimit *limiter // wrong codes per address: the security bound
	nameLimit *limiter // wrong codes per name at an address: one trainee's typos
	active    atomic.Int64

	// handlers counts session handlers still running, so Close waits
	// for their last saves before closing the stores; closing (under mu)
	// turns new ones away once Close has begun waiting.
	handlers sync.WaitGroup

	mu       sync.Mutex
	sessions map[string]*traineeConn // by name: who is in the room now
	addr     net.Addr
	closing  bool
}

// closeWait bounds how long Close waits for sessions to finish saving:
// a stuck terminal must not keep the server from shutting down.
const closeWait = 5 * time.Second

// traineeConn is a trainee's open session, so a reconnect with the same
// key can take over from a session whose line silently dropped.
type traineeConn struct {
	keyFP string
	sess  ssh.Session
}

// New prepares a server: host key, and the room (data directory,
// databases, the conductor). It does not listen yet; call Listen and Serve.
func New(cfg Config) (*Server, error) {
	cfg = cfg.withDefaults()
	switch {
	case cfg.DataDir == "":
		return nil, errors.New("classroom: no data directory")
	case cfg.Code == "":
		return nil, errors.New("classroom: no join code")
	case cfg.Glossary == nil || cfg.Trainee == nil || cfg.Trainer == nil:
		return nil, errors.New("classroom: glossary, trainee and trainer models are required")
	}
	hostKey, err := LoadHostKey(filepath.Join(cfg.DataDir, HostKeyFile))
	if err != nil {
		return nil, err
	}
	room, err := classroom.Open(cfg.room())
	if err != nil {
		return nil, err
	}
	s := &Server{
		cfg:       cfg,
		room:      room,
		connLimit: newLimiter(cfg.ConnRate, cfg.ConnBurst),
		failLimit: newLimiter(cfg.FailRate, cfg.FailBurst),
		nameLimit: newLimiter(cfg.NameFailRate, cfg.NameFailBurst),
		sessions:  map[string]*traineeConn{},
	}
	room.OnRemove(s.kick)
	room.OnRename(s.rename)
	s.ssh, err = wish.NewServer(
		wish.WithAddress(cfg.Addr),
		wish.WithHostKeyPEM(hostKey),
		wish.WithPublicKeyAuth(s.publicKeyAuth),
		wish.WithKeyboardInteractiveAuth(s.keyboardAuth),
		wish.WithPasswordAuth(s.passwordAuth),
		// Shown by the client at login, whichever way the trainee gets in.
		wish.WithBanner(JoinNotice+"\n"),
		wish.WithIdleTimeout(cfg.IdleTimeout+time.Minute),
		// Backstops only, for connections that never reach a program:
		// sessions are ended a minute earlier, with a message, by
		// enforceLimits. (Screen updates reset wish's idle timer, so it
		// only catches dead connections.)
		wish.WithMaxTimeout(cfg.MaxSession+time.Minute),
		func(srv *ssh.Server) error { srv.ConnCallback = s.onConnect; return nil },
		// Innermost first: the last middleware listed runs first.
		wish.WithMiddleware(
			bm.MiddlewareWithProgramHandler(s.program),
			s.seatMiddleware,
			activeterm.Middleware(),
			s.gateMiddleware,
			logging.MiddlewareWithLogger(printfLogger{cfg.Log}),
			s.recoverMiddleware,
		),
	)
	if err != nil {
		room.Close()
		return nil, fmt.Errorf("classroom server: %w", err)
	}
	return s, nil
}

// Desk is the trainer's control of this classroom.
func (s *Server) Desk() *classroom.Desk { return s.room.Desk() }

// Conductor runs this classroom's live rounds.
func (s *Server) Conductor() *classroom.Conductor { return s.room.Conductor() }

// Store is the classroom database.
func (s *Server) Store() *classroom.Store { return s.room.Store() }

// Serve accepts connections on ln until Close.
func (s *Server) Serve(ln net.Listener) error {
	s.mu.Lock()
	s.addr = ln.Addr()
	s.mu.Unlock()
	err := s.ssh.Serve(ln)
	if errors.Is(err, ssh.ErrServerClosed) {
		return nil
	}
	return err
}

// Listen opens the configured address, so the caller can print where
// trainees connect before serving.
func (s *Server) Listen() (net.Listener, error) {
	ln, err := net.Listen("tcp", s.cfg.Addr)
	if err != nil {
		return nil, fmt.Errorf("listen on %s: %w", s.cfg.Addr, err)
	}
	return ln, nil
}

// Addr is the address being served, once Serve has started.
func (s *Server) Addr() net.Addr {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.addr
}

// Close disconnects everyone, waits (a few seconds at most) for their
// sessions to finish saving, then closes the room: rounds stop and the
// databases close.
func (s *Server) Close() error {
	s.mu.Lock()
	s.closing = true
	s.mu.Unlock()
	err := s.ssh.Close()
	if errors.Is(err, ssh.ErrServerClosed) {
		err = nil
	}
	if !s.waitHandlers(closeWait) {
		s.cfg.Log.Warn("closing with sessions still running", "waited", closeWait)
	}
	return errors.Join(err, s.room.Close())
}

// waitHandlers waits up to d for every session handler to return and
// reports whether they all did.
func (s *Server) waitHandlers(d time.Duration) bool {
	done := make(chan struct{})
	go func() {
		s.handlers.Wait()
		close(done)
	}()
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-done:
		return true
	case <-t.C:
		return false
	}
}

// enter counts a session handler in, unless the server is closing.
func (s *Server) enter() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closing {
		return false
	}
	s.handlers.Add(1)
	return true
}

// Active counts open sessions.
func (s *Server) Active() int { return int(s.active.Load()) }

// program builds the session's Bubble Tea program: the trainee's app or
// the trainer's console. Nothing here waits on the client's terminal:
// colour depth comes from the session's environment, and the app asks
// for the background colour itself, without waiting for the answer.
func (s *Server) program(sess ssh.Session) *tea.Program {
	st, _ := sess.Context().Value(ctxSeat).(*sessionState)
	if st == nil {
		return nil
	}
	env := sessionEnviron(sess)
	var m tea.Model
	if st.trainer {
		m = s.cfg.Trainer(TrainerSession{Environ: env, Desk: s.room.Desk()})
	} else {
		ts := TraineeSession{Name: st.name, Environ: env, Progress: st.progress, Live: s.room.Seat(st.name)}
		if pty, _, ok := sess.Pty(); ok {
			ts.Width, ts.Height = pty.Window.Width, pty.Window.Height
		}
		m = s.cfg.Trainee(ts)
	}
	st.final = m
	m = keepFinal{m: m, st: st}
	// Input is read through a watch so the idle limit counts key
	// presses, not the screen updates a live round keeps sending.
	st.lastInput.Store(time.Now().UnixNano())
	opts := append(bm.MakeOptions(sess), tea.WithInput(inputWatch{r: sessionInput(sess), last: &st.lastInput}))
	if s.cfg.FPS > 0 {
		opts = append(opts, tea.WithFPS(s.cfg.FPS))
	}
	p := tea.NewProgram(m, opts...)
	send := func(msg tea.Msg) { p.Send(msg) }
	if st.trainer {
		st.leave = s.room.Desk().Watch(func(u round.Update) { send(u) })
	} else {
		st.leave = s.room.Conductor().Join(st.name, func(u round.Update) { send(u) })
	}
	st.stop = make(chan struct{})
	go s.enforceLimits(st, p, time.Now())
	return p
}

// printfLogger adapts slog to wish's logging middleware.
type printfLogger struct{ l *slog.Logger }

// Printf logs one line at info level. The line holds the SSH user name
// as the client sent it, so it is made printable and cut short.
func (p printfLogger) Printf(format string, v ...any) {
	line := strings.TrimSpace(glossary.Printable(fmt.Sprintf(format, v...)))
	if len(line) > maxLogLine {
		line = strings.ToValidUTF8(line[:maxLogLine], "") + "…"
	}
	p.l.Info(line)
}

// maxLogLine bounds a line from wish's logging middleware, in bytes.
const maxLogLine = 256
