package sshd

import (
	"fmt"
	"io"
	"runtime/debug"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	gossh "golang.org/x/crypto/ssh"

	"github.com/crm101/crm101/classroom"
	"github.com/crm101/crm101/quiz"
)

// sessionState is what the middlewares settle for one session before
// the program starts, and clean up after it ends.
type sessionState struct {
	name     string
	trainer  bool
	sess     ssh.Session
	progress *quiz.Store
	leave    func()    // unsubscribe from round updates
	final    tea.Model // the model as the program left it

	stop      chan struct{} // closed when the session ends, stopping enforceLimits
	lastInput atomic.Int64  // Unix nanoseconds of the last byte the trainee typed
	expired   atomic.Bool   // ended for lasting longer than MaxSession
	idled     atomic.Bool   // ended for no input in IdleTimeout
}

// keepFinal wraps a session's model to keep its latest state, which
// wish's middleware does not hand back: the app may still be saving
// answers when the program ends (see finishSaving). Update runs on the
// goroutine that runs the session, so no lock is needed.
type keepFinal struct {
	m  tea.Model
	st *sessionState
}

// Init implements tea.Model.
func (k keepFinal) Init() tea.Cmd { return k.m.Init() }

// Update implements tea.Model.
func (k keepFinal) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	k.m, cmd = k.m.Update(msg)
	k.st.final = k.m
	return k, cmd
}

// View implements tea.Model.
func (k keepFinal) View() tea.View { return k.m.View() }

// sessionEnviron is the session's environment with the client's TERM,
// as Bubble Tea sees it.
func sessionEnviron(sess ssh.Session) []string {
	env := sess.Environ()
	if pty, _, ok := sess.Pty(); ok {
		env = append(env, "TERM="+pty.Term)
	}
	return env
}

// sessionInput is where the session's keys arrive: the allocated pty
// when there is one, else the channel itself.
func sessionInput(sess ssh.Session) io.Reader {
	if pty, _, ok := sess.Pty(); ok && pty.Slave != nil {
		return pty.Slave
	}
	return sess
}

// saver is a model that saves in the background (the app's Test
// Yourself screen) and can wait for those saves to finish.
type saver interface{ FinishSaving() error }

// inputWatch notes when the trainee last typed anything.
type inputWatch struct {
	r    io.Reader
	last *atomic.Int64
}

// Read reads from the session, noting the time when anything came.
func (w inputWatch) Read(p []byte) (int, error) {
	n, err := w.r.Read(p)
	if n > 0 {
		w.last.Store(time.Now().UnixNano())
	}
	return n, err
}

// enforceLimits ends the program when the session has lasted MaxSession
// or the trainee has typed nothing for IdleTimeout; seatMiddleware then
// says which, once the screen is restored.
func (s *Server) enforceLimits(st *sessionState, p *tea.Program, start time.Time) {
	end := start.Add(s.cfg.MaxSession)
	t := time.NewTimer(0)
	defer t.Stop()
	for {
		select {
		case <-st.stop:
			return
		case now := <-t.C:
			idleEnd := time.Unix(0, st.lastInput.Load()).Add(s.cfg.IdleTimeout)
			switch {
			case !now.Before(end):
				st.expired.Store(true)
			case !now.Before(idleEnd):
				st.idled.Store(true)
			default:
				next := end
				if idleEnd.Before(next) {
					next = idleEnd
				}
				t.Reset(next.Sub(now))
				continue
			}
			p.Quit()
			return
		}
	}
}

// recoverMiddleware keeps a panic in one session from taking down the
// server: it is logged with its stack and the trainee told to reconnect.
func (s *Server) recoverMiddleware(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		defer func() {
			if r := recover(); r != nil {
				s.cfg.Log.Error("session panic", "user", classroom.ClipName(sess.User()), "remote", sess.RemoteAddr().String(),
					"panic", fmt.Sprint(r), "stack", string(debug.Stack()))
				wish.Fatalln(sess, "\r\ncrm101 hit an internal error and closed this session. Your progress is saved: connect again.")
			}
		}()
		next(sess)
	}
}

// gateMiddleware caps concurrent sessions and logs each one: who, from
// where, for how long. It also counts them in for Close, which waits
// for them before closing the stores they save to.
func (s *Server) gateMiddleware(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		if !s.enter() {
			wish.Fatalln(sess, "The classroom is closing.")
			return
		}
		defer s.handlers.Done()
		start := time.Now()
		n := s.active.Add(1)
		defer s.active.Add(-1)
		if n > int64(s.cfg.MaxSessions) {
			s.cfg.Log.Warn("classroom full", "user", classroom.ClipName(sess.User()), "remote", sess.RemoteAddr().String())
			wish.Fatalln(sess, fmt.Sprintf("The classroom is full (%d sessions). Ask your trainer to make room, then connect again.", s.cfg.MaxSessions))
			return
		}
		next(sess)
		name, _ := sess.Context().Value(ctxName).(string)
		if st, ok := sess.Context().Value(ctxSeat).(*sessionState); ok {
			name = st.name
		}
		s.cfg.Log.Info("session ended", "name", name, "user", classroom.ClipName(sess.User()),
			"remote", sess.RemoteAddr().String(), "duration", time.Since(start).Round(time.Millisecond))
	}
}

// seatMiddleware settles who the session is (trainer, or trainee with a
// free name), opens their progress, runs the program and cleans up.
func (s *Server) seatMiddleware(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		st, msg := s.seat(sess)
		if st == nil {
			wish.Fatalln(sess, msg)
			return
		}
		sess.Context().SetValue(ctxSeat, st)
		defer s.unseat(st)
		next(sess)
		// Answers still on their way are saved before the store closes.
		if sv, ok := st.final.(saver); ok {
			if err := sv.FinishSaving(); err != nil {
				s.cfg.Log.Error("finish saving", "name", st.name, "err", err)
			}
		}
		switch {
		case st.expired.Load():
			wish.Fatalln(sess, fmt.Sprintf("\r\nThis session reached its time limit (%s). Your progress is saved: connect again to carry on.", s.cfg.MaxSession))
		case st.idled.Load():
			wish.Fatalln(sess, fmt.Sprintf("\r\nDisconnected after %s without a key press. Your progress is saved: connect again to carry on.", s.cfg.IdleTimeout))
		}
	}
}

func (s *Server) seat(sess ssh.Session) (*sessionState, string) {
	key := sess.PublicKey()
	if key != nil && keyIn(key, s.cfg.TrainerKeys) {
		return &sessionState{name: "trainer", trainer: true}, ""
	}
	name, _ := sess.Context().Value(ctxName).(string)
	if name == "" {
		var ok bool
		if name, ok = classroom.NormalizeName(sess.User()); !ok {
			return nil, fmt.Sprintf("%q cannot be a display name. Connect as ssh yourname@… using letters, digits, '.', '-' or '_'.", classroom.ClipName(sess.User()))
		}
	}
	fp := ""
	if key != nil {
		fp = gossh.FingerprintSHA256(key)
	}
	bound, err := s.room.Store().TraineeKey(name)
	if err != nil {
		s.cfg.Log.Error("trainee lookup", "name", name, "err", err)
		return nil, "The classroom could not check your name. Tell your trainer."
	}
	if to, err := s.room.Store().RenamedTo(name); err != nil || to != "" {
		if err != nil {
			s.cfg.Log.Error("trainee lookup", "name", name, "err", err)
			return nil, "The classroom could not check your name. Tell your trainer."
		}
		return nil, fmt.Sprintf("The trainer renamed you to %q. Connect as that name: ssh %s@…", to, to)
	}
	if removed, err := s.room.Store().TraineeRemoved(name); err != nil || removed {
		if err != nil {
			s.cfg.Log.Error("trainee lookup", "name", name, "err", err)
		}
		return nil, "The trainer removed this name from the room. Ask your trainer before you connect again."
	}
	if bound != "" && bound != fp {
		return nil, fmt.Sprintf("The name %q belongs to another trainee. Connect with a name of your own: ssh yourname@…", name)
	}
	if msg := s.claim(name, fp, sess); msg != "" {
		return nil, msg
	}
	if err := s.room.Store().SeeTrainee(name, fp, s.cfg.Now()); err != nil {
		s.cfg.Log.Error("record trainee", "name", name, "err", err)
	}
	if _, err := s.room.JoinTeam(name); err != nil {
		s.cfg.Log.Error("team", "name", name, "err", err)
	}
	progress, err := s.room.AcquireProgress(name)
	if err != nil {
		s.release(name, sess)
		s.cfg.Log.Error("open progress", "name", name, "err", err)
		return nil, "Your progress could not be opened. Tell your trainer."
	}
	return &sessionState{name: name, sess: sess, progress: progress}, ""
}

// claim puts name in the room. A trainee reconnecting with the key that
// owns the name takes over from their old session (a dropped line may
// not have closed yet); anyone else must pick another name.
func (s *Server) claim(name, fp string, sess ssh.Session) string {
	s.mu.Lock()
	old, taken := s.sessions[name]
	if taken && (fp == "" || old.keyFP != fp) {
		s.mu.Unlock()
		return fmt.Sprintf("Someone in the room is already called %q. Connect with a name of your own: ssh yourname@…", name)
	}
	s.sessions[name] = &traineeConn{keyFP: fp, sess: sess}
	s.mu.Unlock()
	if taken {
		s.cfg.Log.Info("reconnect takes over", "name", name, "old", old.sess.RemoteAddr().String())
		wish.Fatalln(old.sess, "\r\nYou connected again from somewhere else; this session ends here.")
		if c, ok := old.sess.Context().Value(ssh.ContextKeyConn).(gossh.Conn); ok {
			c.Close()
		}
	}
	return ""
}

// kick ends the session of a trainee the trainer removed.
func (s *Server) kick(name string) {
	s.mu.Lock()
	c, ok := s.sessions[name]
	delete(s.sessions, name)
	s.mu.Unlock()
	if !ok {
		return
	}
	s.cfg.Log.Info("trainee removed", "name", name)
	wish.Fatalln(c.sess, "\r\nThe trainer removed you from the room.")
	if conn, ok := c.sess.Context().Value(ssh.ContextKeyConn).(gossh.Conn); ok {
		conn.Close()
	}
}

// rename keeps a renamed trainee's session in the room under the new
// name, so a reconnect under it takes over as it would have under old.
func (s *Server) rename(old, new string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if c, ok := s.sessions[old]; ok {
		delete(s.sessions, old)
		s.sessions[new] = c
	}
	s.cfg.Log.Info("trainee renamed", "name", old, "to", new)
}

func (s *Server) release(name string, sess ssh.Session) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if c, ok := s.sessions[name]; ok && c.sess == sess {
		delete(s.sessions, name)
	}
}

func (s *Server) unseat(st *sessionState) {
	if st.stop != nil {
		close(st.stop)
	}
	if st.leave != nil {
		st.leave()
	}
	if st.trainer {
		return
	}
	st.name = s.room.CurrentName(st.name) // the trainer may have renamed them
	s.release(st.name, st.sess)
	if err := s.room.ReleaseProgress(st.name); err != nil {
		s.cfg.Log.Error("close progress", "name", st.name, "err", err)
	}
}
