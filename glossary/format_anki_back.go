package glossary

import (
	"fmt"
	"strings"
)

// The Back field of a note crm101 writes holds the definition, then a
// rule and one labelled line per extra field ("<b>Example:</b> …");
// readBack takes such a field apart again, and also a hand-written one.

// ankiLabels are the labelled lines of a Back field, in export order.
var ankiLabels = []struct{ label, field string }{
	{"Acronym", "acronym"}, {"Also", "aliases"}, {"Example", "example"},
	{"Formula", "formula"}, {"Related", "related"}, {"Sources", "sources"},
}

// ankiBack is the Back field: the definition, then a rule and one
// labelled line per extra field, as readBack expects.
func ankiBack(e Entry) (string, error) {
	lists, err := joinLists(e)
	if err != nil {
		return "", err
	}
	values := map[string]string{
		"acronym": e.Acronym, "aliases": lists[0], "example": e.Example,
		"formula": e.Formula, "related": lists[1], "sources": lists[2],
	}
	var lines []string
	for _, l := range ankiLabels {
		v := values[l.field]
		if v == "" {
			continue
		}
		if strings.Contains(v, "\n") {
			return "", fmt.Errorf("export %q to Anki: the %s has a line break, which the Back field cannot keep", e.Term, strings.ToLower(l.label))
		}
		lines = append(lines, "<b>"+l.label+":</b> "+toHTML(v))
	}
	back := toHTML(e.Definition)
	var plain fileEntry
	readBack(back, true, &plain)
	if len(lines) > 0 || plain.Definition != e.Definition {
		// The rule also guards a definition whose last paragraph looks
		// like labelled lines from being read back as fields.
		back += ankiRule + strings.Join(lines, "<br>")
	}
	return back, nil
}

// ankiRule separates the definition from the labelled lines in the
// Back fields crm101 writes: a rule shows as a line in Anki and cannot
// occur in escaped text, so no definition is ever misread.
const ankiRule = "<hr>"

// readBack splits a Back field into the definition and labelled lines
// ("Example: …"): after the last <hr> when there is one, else after the
// last blank line, as a person writing a deck by hand would put them.
// When any line there is not a known label, the whole field is the
// definition: a foreign deck's back is never cut in the middle.
func readBack(raw string, isHTML bool, fe *fileEntry) {
	text := raw
	if isHTML {
		text = stripHTML(raw)
		if i := strings.LastIndex(raw, ankiRule); i >= 0 {
			if pairs, ok := labelled(stripHTML(raw[i+len(ankiRule):])); ok {
				fe.Definition = stripHTML(raw[:i])
				for _, p := range pairs {
					fe.set(p[0], p[1])
				}
				return
			}
			fe.Definition = text
			return
		}
	}
	fe.Definition = text
	if i := strings.LastIndex(text, "\n\n"); i >= 0 {
		if pairs, ok := labelled(text[i+2:]); ok {
			fe.Definition = text[:i]
			for _, p := range pairs {
				fe.set(p[0], p[1])
			}
		}
	}
}

// labelled reads "Label: value" lines into (field, value) pairs, and
// fails on any other line. No lines at all is a success.
func labelled(text string) ([][2]string, bool) {
	var pairs [][2]string
	if strings.TrimSpace(text) == "" {
		return nil, true
	}
	for _, l := range strings.Split(text, "\n") {
		label, value, ok := strings.Cut(l, ":")
		field := ""
		for _, al := range ankiLabels {
			if ok && strings.EqualFold(strings.TrimSpace(label), al.label) {
				field = al.field
			}
		}
		if field == "" {
			return nil, false
		}
		pairs = append(pairs, [2]string{field, strings.TrimSpace(value)})
	}
	return pairs, true
}
