package main

import (
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"
)

// readmeExample is a command from one of the README's shell blocks and
// the output the README shows under it ("#   " lines).
type readmeExample struct {
	line     int
	command  string
	output   []string
	indented bool // shown condensed, "(printed indented)": compare as JSON
}

func readmeExamples(t *testing.T) []readmeExample {
	t.Helper()
	data, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	var out []readmeExample
	inShell := false
	for i, line := range strings.Split(string(data), "\n") {
		switch {
		case strings.HasPrefix(line, "```sh"):
			inShell = true
		case strings.HasPrefix(line, "```"):
			inShell = false
		case !inShell:
		case strings.HasPrefix(line, "crm101 "):
			out = append(out, readmeExample{line: i + 1, command: line})
		case strings.HasPrefix(line, "#   ") && len(out) > 0:
			ex := &out[len(out)-1]
			text := strings.TrimPrefix(line, "#   ")
			if before, ok := strings.CutSuffix(strings.TrimRight(text, " "), "(printed indented)"); ok {
				text, ex.indented = strings.TrimRight(before, " "), true
			}
			ex.output = append(ex.output, text)
		}
	}
	return out
}

// shellWords splits a command line as a shell would for our examples:
// on spaces, with '…' and "…" quoting.
func shellWords(s string) []string {
	var words []string
	var cur strings.Builder
	quote, inWord := rune(0), false
	for _, r := range s {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			cur.WriteRune(r)
		case r == '\'' || r == '"':
			quote, inWord = r, true
		case r == ' ':
			if inWord {
				words = append(words, cur.String())
				cur.Reset()
				inWord = false
			}
		default:
			cur.WriteRune(r)
			inWord = true
		}
	}
	if inWord {
		words = append(words, cur.String())
	}
	return words
}

// Every command the README shows with its output prints that output.
func TestReadmeExamplesOutput(t *testing.T) {
	ran := 0
	for _, ex := range readmeExamples(t) {
		if len(ex.output) == 0 {
			continue
		}
		ran++
		args := shellWords(strings.TrimPrefix(ex.command, "crm101 "))
		code, out, errOut := runCLI(t, args...)
		if code != 0 {
			t.Errorf("README.md:%d %s: exit %d: %s", ex.line, ex.command, code, errOut)
			continue
		}
		want := strings.Join(ex.output, "\n")
		if ex.indented {
			var got, shown any
			if err := json.Unmarshal([]byte(out), &got); err != nil {
				t.Errorf("README.md:%d: output is not JSON: %v", ex.line, err)
				continue
			}
			if err := json.Unmarshal([]byte(want), &shown); err != nil {
				t.Errorf("README.md:%d: the README's JSON does not parse: %v\n%s", ex.line, err, want)
				continue
			}
			if !reflect.DeepEqual(got, shown) {
				t.Errorf("README.md:%d %s:\ngot  %s\nREADME shows %s", ex.line, ex.command, out, want)
			}
			continue
		}
		if strings.TrimRight(out, "\n") != want {
			t.Errorf("README.md:%d %s:\ngot\n%s\nREADME shows\n%s", ex.line, ex.command, out, want)
		}
	}
	if ran == 0 {
		t.Fatal("no README example with output found")
	}
}

// Every command the README names exists (its shell examples start with
// `crm101 COMMAND`).
func TestReadmeNamesRealCommands(t *testing.T) {
	root := newRootCmd()
	for _, ex := range readmeExamples(t) {
		words := shellWords(strings.TrimPrefix(ex.command, "crm101 "))
		if len(words) == 0 || strings.HasPrefix(words[0], "-") || strings.HasPrefix(words[0], "#") || words[0] == "…" {
			continue
		}
		name := strings.TrimRight(words[0], ",")
		if c, _, err := root.Find([]string{name}); err != nil || c == root {
			t.Errorf("README.md:%d names %q, which is no crm101 command", ex.line, name)
		}
	}
}
