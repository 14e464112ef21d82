package glossary

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// lowerCopyIndex is how definitions were matched before they were read
// in place: strings.Index in a lower-cased copy of the definition and
// tags joined by line breaks. defIndex must give the same offsets.
func lowerCopyIndex(e Entry, q string) int {
	return strings.Index(lower(strings.Join(append([]string{e.Definition}, e.Tags...), "\n")), q)
}

// foldPieces are the texts the random definitions are made of: mixed
// case, runes whose lower case is longer or shorter than they are (the
// Kelvin sign, İ, Ⱥ), runes that fold into ASCII, and an invalid byte.
var foldPieces = []string{"churn", "CHURN", "Churn", "cHuRn", "c", "C", "h", "ur", "n", " ", "\t", "\n",
	"K", "k", "K", "İ", "i", "Ⱥ", "ⱥ", "ſ", "s", "Ä", "ä", "\xff", "\uFFFD", "-", "#", "x"}

func randomFoldText(rng *rand.Rand, n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(foldPieces[rng.IntN(len(foldPieces))])
	}
	return b.String()
}

func TestDefIndexMatchesLowerCopy(t *testing.T) {
	rng := rand.New(rand.NewPCG(12, 5))
	queries := []string{"churn", "c", "ch", "k", "kk", "i", "ⱥ", "ⱥc", "ä", "s", "\uFFFD", "n c", "x-", "#x", "rn", "hurnx"}
	for range 3000 {
		e := Entry{Term: "T", Definition: randomFoldText(rng, rng.IntN(12))}
		for range rng.IntN(3) {
			e.Tags = append(e.Tags, randomFoldText(rng, rng.IntN(4)))
		}
		if rng.IntN(2) == 0 { // an ASCII entry, for the fast path
			e.Definition = strings.Map(func(r rune) rune { return min(r, 'x') }, e.Definition)
			for i, tag := range e.Tags {
				e.Tags[i] = strings.Map(func(r rune) rune { return min(r, 'x') }, tag)
			}
		}
		ix := newSearchIndex([]Entry{e})
		joined := lower(strings.Join(append([]string{e.Definition}, e.Tags...), "\n"))
		if got, want := ix.defPairs[0], pairMask(joined); got != want {
			t.Fatalf("pairs of %q %q differ from the lower-cased copy's", e.Definition, e.Tags)
		}
		for _, q := range append(queries, Key(randomFoldText(rng, 1+rng.IntN(3)))) {
			if strings.Contains(q, "\n") || q == "" {
				continue
			}
			if got, want := ix.defIndex(0, q), lowerCopyIndex(e, q); got != want {
				t.Fatalf("defIndex(%q %q, %q) = %d, the lower-cased copy says %d", e.Definition, e.Tags, q, got, want)
			}
		}
	}
}

func TestIndexLowerASCII(t *testing.T) {
	for _, c := range []struct {
		s, q string
		want int
	}{
		{"Churn rate", "churn", 0},
		{"the CHURN", "churn", 4},
		{"chur", "churn", -1},
		{"cc Ch", "ch", 3},
		{"Cc ch", "ch", 3},
		{"", "a", -1},
		{"a-b A-B", "a-b", 0},
		{"x#1 #1", "#1", 1},
		{"a CHURN and churn", "churn", 2},
		{"churn, then CHURN", "churn", 0},
		{"cHURn", "churn", 0},
		{"xxxxxxxxxxxxxxxxxxxxCh", "ch", 20},
	} {
		if got := indexLowerASCII(c.s, c.q, true); got != c.want {
			t.Errorf("indexLowerASCII(%q, %q) = %d, want %d", c.s, c.q, got, c.want)
		}
	}
}

// FuzzDefIndex holds defIndex to the lower-cased copy for any text.
func FuzzDefIndex(f *testing.F) {
	f.Add("Churn Rate", "tag", "churn")
	f.Add("KELVIN K", "İx", "k")
	f.Add("\xffA", "", "\uFFFD")
	f.Fuzz(func(t *testing.T, def, tag, query string) {
		q := Key(query)
		e := Entry{Term: "T", Definition: def, Tags: []string{tag}}
		if q == "" || strings.Contains(q, "\n") {
			return
		}
		ix := newSearchIndex([]Entry{e})
		if got, want := ix.defIndex(0, q), lowerCopyIndex(e, q); got != want {
			t.Fatalf("defIndex(%q %q, %q) = %d, the lower-cased copy says %d", def, tag, q, got, want)
		}
		joined := lower(def + "\n" + tag)
		if ix.defPairs[0] != pairMask(joined) {
			t.Fatalf("pairs of %q %q differ from the lower-cased copy's", def, tag)
		}
	})
}

func TestNextUpper(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 5000 {
		b := make([]byte, rng.IntN(40))
		for i := range b {
			b[i] = byte(rng.IntN(128))
		}
		s := string(b)
		from := rng.IntN(len(s) + 1)
		want := len(s)
		for i := from; i < len(s); i++ {
			if 'A' <= s[i] && s[i] <= 'Z' {
				want = i
				break
			}
		}
		if got := nextUpper(s, from); got != want {
			t.Fatalf("nextUpper(%q, %d) = %d, want %d", s, from, got, want)
		}
	}
}
