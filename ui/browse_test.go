package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/teatest/v2"
	"github.com/crm101/crm101/glossary"
	"github.com/crm101/crm101/glossary/glossarytest"
)

func browseOf(m tea.Model) browseModel { return m.(Model).browse }

func openEntry(t *testing.T, b browseModel) string {
	t.Helper()
	idx, ok := b.history.current()
	if !ok {
		t.Fatal("no entry open")
	}
	return b.g.At(idx).Term
}

func TestBrowseStartsWithEveryEntryAndFocusedSearch(t *testing.T) {
	m := send(t, newTestModel(t, Options{}), size(80, 24))
	m = drain(m, m.Init(), 3)
	b := browseOf(m)
	if len(b.shown) != b.g.Len() {
		t.Fatalf("shown %d entries, want all %d", len(b.shown), b.g.Len())
	}
	if !b.input.Focused() {
		t.Fatal("search box not focused at start")
	}
}

func TestBrowseTypingFiltersAndEscClears(t *testing.T) {
	m := newTestModel(t, Options{})
	m2 := drain(send(t, m, size(80, 24)), m.Init(), 3)
	m2 = send(t, m2, keys("sql")...)
	b := browseOf(m2)
	if b.input.Value() != "sql" || len(b.shown) == 0 || b.g.At(b.shown[0].Index).Term != "Sales Qualified Lead" {
		t.Fatalf("after typing sql: query %q, first %v", b.input.Value(), b.shown)
	}
	m2 = send(t, m2, press(tea.KeyEsc))
	b = browseOf(m2)
	if b.input.Value() != "" || len(b.shown) != b.g.Len() {
		t.Fatalf("esc did not clear: query %q, %d shown", b.input.Value(), len(b.shown))
	}
}

func TestBrowseFollowsRelatedAndComesBack(t *testing.T) {
	m := newTestModel(t, Options{Query: "cac"})
	tm := drain(send(t, m, size(100, 30)), m.Init(), 3)
	tm = send(t, tm, press(tea.KeyEnter)) // read Customer Acquisition Cost
	if got := openEntry(t, browseOf(tm)); got != "Customer Acquisition Cost" {
		t.Fatalf("open entry %q", got)
	}
	tm = send(t, tm, press(tea.KeyEnter)) // no related term chosen yet: enter does nothing
	if got := openEntry(t, browseOf(tm)); got != "Customer Acquisition Cost" {
		t.Fatalf("enter with no related term chosen opened %q", got)
	}
	tm = send(t, tm, press(tea.KeyTab), press(tea.KeyTab), press(tea.KeyEnter)) // second related: Churn Rate
	if got := openEntry(t, browseOf(tm)); got != "Churn Rate" {
		t.Fatalf("followed to %q, want Churn Rate", got)
	}
	tm = send(t, tm, press(tea.KeyTab), press(tea.KeyEnter)) // first related of Churn Rate: Customer Lifetime Value
	if got := openEntry(t, browseOf(tm)); got != "Customer Lifetime Value" {
		t.Fatalf("followed to %q", got)
	}
	tm = send(t, tm, tea.KeyPressMsg{Code: tea.KeyLeft, Mod: tea.ModAlt}, tea.KeyPressMsg{Code: tea.KeyLeft, Mod: tea.ModAlt})
	if got := openEntry(t, browseOf(tm)); got != "Customer Acquisition Cost" {
		t.Fatalf("back twice reached %q", got)
	}
	tm = send(t, tm, tea.KeyPressMsg{Code: tea.KeyRight, Mod: tea.ModAlt})
	if got := openEntry(t, browseOf(tm)); got != "Churn Rate" {
		t.Fatalf("forward reached %q", got)
	}
	tm = send(t, tm, press(tea.KeyEsc))
	if browseOf(tm).detailFocus {
		t.Fatal("esc did not return to the list")
	}
}

func TestBrowseCategoryFilterCycles(t *testing.T) {
	m := newTestModel(t, Options{})
	tm := drain(send(t, m, size(80, 24)), m.Init(), 3)
	tm = send(t, tm, ctrl('f')) // Sales
	b := browseOf(tm)
	for _, match := range b.shown {
		if c := b.g.At(match.Index).Category; c != "Sales" {
			t.Fatalf("Sales filter shows %s entry", c)
		}
	}
	if len(b.shown) != 2 {
		t.Fatalf("Sales filter shows %d entries, want 2", len(b.shown))
	}
	for range 5 {
		tm = send(t, tm, ctrl('f'))
	}
	if b := browseOf(tm); b.category != 0 || len(b.shown) != b.g.Len() {
		t.Fatalf("six presses should cycle back to All, got category %d", b.category)
	}
}

func TestBrowseTypoOffersSuggestionAndEnterOpensIt(t *testing.T) {
	m := newTestModel(t, Options{})
	tm := drain(send(t, m, size(80, 24)), m.Init(), 3)
	tm = send(t, tm, keys("chrun")...)
	b := browseOf(tm)
	if b.suggested == 0 || b.g.At(b.shown[0].Index).Term != "Churn Rate" {
		t.Fatalf("chrun: first row %v, %d suggested", b.shown, b.suggested)
	}
	view := plain(tm)
	if !strings.Contains(view, "Churn Rate · did you mean?") {
		t.Fatalf("no suggestion on screen:\n%s", view)
	}
	tm = send(t, tm, press(tea.KeyEnter))
	if got := openEntry(t, browseOf(tm)); got != "Churn Rate" {
		t.Fatalf("enter opened %q", got)
	}
}

// A stale search answer (the user typed on) must not replace a newer one.
func TestBrowseDropsStaleSearchResults(t *testing.T) {
	m := newTestModel(t, Options{})
	tm := drain(send(t, m, size(80, 24)), m.Init(), 3)
	b := browseOf(tm)
	b.input.SetValue("cac")
	b, first := b.startSearch()
	b.input.SetValue("sql")
	b, second := b.startSearch()
	b, _ = b.Update(second())
	b, _ = b.Update(first()) // arrives late
	if got := b.g.At(b.shown[0].Index).Term; got != "Sales Qualified Lead" {
		t.Fatalf("late result won: first row %q", got)
	}
}

func TestBrowseNeverOverflowsTheTerminal(t *testing.T) {
	sizes := [][2]int{{20, 6}, {80, 24}, {120, 40}, {200, 60}, {1, 1}, {0, 0}, {30, 3}, {71, 10}, {72, 10}}
	for _, sz := range sizes {
		m := newTestModel(t, Options{Query: "c"})
		tm := drain(send(t, m, size(sz[0], sz[1])), m.Init(), 3)
		tm = send(t, tm, press(tea.KeyEnter), press(tea.KeyTab))
		view := plain(tm)
		lines := strings.Split(view, "\n")
		if sz[0] > 0 && len(lines) > sz[1] && sz[1] > 0 {
			t.Errorf("%dx%d: %d lines", sz[0], sz[1], len(lines))
		}
		for i, l := range lines {
			if w := lipglossWidth(l); w > sz[0] {
				t.Errorf("%dx%d: line %d is %d wide: %q", sz[0], sz[1], i, w, l)
			}
		}
	}
}

func TestBrowseResizeKeepsSelection(t *testing.T) {
	m := newTestModel(t, Options{})
	tm := drain(send(t, m, size(120, 40)), m.Init(), 3)
	tm = send(t, tm, press(tea.KeyDown), press(tea.KeyDown), size(40, 12), size(20, 6), size(120, 40))
	if c := browseOf(tm).cursor; c != 2 {
		t.Fatalf("cursor %d after resizes, want 2", c)
	}
}

func TestBrowseGolden80x24(t *testing.T) {
	m := newTestModel(t, Options{Query: "cu"})
	tm := startProgram(t, m, 80, 24)
	newTermScreen(80, 24).waitFor(t, tm, "Customer Persona")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyDown})
	tm.Send(ctrl('c'))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(3*time.Second))
	requireGolden(t, plain(final))
}

func TestBrowseGolden120x40(t *testing.T) {
	m := newTestModel(t, Options{})
	tm := startProgram(t, m, 120, 40)
	newTermScreen(120, 40).waitFor(t, tm, "Sales Qualified Lead")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
	tm.Send(ctrl('c'))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(3*time.Second))
	requireGolden(t, plain(final))
}

func TestBrowseCalculateKeyOnlyOnMetricEntries(t *testing.T) {
	g := testGlossary(t)
	m := newTestModel(t, Options{Glossary: g, Query: "customer acquisition cost"})
	tm := drain(send(t, m, size(100, 30)), m.Init(), 3)
	tm = send(t, tm, press(tea.KeyEnter))
	b := browseOf(tm)
	if !b.keys.Calculate.Enabled() {
		t.Fatal("calculate key disabled on the CAC entry")
	}
	_, cmd := b.Update(tea.KeyPressMsg{Code: 'c', Text: "c"})
	if cmd == nil {
		t.Fatal("c on a metric entry sent nothing")
	}
	if msg, ok := cmd().(navigateMsg); !ok || msg.to != (place{CalculateScreen, "cac"}) {
		t.Fatalf("c sent %#v, want a navigation to Calculate on cac", cmd())
	}
	tm = send(t, tm, press(tea.KeyEsc), keys("persona")[0])
	tm = send(t, tm, keys("ersona")...)
	tm = send(t, tm, press(tea.KeyEnter))
	if browseOf(tm).keys.Calculate.Enabled() {
		t.Fatal("calculate key enabled on a non-metric entry")
	}
}

// An entry in a confusable set shows the set and what tells its members
// apart, so a trainee reading CPA also meets CPL and CAC.
func TestBrowseShowsCompareBlock(t *testing.T) {
	t.Parallel()
	g, err := glossary.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	m := newTestModel(t, Options{Glossary: g, Query: "cpa"})
	tm := drain(send(t, m, size(120, 60)), m.Init(), 3)
	tm = send(t, tm, press(tea.KeyEnter))
	set := g.Compare("CPA")
	if len(set) == 0 {
		t.Fatal("CPA is in no compare set")
	}
	view := plain(tm)
	if !strings.Contains(view, "Compare") || !strings.Contains(view, strings.Join(set[0].Members, " · ")) {
		t.Fatalf("no compare block for CPA:\n%s", view)
	}
}

// The list's highlight and the pane always show the same entry: after a
// link the list follows when it holds the entry, and esc from an entry
// the list does not hold goes back to the list's own.
func TestBrowseListAndPaneAgree(t *testing.T) {
	t.Parallel()
	m := newTestModel(t, Options{Query: "c"})
	tm := drain(send(t, m, size(100, 30)), m.Init(), 3)
	tm = send(t, tm, press(tea.KeyEnter)) // the first match
	b := browseOf(tm)
	first := openEntry(t, b)
	tm = send(t, tm, press(tea.KeyTab), press(tea.KeyEnter)) // its first related term
	b = browseOf(tm)
	if open := openEntry(t, b); b.cursorIsOpen() != inList(b, open) {
		t.Fatalf("open %q; cursor on %q, highlighted %v", open, b.g.At(b.shown[b.cursor].Index).Term, b.cursorIsOpen())
	}
	tm = send(t, tm, press(tea.KeyEsc))
	b = browseOf(tm)
	if !b.cursorIsOpen() {
		t.Fatalf("after esc the pane shows %q but the list highlights %q (first was %q)",
			openEntry(t, b), b.g.At(b.shown[b.cursor].Index).Term, first)
	}
}

func inList(b browseModel, term string) bool {
	for _, match := range b.shown {
		if b.g.At(match.Index).Term == term {
			return true
		}
	}
	return false
}

// ctrl+r cycles the category filter backwards (ctrl+b is tmux's).
func TestBrowseCategoryCyclesBack(t *testing.T) {
	t.Parallel()
	m := newTestModel(t, Options{})
	tm := drain(send(t, m, size(100, 30)), m.Init(), 3)
	tm = send(t, tm, ctrl('r'))
	b := browseOf(tm)
	cats := b.g.Categories()
	if b.category != len(cats) {
		t.Fatalf("ctrl+r from All chose %d, want the last category (%d)", b.category, len(cats))
	}
	tm = send(t, tm, ctrl('f'))
	if b := browseOf(tm); b.category != 0 {
		t.Fatalf("ctrl+f after ctrl+r: category %d, want All", b.category)
	}
}

// tab on a related term below the pane's fold scrolls it into view.
func TestBrowseRelatedScrollsIntoView(t *testing.T) {
	t.Parallel()
	m := newTestModel(t, Options{Query: "cac"})
	tm := drain(send(t, m, size(100, 12)), m.Init(), 3) // a short pane
	tm = send(t, tm, press(tea.KeyEnter), press(tea.KeyTab))
	b := browseOf(tm)
	if b.relatedLine < b.detail.YOffset() || b.relatedLine >= b.detail.YOffset()+b.detail.Height() {
		t.Fatalf("selected related term on line %d, pane shows %d–%d", b.relatedLine, b.detail.YOffset(), b.detail.YOffset()+b.detail.Height()-1)
	}
	if !strings.Contains(plain(tm), "› Customer Lifetime Value") {
		t.Fatalf("selection not on screen:\n%s", plain(tm))
	}
}

// A pack's own categories join the filter, and its own wording of a
// term the built-in glossary keeps shows as "Acme's definition".
func TestBrowseShowsPackCategoriesAndVersions(t *testing.T) {
	t.Parallel()
	csv := "Term,Category,Definition\nLead,Sales,At Acme: anyone who booked a demo.\nSpiff,Product Sales,A short sales bonus.\n"
	g := glossarytest.BuiltinWithPack(t, "acme.csv", csv)
	m := newTestModel(t, Options{Glossary: g, Query: "lead"})
	tm := drain(send(t, m, size(140, 50)), m.Init(), 3)
	if !strings.Contains(plain(tm), "Product Sales") {
		t.Fatalf("pack category missing from the filter:\n%s", plain(tm))
	}
	tm = send(t, tm, press(tea.KeyEnter))
	if v := plain(tm); !strings.Contains(v, "Acme's definition") || !strings.Contains(v, "anyone who booked a demo") {
		t.Fatalf("no pack version in Lead's entry:\n%s", v)
	}
	tm = send(t, tm, ctrl('r')) // in the entry: nothing; back in the list, ctrl+r reaches the pack's category first
	tm = send(t, tm, press(tea.KeyEsc), ctrl('r'))
	if b := browseOf(tm); b.g.Categories()[b.category-1] != "Product Sales" {
		t.Fatalf("ctrl+r from All chose %q", b.g.Categories()[b.category-1])
	}
}

// On a terminal that shows no colour or attributes (TERM=dumb) the
// active tab, the focused pane and matched letters still stand out, in
// text.
func TestBrowseGoldenNoAttributes80x24(t *testing.T) {
	m := newTestModel(t, Options{Query: "cu"})
	tm := startProgramWithProfile(t, m, 80, 24, colorprofile.NoTTY)
	newTermScreen(80, 24).waitFor(t, tm, "[Browse]", "[Cu]stomer Persona")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
	tm.Send(ctrl('c'))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(3*time.Second))
	requireGolden(t, plain(final))
}

// Browse on small terminals: at 40×12 an open entry gets the room; at
// 20×6 it is shown bare, name then definition.
func TestBrowseGoldenSmall(t *testing.T) {
	for _, sz := range [][2]int{{40, 12}, {20, 6}} {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			m := newTestModel(t, Options{Query: "churn"})
			tm := drain(send(t, m, size(sz[0], sz[1])), m.Init(), 3)
			requireGolden(t, plain(send(t, tm, press(tea.KeyEnter))))
		})
	}
}
