package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/crm101/crm101/glossary"
	"github.com/crm101/crm101/quiz"
)

func testPack(name string) string { return filepath.Join("glossary", "testdata", "packs", name) }

func termsJSON(t *testing.T, args ...string) []glossary.Entry {
	t.Helper()
	code, out, errOut := runCLI(t, append(args, "terms", "--json")...)
	if code != 0 {
		t.Fatalf("%v terms: exit %d\n%s", args, code, errOut)
	}
	var entries []glossary.Entry
	if err := json.Unmarshal([]byte(out), &entries); err != nil {
		t.Fatal(err)
	}
	return entries
}

func TestDeckValidate(t *testing.T) {
	code, out, errOut := runCLI(t, "deck", "validate", testPack("broken.csv"), testPack("good.json"))
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 4 || lines[0] != testPack("broken.csv")+`:2: missing definition for "Ramp Time"` ||
		!strings.HasPrefix(lines[3], testPack("broken.csv")+`:1: warning: columns "defintion" and "colour" are left out`) {
		t.Errorf("problems:\n%s", out)
	}
	if errOut != "crm101: 3 problems in 2 files\n" {
		t.Errorf("stderr %q", errOut)
	}
	code, out, _ = runCLI(t, "deck", "validate", testPack("good.yaml"), testPack("good.txt"))
	if code != 0 || out != "ok: 2 packs, 5 terms (1 replacing earlier entries)\n" {
		t.Errorf("clean packs: exit %d, %q", code, out)
	}
	// Alone, good.yaml's reference to Deal fails, and its override is
	// only a warning.
	if code, out, _ = runCLI(t, "deck", "validate", "--only-decks", testPack("good.yaml")); code != 1 || !strings.Contains(out, `warning: "Churn Rate" overrides nothing`) ||
		!strings.Contains(out, `related "Deal" matches no term`) {
		t.Errorf("--only-decks validate: exit %d\n%s", code, out)
	}
	if code, _, _ = runCLI(t, "deck", "validate"); code == 0 {
		t.Error("validate with no files succeeded")
	}
}

// Under --strict a broken pack stops every command before it starts,
// with the same messages as validate --strict, and never creates or
// opens the progress store.
func TestBrokenDeckStopsStartup(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	t.Setenv(quiz.DataDirEnv, data)
	_, validateOut, _ := runCLI(t, "deck", "validate", "--strict", testPack("broken.yaml"))
	if strings.Contains(validateOut, "warning:") || !strings.Contains(validateOut, `overrides nothing`) {
		t.Errorf("validate --strict lists warnings as problems:\n%s", validateOut)
	}
	for _, args := range [][]string{
		{"--strict", "--deck", testPack("broken.yaml"), "terms"},
		{"define", "lead", "--deck", testPack("broken.yaml"), "--strict"},
		{"--deck", testPack("broken.yaml"), "--strict", "deck", "export", "--missed"},
		{"--deck", testPack("empty.csv"), "terms"}, // unreadable: refused even leniently
	} {
		if args[len(args)-1] == "terms" && args[1] == testPack("empty.csv") {
			_, validateOut, _ = runCLI(t, "deck", "validate", testPack("empty.csv"))
		}
		code, out, errOut := runCLI(t, args...)
		if code != 1 || out != "" {
			t.Errorf("%v: exit %d, stdout %q", args, code, out)
		}
		if !strings.HasSuffix(errOut, validateOut) {
			t.Errorf("%v: stderr\n%s\nwant the validate messages\n%s", args, errOut, validateOut)
		}
	}
	if _, err := os.Stat(data); !os.IsNotExist(err) {
		t.Errorf("a failed start touched the data directory: %v", err)
	}
}

// Leniently, a pack loads its good notes and says in one line what it
// skipped; clashes with built-in terms keep the built-in entry.
func TestDeckLoadsLeniently(t *testing.T) {
	code, out, errOut := runCLI(t, "--deck", testPack("broken.yaml"), "define", "lead")
	if code != 0 || !strings.Contains(out, "Lead") || strings.Contains(out, "From pack") {
		t.Errorf("define lead: exit %d\n%s", code, out)
	}
	want := "broken.yaml: 1 term loaded, 2 skipped, 3 warnings (crm101 deck validate " + testPack("broken.yaml") + " for details)\n" +
		"broken.yaml: 1 term already defined earlier (built-in or an earlier pack) and kept as they were; the pack's definitions are shown beside them (--on-clash=replace to use the pack's)\n"
	if errOut != want {
		t.Errorf("stderr\n%s\nwant\n%s", errOut, want)
	}
	code, out, _ = runCLI(t, "--deck", testPack("broken.yaml"), "--on-clash", "replace", "define", "lead")
	if code != 0 || !strings.Contains(out, "From pack: broken.yaml") {
		t.Errorf("--on-clash=replace: exit %d\n%s", code, out)
	}
	if code, _, errOut = runCLI(t, "--deck", testPack("broken.yaml"), "--on-clash", "error", "terms"); code != 1 || !strings.Contains(errOut, `term "Lead" is already defined by built-in`) {
		t.Errorf("--on-clash=error: exit %d\n%s", code, errOut)
	}
	if code, _, errOut = runCLI(t, "--on-clash", "sometimes", "terms"); code != 2 || !strings.Contains(errOut, "want keep, replace or error") {
		t.Errorf("bad --on-clash: exit %d\n%s", code, errOut)
	}
	// --pack-category names the default category of pack notes, and so
	// does --category where no command has a --category of its own.
	for _, flag := range []string{"--pack-category", "--category"} {
		got := termsJSON(t, "--only-decks", flag, "Acme", "--deck", testPack("headerless.csv"))
		if len(got) != 3 || got[0].Category != "Acme" {
			t.Errorf("%s: %+v", flag, got)
		}
	}
}

// After quiz, --category is the quiz's filter; --pack-category still sets
// the pack's default category, so both can be given in one command.
func TestPackCategoryBesideQuizCategory(t *testing.T) {
	for _, args := range [][]string{
		{"--only-decks", "--deck", testPack("headerless.csv"), "--pack-category", "Sales", "quiz", "export", "--category", "sales", "--count", "3", "--mode", "flashcards", "--format", "json"},
		{"quiz", "export", "--only-decks", "--deck", testPack("headerless.csv"), "--category", "sales", "--pack-category", "Sales", "--count", "3", "--mode", "flashcards", "--format", "json"},
	} {
		code, out, errOut := runCLI(t, args...)
		var qs []struct{ Term string }
		if err := json.Unmarshal([]byte(out), &qs); code != 0 || err != nil || len(qs) != 3 {
			t.Errorf("%v: exit %d, %v, %d questions\n%s", args, code, err, len(qs), errOut)
		}
	}
	code, _, errOut := runCLI(t, "--only-decks", "--deck", testPack("headerless.csv"), "--category", "Acme", "--pack-category", "Sales", "terms")
	if code != 2 || !strings.Contains(errOut, "disagree") {
		t.Errorf("--category and --pack-category disagreeing: exit %d, %s", code, errOut)
	}
}

func TestDeckFlagsAndEnv(t *testing.T) {
	t.Setenv(DecksEnv, testPack("good.tsv")+string(os.PathListSeparator)+testPack("good.json"))
	all := termsJSON(t, "--deck", testPack("good.csv"))
	packs := map[string]int{}
	for _, e := range all {
		packs[e.Pack]++
	}
	if packs["good.tsv"] != 2 || packs["good.json"] != 2 || packs["good.csv"] != 3 {
		t.Errorf("packs: %v", packs)
	}
	t.Setenv(DecksEnv, testPack("good.tsv"))
	only := termsJSON(t, "--only-decks", "--deck", "./"+testPack("good.tsv")) // the same file twice: loaded once
	if len(only) != 2 || only[0].Pack != "good.tsv" {
		t.Errorf("--only-decks with $%s: %+v", DecksEnv, only)
	}
	t.Setenv(DecksEnv, "")
	reversed := termsJSON(t, "--deck", testPack("good.json"), "--deck", testPack("good.tsv"), "--deck", testPack("good.csv"))
	if !reflect.DeepEqual(all, reversed) {
		t.Error("the order of packs changed the glossary")
	}
	if code, _, errOut := runCLI(t, "--only-decks", "terms"); code != 2 || !strings.Contains(errOut, "--only-decks needs at least one --deck") {
		t.Errorf("--only-decks alone: exit %d, %s", code, errOut)
	}
	code, out, _ := runCLI(t, "--deck", testPack("good.yaml"), "define", "churn rate")
	if code != 0 || !strings.Contains(out, "At Acme") || !strings.Contains(out, "From pack: good.yaml") {
		t.Errorf("define of an overridden term:\n%s", out)
	}
}

// export → --deck import gives the same entries, in every format.
// The hostile pack (#-terms, commas, quotes, line breaks, tabs, pipes,
// HTML-like text, non-ASCII, its own categories and tags) survives too.
func TestDeckExportRoundTrip(t *testing.T) {
	decks := []string{"--deck", testPack("good.yaml"), "--deck", testPack("good.txt"), "--deck", testPack("hostile.yaml")}
	want := termsJSON(t, decks...)
	for _, f := range glossary.Formats() {
		t.Run(string(f), func(t *testing.T) {
			ext := map[glossary.Format]string{glossary.FormatAnki: "txt"}[f]
			if ext == "" {
				ext = string(f)
			}
			path := filepath.Join(t.TempDir(), "export."+ext)
			code, _, errOut := runCLI(t, append(decks, "deck", "export", "-o", path)...)
			if code != 0 {
				t.Fatalf("export: exit %d, %s", code, errOut)
			}
			got := termsJSON(t, "--strict", "--only-decks", "--deck", path)
			if len(got) != len(want) {
				t.Fatalf("%d entries back, want %d", len(got), len(want))
			}
			for i := range got {
				if got[i].Pack != filepath.Base(path) {
					t.Errorf("%s: pack %q", got[i].Term, got[i].Pack)
				}
				got[i].Pack, want[i].Pack = "", ""
				if !reflect.DeepEqual(got[i], want[i]) {
					t.Errorf("entry changed:\n got %+v\nwant %+v", got[i], want[i])
				}
			}
		})
	}
	code, out, _ := runCLI(t, "deck", "export", "--format", "anki")
	if code != 0 || !strings.HasPrefix(out, "#separator:tab\n#html:true\n#notetype:Basic\n") {
		t.Errorf("anki to stdout: exit %d\n%.200s", code, out)
	}
	if code, _, _ := runCLI(t, "deck", "export", "--format", "xlsx"); code != 2 {
		t.Errorf("unknown format: exit %d, want 2", code)
	}
}

// --missed exports the terms the learner struggles with, from the
// built-in deck and from packs alike, and nothing else.
func TestDeckExportMissed(t *testing.T) {
	data := t.TempDir()
	t.Setenv(quiz.DataDirEnv, data)
	if code, out, _ := runCLI(t, "deck", "export", "--missed", "--format", "csv"); code != 0 || strings.Count(out, "\n") != 1 {
		t.Errorf("no progress yet: exit %d\n%s", code, out)
	}
	if _, err := os.Stat(quiz.DBPath(data)); !os.IsNotExist(err) {
		t.Error("export --missed created a progress database")
	}
	store, err := quiz.OpenStore(quiz.DBPath(data))
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	review := func(s *quiz.Store, term string, r quiz.Rating) {
		if _, err := s.Record(quiz.Review{Term: term, Kind: "typed", Rating: r, AnswerTime: time.Second, At: at}); err != nil {
			t.Fatal(err)
		}
		at = at.Add(time.Minute)
	}
	review(store, "Churn Rate", quiz.Again)
	review(store, "Lead", quiz.Good)
	pack := store.WithDeck("pack:good.tsv")
	review(pack, "Win Room", quiz.Again)
	review(store.WithDeck("pack:other.csv"), "Logo Retention", quiz.Again) // another pack's card
	review(store, "Deal", quiz.Again)                                      // a built-in card…
	store.Close()
	code, out, errOut := runCLI(t, "--deck", testPack("good.tsv"), "deck", "export", "--missed", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got []struct{ Term string }
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got[0].Term != "Churn Rate" || got[1].Term != "Deal" || got[2].Term != "Win Room" {
		t.Errorf("missed: %+v", got)
	}
	// good.csv's Deal replaces the built-in one and is its own card, with
	// its own history: the built-in Deal's misses are not its misses…
	code, out, _ = runCLI(t, "--deck", testPack("good.csv"), "deck", "export", "--missed", "--format", "csv")
	if code != 0 || strings.Contains(out, "\nDeal,") {
		t.Errorf("missed with an override: exit %d\n%s", code, out)
	}
	// …until the learner misses the pack's Deal itself.
	store, err = quiz.OpenStore(quiz.DBPath(data))
	if err != nil {
		t.Fatal(err)
	}
	review(store.WithDeck("pack:good.csv"), "Deal", quiz.Again)
	store.Close()
	code, out, _ = runCLI(t, "--deck", testPack("good.csv"), "deck", "export", "--missed", "--format", "csv")
	if code != 0 || !strings.Contains(out, "\nDeal,") || !strings.Contains(out, "At Acme") {
		t.Errorf("missed pack Deal: exit %d\n%s", code, out)
	}
}
