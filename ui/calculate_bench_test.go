package ui

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

// BenchmarkCalculateKeystroke measures what one typed digit costs on
// Calculate: the field update, the recomputation and the redrawn frame.
// Commands (cursor blinks) are not run; they are timers, not work.
func BenchmarkCalculateKeystroke(b *testing.B) {
	for _, sz := range []struct {
		name string
		w, h int
	}{{"80x24", 80, 24}, {"200x60", 200, 60}} {
		b.Run(sz.name, func(b *testing.B) {
			var tm tea.Model = newTestModel(b, Options{Start: CalculateScreen, Metric: "clv"})
			tm, _ = tm.Update(size(sz.w, sz.h))
			for _, k := range keys("1,250") {
				tm, _ = tm.Update(k)
			}
			digit, erase := keys("5")[0], press(tea.KeyBackspace)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; b.Loop(); i++ {
				k := digit
				if i%2 == 1 {
					k = erase
				}
				tm, _ = tm.Update(k)
				_ = plain(tm)
			}
		})
	}
}
