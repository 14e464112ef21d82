package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/crm101/crm101/glossary"
)

func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestDefineByNameAcronymAndAlias(t *testing.T) {
	cases := map[string]string{
		"CLV":                     "Customer Lifetime Value",
		"customer lifetime value": "Customer Lifetime Value",
		"buyer persona":           "Customer Persona",
		"sql":                     "Sales Qualified Lead",
		"customer churn":          "Churn Rate",
	}
	for query, want := range cases {
		code, out, errOut := runCLI(t, "define", query, "--json")
		if code != 0 {
			t.Fatalf("define %q: exit %d, %s", query, code, errOut)
		}
		var e glossary.Entry
		if err := json.Unmarshal([]byte(out), &e); err != nil {
			t.Fatalf("define %q --json: %v\n%s", query, err, out)
		}
		if e.Term != want || e.Definition == "" || e.Category == "" {
			t.Errorf("define %q = %q, want %q", query, e.Term, want)
		}
	}
}

// A typo prints the term the user meant, not an entry whose name merely
// contains the letters in order, and exits 1 so a script knows it was a
// guess; stderr says so.
func TestDefineTypoPrintsClosestAndExitsOne(t *testing.T) {
	for query, want := range map[string]string{"chrun": "Churn Rate", "forcast": "Sales Forecasting"} {
		code, out, errOut := runCLI(t, "define", query)
		wantErr := `crm101: no exact match for "` + query + `"; closest: ` + want
		if code != 1 || !strings.HasPrefix(out, want) || !strings.Contains(errOut, wantErr) {
			t.Errorf("define %s: exit %d, stdout %.40q, stderr %q; want 1, %s, %q", query, code, out, errOut, want, wantErr)
		}
	}
}

// An exact name exits 0: CPA is Cost per Acquisition, no longer a loose
// match inside Business Process Automation; a former term still works.
func TestDefineExactNameExitsZero(t *testing.T) {
	for query, want := range map[string]string{"CPA": "Cost per Acquisition", "prevision": "Sales Forecasting", "persona": "Customer Persona"} {
		code, out, errOut := runCLI(t, "define", query)
		if code != 0 || !strings.HasPrefix(out, want) || errOut != "" {
			t.Errorf("define %s: exit %d, stdout %.40q, stderr %q; want 0 and %s", query, code, out, errOut, want)
		}
	}
}

func TestSearchTypoSuggestsFirst(t *testing.T) {
	code, out, errOut := runCLI(t, "search", "chrun")
	if code != 0 || !strings.HasPrefix(out, "Churn Rate") || !strings.Contains(errOut, "did you mean Churn Rate") {
		t.Fatalf("search chrun: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	code, out, _ = runCLI(t, "search", "chrun", "--json")
	var hits []struct {
		Term      string `json:"term"`
		Suggested bool   `json:"suggested"`
	}
	if err := json.Unmarshal([]byte(out), &hits); err != nil || code != 0 {
		t.Fatalf("search chrun --json: exit %d, %v\n%s", code, err, out)
	}
	if len(hits) < 2 || hits[0].Term != "Churn Rate" || !hits[0].Suggested || hits[len(hits)-1].Suggested {
		t.Errorf("search chrun --json = %+v, want Churn Rate first and suggested, loose matches after", hits)
	}
}

// No result at all exits 1, with or without --json.
func TestSearchNothingExitsOne(t *testing.T) {
	for _, args := range [][]string{{"search", "zzzzqqqq"}, {"search", "zzzzqqqq", "--json"}} {
		code, out, errOut := runCLI(t, args...)
		if code != 1 || !strings.Contains(errOut, "no term matches") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out, errOut)
		}
		if len(args) == 3 && strings.TrimSpace(out) != "[]" {
			t.Errorf("%v: stdout %q, want []", args, out)
		}
	}
}

// Words found in a definition count: content marketing is what Inbound
// Marketing's definition describes.
func TestSearchFindsWordsOfDefinitions(t *testing.T) {
	code, out, errOut := runCLI(t, "search", "content marketing")
	if code != 0 || !strings.Contains(out, "Inbound Marketing") {
		t.Errorf("search content marketing: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

func TestDefineNothingCloseExitsOne(t *testing.T) {
	code, out, errOut := runCLI(t, "define", "zzzzqqqq")
	if code != 1 || out != "" || !strings.Contains(errOut, "no term matches") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

func TestSearchJSONIsRankedAndLimited(t *testing.T) {
	code, out, _ := runCLI(t, "search", "lead", "--json", "--limit", "3")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var es []glossary.Entry
	if err := json.Unmarshal([]byte(out), &es); err != nil {
		t.Fatal(err)
	}
	if len(es) != 3 || es[0].Term != "Lead" {
		t.Fatalf("search lead = %v, want 3 entries starting with Lead", es)
	}
	if code, _, errOut := runCLI(t, "search", "lead", "--limit", "-1"); code != 2 || !strings.Contains(errOut, "--limit") {
		t.Fatalf("negative limit: exit %d, %q", code, errOut)
	}
}

func TestTermsListsEveryEntry(t *testing.T) {
	g, err := glossary.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	code, out, _ := runCLI(t, "terms", "--json")
	var es []glossary.Entry
	if code != 0 || json.Unmarshal([]byte(out), &es) != nil || len(es) != g.Len() {
		t.Fatalf("terms --json: exit %d, %d entries, want %d", code, len(es), g.Len())
	}
	code, out, _ = runCLI(t, "terms")
	if code != 0 || strings.Count(out, "\n") != g.Len() {
		t.Fatalf("terms: exit %d, %d lines", code, strings.Count(out, "\n"))
	}
}

func TestVersionAndUnknownCommand(t *testing.T) {
	if code, out, _ := runCLI(t, "--version"); code != 0 || !strings.Contains(out, "crm101") {
		t.Fatalf("--version: %d %q", code, out)
	}
	if code, _, errOut := runCLI(t, "frobnicate"); code == 0 || !strings.Contains(errOut, "unknown command") {
		t.Fatalf("unknown command: %d %q", code, errOut)
	}
}

// A malformed flag is bad input on every command, not only calc.
func TestMalformedFlagsExitTwo(t *testing.T) {
	for _, args := range [][]string{
		{"search", "lead", "--limit", "z"},
		{"quiz", "export", "--count", "abc"},
		{"calc", "cac", "--new-customers"},
		{"--nonsense"},
	} {
		if code, _, errOut := runCLI(t, args...); code != 2 || errOut == "" {
			t.Errorf("%v: exit %d, stderr %q; want 2 with a message", args, code, errOut)
		}
	}
}

// A pack's own definition of a term the built-in glossary keeps (on-clash
// keep) is printed after the entry's, under "<Pack>'s definition", one per
// pack in layer order; --json carries them as "versions", [] when none.
func TestDefineShowsPackVersions(t *testing.T) {
	dir := t.TempDir()
	acme, sales := filepath.Join(dir, "acme.csv"), filepath.Join(dir, "sales_team.csv")
	for path, text := range map[string]string{
		acme:  "Term,Definition\nLead,\"At Acme, anyone who booked a demo.\"\nRamp Time,Weeks until a new rep is productive.\n",
		sales: "Term,Definition\nlead,A signed-up trial user.\n",
	} {
		if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	code, out, _ := runCLI(t, "--deck", acme, "--deck", sales, "define", "lead")
	want := "\n\nAcme's definition: At Acme, anyone who booked a demo.\n\nSales team's definition: A signed-up trial user.\n\nExample: "
	if code != 0 || !strings.HasPrefix(out, "Lead\n") || !strings.Contains(out, want) {
		t.Errorf("define lead: exit %d\n%s\nwant it to contain %q", code, out, want)
	}
	code, out, _ = runCLI(t, "--deck", acme, "--deck", sales, "define", "lead", "--json")
	var got struct {
		Term     string
		Versions []map[string]string
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil || code != 0 {
		t.Fatalf("define --json: exit %d, %v\n%s", code, err, out)
	}
	wantVersions := []map[string]string{
		{"pack": "acme.csv", "label": "Acme's definition", "term": "Lead", "definition": "At Acme, anyone who booked a demo."},
		{"pack": "sales_team.csv", "label": "Sales team's definition", "term": "lead", "definition": "A signed-up trial user."},
	}
	if got.Term != "Lead" || !reflect.DeepEqual(got.Versions, wantVersions) {
		t.Errorf("define --json: %s %v, want Lead %v", got.Term, got.Versions, wantVersions)
	}
	// Every documented key is always there: [] for a term no pack redefines.
	for _, args := range [][]string{{"define", "cac", "--json"}, {"--deck", acme, "define", "ramp time", "--json"}} {
		_, out, _ = runCLI(t, args...)
		if !strings.Contains(out, `"versions": []`) {
			t.Errorf("%v: want \"versions\": []\n%s", args, out)
		}
	}
	if _, out, _ = runCLI(t, "--deck", acme, "define", "cac"); strings.Contains(out, "'s definition") {
		t.Errorf("define cac shows a pack version:\n%s", out)
	}
}
