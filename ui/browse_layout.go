package ui

// browseLayout is where the parts of Browse go for one terminal size.
type browseLayout struct {
	header int // rows used by the search box and the filter line
	list   box
	detail box
	side   bool // list and detail side by side (else stacked)
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
	listH := max(1, body*2/5)
	detailH := body - listH
	if detailH < minPaneHeight {
		listH, detailH = body, 0
	}
	l.list = box{x: 0, y: l.header, w: m.width, h: listH}
	l.detail = box{x: 0, y: l.header + listH, w: m.width, h: detailH}
	return l
}
