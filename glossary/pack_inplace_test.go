package glossary

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
)

// Load merges a large pack in the pack's own array (layering.inPlace);
// the glossary must be the one a fresh copy gives: same entries in the
// same order, same names, same pack versions. The pack is shuffled, so
// the reordering has long cycles, and it has every way a row can end:
// kept, a duplicate replaced by its later row, a clash kept beside the
// built-in entry, an override, an alias left out, a broken link skipped.
func TestInPlaceMergeEqualsCopy(t *testing.T) {
	base := builtinT(t)
	entries := packEntries(t, 1500)
	rng := rand.New(rand.NewPCG(3, 9))
	rng.Shuffle(len(entries), func(i, j int) { entries[i], entries[j] = entries[j], entries[i] })
	entries[10].Related = []string{"No Such Term"}
	entries[20].Aliases = []string{"CAC"}
	dup := entries[30]
	dup.Definition = "The later row."
	entries = append(entries, dup,
		Entry{Term: "Lead", Category: Sales, Definition: "At Acme, anyone who booked a demo."},
		Entry{Term: "Churn Rate", Category: Metrics, Definition: "Acme's churn."})
	var buf bytes.Buffer
	if err := Export(&buf, entries, FormatCSV); err != nil {
		t.Fatal(err)
	}
	parse := func() *Pack {
		p, _ := ParsePackWith("acme.csv", bytes.Clone(buf.Bytes()), FormatCSV, ReadOptions{reserve: base.Len()})
		if p == nil || len(p.arena) != len(p.Entries) {
			t.Fatalf("pack not stored in one arena")
		}
		return p
	}
	for _, onClash := range []OnClash{ClashKeep, ClashReplace} {
		copied, owned := parse(), parse()
		copied.OnClash, owned.OnClash = onClash, onClash
		want, wantRep, wantPs := layerPacks(base, []*Pack{copied}, false)
		got, gotRep, gotPs := layerPacks(base, []*Pack{owned}, true)
		if owned.arena != nil {
			t.Fatalf("%s: the merge did not take the pack's arena", onClash)
		}
		if !reflect.DeepEqual(got.entries, want.entries) {
			for i := range want.entries {
				if !reflect.DeepEqual(got.entries[i], want.entries[i]) {
					t.Fatalf("%s: entry %d is %+v, want %+v", onClash, i, got.entries[i], want.entries[i])
				}
			}
			t.Fatalf("%s: %d entries, want %d", onClash, len(got.entries), len(want.entries))
		}
		if !reflect.DeepEqual(got.byName, want.byName) || !reflect.DeepEqual(got.versions, want.versions) ||
			!reflect.DeepEqual(gotRep, wantRep) || fmt.Sprint(gotPs) != fmt.Sprint(wantPs) {
			t.Errorf("%s: names, versions, report or problems differ", onClash)
		}
		if len(wantPs) == 0 || wantRep.Packs[0].Skipped == 0 || (onClash == ClashKeep && len(want.versions) == 0) {
			t.Errorf("%s: the pack was meant to have problems, skipped rows and clashes: %+v %v", onClash, wantRep, wantPs)
		}
	}
}
