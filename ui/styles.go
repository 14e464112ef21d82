package ui

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// palette is the one set of semantic colours every style derives from,
// each picked for the background's darkness (see theme.go).
type palette struct {
	Accent, Subtle, Muted, Text, Match, Good, Bad, Warn, Border color.Color
}

func newPalette(dark bool) palette {
	c := func(light, dark string) color.Color { return lipgloss.Color(light) }
	if dark {
		c = func(_, dark string) color.Color { return lipgloss.Color(dark) }
	}
	return palette{
		Accent: c("#5A3FD9", "#A78BFA"),
		Subtle: c("#6B7280", "#9CA3AF"),
		Muted:  c("#9CA3AF", "#6B7280"),
		Text:   c("#111827", "#E5E7EB"),
		Match:  c("#B45309", "#FBBF24"),
		Good:   c("#047857", "#34D399"),
		Bad:    c("#B91C1C", "#F87171"),
		Warn:   c("#A16207", "#FACC15"),
		Border: c("#D1D5DB", "#4B5563"),
	}
}

// Styles holds every style of the app, grouped by the part that uses it.
// Views only read from it; nothing calls lipgloss.NewStyle while drawing.
type Styles struct {
	App struct {
		TabBar, Tab, ActiveTab, Brand, Help, Error lipgloss.Style
	}
	Browse struct {
		SearchPrompt, SearchText, Placeholder, Filter, FilterActive, Count lipgloss.Style
		Item, SelectedItem, Match, SelectedMatch, Category, Alias          lipgloss.Style
		Pane, FocusedPane, Title, Acronym, Badge, Heading, Body, Example   lipgloss.Style
		Formula, Related, SelectedRelated, Sources, Note, Empty, Suggest   lipgloss.Style
		PaneBorder, FocusedPaneBorder, ScrollHint                          lipgloss.Style
		Row, SelectedRow, RowMarker                                        lipgloss.Style
	}
	Calculate struct {
		FilterPrompt, Text, Placeholder, Item, SelectedItem, Empty   lipgloss.Style
		Pane, FocusedPane, Title, Formula, Label, FocusedLabel, Unit lipgloss.Style
		Error, Result, Filled, Interpretation, Hint                  lipgloss.Style
		PaneBorder, FocusedPaneBorder, ScrollHint                    lipgloss.Style
	}
	Quiz struct {
		Frame, Heading, Label, Value, Selected, Setting, Hint, Meta lipgloss.Style
		Prompt, Option, Right, Wrong, Typo, Back                    lipgloss.Style
		Error, Missed, SelectedMissed, Input                        lipgloss.Style
		// The progress bar takes its colours, not a style.
		BarFull, BarEmpty color.Color
	}
	// Live is the classroom: the trainee's live round and the trainer's console.
	Live struct {
		Frame, Header, Countdown, Urgent, Prompt, Choice, Chosen, Cursor  lipgloss.Style
		Correct, Wrong, Bar, Muted, Status, Rank, Me, Title, Panel, Error lipgloss.Style
	}
	// Input styles the text fields: Browse's search, Calculate's filter
	// and form fields, and the quiz's answer line.
	Input struct {
		Search, Filter, Field, Answer textinput.Styles
	}
	// Help styles the help bar in our palette.
	Help help.Styles
	// Plain is an unstyled style, for sizing and clipping.
	Plain   lipgloss.Style
	Palette palette
	Dark    bool // the background these styles were built for
	// Markers asks views for textual markers where a terminal shows no
	// colour, bold, underline or reverse (TERM=dumb): "[Browse]" for the
	// active tab, "[cl]" around matched letters.
	Markers bool
}

// NewStyles builds the app's styles for a dark or light background.
// Colour depth is not decided here: Bubble Tea downsamples (or drops)
// colours for each terminal, over SSH per session.
//
// It is built on the heap, one part at a time: a Style is 648 bytes and
// each call in a chain returns a copy, so one function building all of
// them needed a 180 KB stack frame. Views borrow a part by pointer
// (b := &m.styles.Browse) rather than copy its 20 KB on every draw.
func NewStyles(dark bool) *Styles {
	p := newPalette(dark)
	s := &Styles{Palette: p, Dark: dark, Plain: lipgloss.NewStyle()}
	s.Help = helpStyles(p)
	s.setApp(p)
	s.setBrowse(p)
	s.setQuiz(p)
	s.setCalculate(p)
	s.setInputs(p)
	s.setLive(p)
	return s
}

var ns = lipgloss.NewStyle

func helpStyles(p palette) help.Styles {
	key, desc, sep := ns().Foreground(p.Accent), ns().Foreground(p.Subtle), ns().Foreground(p.Muted)
	return help.Styles{ShortKey: key, FullKey: key, ShortDesc: desc, FullDesc: desc,
		ShortSeparator: sep, FullSeparator: sep, Ellipsis: sep}
}

func (s *Styles) setApp(p palette) {
	s.App.TabBar = ns().Padding(0, 1)
	s.App.Brand = ns().Bold(true).Foreground(p.Accent).PaddingRight(2)
	s.App.Tab = ns().Foreground(p.Subtle).Padding(0, 1)
	s.App.ActiveTab = ns().Bold(true).Foreground(p.Text).Background(p.Border).Padding(0, 1)
	s.App.Help = ns().Padding(0, 1)
	s.App.Error = ns().Foreground(p.Bad).Bold(true).Padding(0, 1)
}

func (s *Styles) setBrowse(p palette) {
	b := &s.Browse
	b.SearchPrompt = ns().Foreground(p.Accent).Bold(true)
	b.SearchText = ns().Foreground(p.Text)
	b.Placeholder = ns().Foreground(p.Muted)
	b.Filter = ns().Foreground(p.Subtle)
	b.FilterActive = ns().Foreground(p.Accent).Bold(true)
	b.Count = ns().Foreground(p.Muted)
	b.Item = ns().Foreground(p.Text).PaddingLeft(2)
	b.SelectedItem = ns().Foreground(p.Accent).Bold(true).Border(lipgloss.NormalBorder(), false, false, false, true).BorderForeground(p.Accent).PaddingLeft(1)
	b.Match = ns().Foreground(p.Match).Underline(true)
	b.SelectedMatch = ns().Foreground(p.Match).Bold(true).Underline(true)
	b.Category = ns().Foreground(p.Muted)
	b.Alias = ns().Foreground(p.Subtle).Italic(true)
	b.Pane = ns().Border(lipgloss.RoundedBorder()).BorderForeground(p.Border).Padding(0, 1)
	// A thick border, not only a colour, shows which pane has focus, so
	// it shows under NO_COLOR and on a dumb terminal too.
	b.FocusedPane = b.Pane.Border(lipgloss.ThickBorder()).BorderForeground(p.Accent)
	b.Row = ns().Foreground(p.Text)
	b.SelectedRow = ns().Foreground(p.Accent).Bold(true)
	b.RowMarker = ns().Foreground(p.Accent)
	b.PaneBorder = ns().Foreground(p.Border)
	b.FocusedPaneBorder = ns().Foreground(p.Accent)
	b.ScrollHint = ns().Foreground(p.Subtle)
	b.Title = ns().Bold(true).Foreground(p.Text)
	b.Acronym = ns().Bold(true).Foreground(p.Accent)
	b.Badge = ns().Foreground(p.Subtle).Italic(true)
	b.Heading = ns().Bold(true).Foreground(p.Accent).MarginTop(1)
	b.Body = ns().Foreground(p.Text)
	b.Example = ns().Foreground(p.Subtle).Italic(true)
	b.Formula = ns().Foreground(p.Good)
	b.Related = ns().Foreground(p.Text)
	b.SelectedRelated = ns().Foreground(p.Accent).Bold(true).Underline(true)
	b.Sources = ns().Foreground(p.Muted)
	b.Note = ns().Foreground(p.Warn).Italic(true)
	b.Empty = ns().Foreground(p.Subtle).Padding(1, 2)
	b.Suggest = ns().Foreground(p.Accent).Bold(true)
}

func (s *Styles) setQuiz(p palette) {
	q := &s.Quiz
	q.Frame = ns().Padding(0, 1)
	q.Heading = ns().Bold(true).Foreground(p.Accent)
	q.Label = ns().Foreground(p.Subtle)
	q.Value = ns().Bold(true).Foreground(p.Text)
	q.Setting = ns().Foreground(p.Text).PaddingLeft(2)
	q.Selected = ns().Foreground(p.Accent).Bold(true).Border(lipgloss.NormalBorder(), false, false, false, true).BorderForeground(p.Accent).PaddingLeft(1)
	q.Hint = ns().Foreground(p.Subtle).Italic(true)
	q.Meta = ns().Foreground(p.Muted)
	q.Prompt = ns().Bold(true).Foreground(p.Text)
	q.Option = ns().Foreground(p.Text)
	q.Right = ns().Bold(true).Foreground(p.Good)
	q.Wrong = ns().Bold(true).Foreground(p.Bad)
	q.Typo = ns().Foreground(p.Warn).Italic(true)
	q.Back = ns().Foreground(p.Text)
	q.Error = ns().Bold(true).Foreground(p.Bad)
	q.Missed = ns().Foreground(p.Text).PaddingLeft(2)
	q.SelectedMissed = q.Selected
	q.Input = ns().Foreground(p.Text)
	q.BarFull, q.BarEmpty = p.Good, p.Border
}

// setCalculate shares Browse's list and panes, so it comes after it.
func (s *Styles) setCalculate(p palette) {
	b, c := &s.Browse, &s.Calculate
	c.FilterPrompt = b.SearchPrompt
	c.Text = ns().Foreground(p.Text)
	c.Placeholder = ns().Foreground(p.Muted)
	c.Item = b.Item
	c.SelectedItem = b.SelectedItem
	c.Empty = b.Empty
	c.Pane = b.Pane
	c.FocusedPane = b.FocusedPane
	c.Title = ns().Bold(true).Foreground(p.Text)
	c.Formula = ns().Foreground(p.Subtle)
	c.Label = ns().Foreground(p.Subtle)
	c.FocusedLabel = ns().Foreground(p.Accent).Bold(true)
	c.Unit = ns().Foreground(p.Subtle)
	c.Error = ns().Foreground(p.Bad)
	c.Result = ns().Bold(true).Foreground(p.Good)
	c.Filled = ns().Foreground(p.Good)
	c.Interpretation = ns().Foreground(p.Text).Italic(true)
	c.Hint = ns().Foreground(p.Subtle).Italic(true)
	c.PaneBorder, c.FocusedPaneBorder, c.ScrollHint = b.PaneBorder, b.FocusedPaneBorder, b.ScrollHint
}

// setInputs styles the text fields after the screens they sit on.
func (s *Styles) setInputs(p palette) {
	b, c, q, in := &s.Browse, &s.Calculate, &s.Quiz, &s.Input
	in.Search = inputStyles(b.SearchPrompt, b.SearchText, b.Placeholder, p.Accent)
	in.Filter = inputStyles(c.FilterPrompt, c.Text, c.Placeholder, p.Accent)
	in.Field = inputStyles(s.Plain, c.Text, c.Placeholder, p.Accent)
	in.Answer = inputStyles(q.Heading, q.Input, b.Placeholder, p.Accent)
}

func (s *Styles) setLive(p palette) {
	l := &s.Live
	l.Frame = ns().Padding(1, 2)
	l.Header = ns().Bold(true).Foreground(p.Accent)
	l.Countdown = ns().Bold(true).Foreground(p.Good)
	l.Urgent = ns().Bold(true).Foreground(p.Bad)
	l.Prompt = ns().Foreground(p.Text).MarginTop(1).MarginBottom(1)
	l.Choice = ns().Foreground(p.Text).PaddingLeft(2)
	l.Chosen = ns().Foreground(p.Accent).Bold(true).PaddingLeft(2)
	l.Cursor = ns().Foreground(p.Accent).Bold(true).Border(lipgloss.NormalBorder(), false, false, false, true).BorderForeground(p.Accent).PaddingLeft(1)
	l.Correct = ns().Foreground(p.Good).Bold(true)
	l.Wrong = ns().Foreground(p.Bad)
	l.Bar = ns().Foreground(p.Accent)
	l.Muted = ns().Foreground(p.Muted)
	l.Status = ns().Foreground(p.Subtle).MarginTop(1)
	l.Rank = ns().Foreground(p.Subtle)
	l.Me = ns().Foreground(p.Accent).Bold(true)
	l.Title = ns().Bold(true).Foreground(p.Text).MarginTop(1)
	l.Panel = ns().Border(lipgloss.RoundedBorder()).BorderForeground(p.Border).Padding(0, 1)
	l.Error = ns().Foreground(p.Bad).Bold(true)
}

// inputStyles styles a text field the same focused or not: which field
// has focus shows in its label and pane, not in the text. The cursor is
// steady: a blinking one redraws the whole screen twice a second for
// nothing, which a classroom of SSH sessions pays two hundred times over.
func inputStyles(prompt, text, placeholder lipgloss.Style, cursor color.Color) textinput.Styles {
	state := textinput.StyleState{Prompt: prompt, Text: text, Placeholder: placeholder, Suggestion: placeholder}
	return textinput.Styles{
		Focused: state,
		Blurred: state,
		Cursor:  textinput.CursorStyle{Color: cursor, Shape: tea.CursorBlock, Blink: false},
	}
}
