package glossary

import (
	"testing"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"
)

// libraryOne asks sahilm/fuzzy itself for the one-rune answer.
func libraryOne(s string, p rune) (score, at int, ok bool) {
	ms := fuzzy.Find(string(p), []string{s})
	if len(ms) == 0 {
		return 0, 0, false
	}
	return ms[0].Score, ms[0].MatchedIndexes[0], true
}

func checkFuzzyOne(t *testing.T, s string, p rune) {
	t.Helper()
	gs, ga, gok := fuzzyOne(s, p)
	ws, wa, wok := libraryOne(s, p)
	if gs != ws || ga != wa || gok != wok {
		t.Fatalf("fuzzyOne(%q, %q) = %d, %d, %v; library says %d, %d, %v", s, p, gs, ga, gok, ws, wa, wok)
	}
}

// fuzzyOne must agree with the library on every name of the built-in
// glossary and of a synthetic deck, for every rune a user might type
// first, and on awkward strings.
func TestFuzzyOneMatchesLibrary(t *testing.T) {
	var names []string
	g, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range []*Glossary{g, searchFixture(t), synthetic(t, 500, 5)} {
		for _, e := range d.Entries() {
			names = append(names, e.Names()...)
			names = append(names, lower(e.Term), e.Definition)
		}
	}
	names = append(names, "", "a", "A", "aA", "a-A", "x\x00c", "\xff\xfec", "ſs", "K k", "İi", "ÖÖ ö", "🙂c🙂", "camelCase", "a_b/c.d\\e f")
	runes := []rune("abcdefghijklmnopqrstuvwxyzABCZ0123456789 -_./\\÷–öÖİıſKk🙂\x00\uFFFD")
	for _, s := range names {
		for _, p := range runes {
			checkFuzzyOne(t, s, p)
		}
	}
}

func FuzzFuzzyOne(f *testing.F) {
	f.Add("Customer Lifetime Value", 'c')
	f.Add("camelCase", 'C')
	f.Add("ſ", 's')
	f.Fuzz(func(t *testing.T, s string, p rune) {
		// Search decodes the rune from a valid query, so an invalid
		// rune reaches fuzzyOne as U+FFFD, as string(p) makes it.
		p, _ = utf8.DecodeRuneInString(string(p))
		checkFuzzyOne(t, s, p)
	})
}
