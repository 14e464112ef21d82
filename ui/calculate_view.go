package ui

import (
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/charmbracelet/x/ansi"
	"github.com/crm101/crm101/glossary"
)

// calculateLayout is where the parts of Calculate go for one size.
type calculateLayout struct {
	picker, form box // a zero width hides the part
	labelWidth   int // the form's label column
	fieldWidth   int // one text field
}

// Below minCalcSideWidth the picker and the form take turns at the full
// width; the form's field never grows past maxFieldWidth so units stay
// next to the number they qualify.
const (
	minCalcSideWidth = 60
	minPickerWidth   = 20
	maxPickerWidth   = 28
	maxFieldWidth    = 18
	minFieldWidth    = 10 // "e.g. 5,000" before a label is cut short
	unitWidth        = 2  // "$ " before money fields
	minVisibleField  = 6  // digits a narrow pane still shows
	minLabelWidth    = 6  // "› gro…"
	markWidth        = 2  // "› " before the focused field's label
)

func (m calculateModel) layout() calculateLayout {
	var l calculateLayout
	switch {
	case m.width >= minCalcSideWidth:
		pw := clamp(m.width/3, minPickerWidth, maxPickerWidth)
		l.picker = box{x: 0, y: 0, w: pw, h: m.height}
		l.form = box{x: pw + 1, y: 0, w: m.width - pw - 1, h: m.height}
	case m.focus == pickerFocus:
		l.picker = box{w: m.width, h: m.height}
	default:
		l.form = box{w: m.width, h: m.height}
	}
	inner := max(0, l.form.w-m.styles.Calculate.Pane.GetHorizontalFrameSize())
	widest, suffix := 0, 0
	for _, in := range m.metrics[m.current].Inputs {
		widest = max(widest, ansi.StringWidth(in.Label))
		if unit := in.Kind.Unit(); unit != "" && in.Kind != glossary.KindMoney {
			suffix = max(suffix, 1+ansi.StringWidth(unit)) // " years", " %"
		}
	}
	// The label gives way before the number does: on a narrow pane it is
	// cut (to "› gro…" at least) so the field keeps room for its digits,
	// and narrower still the unit after the field goes first.
	if inner-minLabelWidth-unitWidth-suffix < minVisibleField {
		suffix = 0
	}
	l.labelWidth = min(widest+2+markWidth, max(inner/2, inner-unitWidth-suffix-minFieldWidth))
	l.labelWidth = max(min(l.labelWidth, inner-unitWidth-suffix-minVisibleField), min(minLabelWidth, inner))
	l.fieldWidth = clamp(inner-l.labelWidth-unitWidth-suffix, 1, maxFieldWidth)
	return l
}

// View draws the picker beside (or instead of) the form.
func (m calculateModel) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	l := m.layout()
	var parts []string
	if l.picker.w > 0 {
		parts = append(parts, m.pickerView(l.picker))
	}
	if l.form.w > 0 {
		if len(parts) > 0 {
			parts = append(parts, " ")
		}
		parts = append(parts, m.formView(l))
	}
	view := lipgloss.JoinHorizontal(lipgloss.Top, parts...)
	return m.styles.Plain.MaxWidth(m.width).MaxHeight(m.height).Render(view)
}

func (m calculateModel) pickerView(b box) string {
	s := &m.styles.Calculate
	rows := []string{m.styles.Plain.MaxWidth(b.w).Render(m.filter.View())}
	room := b.h - 1
	if len(m.shown) == 0 {
		msg := "No metric matches “" + strings.TrimSpace(m.filter.Value()) + "”."
		rows = append(rows, s.Empty.Width(b.w).Render(msg))
		return strings.Join(rows, "\n")
	}
	// Keep the selected row in view; the offset follows from the cursor
	// alone, so View changes nothing.
	offset := max(0, m.cursor-room+1)
	for i := offset; i < len(m.shown) && i < offset+room; i++ {
		style := s.Item
		if i == m.cursor {
			style = s.SelectedItem
		}
		name := m.metrics[m.shown[i]].Name()
		inner := max(1, b.w-style.GetHorizontalFrameSize())
		rows = append(rows, style.Width(b.w).MaxWidth(b.w).Render(ansi.Truncate(name, inner, "…")))
	}
	return strings.Join(rows, "\n")
}

func (m calculateModel) formView(l calculateLayout) string {
	s := &m.styles.Calculate
	pane := s.Pane
	if m.focus != pickerFocus {
		pane = s.FocusedPane
	}
	w := max(1, l.form.w-pane.GetHorizontalFrameSize())
	h := max(1, l.form.h-pane.GetVerticalFrameSize())
	mt := m.metrics[m.current]
	wrap := func(style lipgloss.Style, text string) string { return style.Width(w).Render(text) }

	header := splitLines(wrap(s.Title, mt.Term), wrap(s.Formula, mt.Formula()))
	fields := make([][]string, len(mt.Inputs))
	for j, in := range mt.Inputs {
		fields[j] = []string{m.styles.Plain.MaxWidth(w).Render(m.fieldRow(j, in, l))} // one line, however narrow
		if msg := m.shownError(j, in); msg != "" {
			indent := markWidth
			text := s.Error.Width(max(1, w-indent)).Render("✗ " + msg)
			fields[j] = append(fields[j], splitLines(m.styles.Plain.PaddingLeft(indent).Render(text))...)
		}
	}
	lines, hint := fitForm(header, fields, m.focus, splitLines(m.resultLines(mt, w)...), h)
	view := pane.Width(l.form.w).Height(l.form.h).MaxHeight(l.form.h).Render(strings.Join(lines, "\n"))
	if hint == "" {
		return view
	}
	border := s.PaneBorder
	if m.focus != pickerFocus {
		border = s.FocusedPaneBorder
	}
	return withBorderHint(view, hint, border, s.ScrollHint)
}

// fitForm lays the form out in h lines: the header, the fields and the
// result, a blank line between each. When they do not fit, the blank
// lines go first; then the result's first line still shows (the answer
// is what the form is for), the focused field stays in view, the rest
// scrolls, and hint says which way there is more.
func fitForm(header []string, fields [][]string, focus int, result []string, h int) (lines []string, hint string) {
	body, focusStart, focusEnd := formBody(header, fields, focus, true)
	if len(body)+1+len(result) <= h {
		return append(append(body, ""), result...), ""
	}
	// Too short: the blank lines go before any field or result line does.
	body, focusStart, focusEnd = formBody(header, fields, focus, false)
	result, _ = dropBlank(result, len(result))
	full := len(result)
	// The result gets up to half the pane, the fields the rest.
	result = result[:clamp(min(h/2, h-(focusEnd-focusStart)), min(1, full), full)]
	room := max(0, h-len(result))
	start := min(max(0, focusEnd-room), focusStart)
	end := min(len(body), start+room)
	lines = append([]string{}, body[start:end]...)
	lines = append(lines, result...)
	above, below := start > 0, end < len(body) || len(result) < full
	switch {
	case above && below:
		return lines, " more ↕ "
	case above:
		return lines, " more ↑ "
	case below:
		return lines, " more ↓ "
	}
	return lines, "" // it fits once the blank lines are gone
}

// formBody is the header, a blank line when spaced, and the fields, with
// the lines the focused field takes.
func formBody(header []string, fields [][]string, focus int, spaced bool) (body []string, focusStart, focusEnd int) {
	body = append([]string{}, header...)
	if spaced {
		body = append(body, "")
	}
	for j, f := range fields {
		if j == focus {
			focusStart, focusEnd = len(body), len(body)+len(f)
		}
		body = append(body, f...)
	}
	return body, focusStart, focusEnd
}

// fieldRow is "label  $ [text]  unit" for input j.
func (m calculateModel) fieldRow(j int, in glossary.Input, l calculateLayout) string {
	s := &m.styles.Calculate
	// The mark, not only colour, shows focus, so it survives NO_COLOR.
	label, mark := s.Label, "  "
	if j == m.focus {
		label, mark = s.FocusedLabel, "› "
	}
	// Money's unit reads before the number ("$ 5,000"), the others after.
	prefix, suffix := "  ", ""
	value := strings.TrimSpace(m.fields[j].Value())
	if unit := in.Kind.Unit(); in.Kind == glossary.KindMoney && !strings.HasPrefix(value, unit) {
		prefix = unit + " " // typed "$20,000" shows its own, once
	} else if unit != "" && in.Kind != glossary.KindMoney && !strings.HasSuffix(value, unit) {
		suffix = " " + unit
	}
	name := mark + ansi.Truncate(in.Label, max(1, l.labelWidth-markWidth-1), "…")
	return label.Width(l.labelWidth).Render(name) +
		s.Unit.Render(prefix) +
		m.styles.Plain.Width(l.fieldWidth).MaxWidth(l.fieldWidth).Render(m.fields[j].View()) +
		s.Unit.Render(suffix)
}

// shownError is the message to show under field j. An empty field says
// nothing yet: "is required" on a field the user has not reached would
// be nagging; the result area lists what is missing instead.
func (m calculateModel) shownError(j int, in glossary.Input) string {
	if strings.TrimSpace(m.fields[j].Value()) == "" {
		return ""
	}
	return m.errs.For(in.ID)
}

// resultLines are the result, the formula with the user's numbers and
// the guidance; or what is missing; or a pointer to the fields marked ✗.
func (m calculateModel) resultLines(mt glossary.Metric, w int) []string {
	s := &m.styles.Calculate
	wrap := func(style lipgloss.Style, text string) string { return style.Width(w).Render(text) }
	if m.errs == nil {
		head := mt.Name() + " = " + m.calc.Text
		if ansi.StringWidth(head) > w { // too narrow for both: the answer alone
			head = m.calc.Text
		}
		out := []string{
			wrap(s.Result, head),
			wrap(s.Filled, m.calc.Formula),
		}
		for _, n := range m.calc.Notes {
			out = append(out, wrap(s.Hint, "Note: "+n))
		}
		return append(out, "", wrap(s.Interpretation, m.calc.Interpretation))
	}
	var missing []string
	for j, in := range mt.Inputs {
		if !in.Optional && strings.TrimSpace(m.fields[j].Value()) == "" {
			missing = append(missing, in.Label)
		}
	}
	var out []string
	if len(missing) > 0 {
		out = append(out, wrap(s.Hint, "Fill in "+joinAnd(missing)+" to see the result."))
	} else {
		out = append(out, wrap(s.Hint, "Fix the field marked ✗ to see the result."))
	}
	for _, e := range m.errs {
		if e.Input == "" {
			out = append(out, wrap(s.Error, "✗ "+e.Msg))
		}
	}
	return out
}

// joinAnd writes a list as people do: "a", "a and b", "a, b and c".
func joinAnd(items []string) string {
	if len(items) <= 1 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}
