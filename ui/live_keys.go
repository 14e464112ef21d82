package ui

import "charm.land/bubbles/v2/key"

// liveKeyMap holds the trainee's keys during a live round. Digits and
// letters pick a choice directly, as on a quiz-show keypad; arrows and
// enter work for those who prefer to look before they leap.
type liveKeyMap struct {
	Pick, Up, Down, Answer, Back key.Binding
}

func defaultLiveKeyMap() liveKeyMap {
	return liveKeyMap{
		Pick:   key.NewBinding(key.WithKeys("1", "2", "3", "4", "a", "b", "c", "d"), key.WithHelp("1-4", "answer")),
		Up:     key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑↓", "choose")),
		Down:   key.NewBinding(key.WithKeys("down", "j")),
		Answer: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "answer")),
		Back:   key.NewBinding(key.WithKeys("enter", "esc"), key.WithHelp("enter", "back to the app")),
	}
}

// ShortHelp implements help.KeyMap.
func (k liveKeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Pick, k.Up, k.Answer, k.Back} }

// FullHelp implements help.KeyMap.
func (k liveKeyMap) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// trainerKeyMap holds the trainer console's keys.
type trainerKeyMap struct {
	Start, Stop, Pause, Skip, More, Fewer, Cohort, Quit key.Binding
	// Pick moves the selection through the trainees in the room; Remove
	// asks to remove the selected one, Confirm and Cancel answer it.
	Pick, Remove, Confirm, Cancel key.Binding
	// Rename asks for a new name for the selected trainee; Save gives
	// it and Back gives up. While the name is typed only those three
	// and Quit are enabled: every other key is text.
	Rename, Save, Back key.Binding
}

func defaultTrainerKeyMap() trainerKeyMap {
	return trainerKeyMap{
		Start:  key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "start round")),
		Stop:   key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "stop round")),
		Pause:  key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "pause/resume")),
		Skip:   key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "skip to next")),
		More:   key.NewBinding(key.WithKeys("+", "="), key.WithHelp("+/-", "questions")),
		Fewer:  key.NewBinding(key.WithKeys("-")),
		Cohort: key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "cohort")),
		Quit:   key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
		Pick:   key.NewBinding(key.WithKeys("tab", "shift+tab"), key.WithHelp("tab", "pick trainee")),
		Remove: key.NewBinding(key.WithKeys("delete", "D"), key.WithHelp("D", "remove trainee")),
		// Confirm and Cancel are only enabled while a removal is asked.
		Confirm: key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "remove")),
		Cancel:  key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n", "keep")),
		Rename:  key.NewBinding(key.WithKeys("R"), key.WithHelp("R", "rename trainee")),
		// Save and Back are only enabled while a new name is typed.
		Save: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "rename")),
		Back: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "keep the name")),
	}
}

// ShortHelp implements help.KeyMap.
func (k trainerKeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Save, k.Back, k.Confirm, k.Cancel, k.Start, k.Stop, k.Pause, k.Skip, k.More, k.Cohort, k.Quit}
}

// FullHelp implements help.KeyMap.
func (k trainerKeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{k.ShortHelp(), {k.Pick, k.Remove, k.Rename}}
}

// typingKeys is the console's help while a name is typed: only the keys
// that are not text.
type typingKeys struct{ k trainerKeyMap }

// ShortHelp implements help.KeyMap.
func (t typingKeys) ShortHelp() []key.Binding { return []key.Binding{t.k.Save, t.k.Back, t.k.Quit} }

// FullHelp implements help.KeyMap.
func (t typingKeys) FullHelp() [][]key.Binding { return [][]key.Binding{t.ShortHelp()} }
