package ui

import "charm.land/bubbles/v2/key"

// globalKeyMap holds the keys the root handles on every screen. Screen
// switching uses function keys and alt+digit because every screen may
// have a text field focused, where plain letters and digits are typing.
type globalKeyMap struct {
	Browse, Calculate, Quiz, Help, Quit key.Binding
}

func defaultGlobalKeyMap() globalKeyMap {
	return globalKeyMap{
		Browse:    key.NewBinding(key.WithKeys("f1", "alt+1"), key.WithHelp("F1", "browse")),
		Calculate: key.NewBinding(key.WithKeys("f2", "alt+2"), key.WithHelp("F2", "calculate")),
		Quiz:      key.NewBinding(key.WithKeys("f3", "alt+3"), key.WithHelp("F3", "test yourself")),
		Help:      key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "more keys")),
		Quit:      key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
	}
}

// combinedHelp shows the active screen's keys first, then the global ones,
// so `?` always explains exactly what works where the user is.
type combinedHelp struct {
	screen interface {
		ShortHelp() []key.Binding
		FullHelp() [][]key.Binding
	}
	global globalKeyMap
}

func (c combinedHelp) globals() []key.Binding {
	return []key.Binding{c.global.Browse, c.global.Calculate, c.global.Quiz, c.global.Help, c.global.Quit}
}

// ShortHelp implements help.KeyMap.
func (c combinedHelp) ShortHelp() []key.Binding {
	return append(c.screen.ShortHelp(), c.global.Help, c.global.Quit)
}

// FullHelp implements help.KeyMap.
func (c combinedHelp) FullHelp() [][]key.Binding {
	return append(c.screen.FullHelp(), c.globals())
}

// browseKeyMap holds the Browse screen's keys. While the search box has
// focus only chorded keys act on the list; plain letters (vim keys, b, f,
// c) work once the detail pane has focus and nothing is being typed.
type browseKeyMap struct {
	Up, Down, PageUp, PageDown, Open, Clear, Category, PrevCategory key.Binding
	Back, Forward                                                   key.Binding
	ScrollUp, ScrollDown, Top, Bottom                               key.Binding
	NextRelated, PrevRelated, Follow, Calculate, Search, Close      key.Binding

	detail bool // the detail pane has focus
}

func defaultBrowseKeyMap() browseKeyMap {
	return browseKeyMap{
		Up:       key.NewBinding(key.WithKeys("up", "ctrl+p", "ctrl+k"), key.WithHelp("ctrl+k/j", "up/down")),
		Down:     key.NewBinding(key.WithKeys("down", "ctrl+n", "ctrl+j"), key.WithHelp("↑↓", "move")),
		PageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down")),
		Open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "read")),
		Clear:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear")),
		// ctrl+r, not ctrl+b: tmux keeps ctrl+b for itself.
		Category:     key.NewBinding(key.WithKeys("ctrl+f"), key.WithHelp("ctrl+f", "category")),
		PrevCategory: key.NewBinding(key.WithKeys("ctrl+r"), key.WithHelp("ctrl+r", "previous category")),
		Back:         key.NewBinding(key.WithKeys("alt+left", "ctrl+o"), key.WithHelp("alt+←", "back")),
		Forward:      key.NewBinding(key.WithKeys("alt+right"), key.WithHelp("alt+→", "forward")),

		ScrollUp:    key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("↑/k", "scroll up")),
		ScrollDown:  key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("↓/j", "scroll down")),
		Top:         key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g", "top")),
		Bottom:      key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G", "bottom")),
		NextRelated: key.NewBinding(key.WithKeys("tab", "l", "right"), key.WithHelp("tab", "next related")),
		PrevRelated: key.NewBinding(key.WithKeys("shift+tab", "h", "left"), key.WithHelp("shift+tab/h", "prev related")),
		Follow:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		// Calculate is enabled only while a metric entry is open.
		Calculate: key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "calculate"), key.WithDisabled()),
		Search:    key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search")),
		Close:     key.NewBinding(key.WithKeys("esc", "q"), key.WithHelp("esc", "list")),
	}
}

// setDetailFocus enables the keys of whichever pane has focus, so help
// lists only what works right now.
func (k *browseKeyMap) setDetailFocus(detail bool) {
	k.detail = detail
	for _, b := range []*key.Binding{&k.Up, &k.Down, &k.PageUp, &k.PageDown, &k.Open, &k.Clear, &k.Category, &k.PrevCategory} {
		b.SetEnabled(!detail)
	}
	for _, b := range []*key.Binding{&k.ScrollUp, &k.ScrollDown, &k.Top, &k.Bottom, &k.NextRelated, &k.PrevRelated, &k.Follow, &k.Search, &k.Close} {
		b.SetEnabled(detail)
	}
}

// ShortHelp implements help.KeyMap.
func (k browseKeyMap) ShortHelp() []key.Binding {
	if k.detail {
		return []key.Binding{k.NextRelated, k.Follow, k.Back, k.Calculate, k.Close}
	}
	return []key.Binding{k.Down, k.Open, k.Clear, k.Category}
}

// FullHelp implements help.KeyMap.
func (k browseKeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Open, k.Clear, k.Category, k.PrevCategory},
		{k.ScrollUp, k.ScrollDown, k.Top, k.Bottom, k.Search, k.Close},
		{k.NextRelated, k.PrevRelated, k.Follow, k.Back, k.Forward, k.Calculate},
	}
}
