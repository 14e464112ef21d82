package sshd

import (
	"crypto/rand"
	"crypto/subtle"
	"fmt"
	"math"
	"math/big"
	"strings"
	"time"
)

// codeAlphabet leaves out letters and digits that are misread when a
// trainer writes the code on a whiteboard: 0/O, 1/I/L, 5/S, 2/Z, 8/B.
const codeAlphabet = "ACDEFGHJKMNPQRTUVWXY34679"

// CodeLength gives 25^6 ≈ 2.4e8 codes: with failed attempts limited per
// address, guessing one during a session is hopeless (GuessChance), yet
// it is short enough to type from a slide.
const CodeLength = 6

// GuessChance is the chance that someone at one address guesses a join
// code of n characters from codeAlphabet within d, trying as fast as the
// per-address limit allows: burst tries at once, then rate a second.
// With the defaults (6 characters, 30 and then 30 a minute, 4 h) it is
// (30 + 7200) / 25^6 ≈ 3×10⁻⁵. Several addresses multiply it: the limit
// is per address, and no global budget is kept, since one attacker
// could spend it to lock the whole room out.
func GuessChance(n, burst int, rate float64, d time.Duration) float64 {
	tries := float64(burst) + rate*d.Seconds()
	return min(1, tries/math.Pow(float64(len(codeAlphabet)), float64(n)))
}

// GuessSum explains GuessChance for n characters with cfg's limits over
// a session of MaxSession, for the README and --code's warning.
func GuessSum(n int, cfg Config) string {
	cfg = cfg.withDefaults()
	tries := float64(cfg.FailBurst) + cfg.FailRate*cfg.MaxSession.Seconds()
	return fmt.Sprintf("%d characters from %d give %.3g codes; %.0f wrong tries from one address in %s (%d, then %.3g a minute) guess it with a chance of about %.1g",
		n, len(codeAlphabet), math.Pow(float64(len(codeAlphabet)), float64(n)), tries, cfg.MaxSession,
		cfg.FailBurst, cfg.FailRate*60, GuessChance(n, cfg.FailBurst, cfg.FailRate, cfg.MaxSession))
}

// NewJoinCode returns a random join code from the system's secure source.
func NewJoinCode() (string, error) {
	var b strings.Builder
	n := big.NewInt(int64(len(codeAlphabet)))
	for range CodeLength {
		i, err := rand.Int(rand.Reader, n)
		if err != nil {
			return "", fmt.Errorf("join code: %w", err)
		}
		b.WriteByte(codeAlphabet[i.Int64()])
	}
	return b.String(), nil
}

// codeMatches compares a typed code with the real one ignoring case and
// surrounding space, in constant time so timing reveals nothing.
func codeMatches(typed, code string) bool {
	a := []byte(strings.ToUpper(strings.TrimSpace(typed)))
	b := []byte(strings.ToUpper(code))
	return subtle.ConstantTimeCompare(a, b) == 1
}
