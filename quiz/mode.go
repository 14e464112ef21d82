package quiz

import (
	"fmt"
	"slices"
	"strings"
)

// Mode chooses which kinds of question a session asks.
type Mode int

// The modes, in the order the start panel cycles through them.
const (
	MixedMode Mode = iota
	FlashcardMode
	ChoiceMode
	TypedMode
	MetricMode
	CompareMode
)

// modeRow is one mode: its --mode name, its start-panel label and the
// kinds it asks (nil: every kind, so a new kind joins Mixed by itself).
type modeRow struct {
	name, label string
	kinds       []Kind
}

// modeTable is indexed by Mode.
var modeTable = []modeRow{
	// Mixed asks every kind, so recognising a term is never enough.
	MixedMode:     {"mixed", "Mixed", nil},
	FlashcardMode: {"flashcards", "Flashcards only", []Kind{Flashcard}},
	ChoiceMode:    {"choice", "Multiple choice", []Kind{Choice, ReverseChoice}},
	TypedMode:     {"typed", "Typed answers", []Kind{Typed, Acronym}},
	MetricMode:    {"metrics", "Metric problems", []Kind{Metric}},
	CompareMode:   {"compare", "Compare drills", []Kind{Compare}},
}

// Modes lists every mode in menu order.
func Modes() []Mode {
	out := make([]Mode, len(modeTable))
	for i := range modeTable {
		out[i] = Mode(i)
	}
	return out
}

func (m Mode) row() (modeRow, bool) {
	if m < 0 || int(m) >= len(modeTable) {
		return modeRow{}, false
	}
	return modeTable[m], true
}

// String is the mode's name on the command line (--mode).
func (m Mode) String() string {
	if r, ok := m.row(); ok {
		return r.name
	}
	return fmt.Sprintf("mode(%d)", int(m))
}

// Label is the mode as the start panel shows it.
func (m Mode) Label() string {
	if r, ok := m.row(); ok {
		return r.label
	}
	return m.String()
}

// Kinds are the question kinds the mode asks; every kind for Mixed (and
// for a mode it does not know).
func (m Mode) Kinds() []Kind {
	if r, ok := m.row(); ok && r.kinds != nil {
		return slices.Clone(r.kinds)
	}
	return Kinds()
}

// ParseMode reads a --mode value, ignoring case; the error lists the
// valid ones.
func ParseMode(s string) (Mode, error) {
	var names []string
	for _, m := range Modes() {
		if strings.EqualFold(s, m.String()) {
			return m, nil
		}
		names = append(names, m.String())
	}
	return 0, fmt.Errorf("unknown quiz mode %q (want %s)", s, strings.Join(names, ", "))
}
