package ui

import "charm.land/bubbles/v2/key"

// quizKeyMap holds the Test Yourself keys. Which ones are enabled
// follows the quiz state (see quizModel.syncKeys), so help shows only
// what works now; letters stay off while an answer is being typed.
type quizKeyMap struct {
	Up, Down, Less, More, Start          key.Binding // start panel
	Choose, Flip, Grade, Submit, Reveal  key.Binding // question
	Next, Open, Retry, End, Done, Missed key.Binding // after an answer, summary
	ScrollUp, ScrollDown                 key.Binding // a prompt taller than the screen
	Progress, Weak, Back, Quit           key.Binding // the Progress view; q where nothing is typed
}

func defaultQuizKeyMap() quizKeyMap {
	return quizKeyMap{
		Up:    key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑↓", "setting")),
		Down:  key.NewBinding(key.WithKeys("down", "j")),
		Less:  key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←→", "change")),
		More:  key.NewBinding(key.WithKeys("right", "l")),
		Start: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "start")),

		Choose: key.NewBinding(key.WithKeys("1", "2", "3", "4"), key.WithHelp("1–4", "choose")),
		// enter flips too: it is the key a learner tries first.
		Flip:   key.NewBinding(key.WithKeys("space", "enter"), key.WithHelp("space", "flip")),
		Grade:  key.NewBinding(key.WithKeys("1", "2", "3", "4"), key.WithHelp("1–4", "again/hard/good/easy")),
		Submit: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "submit")),
		Reveal: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "show answer")),

		Next:   key.NewBinding(key.WithKeys("enter", "space"), key.WithHelp("enter", "next")),
		Open:   key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "open in Browse")),
		Retry:  key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "retry saving")),
		End:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "end session")),
		Done:   key.NewBinding(key.WithKeys("enter", "esc"), key.WithHelp("enter", "done")),
		Missed: key.NewBinding(key.WithKeys("up", "down", "k", "j"), key.WithHelp("↑↓", "missed term")),

		ScrollUp:   key.NewBinding(key.WithKeys("pgup", "ctrl+u"), key.WithHelp("pgup/pgdn", "scroll")),
		ScrollDown: key.NewBinding(key.WithKeys("pgdown", "ctrl+d")),

		Progress: key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "progress")),
		Weak:     key.NewBinding(key.WithKeys("up", "down", "k", "j"), key.WithHelp("↑↓", "weak term")),
		Back:     key.NewBinding(key.WithKeys("esc", "p"), key.WithHelp("esc", "back")),
		Quit:     key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
	}
}

// all lists every binding, for enabling them in bulk.
func (k *quizKeyMap) all() []*key.Binding {
	return []*key.Binding{&k.Up, &k.Down, &k.Less, &k.More, &k.Start,
		&k.Choose, &k.Flip, &k.Grade, &k.Submit, &k.Reveal,
		&k.Next, &k.Open, &k.Retry, &k.End, &k.Done, &k.Missed,
		&k.ScrollUp, &k.ScrollDown, &k.Progress, &k.Weak, &k.Back, &k.Quit}
}

// only enables exactly the given bindings.
func (k *quizKeyMap) only(enabled ...*key.Binding) {
	for _, b := range k.all() {
		b.SetEnabled(false)
	}
	for _, b := range enabled {
		b.SetEnabled(true)
	}
}

// ShortHelp implements help.KeyMap.
func (k quizKeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Up, k.Less, k.Start, k.Choose, k.Grade, k.Flip, k.Submit, k.Reveal,
		k.Next, k.Open, k.Retry, k.Missed, k.Weak, k.Done, k.Progress, k.Back, k.End, k.ScrollUp, k.Quit}
}

// FullHelp implements help.KeyMap.
func (k quizKeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Less, k.Start, k.Progress},
		{k.Choose, k.Grade, k.Flip, k.Submit, k.Reveal, k.ScrollUp},
		{k.Next, k.Open, k.Retry, k.Missed, k.Weak, k.Done, k.Back, k.End, k.Quit},
	}
}
