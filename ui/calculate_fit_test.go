package ui

import (
	"slices"
	"testing"
)

// A short form gives up its blank lines before any field or result
// line, says "more" only when something is hidden, and always keeps the
// focused field and the result's first line.
func TestFitFormGivesUpBlankLinesFirst(t *testing.T) {
	header := []string{"Customer Acquisition Cost", "CAC = …"}
	fields := [][]string{{"f1"}, {"f2"}, {"f3"}}
	result := []string{"CAC = $500.00", "CAC = 50,000 ÷ 100"}
	for _, c := range []struct {
		h        int
		focus    int
		wantHint string
		want     []string
	}{
		{9, 0, "", []string{"Customer Acquisition Cost", "CAC = …", "", "f1", "f2", "f3", "", "CAC = $500.00", "CAC = 50,000 ÷ 100"}},
		{7, 0, "", []string{"Customer Acquisition Cost", "CAC = …", "f1", "f2", "f3", "CAC = $500.00", "CAC = 50,000 ÷ 100"}},
		{6, 0, " more ↓ ", []string{"Customer Acquisition Cost", "CAC = …", "f1", "f2", "CAC = $500.00", "CAC = 50,000 ÷ 100"}},
		{4, 2, " more ↑ ", []string{"f2", "f3", "CAC = $500.00", "CAC = 50,000 ÷ 100"}},
	} {
		lines, hint := fitForm(header, fields, c.focus, result, c.h)
		if hint != c.wantHint || !slices.Equal(lines, c.want) {
			t.Errorf("h=%d focus=%d: %q %q, want %q %q", c.h, c.focus, lines, hint, c.want, c.wantHint)
		}
	}
}
