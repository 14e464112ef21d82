package glossary

import (
	"slices"
	"testing"
)

// Near-synonyms are read both ways and name entries by their terms.
func TestNearIsSymmetric(t *testing.T) {
	if got := Near("Inbound Marketing"); !slices.Contains(got, "Lead Generation") {
		t.Fatalf("Near(Inbound Marketing) = %v, want Lead Generation", got)
	}
	if got := Near("lead generation"); !slices.Contains(got, "Inbound Marketing") {
		t.Fatalf("Near(lead generation) = %v, want Inbound Marketing (read both ways)", got)
	}
	g, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range g.Entries() {
		for _, n := range Near(e.Term) {
			if _, ok := g.Lookup(n); !ok {
				t.Errorf("%s: near %q is no entry", e.Term, n)
			}
			if !slices.Contains(Near(n), e.Term) {
				t.Errorf("%s lists %s as near, but not the other way round", e.Term, n)
			}
		}
	}
	if Near("no such term") != nil {
		t.Fatal("Near of an unknown term should be nil")
	}
}
