package ui

// browseLayout is where the parts of Browse go for one terminal size.
type browseLayout struct {
	header int // rows used by the search box and the filter line
	list   box
	detail box
	side   bool // list and detail side by side (else stacked)
	bare   bool // the detail is drawn without its pane: too few rows for a border
}

// Side by side needs room for a readable list and a readable pane;
// below that the detail pane goes under the list.
const (
	minSideWidth  = 72
	minListWidth  = 24
	maxListWidth  = 46
	minPaneHeight = 3 // a bordered pane with one line of text
)

func (m browseModel) layout() browseLayout {
	l := browseLayout{header: 2}
	if m.height < 6 {
		l.header = 1 // drop the filter line on tiny terminals
	}
	body := max(0, m.height-l.header)
	if m.width >= minSideWidth {
		lw := clamp(m.width*2/5, minListWidth, maxListWidth)
		l.side = true
		l.list = box{x: 0, y: l.header, w: lw, h: body}
		l.detail = box{x: lw + 1, y: l.header, w: m.width - lw - 1, h: body}
		return l
	}
	// Stacked, the list takes no more rows than it has results, and
	// reading an entry gives the pane the room: the list keeps a quarter
	// (none at all on a tiny terminal), and a pane with no room for its
	// border is drawn bare.
	rows := max(1, len(m.shown))
	listH := min(rows, max(1, body*2/5))
	if m.detailFocus {
		listH = min(rows, body/4)
	}
	detailH := body - listH
	switch {
	case m.detailFocus && detailH < minPaneHeight+2: // a border would leave one line of text
		l.bare = true
	case detailH >= minPaneHeight:
	default:
		listH, detailH = body, 0
	}
	l.list = box{x: 0, y: l.header, w: m.width, h: listH}
	l.detail = box{x: 0, y: l.header + listH, w: m.width, h: detailH}
	return l
}
