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

// LoadPacks reads the packs at paths and layers them strictly, in order,
// over base (nil: the packs alone), with default options. It returns the
// merged glossary, or every problem in every file and none of the
// glossary. See Load for the lenient load.
func LoadPacks(base *Glossary, paths []string) (*Glossary, PackSummary, PackProblems) {
	g, rep, ps := Load(base, paths, LoadOptions{Strict: true})
	if g == nil {
		return nil, PackSummary{}, ps
	}
	return g, rep.Summary(), nil
}

// LoadOptions are the command line's say over loading packs.
type LoadOptions struct {
	ReadOptions
	// Strict refuses every pack if any has a problem or a warning:
	// all or nothing.
	Strict bool
}

// PackReport is what loading did with one pack.
type PackReport struct {
	Path    string  `json:"path"`
	Name    string  `json:"name"`
	Format  Format  `json:"format"`
	OnClash OnClash `json:"on_clash"`
	// Loaded counts the pack's entries in the merged glossary.
	Loaded int `json:"loaded"`
	// Skipped counts notes left out because of a problem.
	Skipped int `json:"skipped"`
	// Clashed counts entries whose term an earlier layer already had,
	// kept out under on-clash keep (or refused under error).
	Clashed int `json:"clashed"`
	// Replaced counts earlier entries the pack replaced (override, or
	// on-clash replace).
	Replaced int `json:"replaced"`
	// Warnings counts what was settled without skipping a note.
	Warnings int `json:"warnings"`
}

// LoadReport is what a Load did, pack by pack.
type LoadReport struct {
	Packs    []PackReport
	Warnings PackProblems
}

// Summary totals the report the way LoadPacks counts.
func (r LoadReport) Summary() PackSummary {
	s := PackSummary{Files: len(r.Packs)}
	for _, p := range r.Packs {
		s.Entries += p.Loaded
		s.Overridden += p.Replaced
	}
	return s
}

// Load reads the packs at paths and layers them, in order, over base
// (nil: the packs alone). Leniently, every good note is loaded: a note
// with a problem is skipped, and the problems are returned beside the
// glossary; only a pack that cannot be read at all (or a clash under
// on-clash error) returns a nil glossary. With opts.Strict any problem
// or warning returns a nil glossary, and warnings count as problems.
func Load(base *Glossary, paths []string, opts LoadOptions) (*Glossary, LoadReport, PackProblems) {
	var (
		packs    []*Pack
		problems PackProblems
		broken   bool
	)
	ro := opts.ReadOptions
	if base != nil {
		ro.reserve = base.Len() // room to merge into a pack's own array
	}
	for _, path := range paths {
		p, ps := ReadPackWith(path, ro)
		problems = append(problems, ps...)
		if p == nil || p.fatal {
			broken = true
			continue
		}
		packs = append(packs, p)
	}
	// These packs are Load's alone: the merged glossary may take over
	// their arrays.
	g, rep, ps := layerPacks(base, packs, true)
	problems = append(problems, ps...)
	if g == nil {
		broken = true
	}
	if opts.Strict {
		problems = append(problems, rep.Warnings...)
		rep.Warnings = nil
		if len(problems) > 0 {
			broken = true
		}
	}
	sortProblems(problems)
	sortProblems(rep.Warnings)
	if broken {
		return nil, rep, problems
	}
	return g, rep, problems
}

// Layer merges packs strictly, in order, over base (nil: packs alone):
// the glossary, or nil and every problem (warnings included). See Load.
func Layer(base *Glossary, packs []*Pack) (*Glossary, PackSummary, PackProblems) {
	g, rep, ps := layerPacks(base, packs, false)
	ps = append(ps, rep.Warnings...)
	for _, p := range packs {
		if p.fatal {
			g = nil
		}
	}
	if len(ps) > 0 || g == nil {
		sortProblems(ps)
		return nil, PackSummary{}, ps
	}
	return g, rep.Summary(), nil
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

// layering is the state of a merge in progress. Entries are held by
// pointer into the packs (and the base), so a large pack is copied once,
// into the merged glossary.
type layering struct {
	ents   []*Entry
	from   []origin
	pack   []int32 // index into packs, -1 for base
	slot   []int32 // index into its pack's arena, -1 when not there
	gone   []bool  // replaced by a later entry, or skipped
	keys   []string
	owner  map[string]int // Key(name) → index in ents
	files  map[string]*collector
	order  []string // files in the order problems were first found
	rep    []PackReport
	vers   map[int][]Entry // pack versions kept beside entry i (on-clash keep)
	failed bool            // a clash under on-clash error
	// packs are the packs layered; when owned, nothing else uses them,
	// so result may reorder an arena in place.
	packs []*Pack
	owned bool
}

func (l *layering) collector(file string) *collector {
	c, ok := l.files[file]
	if !ok {
		c = &collector{file: file}
		l.files[file] = c
		l.order = append(l.order, file)
	}
	return c
}

func (l *layering) add(file string, line int, format string, args ...any) {
	l.collector(file).add(line, format, args...)
}

func (l *layering) warn(file string, line int, format string, args ...any) {
	l.collector(file).warn(line, format, args...)
}

// layerPacks merges packs, in order, over base leniently (owned: the
// caller never uses the packs again, so their arrays may become the
// glossary's): a pack adds
// its good entries; a term an earlier layer has is settled by the
// pack's OnClash (override always replaces); a duplicate term within a
// pack keeps the later row; an acronym or alias an earlier entry has is
// left out; an entry whose related names resolve to nothing is skipped.
// The glossary is nil only when a clash meets on-clash error.
func layerPacks(base *Glossary, packs []*Pack, owned bool) (*Glossary, LoadReport, PackProblems) {
	n, nNames := 0, 0 // entries and names, to size the tables once
	if base != nil {
		n += base.Len()
		nNames += len(base.byName)
	}
	for _, p := range packs {
		n += len(p.Entries)
		for i := range p.Entries {
			nNames += 1 + len(p.Entries[i].Aliases)
			if p.Entries[i].Acronym != "" {
				nNames++
			}
		}
	}
	l := &layering{owner: make(map[string]int, nNames), files: map[string]*collector{}, vers: map[int][]Entry{},
		ents: make([]*Entry, 0, n), from: make([]origin, 0, n), pack: make([]int32, 0, n), slot: make([]int32, 0, n),
		gone: make([]bool, 0, n), keys: make([]string, 0, n), packs: packs, owned: owned}
	if base != nil {
		for i := range base.entries {
			l.push(&base.entries[i], origin{}, -1)
		}
	}
	names := map[string]string{}
	var warnings PackProblems
	for pi, p := range packs {
		l.rep = append(l.rep, PackReport{Path: p.Path, Name: p.Name, Format: p.Format, OnClash: p.OnClash, Skipped: p.Skipped})
		warnings = append(warnings, p.Warnings...)
		if other, dup := names[p.Name]; dup {
			l.add(p.Path, 0, "pack name %q is also the name of %s; progress is kept per pack name, so rename one", p.Name, other)
			l.failed = true
			continue
		}
		names[p.Name] = p.Path
		for i := range p.Entries {
			if !p.Entries[i].bad {
				l.layer(p, int32(pi), &p.Entries[i], i)
			}
		}
	}
	broken := l.checkRelated()
	for _, r := range l.rep {
		if r.Loaded == 0 && r.Clashed == 0 {
			// Every note has a problem (each is reported): the file is
			// surely read wrong, so it is refused rather than empty.
			l.failed = true
		}
	}
	g := l.result()
	for _, b := range broken {
		l.relatedProblem(g, b)
	}
	var problems PackProblems
	for _, f := range l.order {
		c := l.files[f]
		problems = append(problems, c.result()...)
		warnings = append(warnings, c.warningList()...)
	}
	for i := range l.rep {
		for _, w := range warnings {
			if w.File == l.rep[i].Path {
				l.rep[i].Warnings++
			}
		}
	}
	rep := LoadReport{Packs: l.rep, Warnings: warnings}
	if l.failed {
		return nil, rep, problems
	}
	// Layering checks every rule of Validate (the tests hold it to that)
	// without running it again: a 100k-term pack loads in a frame budget.
	return g, rep, problems
}

// push appends e and claims its names (built-in entries never clash).
func (l *layering) push(e *Entry, o origin, pack int32) int {
	i := len(l.ents)
	l.ents = append(l.ents, e)
	l.from = append(l.from, o)
	l.pack = append(l.pack, pack)
	l.slot = append(l.slot, -1)
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

func (l *layering) layer(p *Pack, pi int32, pe *PackEntry, k int) {
	rep := &l.rep[pi]
	e := pe.Entry
	termKey := Key(e.Term)
	if j, ok := l.owner[termKey]; ok {
		sameTerm := l.keys[j] == termKey
		earlier := l.ents[j]
		switch {
		case l.pack[j] == pi && sameTerm:
			l.warn(p.Path, pe.Line, "term %q is also on line %d; the later row is kept, as Anki updates a note", e.Term, l.from[j].line)
			l.drop(j)
			rep.Loaded--
			rep.Skipped++
		case l.pack[j] == pi:
			l.add(p.Path, pe.Line, "term %q is already a name of %q (line %d); rename one", e.Term, earlier.Term, l.from[j].line)
			rep.Skipped++
			return
		case pe.Override && sameTerm:
			l.drop(j)
			rep.Replaced++
		case pe.Override:
			// An override replaces the entry of the same term, never one
			// that merely has this as its acronym or alias.
			l.add(p.Path, pe.Line, "%q is a name of %q, not its term; override replaces entries by term only (rename this one)", e.Term, earlier.Term)
			rep.Skipped++
			return
		case p.OnClash == ClashError:
			l.add(p.Path, pe.Line, "term %q is already defined by %s; %s to replace that entry, or load with --on-clash=keep or replace",
				e.Term, l.from[j], overrideHint(p.Format))
			l.failed = true
			rep.Clashed++
			return
		case p.OnClash == ClashReplace && sameTerm:
			l.drop(j)
			rep.Replaced++
		default:
			// on-clash keep: the earlier entry stays, and the pack's
			// version is shown beside it.
			vs := l.vers[j]
			if n := len(vs); n > 0 && vs[n-1].Pack == e.Pack && Key(vs[n-1].Term) == termKey {
				vs[n-1] = *e // a duplicate row: the later one is kept
				l.warn(p.Path, pe.Line, "term %q appears twice in the pack; the later row is kept", e.Term)
				rep.Skipped++
				return
			}
			l.vers[j] = append(vs, *e)
			rep.Clashed++
			return
		}
	} else if pe.Override {
		l.warn(p.Path, pe.Line, "%q overrides nothing: no earlier entry has that name (remove the override)", e.Term)
	}
	i := len(l.ents)
	l.ents = append(l.ents, e)
	l.from = append(l.from, origin{file: p.Path, line: pe.Line})
	l.pack = append(l.pack, pi)
	slot := int32(-1)
	if k < len(p.arena) {
		slot = int32(k)
	}
	l.slot = append(l.slot, slot)
	l.gone = append(l.gone, false)
	l.keys = append(l.keys, termKey)
	l.owner[termKey] = i
	rep.Loaded++
	if e.Acronym == "" && len(e.Aliases) == 0 {
		return
	}
	keepName := func(kind, name string) bool {
		k := Key(name)
		if k == "" || k == termKey {
			return k != ""
		}
		j, taken := l.owner[k]
		switch {
		case !taken:
			l.owner[k] = i
		case j == i:
		default:
			l.warn(p.Path, pe.Line, "%s %q is already a name of %q (%s); left out of %q", kind, name, l.ents[j].Term, l.from[j], e.Term)
			return false
		}
		return true
	}
	if e.Acronym != "" && !keepName("acronym", e.Acronym) {
		e.Acronym = ""
	}
	if len(e.Aliases) > 0 {
		kept := e.Aliases[:0:0]
		for _, a := range e.Aliases {
			if keepName("alias", a) {
				kept = append(kept, a)
			}
		}
		if len(kept) < len(e.Aliases) {
			if len(kept) == 0 {
				kept = nil
			}
			e.Aliases = kept
		}
	}
}

// drop removes entry j, freeing its names for the entry replacing it.
func (l *layering) drop(j int) {
	l.gone[j] = true
	for _, n := range l.ents[j].Names() {
		if k := Key(n); l.owner[k] == j {
			delete(l.owner, k)
		}
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

// brokenLink is a related name that resolves to nothing, or to the
// entry itself.
type brokenLink struct {
	from    origin
	term    string
	related string
	self    bool
}

// checkRelated skips pack entries whose related names resolve to no
// entry (or to themselves), until none is left: skipping one may break
// another's link. A built-in entry whose link an override broke loses
// that link instead.
func (l *layering) checkRelated() []brokenLink {
	var broken []brokenLink
	for changed := true; changed; {
		changed = false
		for i, e := range l.ents {
			if l.gone[i] || len(e.Related) == 0 {
				continue
			}
			for _, r := range e.Related {
				j, ok := l.owner[Key(r)]
				if ok && j != i {
					continue
				}
				broken = append(broken, brokenLink{from: l.from[i], term: e.Term, related: r, self: ok})
				if l.pack[i] < 0 {
					cp := *e
					cp.Related = slices.DeleteFunc(slices.Clone(e.Related), func(x string) bool { return x == r })
					l.ents[i] = &cp
					break
				}
				l.drop(i)
				l.rep[l.pack[i]].Loaded--
				l.rep[l.pack[i]].Skipped++
				changed = true
				break
			}
		}
	}
	return broken
}

func (l *layering) relatedProblem(g *Glossary, b brokenLink) {
	msg := fmt.Sprintf("related %q matches no term", b.related)
	if b.self {
		msg = fmt.Sprintf("related %q points to the entry itself", b.related)
	} else if s := g.Suggest(b.related, 1); len(s) > 0 {
		msg += fmt.Sprintf("; did you mean %q?", g.At(s[0]).Term)
	}
	if b.from.file == "" {
		// Only an override can break a built-in reference.
		l.warn(BuiltinPack, 0, "entry %q: %s (an override removed that name); the link is left out", b.term, msg)
		return
	}
	l.add(b.from.file, b.from.line, "%s", msg)
}

// result returns the merged glossary, sorted by term as New sorts. The
// name index is the owner map, renumbered.
func (l *layering) result() *Glossary {
	keep := make([]int, 0, len(l.ents))
	for i, gone := range l.gone {
		if !gone {
			keep = append(keep, i)
		}
	}
	slices.SortStableFunc(keep, func(a, b int) int { return strings.Compare(l.keys[a], l.keys[b]) })
	pos := make([]int, len(l.ents))
	for n, i := range keep {
		pos[i] = n
	}
	entries := l.inPlace(keep, pos)
	if entries == nil {
		entries = make([]Entry, len(keep))
		for n, i := range keep {
			entries[n] = *l.ents[i]
		}
	}
	for k, i := range l.owner {
		l.owner[k] = pos[i]
	}
	g := withIndex(entries, l.owner)
	if len(l.vers) > 0 {
		g.versions = make(map[int][]Entry, len(l.vers))
		for i, v := range l.vers {
			if !l.gone[i] {
				g.versions[pos[i]] = v
			}
		}
	}
	return g
}

// inPlace returns the merged entries, in the order keep gives (pos[i] is
// entry i's place), built in the largest pack's own arena rather than in
// a new array; nil when no pack's arena can be used. Each entry in the
// arena is moved at most once, following the cycles of the reordering;
// the other layers' entries then fill the places left.
func (l *layering) inPlace(keep, pos []int) []Entry {
	if !l.owned {
		return nil
	}
	big := int32(-1)
	for pi, p := range l.packs {
		if cap(p.arena) >= len(keep) && (big < 0 || len(p.arena) > len(l.packs[big].arena)) {
			big = int32(pi)
		}
	}
	// Only worth it for a pack that is most of the glossary; otherwise
	// the arena would hold more dropped entries than it saves.
	if big < 0 || 2*len(l.packs[big].arena) < len(keep) {
		return nil
	}
	arena := l.packs[big].arena
	dest := make([]int32, len(arena)) // where the entry in each slot goes; -1: nowhere (dropped, or moved already)
	for k := range dest {
		dest[k] = -1
	}
	for _, i := range keep {
		if l.pack[i] == big && l.slot[i] >= 0 {
			dest[l.slot[i]] = int32(pos[i])
		}
	}
	out := arena[:max(len(arena), len(keep))]
	for k := range arena {
		t := dest[k]
		if t < 0 || int(t) == k {
			continue
		}
		cur := out[k]
		dest[k] = -1
		for {
			if int(t) < len(arena) && dest[t] >= 0 {
				next := dest[t]
				out[t], cur = cur, out[t]
				dest[t] = -1
				t = next
				continue
			}
			out[t] = cur
			break
		}
	}
	for _, i := range keep {
		if l.pack[i] != big || l.slot[i] < 0 {
			out[pos[i]] = *l.ents[i]
		}
	}
	clear(out[len(keep):]) // moved or dropped entries: hold no strings
	l.packs[big].arena = nil
	return out[:len(keep)]
}
