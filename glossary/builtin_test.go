package glossary

import (
	"path/filepath"
	"testing"
)

// The built-in glossary must load: this is the test that fails when a
// curator breaks an entry in assets/glossary.yaml.
func TestBuiltinLoads(t *testing.T) {
	g, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if g.Len() == 0 {
		t.Fatal("built-in glossary is empty")
	}
}

// Every source an entry cites must be one of the seed documents, so
// "sources" stays a fact we can check rather than decoration.
func TestBuiltinSourcesAreSeedFiles(t *testing.T) {
	g, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{
		"000_f6260d40975035dc.txt": true, "001_814cd508ef374ac1.txt": true,
		"002_3b8f7682850929ce.txt": true, "003_5726b649923672ad.txt": true,
		"004_9f563c1dead159ce.txt": true,
	}
	for _, e := range g.Entries() {
		if len(e.Sources) == 0 && !e.BeyondSources {
			t.Errorf("%s: no sources and not marked beyond_sources", e.Term)
		}
		for _, s := range e.Sources {
			if !known[filepath.Base(s)] {
				t.Errorf("%s: unknown source %q", e.Term, s)
			}
		}
	}
}
