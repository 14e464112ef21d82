package ui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/charmbracelet/x/ansi"
	"github.com/crm101/crm101/glossary"
)

// segment is a run of text drawn in one style. Rows are built from
// segments so that a run of matched letters costs one Render, not one
// per rune, and so rows can be cut to width before any styling.
type segment struct {
	text  string
	style *lipgloss.Style // nil: the row's base style
}

// highlight splits name into plain and matched runs. With marked (a
// terminal that shows no underline or colour) matched runs are also
// bracketed, so they still stand out: "[Cl]ienteling".
func highlight(name string, positions []int, match *lipgloss.Style, marked bool) []segment {
	if len(positions) == 0 {
		return []segment{{text: name}}
	}
	var segs []segment
	var run strings.Builder
	matched := false
	p := 0
	flush := func() {
		if run.Len() == 0 {
			return
		}
		s := segment{text: run.String()}
		if matched {
			s.style = match
			if marked {
				s.text = "[" + s.text + "]"
			}
		}
		segs = append(segs, s)
		run.Reset()
	}
	for i, r := range []rune(name) {
		isMatch := p < len(positions) && positions[p] == i
		if isMatch {
			p++
		}
		if isMatch != matched {
			flush()
			matched = isMatch
		}
		run.WriteRune(r)
	}
	flush()
	return segs
}

// truncate cuts segs to at most width cells, ending in "…" when cut.
func truncate(segs []segment, width int) []segment {
	out := make([]segment, 0, len(segs))
	used := 0
	for _, s := range segs {
		w := ansi.StringWidth(s.text)
		if used+w <= width {
			out = append(out, s)
			used += w
			continue
		}
		room := width - used - 1
		if room > 0 {
			out = append(out, segment{text: ansi.Truncate(s.text, room, ""), style: s.style})
		}
		if width-used >= 1 {
			out = append(out, segment{text: "…"})
		}
		break
	}
	return out
}

func segmentsWidth(segs []segment) int {
	w := 0
	for _, s := range segs {
		w += ansi.StringWidth(s.text)
	}
	return w
}

// rowSegments is one list row's label: the title with the matched name
// highlighted, plus the alias or "in definition" when that is what matched.
func (m browseModel) rowSegments(row int, selected bool) []segment {
	match := m.shown[row]
	e := m.g.At(match.Index)
	e.Term, e.Acronym = glossary.Printable(e.Term), glossary.Printable(e.Acronym)
	match.Name = glossary.Printable(match.Name)
	hl := &m.styles.Browse.Match
	if selected {
		hl = &m.styles.Browse.SelectedMatch
	}
	alias := &m.styles.Browse.Alias
	switch {
	case row < m.suggested:
		return []segment{{text: e.Title()}, {text: " · did you mean?", style: &m.styles.Browse.Suggest}}
	case match.Kind == glossary.InDefinition:
		return []segment{{text: e.Title()}, {text: " · in definition", style: alias}}
	case match.Name == "" || match.Name == e.Term:
		segs := highlight(e.Term, match.Positions, hl, m.styles.Markers)
		if e.Acronym != "" {
			segs = append(segs, segment{text: " (" + e.Acronym + ")"})
		}
		return segs
	case match.Name == e.Acronym:
		segs := []segment{{text: e.Term + " ("}}
		segs = append(segs, highlight(e.Acronym, match.Positions, hl, m.styles.Markers)...)
		return append(segs, segment{text: ")"})
	default:
		segs := []segment{{text: e.Title()}, {text: " · ", style: alias}}
		return append(segs, highlight(match.Name, match.Positions, hl, m.styles.Markers)...)
	}
}

// listView draws exactly listBox.h rows of listBox.w cells. Rows are
// padded by hand and only their coloured runs go through lipgloss: the
// list is most of a frame, and redrawn after every keystroke.
func (m browseModel) listView() string {
	b := &m.styles.Browse
	w, h := m.listBox.w, m.listBox.h
	if h <= 0 || w <= 0 {
		return ""
	}
	blank := strings.Repeat(" ", w)
	if len(m.shown) == 0 && m.searched {
		return m.emptyView(w, h)
	}
	const markerWidth = 2
	rows := make([]string, 0, h)
	end := min(len(m.shown), m.offset+h)
	for i := m.offset; i < end && w > markerWidth; i++ {
		selected := i == m.cursor
		marker, text := "  ", &b.Row
		if selected {
			marker, text = b.RowMarker.Render("│")+" ", &b.SelectedRow
		}
		inner := w - markerWidth
		label := m.rowSegments(i, selected)
		cat := string(m.g.At(m.shown[i].Index).Category)
		showCat := inner >= 40 && segmentsWidth(label)+len(cat)+2 <= inner
		if showCat {
			label = truncate(label, inner-len(cat)-2)
		} else {
			label = truncate(label, inner)
		}
		var sb strings.Builder
		sb.WriteString(marker)
		for _, seg := range label {
			style := seg.style
			if style == nil {
				style = text
			}
			sb.WriteString(style.Render(seg.text))
		}
		used := segmentsWidth(label)
		if showCat {
			sb.WriteString(strings.Repeat(" ", inner-used-len(cat)))
			sb.WriteString(b.Category.Render(cat))
			used = inner
		}
		sb.WriteString(blank[:inner-used])
		rows = append(rows, sb.String())
	}
	for len(rows) < h {
		rows = append(rows, blank)
	}
	return strings.Join(rows, "\n")
}

// emptyView explains an empty list.
func (m browseModel) emptyView(w, h int) string {
	msg := "No entries in this category."
	if q := strings.TrimSpace(m.input.Value()); q != "" {
		msg = fmt.Sprintf("Nothing matches “%s”.\nTry fewer letters, or ctrl+f for another category.", q)
	}
	return m.styles.Browse.Empty.Width(w).MaxWidth(w).Height(h).MaxHeight(h).Render(msg)
}
