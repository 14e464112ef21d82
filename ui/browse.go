package ui

import (
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/crm101/crm101/glossary"
)

// searchDoneMsg carries a finished search back to Browse. seq lets the
// screen drop answers to queries the user has already typed past.
type searchDoneMsg struct {
	seq         int
	result      glossary.Result
	suggestions []int // closest entries when no name matches well
	category    int   // the filter rows was built for
	rows        []glossary.Match
	suggested   int
}

// browseModel is the Browse screen: a search box, a filtered list of
// entries and a detail pane for the open entry.
type browseModel struct {
	g      *glossary.Glossary
	styles *Styles
	keys   browseKeyMap

	input       textinput.Model
	seq         int             // sequence number of the newest search started
	result      glossary.Result // newest search answered
	searched    bool            // a search has answered: until then the list is blank, not "empty"
	suggestions []int
	category    int              // 0 = all, else Categories()[category-1]
	shown       []glossary.Match // suggestions, then the result, narrowed to the category
	suggested   int              // how many leading rows of shown are suggestions

	cursor, offset int  // selected row and first visible row of the list
	detailFocus    bool // keys go to the detail pane instead of the list
	detail         viewport.Model
	history        history
	related        int // selected related term in the detail pane; noRelated until asked

	relatedLine int // the selected related term's line in the pane's text

	width, height int
	listBox       box // where the list is drawn, for the mouse
}

// noRelated is browseModel.related before the user picks a related term.
const noRelated = -1

// box is a rectangle of the screen, relative to the screen's top-left.
type box struct{ x, y, w, h int }

func (b box) contains(x, y int) bool { return x >= b.x && x < b.x+b.w && y >= b.y && y < b.y+b.h }

func newBrowseModel(g *glossary.Glossary, styles *Styles, query string) browseModel {
	in := textinput.New()
	in.Prompt = "Search › "
	in.Placeholder = "type a term, acronym or idea…"
	in.SetStyles(styles.Input.Search)
	in.CharLimit = 200
	in.SetValue(query)
	in.Focus()
	m := browseModel{g: g, styles: styles, keys: defaultBrowseKeyMap(), input: in, detail: viewport.New(), related: noRelated}
	m.detail.MouseWheelEnabled = true
	m.keys.setDetailFocus(false)
	return m
}

// Init runs the search for the pre-filled query (all entries when empty).
func (m browseModel) Init() tea.Cmd { return tea.Batch(textinput.Blink, m.searchCmd()) }

// Update handles keys, the mouse and finished searches.
func (m browseModel) Update(msg tea.Msg) (browseModel, tea.Cmd) {
	switch msg := msg.(type) {
	case searchDoneMsg:
		return m.applySearch(msg), nil
	case tea.MouseWheelMsg:
		return m.handleWheel(msg), nil
	case tea.MouseClickMsg:
		return m.handleClick(msg), nil
	case tea.KeyPressMsg:
		if m.detailFocus {
			return m.handleDetailKey(msg)
		}
		return m.handleListKey(msg)
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	return m, cmd
}

func (m browseModel) handleListKey(msg tea.KeyPressMsg) (browseModel, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Up):
		return m.moveCursor(-1), nil
	case key.Matches(msg, k.Down):
		return m.moveCursor(1), nil
	case key.Matches(msg, k.PageUp):
		return m.moveCursor(-max(1, m.listBox.h-1)), nil
	case key.Matches(msg, k.PageDown):
		return m.moveCursor(max(1, m.listBox.h-1)), nil
	case key.Matches(msg, k.Category):
		return m.cycleCategory(1), nil
	case key.Matches(msg, k.PrevCategory):
		return m.cycleCategory(-1), nil
	case key.Matches(msg, k.Back):
		return m.goBack()
	case key.Matches(msg, k.Forward):
		return m.goForward(), nil
	case key.Matches(msg, k.Open):
		return m.openSelected(), nil
	case key.Matches(msg, k.Clear):
		if m.input.Value() == "" {
			return m, nil
		}
		m.input.SetValue("")
		return m.startSearch()
	}
	before := m.input.Value()
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	if m.input.Value() == before {
		return m, cmd
	}
	m, search := m.startSearch()
	return m, tea.Batch(cmd, search)
}

func (m browseModel) handleDetailKey(msg tea.KeyPressMsg) (browseModel, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Close):
		return m.focusList(), nil
	case key.Matches(msg, k.Search):
		m = m.focusList()
		return m, nil
	case key.Matches(msg, k.ScrollUp):
		m.detail.ScrollUp(1)
	case key.Matches(msg, k.ScrollDown):
		m.detail.ScrollDown(1)
	case key.Matches(msg, k.Top):
		m.detail.GotoTop()
	case key.Matches(msg, k.Bottom):
		m.detail.GotoBottom()
	case key.Matches(msg, k.NextRelated):
		return m.selectRelated(1), nil
	case key.Matches(msg, k.PrevRelated):
		return m.selectRelated(-1), nil
	case key.Matches(msg, k.Follow):
		return m.followRelated(), nil
	case key.Matches(msg, k.Calculate):
		if metric, ok := m.openMetric(); ok {
			return m, navigateCmd(place{screen: CalculateScreen, target: metric.ID})
		}
	case key.Matches(msg, k.Back):
		return m.goBack()
	case key.Matches(msg, k.Forward):
		return m.goForward(), nil
	default:
		var cmd tea.Cmd
		m.detail, cmd = m.detail.Update(msg)
		return m, cmd
	}
	return m, nil
}

// handleWheel scrolls whichever pane the pointer is over.
func (m browseModel) handleWheel(msg tea.MouseWheelMsg) browseModel {
	overList := m.listBox.contains(msg.X, msg.Y)
	switch msg.Button {
	case tea.MouseWheelUp:
		if overList {
			return m.scrollList(-3)
		}
		m.detail.ScrollUp(3)
	case tea.MouseWheelDown:
		if overList {
			return m.scrollList(3)
		}
		m.detail.ScrollDown(3)
	}
	return m
}

// handleClick selects the list row under the pointer.
func (m browseModel) handleClick(msg tea.MouseClickMsg) browseModel {
	if msg.Button != tea.MouseLeft || !m.listBox.contains(msg.X, msg.Y) {
		return m
	}
	m.cursor = clamp(m.offset+msg.Y-m.listBox.y, 0, len(m.shown)-1)
	return m.showSelected()
}

// startSearch launches a search for the current query in the background.
func (m browseModel) startSearch() (browseModel, tea.Cmd) {
	m.seq++
	return m, m.searchCmd()
}

// searchCmd searches off the UI goroutine, and builds the list's rows
// there too. Refine narrows the previous result when the query only
// grew, which keeps big decks within a frame.
func (m browseModel) searchCmd() tea.Cmd {
	g, prev, query, seq, category := m.g, m.result, m.input.Value(), m.seq, m.category
	return func() tea.Msg {
		res := prev.Refine(g, query)
		var sugg []int
		if res.Weak() {
			sugg = g.Suggest(query, 3)
		}
		rows, suggested := listRows(g, res.Matches, sugg, category)
		return searchDoneMsg{seq: seq, result: res, suggestions: sugg, category: category, rows: rows, suggested: suggested}
	}
}

func (m browseModel) applySearch(msg searchDoneMsg) browseModel {
	if msg.seq != m.seq {
		return m // the user typed on; a newer search is on its way
	}
	m.result, m.suggestions, m.searched = msg.result, msg.suggestions, true
	m.shown, m.suggested = msg.rows, msg.suggested
	if msg.category != m.category { // the filter changed while searching
		m.shown, m.suggested = listRows(m.g, m.result.Matches, m.suggestions, m.category)
	}
	m.cursor, m.offset = 0, 0
	return m.showSelected()
}

// listRows is what the list shows: the suggestions, then the matches not
// already suggested, narrowed to category (0 for all). With nothing to
// add or drop it returns matches itself, so a keystroke in a big deck
// copies nothing.
func listRows(g *glossary.Glossary, matches []glossary.Match, suggestions []int, category int) (rows []glossary.Match, suggested int) {
	if category == 0 && len(suggestions) == 0 {
		return matches, 0
	}
	keep := func(idx int) bool {
		return category == 0 || g.At(idx).Category == g.Categories()[category-1]
	}
	isSuggested := make(map[int]bool, len(suggestions))
	for _, idx := range suggestions {
		if keep(idx) {
			rows = append(rows, glossary.Match{Index: idx, Kind: glossary.Fuzzy})
			isSuggested[idx] = true
		}
	}
	suggested = len(rows)
	for _, match := range matches {
		if keep(match.Index) && !isSuggested[match.Index] {
			rows = append(rows, match)
		}
	}
	return rows, suggested
}

func (m browseModel) moveCursor(delta int) browseModel {
	if len(m.shown) == 0 {
		return m
	}
	m.cursor = clamp(m.cursor+delta, 0, len(m.shown)-1)
	return m.showSelected()
}

func (m browseModel) scrollList(delta int) browseModel {
	maxOffset := max(0, len(m.shown)-m.listBox.h)
	m.offset = clamp(m.offset+delta, 0, maxOffset)
	m.cursor = clamp(m.cursor, m.offset, m.offset+max(0, m.listBox.h-1))
	return m.showSelected()
}

// showSelected previews the selected entry in the detail pane and keeps
// the cursor visible. Browsing the list starts a fresh history.
func (m browseModel) showSelected() browseModel {
	m.offset = scrollInto(m.cursor, m.offset, m.listBox.h)
	if len(m.shown) == 0 {
		m.history = history{}
		return m.renderDetail()
	}
	idx := m.shown[m.cursor].Index
	if cur, ok := m.history.current(); !ok || cur != idx || m.history.len() > 1 {
		m.history = newHistory(idx)
		m.related = noRelated
	}
	return m.renderDetail()
}

// cursorIsOpen reports whether the list's selected row is the entry the
// pane shows: only then is the row highlighted, so the two never
// disagree.
func (m browseModel) cursorIsOpen() bool {
	idx, ok := m.history.current()
	return ok && m.cursor < len(m.shown) && m.shown[m.cursor].Index == idx
}

// syncCursor moves the list's selection to the open entry when the list
// holds it (after following a link, back, or arriving from elsewhere).
func (m browseModel) syncCursor() browseModel {
	idx, ok := m.history.current()
	if !ok || m.cursorIsOpen() {
		return m
	}
	for row, match := range m.shown {
		if match.Index == idx {
			m.cursor = row
			m.offset = scrollInto(row, m.offset, m.listBox.h)
			break
		}
	}
	return m
}

// openSelected moves focus to the detail pane.
func (m browseModel) openSelected() browseModel {
	if len(m.shown) == 0 {
		return m
	}
	m.detailFocus = true
	m.keys.setDetailFocus(true)
	m.input.Blur()
	return m.renderDetail()
}

func (m browseModel) focusList() browseModel {
	if !m.cursorIsOpen() && len(m.shown) > 0 {
		m = m.showSelected() // an entry reached by links is not in the list: show the list's own
	}
	m.detailFocus = false
	m.keys.setDetailFocus(false)
	m.input.Focus()
	return m.renderDetail()
}

// openTerm shows the entry named term with the detail pane focused. An
// entry already open keeps its back/forward trail (coming back to it).
func (m browseModel) openTerm(term string) (browseModel, tea.Cmd) {
	idx, ok := m.g.Index(term)
	if !ok {
		return m, nil
	}
	if cur, open := m.history.current(); !open || cur != idx {
		m.history = newHistory(idx)
		m.related = noRelated
	}
	m.detailFocus = true
	m.keys.setDetailFocus(true)
	m.input.Blur()
	return m.renderDetail(), nil
}

// selectRelated moves the selection among the open entry's related
// terms (the first press selects the first, or the last going back) and
// scrolls the pane so the selection is in view.
func (m browseModel) selectRelated(delta int) browseModel {
	n := len(m.relatedOf())
	if n == 0 {
		return m
	}
	switch {
	case m.related == noRelated && delta > 0:
		m.related = 0
	case m.related == noRelated:
		m.related = n - 1
	default:
		m.related = (m.related + delta + n) % n
	}
	m = m.renderDetail()
	if line := m.relatedLine; line < m.detail.YOffset() {
		m.detail.SetYOffset(line)
	} else if line >= m.detail.YOffset()+m.detail.Height() {
		m.detail.SetYOffset(line - m.detail.Height() + 1)
	}
	return m
}

// cycleCategory moves the category filter forward or back.
func (m browseModel) cycleCategory(delta int) browseModel {
	n := len(m.g.Categories()) + 1 // and "All"
	m.category = (m.category + delta + n) % n
	m.shown, m.suggested = listRows(m.g, m.result.Matches, m.suggestions, m.category)
	m.cursor = 0
	return m.showSelected()
}

func (m browseModel) followRelated() browseModel {
	rel := m.relatedOf()
	if m.related < 0 || m.related >= len(rel) {
		return m
	}
	idx, ok := m.g.Index(rel[m.related])
	if !ok {
		return m
	}
	m.history = m.history.push(idx)
	m.related = noRelated
	m.detail.GotoTop()
	return m.renderDetail()
}

// goBack steps back through the entries opened here; before the first,
// back is the root's: to the screen the user came from, or the list.
func (m browseModel) goBack() (browseModel, tea.Cmd) {
	if h, ok := m.history.back(); ok {
		m.history = h
		m.related = noRelated
		return m.renderDetail(), nil
	}
	return m, backCmd
}

// openTermName is the entry open in the detail pane, "" while the list
// has focus: the place back returns to.
func (m browseModel) openTermName() string {
	idx, ok := m.history.current()
	if !ok || !m.detailFocus {
		return ""
	}
	return m.g.At(idx).Term
}

func (m browseModel) goForward() browseModel {
	if h, ok := m.history.forward(); ok {
		m.history = h
		m.related = noRelated
		m.detailFocus = true
		m.keys.setDetailFocus(true)
		m.input.Blur()
		return m.renderDetail()
	}
	return m
}

// openMetric is the calculator metric of the open entry, if it has one.
func (m browseModel) openMetric() (glossary.Metric, bool) {
	idx, ok := m.history.current()
	if !ok {
		return glossary.Metric{}, false
	}
	return glossary.MetricForTerm(m.g.At(idx).Term)
}

// relatedOf lists the related references of the open entry.
func (m browseModel) relatedOf() []string {
	idx, ok := m.history.current()
	if !ok {
		return nil
	}
	return m.g.At(idx).Related
}

// restyle takes up new shared styles (the background changed): the
// search field keeps its own copy, and the entry is drawn again.
func (m browseModel) restyle() browseModel {
	m.input.SetStyles(m.styles.Input.Search)
	return m.renderDetail()
}

// setSize lays the screen out for width×height cells.
func (m browseModel) setSize(width, height int) browseModel {
	m.width, m.height = width, height
	m.input.SetWidth(max(1, width-lipgloss.Width(m.input.Prompt)-1))
	return m.renderDetail()
}

// relayout sizes the list and the detail pane for the current size,
// focus and results; the stacked layout changes with all three.
func (m browseModel) relayout() browseModel {
	l := m.layout()
	m.listBox = l.list
	frameW, frameH := m.styles.Browse.Pane.GetFrameSize()
	if l.bare {
		frameW, frameH = 0, 0
	}
	m.detail.SetWidth(max(0, l.detail.w-frameW))
	m.detail.SetHeight(max(0, l.detail.h-frameH))
	m.offset = scrollInto(m.cursor, m.offset, m.listBox.h)
	return m
}

func clamp(v, lo, hi int) int {
	if v > hi {
		v = hi
	}
	if v < lo {
		v = lo
	}
	return v
}

// scrollInto returns the first visible row that keeps row within a
// window of height rows starting at offset.
func scrollInto(row, offset, height int) int {
	if height <= 0 {
		return row
	}
	if row < offset {
		return row
	}
	if row >= offset+height {
		return row - height + 1
	}
	return offset
}
