package glossary

import (
	"bytes"
	"errors"
	"io"
	"regexp"
	"strconv"

	"go.yaml.in/yaml/v3"
)

// parseYAMLPack reads a YAML list of entries, the format of the built-in
// glossary plus `override`. It walks the node tree so that every problem
// carries the line of the entry or key it is about.
func parseYAMLPack(data []byte, c *collector) []PackEntry {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		c.add(yamlErrLine(err), "%s", yamlErrText(err))
		return nil
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		c.add(extra.Line, "a second YAML document; a pack is one list of entries")
	} else if !errors.Is(err, io.EOF) {
		c.add(yamlErrLine(err), "%s", yamlErrText(err))
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	if root.Kind != yaml.SequenceNode {
		c.add(root.Line, "a pack is a list of entries (\"- term: …\"), found %s", yamlKind(root))
		return nil
	}
	entries := make([]PackEntry, 0, len(root.Content))
	for _, item := range root.Content {
		if c.full() {
			break
		}
		if item.Kind != yaml.MappingNode {
			c.add(item.Line, "an entry is a mapping of fields (term, definition, …), found %s", yamlKind(item))
			continue
		}
		ok := true
		for i := 0; i+1 < len(item.Content); i += 2 {
			k := item.Content[i]
			if !knownField(k.Value) {
				c.add(k.Line, "unknown field %q%s", k.Value, didYouMean(k.Value, packFields))
				ok = false
			}
		}
		var fe fileEntry
		if err := item.Decode(&fe); err != nil {
			c.add(yamlErrLine(err, item.Line), "%s", yamlErrText(err))
			ok = false
		}
		if ok {
			entries = append(entries, fe.packEntry(item.Line))
		}
	}
	return entries
}

func knownField(name string) bool {
	for _, f := range packFields {
		if f == name {
			return true
		}
	}
	return false
}

func yamlKind(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.ScalarNode:
		return "a single value"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	return "nothing"
}

var yamlLineRE = regexp.MustCompile(`line (\d+)`)

// yamlErrLine digs the line number out of a yaml error ("yaml: line 4:
// …"), falling back to the given line or 1.
func yamlErrLine(err error, fallback ...int) int {
	if m := yamlLineRE.FindStringSubmatch(err.Error()); m != nil {
		if n, e := strconv.Atoi(m[1]); e == nil {
			return n
		}
	}
	if len(fallback) > 0 {
		return fallback[0]
	}
	return 1
}

var yamlPrefixRE = regexp.MustCompile(`^yaml: (unmarshal errors:\n\s*)?(line \d+: )?`)

func yamlErrText(err error) string {
	return "YAML: " + yamlPrefixRE.ReplaceAllString(err.Error(), "")
}
