package main

import (
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/crm101/crm101/glossary"
)

// The help that names pack formats in prose names every format of the
// registry, so a new format cannot be left out of it.
func TestDeckHelpNamesEveryFormat(t *testing.T) {
	root := &cobra.Command{Use: "crm101"}
	addDeckFlags(root)
	deck := newDeckCmd()
	export, _, err := deck.Find([]string{"export"})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := export.Flag("format").Usage, "yaml, json, csv, tsv or anki (default: from the -o extension, else yaml)"; got != want {
		t.Errorf("--format usage %q, want %q", got, want)
	}
	texts := map[string]string{
		"--deck usage": root.PersistentFlags().Lookup("deck").Usage,
		"deck help":    deck.Long,
		"export short": export.Short,
	}
	for what, text := range texts {
		for _, f := range glossary.Formats() {
			if !strings.Contains(strings.ToLower(text), string(f)) {
				t.Errorf("%s does not name %s: %q", what, f, text)
			}
		}
	}
}
