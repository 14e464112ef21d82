package ui

import tea "charm.land/bubbletea/v2"

// Navigation travels as messages so a screen never reaches into its
// parent: a screen returns a command producing one of these, and the
// root model, which owns the trail of places, acts on it.

// place is somewhere the user can be: a screen, and what it shows there
// (a term's name on Browse, a metric's ID on Calculate; "" for the
// screen's home: Browse's list, Calculate's picker).
type place struct {
	screen Screen
	target string
}

// navigateMsg asks the root to go to a place, remembering where the
// user was so that back returns there.
type navigateMsg struct{ to place }

// backMsg asks the root to return to the place the user came from.
type backMsg struct{}

// navigateCmd is a command asking the root to go to p.
func navigateCmd(p place) tea.Cmd { return func() tea.Msg { return navigateMsg{to: p} } }

// backCmd asks the root to go back.
func backCmd() tea.Msg { return backMsg{} }
