package glossary

import (
	"bytes"
	"fmt"
	"sync"

	"github.com/crm101/crm101/assets"
	"go.yaml.in/yaml/v3"
)

// ParseYAML decodes a YAML list of entries. Unknown fields are errors:
// a misspelt "defintion" must not silently drop a definition.
func ParseYAML(data []byte) ([]Entry, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, ErrEmpty
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var entries []Entry
	if err := dec.Decode(&entries); err != nil {
		return nil, err
	}
	if len(entries) == 0 {
		return nil, ErrEmpty
	}
	return entries, nil
}

var builtin = sync.OnceValues(func() (*Glossary, error) {
	entries, err := ParseYAML(assets.GlossaryYAML)
	if err != nil {
		return nil, fmt.Errorf("built-in glossary: %w", err)
	}
	g, err := New(entries)
	if err != nil {
		return nil, fmt.Errorf("built-in glossary: %w", err)
	}
	return g, nil
})

// Builtin returns the glossary embedded in the binary, parsed once.
func Builtin() (*Glossary, error) { return builtin() }
