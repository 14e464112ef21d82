package classroom

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"strconv"
	"sync"
	"time"
	"unicode/utf8"
)

// The HTML report is one file a trainer can mail to a manager: the
// template holds all its CSS and its one small script, the charts are
// SVG computed here, and a Content-Security-Policy forbids any fetch.
// html/template escapes every piece of data by context.

//go:embed report.html.tmpl
var reportHTML string

// reportTemplate is parsed on first use, not at start-up: every crm101
// command links this package, and only `report --format html` needs it.
var reportTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("report").Funcs(template.FuncMap{
		"pct": pct,
		"add": func(a, b int) int { return a + b },
	}).Parse(reportHTML))
})

// Chart geometry, in SVG user units (CSS pixels at 100%).
const (
	barLabelW  = 220 // room for a term's name left of its bar
	barW       = 520 // a bar at 100%
	barRowH    = 24
	termBars   = 40 // the weakest this many terms are drawn; the rest listed
	labelRunes = 30
	timeW      = 860
	timeH      = 220
	timeLeft   = 44 // y-axis labels
	timeBottom = 26 // x-axis labels
)

// htmlView is the report as the template draws it.
type htmlView struct {
	Report
	Generated, Since string
	Multi            bool
	Terms, Cats      barChart
	MoreTerms        []TermReport
	Time             timeChart
	Rounds           []roundView
}

type barChart struct {
	W, H int
	Bars []bar
}

type bar struct {
	Label, Full, Value, Class string
	Y, TextY, W               int
}

type timeChart struct {
	W, H, Left, Base, Max int
	Bars                  []timeBar
	Ticks                 []tick
	Width                 string
}

type timeBar struct {
	X, W, Y, H, RightY, RightH int
	Title                      string
}

type tick struct {
	X, Y  int
	Label string
}

type roundView struct {
	RoundReport
	Title  string
	Podium []step
	W, H   int
}

// step is one block of a podium: the place, who stands on it, and where.
type step struct {
	Place            int
	Names, Full      string
	X, Y, W, H, TxtY int
}

func (rep Report) writeHTML(w io.Writer) error {
	v := htmlView{Report: rep, Generated: rep.Generated.Format("2 Jan 2006 15:04"), Multi: len(rep.Cohorts) > 1}
	if rep.Since != nil {
		v.Since = rep.Since.Format("2 Jan 2006")
	}
	shown := rep.Terms
	if len(shown) > termBars {
		shown, v.MoreTerms = shown[:termBars], shown[termBars:]
	}
	for _, t := range shown {
		v.Terms.add(t.Term, t.Accuracy, fmt.Sprintf("%s of %d", pct(t.Accuracy), t.Reviews))
	}
	for _, c := range rep.Categories {
		v.Cats.add(c.Category, c.Accuracy, fmt.Sprintf("%s of %d", pct(c.Accuracy), c.Reviews))
	}
	v.Time = newTimeChart(rep.Timeline)
	for i, r := range rep.Rounds {
		v.Rounds = append(v.Rounds, newRoundView(i+1, r, v.Multi))
	}
	if err := reportTemplate().Execute(w, v); err != nil {
		return fmt.Errorf("html report: %w", err)
	}
	return nil
}

func (c *barChart) add(label string, acc float64, value string) {
	y := len(c.Bars) * barRowH
	class := "good"
	switch {
	case acc < 0.5:
		class = "bad"
	case acc < 0.75:
		class = "fair"
	}
	c.Bars = append(c.Bars, bar{Label: clip(label, labelRunes), Full: label, Value: value, Class: class,
		Y: y + 4, TextY: y + 17, W: max(int(acc*barW+0.5), 2)})
	c.W, c.H = barLabelW+barW+110, len(c.Bars)*barRowH+4
}

// clip cuts s to n characters, marking the cut with an ellipsis.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

func newTimeChart(buckets []TimeBucket) timeChart {
	c := timeChart{W: timeW, H: timeH, Left: timeLeft, Base: timeH - timeBottom}
	if len(buckets) == 0 {
		return c
	}
	for _, b := range buckets {
		c.Max = max(c.Max, b.Answers)
	}
	c.Width = every(buckets[0].Width)
	slot := (timeW - timeLeft - 8) / len(buckets)
	plot := c.Base - 12
	layout := "15:04"
	if buckets[0].Width >= 24*time.Hour || buckets[len(buckets)-1].Start.YearDay() != buckets[0].Start.YearDay() {
		layout = "2 Jan 15:04"
	}
	nth := max(1, (len(buckets)+7)/8) // at most eight labels
	for i, b := range buckets {
		x := timeLeft + 4 + i*slot
		h := b.Answers * plot / c.Max
		rh := b.Correct * plot / c.Max
		c.Bars = append(c.Bars, timeBar{X: x, W: max(slot-2, 1), Y: c.Base - h, H: h, RightY: c.Base - rh, RightH: rh,
			Title: fmt.Sprintf("%s: %d answers, %d right", b.Start.Format(layout), b.Answers, b.Correct)})
		if i%nth == 0 {
			c.Ticks = append(c.Ticks, tick{X: x, Y: c.Base + 17, Label: b.Start.Format(layout)})
		}
	}
	return c
}

// every names a bucket width as the legend reads it: "per 5 minutes".
func every(d time.Duration) string {
	switch {
	case d == time.Minute:
		return "minute"
	case d < time.Hour:
		return strconv.Itoa(int(d/time.Minute)) + " minutes"
	case d == time.Hour:
		return "hour"
	case d < 24*time.Hour:
		return strconv.Itoa(int(d/time.Hour)) + " hours"
	case d == 24*time.Hour:
		return "day"
	}
	return strconv.Itoa(int(d/(24*time.Hour))) + " days"
}

// newRoundView lays out round r's podium: second, first, third from the
// left, as on a real one; tied trainees share a step.
func newRoundView(n int, r RoundReport, multi bool) roundView {
	v := roundView{RoundReport: r, W: 420, H: 120}
	v.Title = "Round " + strconv.Itoa(n)
	if multi {
		v.Title += " · " + r.Cohort
	}
	byPlace := map[int][]string{}
	for _, p := range r.Podium() {
		byPlace[p.Rank] = append(byPlace[p.Rank], p.Name)
	}
	heights := map[int]int{1: 80, 2: 58, 3: 40}
	for i, place := range []int{2, 1, 3} {
		names := byPlace[place]
		if len(names) == 0 {
			continue
		}
		full := names[0]
		for _, n := range names[1:] {
			full += ", " + n
		}
		h := heights[place]
		x := i * 140
		v.Podium = append(v.Podium, step{Place: place, Names: clip(full, 18), Full: full,
			X: x + 5, W: 130, Y: v.H - h, H: h, TxtY: v.H - h - 8})
	}
	return v
}
