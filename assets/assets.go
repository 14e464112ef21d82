// Package assets embeds crm101's data files into the binary, so the app
// runs from a single file with nothing to install beside it.
package assets

import _ "embed"

// GlossaryYAML is the built-in CRM glossary, edited by hand in
// assets/glossary.yaml and checked by the glossary package's tests.
//
//go:embed glossary.yaml
var GlossaryYAML []byte

// CompareYAML lists the sets of terms trainees confuse, each with the one
// line that tells them apart; the glossary package checks every member
// resolves to a built-in entry.
//
//go:embed compare.yaml
var CompareYAML []byte
