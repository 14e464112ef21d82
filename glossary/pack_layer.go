package glossary

import (
	"fmt"
	"slices"
	"strings"
)

// PackSummary counts what a successful LoadPacks layered.
type PackSummary struct {
	Files      int // packs read
	Entries    int // entries the packs contributed
	Overridden int // earlier entries (built-in or pack) they replaced
}

// LoadPacks reads the packs at paths and layers them, in order, over
// base (nil: the packs alone). It returns the merged glossary, or every
// problem in every file and none of the glossary: a broken pack never
// yields a partial glossary.
func LoadPacks(base *Glossary, paths []string) (*Glossary, PackSummary, PackProblems) {
	var (
		packs    []*Pack
		problems PackProblems
	)
	for _, path := range paths {
		p, ps := ReadPack(path)
		problems = append(problems, ps...)
		if p != nil {
			packs = append(packs, p)
		}
	}
	g, sum, ps := Layer(base, packs)
	problems = append(problems, ps...)
	if len(problems) > 0 {
		sortProblems(problems)
		return nil, PackSummary{}, problems
	}
	return g, sum, nil
}

// sortProblems orders problems file by file, in the order the files
// first appear, then by line, so a person can work down the list.
func sortProblems(ps PackProblems) {
	rank := map[string]int{}
	for _, p := range ps {
		if _, ok := rank[p.File]; !ok {
			rank[p.File] = len(rank)
		}
	}
	slices.SortStableFunc(ps, func(a, b PackProblem) int {
		if c := rank[a.File] - rank[b.File]; c != 0 {
			return c
		}
		if a.tail != b.tail {
			if a.tail {
				return 1
			}
			return -1
		}
		return a.Line - b.Line
	})
}

// origin is where a merged entry came from: file "" is the built-in glossary.
type origin struct {
	file string
	line int
}

// String implements fmt.Stringer.
func (o origin) String() string {
	if o.file == "" {
		return BuiltinPack
	}
	return fmt.Sprintf("%s:%d", o.file, o.line)
}

// layering is the state of a merge in progress.
type layering struct {
	entries []Entry
	from    []origin
	gone    []bool         // replaced by an override
	keys    []string       // Key(term) of each entry
	owner   map[string]int // Key(name) → index in entries
	files   map[string]*collector
	order   []string // files in the order problems were first found
	sum     PackSummary
}

func (l *layering) add(file string, line int, format string, args ...any) {
	c, ok := l.files[file]
	if !ok {
		c = &collector{file: file}
		l.files[file] = c
		l.order = append(l.order, file)
	}
	c.add(line, format, args...)
}

// Layer merges packs, in order, over base (nil: packs alone). A pack
// adds entries; an entry whose term already names an earlier entry
// replaces it only when it says override, and any other clash of terms,
// acronyms or aliases is a problem naming both places. Related terms
// must resolve in the merged glossary.
func Layer(base *Glossary, packs []*Pack) (*Glossary, PackSummary, PackProblems) {
	n := 0
	if base != nil {
		n += base.Len()
	}
	for _, p := range packs {
		n += len(p.Entries)
	}
	l := &layering{owner: make(map[string]int, n*2), files: map[string]*collector{},
		entries: make([]Entry, 0, n), from: make([]origin, 0, n), gone: make([]bool, 0, n), keys: make([]string, 0, n)}
	if base != nil {
		for _, e := range base.Entries() {
			l.push(e, origin{})
		}
	}
	names := map[string]string{}
	for _, p := range packs {
		if other, dup := names[p.Name]; dup {
			l.add(p.Path, 0, "pack name %q is also the name of %s; progress is kept per pack name, so rename one", p.Name, other)
			continue
		}
		names[p.Name] = p.Path
		l.sum.Files++
		for _, pe := range p.Entries {
			l.layer(p, pe)
		}
	}
	g, from := l.result()
	l.checkRelated(g, from)
	var problems PackProblems
	for _, f := range l.order {
		problems = append(problems, l.files[f].result()...)
	}
	if len(problems) > 0 {
		return nil, PackSummary{}, problems
	}
	// Layer checks every rule of Validate (the tests hold it to that)
	// without running it again: a 100k-term pack loads in a frame budget.
	return g, l.sum, nil
}

// push appends e and claims its names (built-in entries never clash).
func (l *layering) push(e Entry, o origin) int {
	i := len(l.entries)
	l.entries = append(l.entries, e)
	l.from = append(l.from, o)
	l.gone = append(l.gone, false)
	l.keys = append(l.keys, Key(e.Term))
	for _, n := range e.Names() {
		if k := Key(n); k != "" {
			if _, taken := l.owner[k]; !taken {
				l.owner[k] = i
			}
		}
	}
	return i
}

func (l *layering) layer(p *Pack, pe PackEntry) {
	here := origin{file: p.Path, line: pe.Line}
	e := pe.Entry
	termKey := Key(e.Term)
	if pe.Override && termKey != "" {
		j, ok := l.owner[termKey]
		switch {
		case !ok:
			l.add(p.Path, pe.Line, "%q overrides nothing: no earlier entry has that name (remove the override)", e.Term)
		case l.keys[j] != termKey:
			// An override replaces the entry of the same term, never one
			// that merely has this as its acronym or alias.
			l.add(p.Path, pe.Line, "%q is a name of %q, not its term; override replaces entries by term only (rename this one)", e.Term, l.entries[j].Term)
		case l.from[j].file == p.Path:
			// a duplicate inside one pack; reported below
		default:
			l.drop(j)
			l.sum.Overridden++
		}
	}
	i := len(l.entries)
	l.entries = append(l.entries, e)
	l.from = append(l.from, here)
	l.gone = append(l.gone, false)
	l.keys = append(l.keys, termKey)
	l.sum.Entries++
	var seen [8]string // names of this entry so far; few enough to scan
	names := seen[:0]
	for at, name := range e.Names() {
		k := termKey
		if at > 0 {
			k = Key(name)
		}
		if k == "" || slices.Contains(names, k) {
			continue
		}
		names = append(names, k)
		j, dup := l.owner[k]
		if !dup {
			l.owner[k] = i
			continue
		}
		l.clash(p, pe, name, j)
	}
}

// drop removes entry j, freeing its names for the overriding entry.
func (l *layering) drop(j int) {
	l.gone[j] = true
	for _, n := range l.entries[j].Names() {
		if k := Key(n); l.owner[k] == j {
			delete(l.owner, k)
		}
	}
}

func (l *layering) clash(p *Pack, pe PackEntry, name string, j int) {
	kind := "alias"
	switch name {
	case pe.Term:
		kind = "term"
	case pe.Acronym:
		kind = "acronym"
	}
	other, where := l.entries[j], l.from[j]
	switch {
	case where.file == p.Path:
		l.add(p.Path, pe.Line, "duplicate %s %q: line %d already uses it for %q", kind, name, where.line, other.Term)
	case kind == "term" && Key(name) == Key(other.Term):
		l.add(p.Path, pe.Line, "term %q is already defined by %s; %s to replace that entry, or rename this one",
			name, where, overrideHint(p.Format))
	default:
		l.add(p.Path, pe.Line, "%s %q is already a name of %q (%s); choose another", kind, name, other.Term, where)
	}
}

// overrideHint says how a pack of format f marks an override. A pack
// of no known format (built by hand for Layer) is advised as YAML, the
// built-in glossary's own format.
func overrideHint(f Format) string {
	if cd, ok := lookup(f); ok {
		return cd.overrideHint
	}
	return yamlCodec.overrideHint
}

// result returns the merged glossary, sorted by term as New sorts, with
// each entry's origin. The name index is the owner map, renumbered.
func (l *layering) result() (*Glossary, []origin) {
	keep := make([]int, 0, len(l.entries))
	for i, gone := range l.gone {
		if !gone {
			keep = append(keep, i)
		}
	}
	slices.SortStableFunc(keep, func(a, b int) int { return strings.Compare(l.keys[a], l.keys[b]) })
	entries := make([]Entry, len(keep))
	from := make([]origin, len(keep))
	pos := make([]int, len(l.entries))
	for n, i := range keep {
		entries[n], from[n] = l.entries[i], l.from[i]
		pos[i] = n
	}
	for k, i := range l.owner {
		l.owner[k] = pos[i]
	}
	return withIndex(entries, l.owner), from
}

// checkRelated reports related names that resolve to no entry of the
// merged glossary g, suggesting the nearest term.
func (l *layering) checkRelated(g *Glossary, from []origin) {
	for i, e := range g.entries {
		for _, r := range e.Related {
			j, ok := g.Index(r)
			switch {
			case ok && j == i:
				l.relatedProblem(from[i], e, fmt.Sprintf("related %q points to the entry itself", r))
			case !ok:
				msg := fmt.Sprintf("related %q matches no term", r)
				if s := g.Suggest(r, 1); len(s) > 0 {
					msg += fmt.Sprintf("; did you mean %q?", g.At(s[0]).Term)
				}
				l.relatedProblem(from[i], e, msg)
			}
		}
	}
}

func (l *layering) relatedProblem(o origin, e Entry, msg string) {
	if o.file == "" {
		// Only an override can break a built-in reference.
		l.add(BuiltinPack, 0, "entry %q: %s (an override removed that name)", e.Term, msg)
		return
	}
	l.add(o.file, o.line, "%s", msg)
}
