package ui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/crm101/crm101/glossary"
)

// renderDetail rebuilds the detail pane's text for the open entry. It
// runs when the entry, the selected related term or the size changes,
// never from View, so scrolling and redraws stay cheap.
func (m browseModel) renderDetail() browseModel {
	m = m.relayout().syncCursor()
	m.keys.Follow.SetEnabled(m.detailFocus && m.related != noRelated)
	_, isMetric := m.openMetric()
	m.keys.Calculate.SetEnabled(isMetric && m.detailFocus)
	idx, ok := m.history.current()
	if !ok || m.detail.Width() <= 0 {
		m.detail.SetContent("")
		return m
	}
	var content string
	compact := m.layout().bare || m.detail.Height() < compactBelow
	content, m.relatedLine = m.detailContent(idx, min(m.detail.Width(), maxReadingWidth), compact)
	m.detail.SetContent(content)
	return m
}

// maxReadingWidth keeps lines of prose short enough to read on very
// wide terminals.
const maxReadingWidth = 88

// compactBelow is the pane height, in lines of text, under which an
// entry goes compact: name, category, spacing and the "Definition"
// heading would fill the pane before a word of the definition.
const compactBelow = 7

// detailContent is the entry as the pane shows it. Compact, for a
// terminal with a few rows, goes from the name straight to the
// definition.
// It also says on which line the selected related term is.
func (m browseModel) detailContent(idx, width int, compact bool) (content string, relatedLine int) {
	e := glossary.PrintableEntry(m.g.At(idx))
	b := &m.styles.Browse
	wrap := func(style lipgloss.Style, text string) string {
		return style.Width(width).Render(text)
	}
	title := b.Title.Render(e.Term)
	if e.Acronym != "" {
		title += " " + b.Acronym.Render("("+e.Acronym+")")
	}
	parts := []string{
		m.styles.Plain.Width(width).Render(title),
		wrap(b.Badge, categoryLine(e)),
		wrap(b.Heading, "Definition"),
		wrap(b.Body, e.Definition),
	}
	if compact {
		parts = []string{parts[0], parts[3]}
	}
	for _, v := range m.g.PackVersions(idx) { // a pack's own wording of a term it shares
		v = glossary.PrintableEntry(v)
		parts = append(parts, wrap(b.Heading, v.VersionLabel()), wrap(b.Body, v.Definition))
	}
	if len(e.Tags) > 0 {
		parts = append(parts, wrap(b.Badge, "Tags: "+strings.Join(e.Tags, ", ")))
	}
	if e.Example != "" {
		parts = append(parts, wrap(b.Heading, "Example"), wrap(b.Example, "“"+e.Example+"”"))
	}
	if e.Formula != "" {
		parts = append(parts, wrap(b.Heading, "Formula"), wrap(b.Formula, e.Formula))
	}
	if len(e.Related) > 0 {
		parts = append(parts, wrap(b.Heading, "Related"))
		for i, r := range e.Related {
			if i == m.related && m.detailFocus {
				relatedLine = lipgloss.Height(strings.Join(parts, "\n"))
				parts = append(parts, wrap(b.SelectedRelated, "› "+r))
			} else {
				parts = append(parts, wrap(b.Related, "  "+r))
			}
		}
	}
	for _, set := range m.g.Compare(e.Term) {
		parts = append(parts, wrap(b.Heading, "Compare"),
			wrap(b.Related, strings.Join(set.Members, " · ")), wrap(b.Body, set.Distinction))
	}
	if len(e.Sources) > 0 {
		parts = append(parts, wrap(b.Heading, "Sources"), wrap(b.Sources, strings.Join(e.Sources, ", ")))
	}
	if e.BeyondSources {
		parts = append(parts, wrap(b.Note, "Added by crm101 beyond the source documents."))
	}
	if e.Pack != "" {
		parts = append(parts, wrap(b.Note, "From pack: "+e.Pack))
	}
	return strings.Join(parts, "\n"), relatedLine
}

func categoryLine(e glossary.Entry) string {
	line := string(e.Category)
	if len(e.Aliases) > 0 {
		line += fmt.Sprintf(" · also: %s", strings.Join(e.Aliases, ", "))
	}
	return line
}

// View draws the search box, the filter line, the list and the pane.
func (m browseModel) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	l := m.layout()
	header := []string{m.styles.Plain.MaxWidth(m.width).Render(m.input.View())}
	if l.header > 1 {
		header = append(header, m.filterLine())
	}
	list := m.listView() // exactly l.list.w × l.list.h
	body := list
	if l.bare && l.detail.h > 0 {
		detail := m.styles.Plain.MaxHeight(l.detail.h).Render(m.detail.View())
		body = detail
		if l.list.h > 0 {
			body = lipgloss.JoinVertical(lipgloss.Left, list, detail)
		}
	} else if l.detail.h >= minPaneHeight && l.detail.w > m.styles.Browse.Pane.GetHorizontalFrameSize() {
		pane := m.styles.Browse.Pane
		if m.detailFocus {
			pane = m.styles.Browse.FocusedPane
		}
		detail := pane.Width(l.detail.w).Height(l.detail.h).
			Render(m.detail.View())
		detail = m.withScrollHint(detail)
		if l.side {
			body = lipgloss.JoinHorizontal(lipgloss.Top, list, " ", detail)
		} else {
			body = lipgloss.JoinVertical(lipgloss.Left, list, detail)
		}
	}
	return lipgloss.JoinVertical(lipgloss.Left, append(header, body)...)
}

// withScrollHint writes how far the entry is scrolled into the pane's
// bottom border when the text is longer than the pane.
func (m browseModel) withScrollHint(pane string) string {
	if m.detail.TotalLineCount() <= m.detail.Height() {
		return pane
	}
	hint := fmt.Sprintf(" %d%% ", int(m.detail.ScrollPercent()*100))
	switch {
	case m.detail.AtTop():
		hint = " more ↓ "
	case m.detail.AtBottom():
		hint = " end "
	}
	border := m.styles.Browse.PaneBorder
	if m.detailFocus {
		border = m.styles.Browse.FocusedPaneBorder
	}
	return withBorderHint(pane, hint, border, m.styles.Browse.ScrollHint)
}

// filterLine shows the category filter and how many entries are listed.
func (m browseModel) filterLine() string {
	b := &m.styles.Browse
	names := append([]string{"All"}, m.categoryNames()...)
	parts := make([]string, len(names))
	for i, n := range names {
		if i == m.category {
			parts[i] = b.FilterActive.Render(n)
		} else {
			parts[i] = b.Filter.Render(n)
		}
	}
	count := b.Count.Render(fmt.Sprintf("%d/%d", len(m.shown), m.g.Len()))
	line := strings.Join(parts, b.Filter.Render(" · "))
	if lipgloss.Width(line)+lipgloss.Width(count)+2 > m.width {
		line = b.FilterActive.Render(names[m.category]) + b.Filter.Render(" (ctrl+f)")
	}
	gap := max(1, m.width-lipgloss.Width(line)-lipgloss.Width(count))
	return m.styles.Plain.MaxWidth(m.width).Render(line + strings.Repeat(" ", gap) + count)
}

func (m browseModel) categoryNames() []string {
	cats := m.g.Categories()
	names := make([]string, len(cats))
	for i, c := range cats {
		names[i] = string(c)
	}
	return names
}
