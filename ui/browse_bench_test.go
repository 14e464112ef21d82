package ui

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/crm101/crm101/glossary"
)

// BenchmarkBrowseView measures one full frame of the app on Browse with
// the built-in glossary, a query with highlighted matches and an entry
// open — the frame redrawn after every keystroke.
func BenchmarkBrowseView(b *testing.B) {
	g, err := glossary.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	for _, sz := range []struct {
		name string
		w, h int
	}{{"80x24", 80, 24}, {"200x60", 200, 60}} {
		b.Run(sz.name, func(b *testing.B) {
			m := newTestModel(b, Options{Glossary: g, Query: "c"})
			var tm tea.Model = m
			tm = drain(send(b, tm, size(sz.w, sz.h)), m.Init(), 3)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				_ = plain(tm)
			}
		})
	}
}
