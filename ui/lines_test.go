package ui

import (
	"slices"
	"testing"
)

func TestCapLines(t *testing.T) {
	for _, c := range []struct {
		in   string
		n    int
		want string
	}{
		{"one\ntwo", 2, "one\ntwo"},
		{"one\ntwo\nthree", 2, "one\ntw…"},
		{"\x1b[1mbold line   \x1b[m\nnext", 1, "bold lin…"},
		{"one\ntwo", 0, ""},
	} {
		if got := capLines(c.in, c.n); got != c.want {
			t.Errorf("capLines(%q, %d) = %q, want %q", c.in, c.n, got, c.want)
		}
	}
}

func TestDropBlank(t *testing.T) {
	lines := []string{"a", "", "b", "\x1b[m   \x1b[m", "c"}
	got, left := dropBlank(lines, 1)
	if want := []string{"a", "", "b", "c"}; !slices.Equal(got, want) || left != 0 {
		t.Errorf("dropBlank(1) = %q, %d; want %q, 0 (the last blank first, styled or not)", got, left, want)
	}
	got, left = dropBlank(lines, 5)
	if want := []string{"a", "b", "c"}; !slices.Equal(got, want) || left != 3 {
		t.Errorf("dropBlank(5) = %q, %d; want %q, 3", got, left, want)
	}
	if lines[1] != "" || len(lines) != 5 {
		t.Error("dropBlank changed its argument")
	}
}
