package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crm101/crm101/glossary"
	"github.com/crm101/crm101/quiz"
)

// evilPack is the pack: a term that clears the screen and sets
// the window title, and a definition that rings the bell.
func evilPack(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "evil.yaml")
	data := "- term: \"\\e[2J\\e]0;pwn\\aEvil\"\n  category: Sales\n  definition: \"Rings\\a the bell\"\n"
	if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func hasControl(s string) bool {
	_, bad := glossary.FirstControl(s)
	return bad
}

// deck validate lists each control character as file:line; loading
// removes them, so they are warnings, not problems.
func TestDeckValidateControlCharacters(t *testing.T) {
	pack := evilPack(t)
	code, out, _ := runCLI(t, "deck", "validate", pack)
	want := pack + ":1: warning: control character U+001B in term (removed)\n" +
		pack + ":1: warning: control character U+0007 in definition (removed)\n"
	if code != 0 || !strings.HasPrefix(out, want) {
		t.Errorf("exit %d, validate printed %q, want it to start %q", code, out, want)
	}
}

// Loading strips them with a warning; terms, define and search print
// none.
func TestDeckControlCharactersStripped(t *testing.T) {
	t.Setenv(quiz.DataDirEnv, t.TempDir())
	pack := evilPack(t)
	for _, args := range [][]string{{"terms"}, {"define", "[2J]0;pwnEvil"}, {"search", "evil"}} {
		code, out, errOut := runCLI(t, append([]string{"--deck", pack}, args...)...)
		if code != 0 {
			t.Errorf("%v: exit %d\n%s", args, code, errOut)
		}
		if hasControl(out) || hasControl(errOut) {
			t.Errorf("%v printed a control character:\n%q\n%q", args, out, errOut)
		}
		if !strings.Contains(errOut, "evil.yaml: 1 term loaded, 0 skipped, 2 warnings") {
			t.Errorf("%v: no warning in %q", args, errOut)
		}
		if !strings.Contains(out, "Evil") {
			t.Errorf("%v: the term is missing: %q", args, out)
		}
	}
}
