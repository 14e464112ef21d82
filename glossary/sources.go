package glossary

// Source is one document the built-in glossary's facts come from: the
// title entries cite in `sources`, and the seed file it was read from.
type Source struct {
	Title string
	File  string
}

// BuiltinSources lists the source documents in the order of their seed
// files. 001 is a machine-reworded copy of 002, used only to cross-check,
// so no entry cites it.
func BuiltinSources() []Source {
	return []Source{
		{Title: "CRM Acronyms Guide", File: "000_f6260d40975035dc.txt"},
		{Title: "CRM 101: 43 Terms (ActiveCampaign)", File: "002_3b8f7682850929ce.txt"},
		{Title: "A–Z CRM Glossary", File: "003_5726b649923672ad.txt"},
		{Title: "CRM Metrics Guide", File: "004_9f563c1dead159ce.txt"},
	}
}
