package ui

import (
	"slices"
	"strings"
)

// readingWidth caps the quiz's line length on wide terminals, as Browse
// does: a 190-column prompt is hard to read.
const readingWidth = 100

// quizParts is one screen of the quiz in three bands: the header (where
// the learner is), the body (what to read: it scrolls when the screen is
// short) and the footer (what to do next: the answer line, the grades,
// the settings), which stays visible whatever the height.
type quizParts struct {
	header, body, footer []string
}

// innerWidth is the width text wraps at inside the frame.
func (m quizModel) innerWidth() int {
	if m.styles == nil {
		return max(1, min(m.width, readingWidth)) // no Test Yourself: a zero model
	}
	return max(1, min(m.width-m.styles.Quiz.Frame.GetHorizontalFrameSize(), readingWidth))
}

// lines renders blocks at the inner width and splits them into lines.
func (m quizModel) lines(blocks []string) []string {
	var out []string
	w := m.innerWidth()
	for _, b := range blocks {
		out = append(out, strings.Split(m.styles.Plain.Width(w).Render(b), "\n")...)
	}
	return out
}

// fit lays the parts out in the screen's height: footer first, then as
// much of the header as fits, then the body, scrolled by m.scroll with a
// marker where more lies above or below. overflow reports whether the
// body was cut.
func (m quizModel) fit(p quizParts) (out []string, overflow bool) {
	h, b, f := m.lines(p.header), m.lines(p.body), m.lines(p.footer)
	room := m.height
	if len(h)+len(b)+len(f) > room && len(f) > 1 && strings.TrimSpace(f[0]) == "" {
		f = f[1:] // no room for spacing
	}
	if len(f) > room {
		f = f[:room]
	}
	room -= len(f)
	// Spacing is the first thing a short screen gives up, only as much
	// of it as the screen is short by: the body's, then the header's.
	if over := len(h) + len(b) - room; over > 0 {
		b, over = dropBlank(b, over)
		h, _ = dropBlank(h, over)
	}
	// The header gives way before the body, which keeps room for the
	// question and the start of what it asks about: the header's last
	// lines are spacing and the progress bar, its first the counter.
	for len(h) > 0 && len(h) > room-min(len(b), bodyKeeps) {
		h = h[:len(h)-1]
	}
	room -= len(h)
	if len(b) > room {
		overflow = true
		b = m.window(b, room)
	}
	out = append(append(append(out, h...), b...), f...)
	return out, overflow
}

// bodyKeeps is how many lines of the body the header leaves on a short
// screen: the question, two lines of its text and the "more" marker.
const bodyKeeps = 4

// window shows room lines of body from m.scroll, with "↑ more" and
// "↓ more" markers in place of the first and last line when there is
// more in that direction.
func (m quizModel) window(body []string, room int) []string {
	if room <= 0 {
		return nil
	}
	if room < 3 {
		return body[:room] // no room for markers: the top of the text
	}
	up, down := m.styles.Quiz.Hint.Render("↑ more (pgup)"), m.styles.Quiz.Hint.Render("↓ more (pgdn)")
	if m.scroll <= 0 {
		return append(slices.Clone(body[:room-1]), down)
	}
	top := min(m.scroll, len(body)-(room-1))
	if top+room-1 >= len(body) {
		return append([]string{up}, body[top:]...)
	}
	out := append([]string{up}, body[top:top+room-2]...)
	return append(out, down)
}

// overflows reports whether the current body is taller than its room,
// so the scroll keys are worth offering.
func (m quizModel) overflows() bool {
	if m.width <= 0 || m.height <= 0 {
		return false
	}
	_, over := m.fit(m.parts())
	return over
}
