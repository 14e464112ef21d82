package glossary

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
)

// FormatYAML is a YAML list of entries, the built-in glossary's format.
const FormatYAML Format = "yaml"

var yamlCodec = codec{
	format:       FormatYAML,
	extensions:   []string{".yaml", ".yml"},
	parse:        func(r *reading) []PackEntry { return parseYAMLPack(r.data, r.c) },
	export:       exportYAML,
	overrideHint: "add override: true",
}

// yamlParallelMin is the size from which a pack is parsed in chunks on
// every core: the YAML parser, not the checks, dominates large packs.
const yamlParallelMin = 1 << 20

// parseYAMLPack reads a YAML list of entries, the format of the built-in
// glossary plus `override`. It walks the node tree so that every problem
// carries the line of the entry or key it is about.
func parseYAMLPack(data []byte, c *collector) []PackEntry {
	if len(data) >= yamlParallelMin && runtime.GOMAXPROCS(0) > 1 {
		if entries, ok := parseYAMLChunks(data, c); ok {
			return entries
		}
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		c.fail(yamlErrLine(err), "%s", yamlErrText(err))
		return nil
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		c.fail(extra.Line, "a second YAML document; a pack is one list of entries")
	} else if !errors.Is(err, io.EOF) {
		c.fail(yamlErrLine(err), "%s", yamlErrText(err))
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	if root.Kind != yaml.SequenceNode {
		c.fail(root.Line, "a pack is a list of entries (\"- term: …\"), found %s", yamlKind(root))
		return nil
	}
	return yamlItems(root, 0, c)
}

// parseYAMLChunks parses a large block sequence in pieces, one per core,
// split where a line starts a top-level item ("- " in column 0). It
// gives up (ok false) on anything unusual — directives, several
// documents, a piece that does not parse, such as an alias to an anchor
// in another piece, a piece with any problem — and the caller parses the
// file whole instead, so
// the result and the messages are always those of a whole parse.
func parseYAMLChunks(data []byte, c *collector) ([]PackEntry, bool) {
	if data[0] == '%' || bytes.Contains(data, []byte("\n---")) || bytes.Contains(data, []byte("\n...")) {
		return nil, false
	}
	pieces := runtime.GOMAXPROCS(0) * 2
	var starts []int
	for p := 0; len(starts) < pieces; {
		target := len(data) * len(starts) / pieces
		if target < p {
			target = p
		}
		i := nextItem(data, target)
		if i < 0 {
			break
		}
		if len(starts) == 0 && i > 0 && strings.TrimSpace(stripComments(data[:i])) != "" {
			return nil, false // something before the first item: not a plain list
		}
		if len(starts) == 0 {
			i = 0
		}
		starts = append(starts, i)
		p = i + 1
	}
	if len(starts) < 2 {
		return nil, false
	}
	type result struct {
		entries []PackEntry
		c       collector
		ok      bool
	}
	results := make([]result, len(starts))
	var wg sync.WaitGroup
	for n, start := range starts {
		end := len(data)
		if n+1 < len(starts) {
			end = starts[n+1]
		}
		off := bytes.Count(data[:start], []byte{'\n'})
		wg.Go(func() {
			r := &results[n]
			r.c.file = c.file
			var doc yaml.Node
			if err := yaml.Unmarshal(data[start:end], &doc); err != nil || len(doc.Content) != 1 || doc.Content[0].Kind != yaml.SequenceNode {
				return
			}
			r.entries, r.ok = yamlItems(doc.Content[0], off, &r.c), true
		})
	}
	wg.Wait()
	var entries []PackEntry
	for _, r := range results {
		// A piece with problems sends the file to the whole parse too:
		// the pieces' problem limits and counts would not add up to the
		// file's. Only clean files need to be fast.
		if !r.ok || len(r.c.list) > 0 {
			return nil, false
		}
	}
	for _, r := range results {
		entries = append(entries, r.entries...)
	}
	return entries, true
}

// nextItem finds the first top-level item at or after from.
func nextItem(data []byte, from int) int {
	for i := from; i < len(data); i++ {
		if (i == 0 || data[i-1] == '\n') && data[i] == '-' &&
			(i+1 == len(data) || data[i+1] == ' ' || data[i+1] == '\n' || data[i+1] == '\r') {
			return i
		}
		if j := bytes.IndexByte(data[i:], '\n'); j >= 0 {
			i += j
		} else {
			break
		}
	}
	return -1
}

// stripComments drops comment lines, to see whether anything else
// precedes the first item.
func stripComments(b []byte) string {
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		if t := strings.TrimSpace(l); t != "" && !strings.HasPrefix(t, "#") {
			out = append(out, t)
		}
	}
	return strings.Join(out, "\n")
}

// yamlItems reads the entries of a sequence node whose lines are off
// lines into the file.
func yamlItems(root *yaml.Node, off int, c *collector) []PackEntry {
	entries := make([]PackEntry, 0, len(root.Content))
	arena := newEntryArena(len(root.Content))
	for _, item := range root.Content {
		if c.full() {
			break
		}
		if item.Kind != yaml.MappingNode {
			c.skip(item.Line+off, "an entry is a mapping of fields (term, definition, …), found %s", yamlKind(item))
			continue
		}
		if fe, ok := decodeItem(item, off, c); ok {
			entries = append(entries, arena.packEntry(fe, item.Line+off))
		} else {
			c.skipped++
		}
	}
	return entries
}

// decodeItem reads one entry straight from its mapping node. Walking the
// node rather than calling Decode skips reflection, a tenth of the time
// of a large pack, and lets each problem name its own line.
func decodeItem(item *yaml.Node, off int, c *collector) (fileEntry, bool) {
	var fe fileEntry
	ok := true
	seen := make(map[string]int, len(item.Content)/2)
	for i := 0; i+1 < len(item.Content); i += 2 {
		k, v := item.Content[i], item.Content[i+1]
		line := k.Line + off
		if !knownField(k.Value) {
			c.add(line, "unknown field %q%s", k.Value, didYouMean(k.Value, packFields))
			ok = false
			continue
		}
		if first, dup := seen[k.Value]; dup {
			c.add(line, "field %q appears twice (first on line %d)", k.Value, first)
			ok = false
			continue
		}
		seen[k.Value] = line
		switch k.Value {
		case "aliases", "related", "sources", "tags":
			list, msg := yamlList(v)
			if msg != "" {
				c.add(v.Line+off, "%s %s", k.Value, msg)
				ok = false
				continue
			}
			switch k.Value {
			case "aliases":
				fe.Aliases = list
			case "related":
				fe.Related = list
			case "tags":
				fe.Tags = list
			default:
				fe.Sources = list
			}
		default:
			text, isText := yamlText(v)
			if !isText {
				c.add(v.Line+off, "%s must be a single value, found %s", k.Value, yamlKind(v))
				ok = false
				continue
			}
			if msg := fe.set(k.Value, text); msg != "" {
				c.add(v.Line+off, "%s", msg)
				ok = false
			}
		}
	}
	return fe, ok
}

// resolveAlias follows an alias (*name) to the single value it stands
// for. Aliases of lists or mappings are refused by the callers: each use
// would be walked again, and a small hostile file could ask for billions
// of steps.
func resolveAlias(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.AliasNode && n.Alias != nil && n.Alias.Kind == yaml.ScalarNode {
		return n.Alias
	}
	return n
}

// yamlText is a scalar's text; null ("~" or nothing) is empty.
func yamlText(n *yaml.Node) (string, bool) {
	n = resolveAlias(n)
	if n.Kind != yaml.ScalarNode {
		return "", false
	}
	if n.Tag == "!!null" {
		return "", true
	}
	return n.Value, true
}

// yamlList reads a list of single values; null is no list.
func yamlList(n *yaml.Node) ([]string, string) {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil, ""
	}
	if n.Kind != yaml.SequenceNode {
		return nil, fmt.Sprintf("must be a list ([a, b] or \"- a\" lines), found %s", yamlKind(n))
	}
	list := make([]string, 0, len(n.Content))
	for _, item := range n.Content {
		text, ok := yamlText(item)
		if !ok {
			return nil, fmt.Sprintf("must list single values, found %s", yamlKind(item))
		}
		list = append(list, text)
	}
	return list, ""
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
		return "an alias of a list or mapping (only single values may be aliased)"
	}
	return "nothing"
}

var yamlLineRE = regexp.MustCompile(`line (\d+)`)

// yamlErrLine digs the line number out of a yaml error ("yaml: line 4:
// …"), or says line 1.
func yamlErrLine(err error) int {
	if m := yamlLineRE.FindStringSubmatch(err.Error()); m != nil {
		if n, e := strconv.Atoi(m[1]); e == nil {
			return n
		}
	}
	return 1
}

var yamlPrefixRE = regexp.MustCompile(`^yaml: (unmarshal errors:\n\s*)?(line \d+: )?`)

func yamlErrText(err error) string {
	return "YAML: " + yamlPrefixRE.ReplaceAllString(err.Error(), "")
}

func exportYAML(w io.Writer, entries []Entry) error {
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(fileEntries(entries)); err != nil {
		return fmt.Errorf("export YAML: %w", err)
	}
	return enc.Close()
}
