package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/sahilm/fuzzy"

	"github.com/crm101/crm101/glossary"
)

// pickerFocus is the value of calculateModel.focus while the metric
// picker, not a form field, takes the keys.
const pickerFocus = -1

// calculateModel is the Calculate screen: a filterable metric picker and
// a form for the chosen metric whose result, formula with the user's
// numbers and guidance update as they type.
type calculateModel struct {
	styles  *Styles
	keys    calculateKeyMap
	metrics []glossary.Metric

	filter textinput.Model
	shown  []int // indexes into metrics that match the filter, best first
	cursor int   // selected row of shown

	current int                 // index into metrics of the metric in the form
	fields  []textinput.Model   // one per input of the current metric
	saved   map[string][]string // typed text of metrics left, so coming back restores it
	focus   int                 // field with focus, or pickerFocus

	calc glossary.Calculation
	errs glossary.FieldErrors // nil when calc is valid

	width, height int
}

func newCalculateModel(styles *Styles, metricID string) calculateModel {
	f := textinput.New()
	f.Prompt = "Metric › "
	f.Placeholder = "filter…"
	f.SetStyles(styles.Input.Filter)
	f.CharLimit = 40
	m := calculateModel{
		styles:  styles,
		keys:    defaultCalculateKeyMap(),
		metrics: glossary.AllMetrics(),
		filter:  f,
		saved:   map[string][]string{},
		focus:   pickerFocus,
	}
	m = m.refilter()
	m = m.load(0)
	if metricID != "" {
		m, _ = m.openMetric(metricID)
	} else {
		m.filter.Focus()
	}
	return m
}

// Update handles keys; everything else (cursor blinks) goes to the part
// with focus.
func (m calculateModel) Update(msg tea.Msg) (calculateModel, tea.Cmd) {
	if msg, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(msg, m.keys.Define):
			return m, m.defineCmd()
		case key.Matches(msg, m.keys.Return):
			return m, backCmd
		}
		if m.focus == pickerFocus {
			return m.handlePickerKey(msg)
		}
		return m.handleFormKey(msg)
	}
	var cmd tea.Cmd
	if m.focus == pickerFocus {
		m.filter, cmd = m.filter.Update(msg)
	} else {
		m.fields[m.focus], cmd = m.fields[m.focus].Update(msg)
	}
	return m, cmd
}

func (m calculateModel) handlePickerKey(msg tea.KeyPressMsg) (calculateModel, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.Up):
		return m.moveCursor(-1), nil
	case key.Matches(msg, m.keys.Down):
		return m.moveCursor(1), nil
	case key.Matches(msg, m.keys.Choose):
		if len(m.shown) == 0 {
			return m, nil
		}
		return m.focusField(0)
	}
	before := m.filter.Value()
	var cmd tea.Cmd
	m.filter, cmd = m.filter.Update(msg)
	if m.filter.Value() != before {
		m.cursor = 0
		m = m.refilter().moveCursor(0)
	}
	return m, cmd
}

func (m calculateModel) handleFormKey(msg tea.KeyPressMsg) (calculateModel, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.Back):
		return m.focusPicker()
	case key.Matches(msg, m.keys.Next): // past the last field, round to the first
		return m.focusField((m.focus + 1) % len(m.fields))
	case key.Matches(msg, m.keys.Prev):
		if m.focus == 0 {
			return m.focusPicker()
		}
		return m.focusField(m.focus - 1)
	}
	before := m.fields[m.focus].Value()
	var cmd tea.Cmd
	m.fields[m.focus], cmd = m.fields[m.focus].Update(msg)
	if m.fields[m.focus].Value() != before {
		m = m.recalc()
	}
	return m, cmd
}

// refilter lists the metrics matching the filter: all of them in
// catalogue order when it is empty, else those whose ID, name or term
// contains it, then fuzzy matches of the rest.
func (m calculateModel) refilter() calculateModel {
	q := strings.ToLower(strings.TrimSpace(m.filter.Value()))
	m.shown = m.shown[:0:0]
	names := make([]string, len(m.metrics))
	taken := make([]bool, len(m.metrics))
	for i, mt := range m.metrics {
		names[i] = strings.ToLower(mt.ID + " " + mt.Name() + " " + mt.Term)
		if strings.Contains(names[i], q) {
			m.shown = append(m.shown, i)
			taken[i] = true
		}
	}
	if q != "" {
		for _, fm := range fuzzy.Find(q, names) {
			if !taken[fm.Index] {
				m.shown = append(m.shown, fm.Index)
			}
		}
	}
	m.cursor = clamp(m.cursor, 0, max(0, len(m.shown)-1))
	return m
}

// moveCursor moves the picker's selection and shows that metric's form
// at once, so arrowing through the list previews each calculator.
func (m calculateModel) moveCursor(delta int) calculateModel {
	if len(m.shown) == 0 {
		return m
	}
	m.cursor = clamp(m.cursor+delta, 0, len(m.shown)-1)
	return m.load(m.shown[m.cursor])
}

// load puts metric i in the form, keeping what was typed for the metric
// it replaces so nothing typed is ever lost by looking elsewhere.
func (m calculateModel) load(i int) calculateModel {
	if m.fields != nil && i == m.current {
		return m
	}
	if m.fields != nil {
		m.saved = m.saveFields()
	}
	m.current = i
	mt := m.metrics[i]
	typed := m.saved[mt.ID]
	m.fields = make([]textinput.Model, len(mt.Inputs))
	for j, in := range mt.Inputs {
		m.fields[j] = m.newField(in)
		if j < len(typed) {
			m.fields[j].SetValue(typed[j])
		}
	}
	m = m.sizeFields()
	return m.recalc()
}

// saveFields returns a copy of saved with the current form's text added;
// a copy, because earlier copies of the model share the map.
func (m calculateModel) saveFields() map[string][]string {
	out := make(map[string][]string, len(m.saved)+1)
	for k, v := range m.saved {
		out[k] = v
	}
	typed := make([]string, len(m.fields))
	for j, f := range m.fields {
		typed[j] = f.Value()
	}
	out[m.metrics[m.current].ID] = typed
	return out
}

func (m calculateModel) newField(in glossary.Input) textinput.Model {
	f := textinput.New()
	f.Prompt = ""
	// "e.g." keeps a placeholder from passing for a typed value where
	// colour is off (NO_COLOR) and both look alike.
	f.Placeholder = "e.g. " + in.Placeholder
	if in.Optional {
		f.Placeholder = "blank = " + in.Kind.Format(in.Default)
	}
	f.SetStyles(m.styles.Input.Field)
	f.CharLimit = 40
	return f
}

// openMetric shows metric id with its first field focused: the way in
// from Browse and from `crm101 calc METRIC`. The filter is cleared so the
// metric is visible in the picker.
func (m calculateModel) openMetric(id string) (calculateModel, tea.Cmd) {
	if m.openMetricID() == id { // coming back to the form as it was left
		return m.focusField(m.focus)
	}
	for i, mt := range m.metrics {
		if mt.ID == id {
			m.filter.SetValue("")
			m = m.refilter()
			m.cursor = i
			m = m.load(i)
			return m.focusField(0)
		}
	}
	return m, nil
}

func (m calculateModel) focusField(i int) (calculateModel, tea.Cmd) {
	m.filter.Blur()
	for j := range m.fields {
		m.fields[j].Blur()
	}
	m.focus = i
	m.keys.setFormFocus(true)
	m = m.sizeFields() // a narrow screen's layout changes with focus
	return m, m.fields[i].Focus()
}

func (m calculateModel) focusPicker() (calculateModel, tea.Cmd) {
	for j := range m.fields {
		m.fields[j].Blur()
	}
	m.focus = pickerFocus
	m.keys.setFormFocus(false)
	m = m.sizeFields()
	return m, m.filter.Focus()
}

// recalc computes the metric from the fields' text. It runs only when a
// field changes, so View never computes.
func (m calculateModel) recalc() calculateModel {
	mt := m.metrics[m.current]
	raw := make(map[string]string, len(m.fields))
	for j, in := range mt.Inputs {
		raw[in.ID] = m.fields[j].Value()
	}
	c, err := mt.Calculate(raw)
	m.calc, m.errs = c, nil
	if err != nil {
		m.errs, _ = err.(glossary.FieldErrors)
		if m.errs == nil { // Calculate promises FieldErrors; keep the promise visible anyway
			m.errs = glossary.FieldErrors{{Msg: err.Error()}}
		}
	}
	return m
}

// defineCmd asks the root to open the glossary entry of the metric in
// the form (or highlighted in the picker); back on Browse returns here.
func (m calculateModel) defineCmd() tea.Cmd {
	term := m.metrics[m.current].Term
	return navigateCmd(place{screen: BrowseScreen, target: term})
}

// setSize lays the screen out for width×height cells.
// openMetricID is the metric whose form has focus, "" in the picker:
// the place back returns to.
func (m calculateModel) openMetricID() string {
	if m.focus == pickerFocus {
		return ""
	}
	return m.metrics[m.current].ID
}

// setCanReturn shows the back key only when there is a place to go back to.
func (m calculateModel) setCanReturn(ok bool) calculateModel {
	m.keys.canReturn = ok
	m.keys.setFormFocus(m.keys.form)
	return m
}

// restyle takes up new shared styles: text fields keep their own copies.
func (m calculateModel) restyle() calculateModel {
	m.filter.SetStyles(m.styles.Input.Filter)
	for j := range m.fields {
		m.fields[j].SetStyles(m.styles.Input.Field)
	}
	return m
}

func (m calculateModel) setSize(width, height int) calculateModel {
	m.width, m.height = width, height
	return m.sizeFields()
}

func (m calculateModel) sizeFields() calculateModel {
	l := m.layout()
	m.filter.SetWidth(max(1, l.picker.w-ansi.StringWidth(m.filter.Prompt)-1))
	for j := range m.fields {
		m.fields[j].SetWidth(max(1, l.fieldWidth-1))
	}
	return m
}
