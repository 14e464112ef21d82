package glossary

import (
	"strings"
	"unicode"
)

// A distinctive name word is a word of at least minStemWord letters in an
// entry's term, acronym or aliases that no other entry's names use; its
// stem is its first stemLen letters. A definition that contains such a
// stem gives the answer away once the quiz blanks the name, so the stem
// rule (TestDefinitionsAvoidOwnStems) keeps them out, and the quiz masks
// the ones an entry lists in AllowedStems.
const (
	minStemWord = 4
	stemLen     = 5
)

// nameWords splits a name into lower-cased words of letters only.
func nameWords(name string) []string {
	return strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return !unicode.IsLetter(r) })
}

// stemOf is the first stemLen letters of a lower-cased word.
func stemOf(word string) string {
	r := []rune(word)
	if len(r) > stemLen {
		r = r[:stemLen]
	}
	return string(r)
}

// wordOwners counts, for every name word, how many entries use it.
func wordOwners(entries []Entry) map[string]int {
	owners := map[string]int{}
	for _, e := range entries {
		seen := map[string]bool{}
		for _, n := range e.Names() {
			for _, w := range nameWords(n) {
				if !seen[w] {
					seen[w] = true
					owners[w]++
				}
			}
		}
	}
	return owners
}

// Stems returns the stems of entry i's distinctive name words, sorted
// and without repeats: "Personalization" gives "perso".
func (g *Glossary) Stems(i int) []string {
	owners := g.words()
	var stems []string
	for _, n := range g.entries[i].Names() {
		for _, w := range nameWords(n) {
			if len([]rune(w)) >= minStemWord && owners[w] == 1 {
				stems = appendNew(stems, stemOf(w))
			}
		}
	}
	return stems
}

// StemsIn returns the stems of Stems(i) that entry i's definition uses:
// a word of the definition starts with the stem.
func (g *Glossary) StemsIn(i int) []string {
	var found []string
	words := nameWords(g.entries[i].Definition)
	for _, s := range g.Stems(i) {
		for _, w := range words {
			if strings.HasPrefix(w, s) {
				found = appendNew(found, s)
				break
			}
		}
	}
	return found
}

func appendNew(list []string, s string) []string {
	for _, have := range list {
		if have == s {
			return list
		}
	}
	return append(list, s)
}
