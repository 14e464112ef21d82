// Package glossary holds crm101's vocabulary: the CRM terms, their
// definitions and links, the fuzzy search over them and the metric
// formulas. It is plain Go and never imports a terminal library, so the
// command line, the quiz and the TUI all share one source of truth.
package glossary
