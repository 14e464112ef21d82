package glossary

import "fmt"

// nearSynonyms resolves every entry's `near` list to terms and makes it
// symmetric: if Inbound Marketing lists Content Marketing, each is the
// other's near-synonym. A name that matches no entry, or the entry
// itself, is a problem.
func nearSynonyms(g *Glossary, curated []curatedEntry, ps Problems) (map[string][]string, Problems) {
	near := map[string][]string{}
	add := func(a, b string) {
		k := Key(a)
		for _, have := range near[k] {
			if have == b {
				return
			}
		}
		near[k] = append(near[k], b)
	}
	for _, c := range curated {
		for _, n := range c.Near {
			j, ok := g.Index(n)
			switch {
			case !ok:
				ps = append(ps, Problem{Term: c.Term, Message: fmt.Sprintf("near %q matches no entry", n)})
			case Key(g.At(j).Term) == Key(c.Term):
				ps = append(ps, Problem{Term: c.Term, Message: fmt.Sprintf("near %q is the entry itself", n)})
			default:
				add(c.Term, g.At(j).Term)
				add(g.At(j).Term, c.Term)
			}
		}
	}
	return near, ps
}

// Near returns the built-in terms whose definitions come so close to
// term's that a quiz must not offer them as wrong answers beside it
// (Prospect beside Sales Prospecting, say): the glossary's `near` lists,
// read both ways. Nil for other terms and for pack entries.
func Near(term string) []string {
	d, err := builtin()
	if err != nil {
		return nil
	}
	return append([]string(nil), d.near[Key(term)]...)
}
