package main

import (
	"bytes"
	"encoding/json"
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

func TestDefineByNameAcronymAliasAndFuzzy(t *testing.T) {
	cases := map[string]string{
		"CLV":                     "Customer Lifetime Value",
		"customer lifetime value": "Customer Lifetime Value",
		"buyer persona":           "Customer Persona",
		"sql":                     "Sales Qualified Lead",
		"churn":                   "Churn Rate",
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

// A typo resolves to the term the user meant, not to an entry whose
// name merely contains the letters in order.
func TestDefineTypoFindsIntendedTerm(t *testing.T) {
	code, out, errOut := runCLI(t, "define", "chrun")
	if code != 0 || !strings.HasPrefix(out, "Churn Rate") {
		t.Fatalf("define chrun: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

func TestSearchTypoSuggestsOnStderr(t *testing.T) {
	code, _, errOut := runCLI(t, "search", "chrun")
	if code != 0 && code != 1 {
		t.Fatalf("exit %d", code)
	}
	if !strings.Contains(errOut, "did you mean Churn Rate") {
		t.Fatalf("stderr %q lacks the suggestion", errOut)
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
