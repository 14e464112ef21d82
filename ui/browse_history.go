package ui

// history is the back/forward trail of entries opened in the detail
// pane, like a browser's. It is a value: every change returns a new one.
type history struct {
	entries []int // entry indexes
	pos     int
}

func newHistory(idx int) history { return history{entries: []int{idx}} }

func (h history) len() int { return len(h.entries) }

func (h history) current() (int, bool) {
	if len(h.entries) == 0 {
		return 0, false
	}
	return h.entries[h.pos], true
}

// push opens idx after the current entry, dropping any forward trail.
func (h history) push(idx int) history {
	if cur, ok := h.current(); ok && cur == idx {
		return h
	}
	entries := make([]int, 0, h.pos+2)
	if len(h.entries) > 0 {
		entries = append(entries, h.entries[:h.pos+1]...)
	}
	entries = append(entries, idx)
	return history{entries: entries, pos: len(entries) - 1}
}

func (h history) back() (history, bool) {
	if h.pos == 0 {
		return h, false
	}
	h.pos--
	return h, true
}

func (h history) forward() (history, bool) {
	if h.pos >= len(h.entries)-1 {
		return h, false
	}
	h.pos++
	return h, true
}
