package glossary

// Renames maps the folded former terms of built-in entries (Key of each
// `formerly` name in the glossary file) to their current terms:
// "prevision" → "Sales Forecasting". Progress is keyed by term, so the
// quiz store moves saved cards and reviews along this map. It is a fresh
// copy on each call.
func Renames() map[string]string {
	d, err := builtin()
	if err != nil {
		return nil
	}
	out := make(map[string]string, len(d.renames))
	for k, v := range d.renames {
		out[k] = v
	}
	return out
}

// AllowedStems are the stems of term's own distinctive name words that
// its built-in definition is allowed to use (see Stems); the quiz masks
// them. Nil for other terms and for pack entries.
func AllowedStems(term string) []string {
	d, err := builtin()
	if err != nil {
		return nil
	}
	return d.allowedStems[Key(term)]
}
