package glossary

import "testing"

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

// Every source an entry cites must be the title of one of the source
// documents, so "sources" stays a fact we can check, not decoration.
func TestBuiltinSourcesAreSourceTitles(t *testing.T) {
	g, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{}
	for _, s := range BuiltinSources() {
		known[s.Title] = true
	}
	for _, e := range g.Entries() {
		if len(e.Sources) == 0 && !e.BeyondSources {
			t.Errorf("%s: no sources and not marked beyond_sources", e.Term)
		}
		for _, s := range e.Sources {
			if !known[s] {
				t.Errorf("%s: unknown source %q", e.Term, s)
			}
		}
	}
}
