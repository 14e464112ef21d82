package sshd

import (
	"bytes"
	"fmt"
	"net"
	"strings"

	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"

	"github.com/crm101/crm101/classroom"
)

type ctxKey int

const (
	ctxFlooded ctxKey = iota // bool: the address exceeded its connection rate
	ctxName                  // string: display name settled at login
	ctxSeat                  // *sessionState
)

// Messages shown to whoever is turned away. They say what to do next.
const (
	msgFlood     = "Too many connections from your address. Wait a minute, then try again."
	msgCodeLimit = "Too many wrong join codes from your address. Wait a minute, then ask your trainer for the code."
	msgNameLimit = "Too many wrong join codes under this name. Wait a minute, then ask your trainer for the code."
	msgWrongCode = "Wrong join code. Try again."
	msgWelcome   = "Welcome to the crm101 classroom."
)

// JoinNotice is the one line every client is shown at login: what the
// classroom keeps about a trainee, and for whom.
const JoinNotice = "crm101 classroom: your name, address and answers are recorded for your trainer."

// codeTries is how many join codes one keyboard-interactive login may
// try before the client has to reconnect.
const codeTries = 3

// limitKey is the client a rate limit counts for: its IPv4 address, or
// its IPv6 /64, since one host is typically given a whole /64 and could
// otherwise take a fresh address, and a fresh bucket, for every try.
func limitKey(a net.Addr) string {
	var ip net.IP
	if t, ok := a.(*net.TCPAddr); ok {
		ip = t.IP
	} else {
		host, _, err := net.SplitHostPort(a.String())
		if err != nil {
			return a.String()
		}
		if ip = net.ParseIP(host); ip == nil {
			return host
		}
	}
	if ip.To4() != nil {
		return ip.To4().String()
	}
	return ip.Mask(net.CIDRMask(64, 128)).String() + "/64"
}

// onConnect spends a connection token for the client's address. An
// address out of tokens still completes the handshake, so that it can be
// told why it is refused, but every login method then fails.
func (s *Server) onConnect(ctx ssh.Context, conn net.Conn) net.Conn {
	if !s.connLimit.take(limitKey(conn.RemoteAddr()), s.cfg.Now()) {
		ctx.SetValue(ctxFlooded, true)
		s.cfg.Log.Warn("connection rate exceeded", "remote", conn.RemoteAddr().String())
	}
	return conn
}

func flooded(ctx ssh.Context) bool { b, _ := ctx.Value(ctxFlooded).(bool); return b }

func keyIn(k ssh.PublicKey, list []gossh.PublicKey) bool {
	m := k.Marshal()
	for _, l := range list {
		if bytes.Equal(m, l.Marshal()) {
			return true
		}
	}
	return false
}

// publicKeyAuth admits listed trainee keys and trainer keys only.
func (s *Server) publicKeyAuth(ctx ssh.Context, key ssh.PublicKey) bool {
	if flooded(ctx) {
		return false
	}
	return keyIn(key, s.cfg.TrainerKeys) || keyIn(key, s.cfg.AuthorizedKeys)
}

// passwordAuth takes the join code as the password. It cannot ask
// anything else, so a taken or unusable name is explained once the
// session opens.
func (s *Server) passwordAuth(ctx ssh.Context, password string) bool {
	if flooded(ctx) || s.codeRefusal(ctx) != "" {
		return false
	}
	if !codeMatches(password, s.cfg.Code) {
		s.wrongCode(ctx)
		return false
	}
	return true
}

// nameKey is what the per-name limit counts for: the client's address
// (limitKey) and the SSH user name it logs in as. The name is clipped,
// so a long one costs no more memory than a short one.
func nameKey(ctx ssh.Context) string {
	return limitKey(ctx.RemoteAddr()) + " " + strings.ToLower(classroom.ClipName(ctx.User()))
}

// codeRefusal says why a login may not try a join code now, or "".
// The address's limit is the security bound; the name's limit only
// slows one mistyping trainee down, before the address is used up.
func (s *Server) codeRefusal(ctx ssh.Context) string {
	now := s.cfg.Now()
	switch {
	case s.failLimit.blocked(limitKey(ctx.RemoteAddr()), now):
		return msgCodeLimit
	case s.nameLimit.blocked(nameKey(ctx), now):
		return msgNameLimit
	}
	return ""
}

// wrongCode counts a wrong join code against the address and the name.
func (s *Server) wrongCode(ctx ssh.Context) {
	now := s.cfg.Now()
	s.failLimit.take(limitKey(ctx.RemoteAddr()), now)
	s.nameLimit.take(nameKey(ctx), now)
	s.cfg.Log.Warn("wrong join code", "remote", ctx.RemoteAddr().String(), "user", classroom.ClipName(ctx.User()))
}

// keyboardAuth asks for the join code (a few tries), then for a display
// name when the SSH user name is unusable or someone in the room has it.
func (s *Server) keyboardAuth(ctx ssh.Context, ask gossh.KeyboardInteractiveChallenge) bool {
	tell := func(msg string) { _, _ = ask("", msg, nil, nil) }
	if flooded(ctx) {
		tell(msgFlood)
		return false
	}
	ok := false
	for try := 0; try < codeTries && !ok; try++ {
		if why := s.codeRefusal(ctx); why != "" {
			tell(why)
			return false
		}
		instruction := msgWelcome
		if try > 0 {
			instruction = msgWrongCode
		}
		ans, err := ask("", instruction, []string{"Join code: "}, []bool{true})
		if err != nil || len(ans) != 1 {
			return false
		}
		if ok = codeMatches(ans[0], s.cfg.Code); !ok {
			s.wrongCode(ctx)
		}
	}
	if !ok {
		tell("Wrong join code. Ask your trainer for the code, then connect again.")
		return false
	}
	name, valid := classroom.NormalizeName(ctx.User())
	for try := 0; try < codeTries && (!valid || s.nameTaken(name)); try++ {
		why := fmt.Sprintf("Someone in the room is already called %q.", name)
		if !valid {
			why = fmt.Sprintf("%q cannot be a display name.", classroom.ClipName(ctx.User()))
		}
		ans, err := ask("", why+" Pick a name: letters, digits, '.', '-' or '_', up to 24.", []string{"Your name: "}, []bool{true})
		if err != nil || len(ans) != 1 {
			return false
		}
		name, valid = classroom.NormalizeName(ans[0])
	}
	if !valid || s.nameTaken(name) {
		tell("No free name was given. Connect again as ssh yourname@… with a name of your own.")
		return false
	}
	ctx.SetValue(ctxName, name)
	return true
}

// nameTaken reports whether a join-code login may not use name: someone
// is in the room under it, or it is bound to a trainee's key.
func (s *Server) nameTaken(name string) bool {
	s.mu.Lock()
	_, inRoom := s.sessions[name]
	s.mu.Unlock()
	if inRoom {
		return true
	}
	fp, err := s.room.Store().TraineeKey(name)
	return err != nil || fp != ""
}
