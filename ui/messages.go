package ui

// Navigation travels as messages so a screen never reaches into its
// parent: a screen returns a command producing one of these, and the
// root model acts on it.

// switchScreenMsg asks the root to show another screen.
type switchScreenMsg struct{ to Screen }

// openTermMsg asks the root to show Browse with the entry named term open
// in the detail pane; back then returns to the screen that sent it.
type openTermMsg struct {
	term string
	from Screen
}

// openMetricMsg asks the root to show Calculate on the metric with id.
type openMetricMsg struct{ id string }
