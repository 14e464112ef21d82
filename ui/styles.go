package ui

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/lipgloss"
)

// palette is the one set of semantic colours every style derives from.
// Adaptive colours pick the light or dark variant from the renderer's
// background setting, which the program sets up front (see theme.go)
// rather than asking the terminal.
type palette struct {
	Accent, Subtle, Muted, Text, Match, Good, Bad, Warn, Border lipgloss.AdaptiveColor
}

func defaultPalette() palette {
	return palette{
		Accent: lipgloss.AdaptiveColor{Light: "#5A3FD9", Dark: "#A78BFA"},
		Subtle: lipgloss.AdaptiveColor{Light: "#6B7280", Dark: "#9CA3AF"},
		Muted:  lipgloss.AdaptiveColor{Light: "#9CA3AF", Dark: "#6B7280"},
		Text:   lipgloss.AdaptiveColor{Light: "#111827", Dark: "#E5E7EB"},
		Match:  lipgloss.AdaptiveColor{Light: "#B45309", Dark: "#FBBF24"},
		Good:   lipgloss.AdaptiveColor{Light: "#047857", Dark: "#34D399"},
		Bad:    lipgloss.AdaptiveColor{Light: "#B91C1C", Dark: "#F87171"},
		Warn:   lipgloss.AdaptiveColor{Light: "#A16207", Dark: "#FACC15"},
		Border: lipgloss.AdaptiveColor{Light: "#D1D5DB", Dark: "#4B5563"},
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
	}
	Quiz struct {
		Frame, Heading, Label, Value, Selected, Setting, Hint, Meta lipgloss.Style
		Prompt, Option, Right, Wrong, Typo, Back                    lipgloss.Style
		Error, Missed, SelectedMissed, Input                        lipgloss.Style
		// The progress bar draws with termenv, not lipgloss, so it takes
		// colours as strings picked for this renderer's background.
		BarFull, BarEmpty string
	}
	// Live is the classroom: the trainee's live round and the trainer's console.
	Live struct {
		Frame, Header, Countdown, Urgent, Prompt, Choice, Chosen, Cursor  lipgloss.Style
		Correct, Wrong, Bar, Muted, Status, Rank, Me, Title, Panel, Error lipgloss.Style
	}
	// Help styles the help bar in this renderer's colours (bubbles'
	// defaults would use the process-wide renderer).
	Help help.Styles
	// Plain is an unstyled style of this renderer, for sizing and clipping.
	Plain   lipgloss.Style
	Palette palette
}

// DefaultStyles builds the app's styles for one renderer. Each SSH
// session of the classroom server has its own renderer, so styles are
// built per renderer rather than once per process.
func DefaultStyles(r *lipgloss.Renderer) Styles {
	p := defaultPalette()
	var s Styles
	s.Palette = p
	s.Plain = r.NewStyle()
	ns := r.NewStyle
	key, desc, sep := ns().Foreground(p.Accent), ns().Foreground(p.Subtle), ns().Foreground(p.Muted)
	s.Help = help.Styles{ShortKey: key, FullKey: key, ShortDesc: desc, FullDesc: desc,
		ShortSeparator: sep, FullSeparator: sep, Ellipsis: sep}

	s.App.TabBar = ns().Padding(0, 1)
	s.App.Brand = ns().Bold(true).Foreground(p.Accent).PaddingRight(2)
	s.App.Tab = ns().Foreground(p.Subtle).Padding(0, 1)
	s.App.ActiveTab = ns().Bold(true).Foreground(p.Text).Background(p.Border).Padding(0, 1)
	s.App.Help = ns().Padding(0, 1)
	s.App.Error = ns().Foreground(p.Bad).Bold(true).Padding(0, 1)

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
	b.FocusedPane = b.Pane.BorderForeground(p.Accent)
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
	q.BarFull, q.BarEmpty = pick(r, p.Good), pick(r, p.Border)
	c := &s.Calculate
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
	return s
}

// pick is the variant of an adaptive colour for r's background.
func pick(r *lipgloss.Renderer, c lipgloss.AdaptiveColor) string {
	if r.HasDarkBackground() {
		return c.Dark
	}
	return c.Light
}
