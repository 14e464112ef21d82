package glossary

import (
	"slices"
	"strings"
	"testing"
)

// Every confusable set resolves: at least two distinct built-in entries
// and a distinction. Builtin fails otherwise; this names the sets.
func TestBuiltinCompareSetsResolve(t *testing.T) {
	g, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	sets := g.CompareSets()
	if len(sets) < 9 {
		t.Fatalf("%d compare sets, want the 9 of issue 10 at least", len(sets))
	}
	for _, s := range sets {
		for _, m := range s.Members {
			if _, ok := g.Lookup(m); !ok {
				t.Errorf("set %v: %q is no entry", s.Members, m)
			}
			if !slices.ContainsFunc(g.Compare(m), func(c CompareSet) bool { return slices.Equal(c.Members, s.Members) }) {
				t.Errorf("Compare(%q) misses the set %v", m, s.Members)
			}
		}
		if strings.Contains(s.Distinction, "\n") {
			t.Errorf("set %v: the distinction is more than one line", s.Members)
		}
	}
	got := g.Compare("cpa")
	if len(got) != 1 || !slices.Equal(got[0].Members, []string{"Cost per Lead", "Cost per Acquisition", "Customer Acquisition Cost"}) {
		t.Errorf("Compare(cpa) = %+v", got)
	}
	if g.Compare("Gamification") != nil || g.Compare("no such term") != nil {
		t.Error("Compare of a term in no set returned sets")
	}
}

func TestCheckCompareRejectsBrokenSets(t *testing.T) {
	g, err := New(validEntries())
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		set  CompareSet
		want string
	}{
		{CompareSet{Members: []string{"CAC"}, Distinction: "x"}, "at least two"},
		{CompareSet{Members: []string{"CAC", "CLV"}}, "missing distinction"},
		{CompareSet{Members: []string{"CAC", "Churn"}, Distinction: "x"}, `"Churn" matches no entry`},
		{CompareSet{Members: []string{"CAC", "Customer Acquisition Cost"}, Distinction: "x"}, "repeats"},
	}
	for _, c := range cases {
		if _, err := checkCompare(g, []CompareSet{c.set}); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("checkCompare(%v) = %v, want %q", c.set.Members, err, c.want)
		}
	}
	sets, err := checkCompare(g, []CompareSet{{Members: []string{"cac", "LIFETIME VALUE"}, Distinction: " d "}})
	if err != nil || !slices.Equal(sets[0].Members, []string{"Customer Acquisition Cost", "Customer Lifetime Value"}) || sets[0].Distinction != "d" {
		t.Errorf("checkCompare = %+v, %v; want members as terms", sets, err)
	}
}

// A pack that drops a member hides the set rather than showing half.
func TestCompareNeedsEveryMember(t *testing.T) {
	g, err := New(validEntries())
	if err != nil {
		t.Fatal(err)
	}
	if sets := g.Compare("CAC"); sets != nil {
		t.Errorf("Compare(CAC) without CPL and CPA = %+v", sets)
	}
}

func TestRenames(t *testing.T) {
	r := Renames()
	if r["prevision"] != "Sales Forecasting" {
		t.Errorf("Renames()[prevision] = %q, want Sales Forecasting", r["prevision"])
	}
	g, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for old, now := range r {
		if e, ok := g.Lookup(now); !ok || e.Term != now {
			t.Errorf("rename %s → %s: no such term", old, now)
		}
		if i, ok := g.Index(old); ok && Key(g.At(i).Term) == old {
			t.Errorf("rename %s → %s: %s is still a term", old, now, old)
		}
	}
}
