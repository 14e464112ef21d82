package sshd

import (
	"crypto/rand"
	"crypto/subtle"
	"fmt"
	"math/big"
	"strings"
)

// codeAlphabet leaves out letters and digits that are misread when a
// trainer writes the code on a whiteboard: 0/O, 1/I/L, 5/S, 2/Z, 8/B.
const codeAlphabet = "ACDEFGHJKMNPQRTUVWXY34679"

// CodeLength gives 25^6 ≈ 2.4e8 codes: with failed attempts limited per
// address, guessing one during a session is hopeless, yet it is short
// enough to type from a slide.
const CodeLength = 6

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
