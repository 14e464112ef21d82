package ui

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/crm101/crm101/classroom/round"
)

// BenchmarkLiveView measures one frame of a trainee's live round at
// 80×24: the frame each of a classroom's sessions draws on every
// broadcast (a new question, the answered count, the reveal), so a room
// of 200 pays it 200 times over on the server's cores.
func BenchmarkLiveView(b *testing.B) {
	for _, c := range []struct {
		name string
		u    round.Update
	}{{"question", asking(true)}, {"reveal", revealing(&round.Answer{Choice: 1, Correct: true, Points: 800})}} {
		b.Run(c.name, func(b *testing.B) {
			m := newTestModel(b, Options{Live: &fakeSeat{}})
			m.live.now = func() time.Time { return liveT0.Add(6 * time.Second) }
			var tm tea.Model = send(b, send(b, m, size(80, 24)), c.u)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				_ = tm.View()
			}
		})
	}
}
