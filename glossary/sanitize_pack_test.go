package glossary

import (
	"strings"
	"testing"
)

// Control characters are stripped from every field as a pack is parsed,
// each reported at the entry's line and field.
func TestParsePackStripsControls(t *testing.T) {
	yaml := "- term: \"\\e[2J\\e]0;pwn\\aEvil\"\n" +
		"  category: Sales\n" +
		"  definition: \"Clears\\nthe screen\\u009b\"\n" +
		"  aliases: [\"ok\", \"ta\\tb\"]\n" // a tab is allowed
	p, problems := ParsePack("evil.yaml", []byte(yaml), FormatYAML)
	if len(problems) != 0 {
		t.Fatalf("problems %v", problems)
	}
	e := p.Entries[0]
	if e.Term != "[2J]0;pwnEvil" || e.Definition != "Clears\nthe screen" || e.Aliases[1] != "ta\tb" {
		t.Errorf("entry %+v", *e.Entry)
	}
	want := []string{
		"evil.yaml:1: control character U+001B in term (removed)",
		"evil.yaml:1: control character U+009B in definition (removed)",
	}
	if got := p.Warnings.Error(); got != strings.Join(want, "\n") {
		t.Errorf("stripped:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
}

func TestBuiltinHasNoControls(t *testing.T) {
	g, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range g.Entries() {
		for _, s := range append([]string{e.Term, e.Acronym, string(e.Category), e.Definition, e.Example, e.Formula}, append(e.Aliases, e.Related...)...) {
			if r, bad := FirstControl(s); bad {
				t.Errorf("%s: control character %U", e.Term, r)
			}
		}
	}
}
