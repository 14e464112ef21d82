package glossary

import (
	"fmt"
	"io"
	"strings"
)

// Export writes entries as a pack in format f. Reading the result with
// ParsePack gives the same entries back (apart from Pack, which becomes
// the new file's name). Each format's codec does the writing.
func Export(w io.Writer, entries []Entry, f Format) error {
	cd, ok := lookup(f)
	if !ok {
		return fmt.Errorf("export: unknown format %q", f)
	}
	if cd.export == nil {
		return fmt.Errorf("export: %s packs are read, never written", f)
	}
	return cd.export(w, entries)
}

func fileEntries(entries []Entry) []fileEntry {
	out := make([]fileEntry, len(entries))
	for i, e := range entries {
		out[i] = toFileEntry(e)
	}
	return out
}

// joinLists joins aliases, related and sources for one cell each. A
// name containing the separator could not be read back, so it is an
// error rather than a silently different entry.
func joinLists(e Entry) ([3]string, error) {
	var out [3]string
	for i, list := range [][]string{e.Aliases, e.Related, e.Sources} {
		for _, s := range list {
			if strings.Contains(s, listSep) {
				return out, fmt.Errorf("export %q: %q contains %q, which separates list items", e.Term, s, listSep)
			}
		}
		out[i] = strings.Join(list, listSep+" ")
	}
	return out, nil
}
