package ui

import "charm.land/bubbles/v2/key"

// calculateKeyMap holds the Calculate screen's keys. Both the picker's
// filter and the form's fields take typing, so every action is a special
// or chorded key; plain letters and digits are always text.
type calculateKeyMap struct {
	Up, Down, Choose, Next, Prev, Back, Define, Return key.Binding

	form      bool // a form field has focus (else the metric picker)
	canReturn bool // there is a place to go back to (the root's trail)
}

func defaultCalculateKeyMap() calculateKeyMap {
	k := calculateKeyMap{
		Up:     key.NewBinding(key.WithKeys("up", "ctrl+p", "ctrl+k"), key.WithHelp("↑", "up")),
		Down:   key.NewBinding(key.WithKeys("down", "ctrl+n", "ctrl+j"), key.WithHelp("↑↓", "choose metric")),
		Choose: key.NewBinding(key.WithKeys("enter", "tab"), key.WithHelp("enter", "fill in")),
		Next:   key.NewBinding(key.WithKeys("tab", "down", "enter"), key.WithHelp("tab", "next field")),
		Prev:   key.NewBinding(key.WithKeys("shift+tab", "up"), key.WithHelp("shift+tab", "previous")),
		Back:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "metrics")),
		Define: key.NewBinding(key.WithKeys("ctrl+g"), key.WithHelp("ctrl+g", "glossary")),
		Return: key.NewBinding(key.WithKeys("alt+left", "ctrl+o"), key.WithHelp("alt+←", "back")),
	}
	k.setFormFocus(false)
	return k
}

// setFormFocus enables the keys of whichever part has focus, so help lists
// only what works now and a key shared by both parts (tab, ↑↓) has one
// meaning at a time.
func (k *calculateKeyMap) setFormFocus(form bool) {
	k.form = form
	k.Up.SetEnabled(!form)
	k.Down.SetEnabled(!form)
	k.Choose.SetEnabled(!form)
	k.Next.SetEnabled(form)
	k.Prev.SetEnabled(form)
	k.Back.SetEnabled(form)
	k.Return.SetEnabled(k.canReturn)
}

// ShortHelp implements help.KeyMap.
func (k calculateKeyMap) ShortHelp() []key.Binding {
	if k.form {
		return []key.Binding{k.Next, k.Define, k.Back, k.Return}
	}
	return []key.Binding{k.Down, k.Choose, k.Define, k.Return}
}

// FullHelp implements help.KeyMap.
func (k calculateKeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.Choose}, {k.Next, k.Prev, k.Back, k.Define, k.Return}}
}
