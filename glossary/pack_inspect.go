package glossary

// Inspection is what deck inspect shows about one pack before anything
// uses it: how the file was read, its first notes as crm101 reads them,
// and what layering would do with them.
type Inspection struct {
	Path   string `json:"path"`
	Layout Layout `json:"layout"`
	// Notes are the first InspectNotes notes in file order.
	Notes    []InspectedNote `json:"notes"`
	Report   PackReport      `json:"counts"`
	Problems PackProblems    `json:"problems"`
	Warnings PackProblems    `json:"warnings"`
	// Refused: the pack cannot be used at all (see Problems).
	Refused bool `json:"refused"`
}

// InspectedNote is one note as crm101 reads it.
type InspectedNote struct {
	Line     int   `json:"line"`
	Entry    Entry `json:"entry"`
	Override bool  `json:"override,omitempty"`
	// Skipped: the note has a problem and a lenient load leaves it out.
	Skipped bool `json:"skipped,omitempty"`
}

// InspectNotes is how many notes Inspect shows.
const InspectNotes = 5

// Inspect reads the pack at path and layers it alone over base (nil:
// no base), reporting everything without loading anything.
func Inspect(base *Glossary, path string, opts ReadOptions) Inspection {
	in := Inspection{Path: path}
	p, ps := ReadPackWith(path, opts)
	in.Problems = ps
	if p == nil {
		in.Refused = true
		return in
	}
	in.Layout = p.Layout
	for _, pe := range p.Entries[:min(len(p.Entries), InspectNotes)] {
		e := *pe.Entry
		e.Aliases = append([]string(nil), e.Aliases...) // layering may drop one
		in.Notes = append(in.Notes, InspectedNote{Line: pe.Line, Entry: e, Override: pe.Override, Skipped: pe.bad})
	}
	g, rep, lps := layerPacks(base, []*Pack{p}, false)
	in.Problems = append(in.Problems, lps...)
	in.Warnings = rep.Warnings
	sortProblems(in.Problems)
	sortProblems(in.Warnings)
	if len(rep.Packs) > 0 {
		in.Report = rep.Packs[0]
	}
	in.Refused = g == nil || p.fatal
	return in
}
