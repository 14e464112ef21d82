package main

import "testing"

// Every subcommand keeps the README's exit codes: 2 for a usage error
// (unknown command, missing or extra argument, bad flag or value, the app
// without a terminal), 1 for nothing found or a guess, 0 otherwise — the
// same with --json.
func TestExitCodes(t *testing.T) {
	data := t.TempDir()
	cases := []struct {
		args []string
		want int
	}{
		{[]string{}, 2}, // the app needs a terminal; tests have none
		{[]string{"browse", "churn", "rate"}, 2},
		{[]string{"bogus"}, 2},
		{[]string{"--bogus"}, 2},
		{[]string{"terms", "extra"}, 2},
		{[]string{"terms"}, 0},
		{[]string{"terms", "--json"}, 0},
		{[]string{"define"}, 2},
		{[]string{"define", "churn rate"}, 0},
		{[]string{"define", "churn rate", "--json"}, 0},
		{[]string{"define", "forcast"}, 1},
		{[]string{"define", "forcast", "--json"}, 1},
		{[]string{"define", "zzqqxxjj"}, 1},
		{[]string{"search"}, 2},
		{[]string{"search", "churn"}, 0},
		{[]string{"search", "zzzz"}, 1},
		{[]string{"search", "zzzz", "--json"}, 1},
		{[]string{"calc", "--list"}, 0},
		{[]string{"calc", "--list", "--json"}, 0},
		{[]string{"calc", "--list", "cac"}, 2},
		{[]string{"calc", "nosuch", "--x", "1"}, 2},
		{[]string{"calc", "cac", "extra"}, 2},
		{[]string{"calc", "churn", "--customers-start", "100", "--customers-lost", "5"}, 0},
		{[]string{"calc", "churn", "--customers-start", "abc", "--customers-lost", "5"}, 2},
		{[]string{"calc"}, 2}, // the app needs a terminal
		{[]string{"quiz"}, 2}, // the app needs a terminal
		{[]string{"quiz", "extra"}, 2},
		{[]string{"quiz", "export", "--data-dir", data}, 0},
		{[]string{"quiz", "export", "extra", "--data-dir", data}, 2},
		{[]string{"stats", "--data-dir", data}, 0},
		{[]string{"stats", "extra", "--data-dir", data}, 2},
		{[]string{"report", "extra"}, 2},
		{[]string{"report", "--data-dir", t.TempDir()}, 1}, // no classroom yet
		{[]string{"serve", "extra"}, 2},
		{[]string{"serve", "--teams", "1"}, 2},
		{[]string{"serve", "--teams", "colours"}, 2},
		{[]string{"deck"}, 0},
		{[]string{"deck", "bogus"}, 2},
		{[]string{"deck", "validate"}, 2},
		{[]string{"deck", "export", "extra"}, 2},
		{[]string{"help"}, 0},
		{[]string{"--version"}, 0},
	}
	for _, c := range cases {
		code, _, errOut := runCLI(t, c.args...)
		if code != c.want {
			t.Errorf("crm101 %q: exit %d, want %d (%s)", c.args, code, c.want, errOut)
		}
	}
}
