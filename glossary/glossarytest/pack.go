// Package glossarytest builds glossaries for other packages' tests.
package glossarytest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/crm101/crm101/glossary"
)

// BuiltinWithPack is the built-in glossary with one pack layered over
// it, as `--deck NAME` would load it: name is the pack's file name (its
// extension picks the format) and text its content.
func BuiltinWithPack(tb testing.TB, name, text string) *glossary.Glossary {
	tb.Helper()
	base, err := glossary.Builtin()
	if err != nil {
		tb.Fatal(err)
	}
	path := filepath.Join(tb.TempDir(), name)
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		tb.Fatal(err)
	}
	g, _, problems := glossary.Load(base, []string{path}, glossary.LoadOptions{})
	if g == nil {
		tb.Fatal(problems)
	}
	return g
}
