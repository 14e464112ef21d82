package quiz

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/crm101/crm101/glossary"
)

// ErrKindDoesNotFit is wrapped by For when a kind cannot be asked about
// a term: an acronym question for a term without one, a choice question
// in a glossary too small for three distractors.
var ErrKindDoesNotFit = errors.New("question kind does not fit this term")

// Generator builds questions from one glossary. All randomness comes
// from the injected rng, so equal glossaries and seeds give equal
// questions. A Generator is not safe for concurrent use (rand.Rand is not).
type Generator struct {
	g   *glossary.Glossary
	rng *rand.Rand
	ix  *Index
}

// Index is the per-glossary table that question generation compares
// entries with. Building it reads every entry — about a second for a
// 100,000-term deck — so every Generator over one glossary (each
// trainee's in a classroom, each live round's) can share one. It is
// built on first use, off the UI goroutine, and is safe for concurrent use.
type Index struct {
	g      *glossary.Glossary
	once   sync.Once
	keys   []entryKeys
	byName map[string][]int32 // answerKey of a name → entries with that name
	runes  []rune             // every rune of every name key, for oneEditAway
	sets   []compareSet       // the glossary's confusable sets
}

// compareSet is a glossary.CompareSet by entry index.
type compareSet struct {
	members     []int
	distinction string
}

// NewIndex returns the (not yet built) index of g.
func NewIndex(g *glossary.Glossary) *Index { return &Index{g: g} }

// Generator returns a generator over the index's glossary drawing
// randomness from rng.
func (ix *Index) Generator(rng *rand.Rand) *Generator {
	return &Generator{g: ix.g, rng: rng, ix: ix}
}

// table returns the comparison table, building it the first time.
func (ix *Index) table() []entryKeys {
	ix.once.Do(func() {
		ix.keys, ix.sets = buildKeys(ix.g)
		ix.byName = make(map[string][]int32, len(ix.keys)*2)
		seen := map[rune]bool{}
		for i, k := range ix.keys {
			for _, n := range k.names {
				ix.byName[n] = append(ix.byName[n], int32(i))
				for _, r := range n {
					if !seen[r] {
						seen[r] = true
						ix.runes = append(ix.runes, r)
					}
				}
			}
		}
	})
	return ix.keys
}

// keys returns the generator's comparison table.
func (gen *Generator) keys() []entryKeys { return gen.ix.table() }

// entryKeys is the precomputed comparison material of one entry.
type entryKeys struct {
	masked    string   // the definition with the entry's own names and stems masked
	stems     []string // stems of its distinctive name words (glossary.Stems)
	sets      []int    // the confusable sets it belongs to (Index.sets)
	near      []int    // its near-synonyms (glossary.Near): never its distractors
	term      string   // answerKey of the term
	def       string   // answerKey of the definition
	maskedDef string   // answerKey of masked
	names     []string // answerKey of every name
	related   []int    // entries related to it, in either direction
	vendor    bool     // it names a vendor or product, not a concept (VendorTag)
	// metric is the calculator metric computing the entry, if any.
	metric    glossary.Metric
	hasMetric bool
}

// NewGenerator returns a generator over g, with an index of its own,
// drawing randomness from rng, typically rand.New(rand.NewPCG(seed, seed)).
func NewGenerator(g *glossary.Glossary, rng *rand.Rand) *Generator {
	return NewIndex(g).Generator(rng)
}

func buildKeys(g *glossary.Glossary) ([]entryKeys, []compareSet) {
	keys := make([]entryKeys, g.Len())
	for i, e := range g.Entries() {
		k := &keys[i]
		k.stems = g.Stems(i)
		k.masked = maskAll(e.Definition, e.Names(), k.stems)
		for _, n := range glossary.Near(e.Term) {
			if j, ok := g.Index(n); ok && j != i {
				k.near = appendUnique(k.near, j)
			}
		}
		k.term, k.def, k.maskedDef = answerKey(e.Term), answerKey(e.Definition), answerKey(k.masked)
		for _, n := range e.Names() {
			k.names = append(k.names, answerKey(n))
		}
		k.metric, k.hasMetric = glossary.MetricForTerm(e.Term)
		k.vendor = slices.ContainsFunc(e.Tags, func(t string) bool { return strings.EqualFold(t, VendorTag) })
		for _, r := range e.Related {
			if j, ok := g.Index(r); ok && j != i {
				k.related = appendUnique(k.related, j)
				keys[j].related = appendUnique(keys[j].related, i)
			}
		}
	}
	var sets []compareSet
	for _, cs := range g.CompareSets() {
		set := compareSet{distinction: cs.Distinction}
		for _, m := range cs.Members {
			if j, ok := g.Index(m); ok {
				set.members = append(set.members, j)
			}
		}
		for _, j := range set.members {
			keys[j].sets = append(keys[j].sets, len(sets))
		}
		sets = append(sets, set)
	}
	return keys, sets
}

// VendorTag marks an entry that names a vendor or product (HubSpot)
// rather than a concept. Options are always of one kind: a vendor never
// stands as a wrong answer beside concepts, nor a concept beside a vendor.
const VendorTag = "vendor"

// unfair reports whether entry j must never stand as a wrong option
// beside entry i: it shares a confusable set with i (those get their
// own kind, compare), the glossary lists it as a near-synonym of i, or
// one names a vendor and the other a concept.
func (gen *Generator) unfair(i, j int) bool {
	k := gen.keys()[i]
	if k.vendor != gen.keys()[j].vendor {
		return true
	}
	if slices.Contains(k.near, j) {
		return true
	}
	for _, s := range k.sets {
		if slices.Contains(gen.ix.sets[s].members, j) {
			return true
		}
	}
	return false
}

// Fits reports whether a question of kind k can be made about term.
// It is cheap, even in a 100,000-term deck.
func (gen *Generator) Fits(term string, k Kind) bool {
	i, ok := gen.g.Index(term)
	return ok && gen.fits(i, k)
}

// Kinds returns the kinds that fit term, in Kinds order; nil when the
// glossary has no such term.
func (gen *Generator) Kinds(term string) []Kind {
	i, ok := gen.g.Index(term)
	if !ok {
		return nil
	}
	var out []Kind
	for _, k := range Kinds() {
		if gen.fits(i, k) {
			out = append(out, k)
		}
	}
	return out
}

// fits reports whether a question of kind k can be made about entry i.
func (gen *Generator) fits(i int, k Kind) bool {
	r, ok := k.row()
	return ok && r.fits(gen, i)
}

// For returns a question of kind about term (any of its names). It
// wraps ErrKindDoesNotFit when the kind cannot be asked about it.
func (gen *Generator) For(term string, kind Kind) (Question, error) {
	i, ok := gen.g.Index(term)
	if !ok {
		return Question{}, fmt.Errorf("question about %q: no such term in the glossary", term)
	}
	r, ok := kind.row()
	if !ok {
		return Question{}, fmt.Errorf("question about %q: unknown kind %q", term, kind)
	}
	if !r.fits(gen, i) {
		return Question{}, fmt.Errorf("%s question about %q: %w", kind, gen.g.At(i).Term, ErrKindDoesNotFit)
	}
	return r.ask(gen, i)
}

// back is the explanation shown after any question about e.
func back(e glossary.Entry) string {
	var b strings.Builder
	b.WriteString(e.Title() + ": " + e.Definition)
	if e.Formula != "" {
		b.WriteString("\nFormula: " + e.Formula)
	}
	if e.Example != "" {
		b.WriteString("\nExample: " + e.Example)
	}
	return b.String()
}

// hasContent reports whether a masked prompt still says something: a
// definition that was nothing but the term's own names would not.
func hasContent(masked string) bool {
	return answerKey(strings.ReplaceAll(masked, Blank, "")) != ""
}

// confusable lists other entries' names one edit away from an accepted
// answer long enough to earn typo leniency; see Question.Confusable.
// Rather than compare with every name in the glossary, it looks up each
// string one edit from an answer in the index's name table: a few
// thousand lookups, however big the deck.
func (gen *Generator) confusable(self int, accept []string) []string {
	gen.ix.table()
	var out []string
	seen := map[string]bool{}
	for _, a := range accept {
		ak := answerKey(a)
		if utf8.RuneCountInString(ak) < minTypoLetters {
			continue
		}
		oneEditAway(ak, gen.ix.runes, func(v string) {
			if seen[v] {
				return
			}
			seen[v] = true
			for _, j := range gen.ix.byName[v] {
				if int(j) == self {
					continue
				}
				for n, nk := range gen.ix.keys[j].names {
					if nk == v {
						out = append(out, gen.g.At(int(j)).Names()[n])
					}
				}
			}
		})
	}
	return out
}

// oneEditAway calls visit with every string one edit from s: a rune
// deleted, two neighbours swapped, a rune replaced or inserted, the new
// runes drawn from alphabet (the runes names are made of: no name can
// be reached through any other).
func oneEditAway(s string, alphabet []rune, visit func(string)) {
	r := []rune(s)
	buf := make([]rune, 0, len(r)+1)
	for i := range r {
		visit(string(append(append(buf[:0], r[:i]...), r[i+1:]...)))
		if i+1 < len(r) && r[i] != r[i+1] {
			buf = append(buf[:0], r...)
			buf[i], buf[i+1] = buf[i+1], buf[i]
			visit(string(buf))
		}
		for _, c := range alphabet {
			if c != r[i] {
				buf = append(buf[:0], r...)
				buf[i] = c
				visit(string(buf))
			}
		}
	}
	for i := 0; i <= len(r); i++ {
		for _, c := range alphabet {
			buf = append(append(append(buf[:0], r[:i]...), c), r[i:]...)
			visit(string(buf))
		}
	}
}

func appendUnique(s []int, v int) []int {
	if slices.Contains(s, v) {
		return s
	}
	return append(s, v)
}
