package quiz

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// ExportFormats lists the formats Export writes.
func ExportFormats() []string { return []string{"md", "json"} }

// Export writes questions as a printable Markdown quiz with an answer
// key ("md") or as a JSON array ("json") for other tools.
func Export(questions []Question, format string, w io.Writer) error {
	switch format {
	case "md":
		return exportMarkdown(questions, w)
	case "json":
		return exportJSON(questions, w)
	}
	return fmt.Errorf("export: unknown format %q (want %s)", format, strings.Join(ExportFormats(), " or "))
}

// exportedQuestion is the JSON shape the command line promises:
// {"kind","prompt","options","answer","term"}, options only on choices.
type exportedQuestion struct {
	Kind    Kind     `json:"kind"`
	Prompt  string   `json:"prompt"`
	Options []string `json:"options,omitempty"`
	Answer  string   `json:"answer"`
	Term    string   `json:"term"`
}

func exportJSON(questions []Question, w io.Writer) error {
	out := make([]exportedQuestion, len(questions))
	for i, q := range questions {
		out[i] = exportedQuestion{Kind: q.Kind, Prompt: q.Prompt, Options: q.Options, Answer: q.Answer, Term: q.Term}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("export json: %w", err)
	}
	return nil
}

// instruction is the line a printed question starts with; on screen the
// UI says it through layout instead.
func instruction(q Question) string {
	switch {
	case q.SelfGraded():
		return "Explain in your own words:"
	case q.Typed():
		return "Write your answer:"
	}
	return "Circle one:"
}

func exportMarkdown(questions []Question, w io.Writer) error {
	var b strings.Builder
	b.WriteString("# CRM 101 quiz\n\n")
	fmt.Fprintf(&b, "%d questions. Answer key at the end.\n\n", len(questions))
	for i, q := range questions {
		marker := fmt.Sprintf("%d. ", i+1)
		pad := strings.Repeat(" ", len(marker))
		fmt.Fprintf(&b, "%s%s\n\n", marker, indent(q.Prompt, pad))
		fmt.Fprintf(&b, "%s*%s*\n\n", pad, instruction(q))
		if len(q.Options) > 0 {
			for k, o := range q.Options {
				fmt.Fprintf(&b, "%s%c. %s\n", pad, rune('A'+k), o)
			}
		} else {
			b.WriteString(pad + "________________________________________\n")
		}
		b.WriteString("\n")
	}
	b.WriteString("## Answer key\n\n")
	for i, q := range questions {
		marker := fmt.Sprintf("%d. ", i+1)
		fmt.Fprintf(&b, "%s%s\n", marker, indent(keyLine(q), strings.Repeat(" ", len(marker))))
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("export md: %w", err)
	}
	return nil
}

// keyLine is one answer-key entry: the letter for choices, the other
// accepted names for typed answers, the worked formula (the first line
// of Back) for metrics.
func keyLine(q Question) string {
	switch {
	case len(q.Options) > 0:
		return fmt.Sprintf("%c — %s", rune('A'+q.AnswerIndex), q.Answer)
	case q.SelfGraded():
		return q.Term + ": " + q.Answer
	case q.Numeric != nil:
		worked, _, _ := strings.Cut(q.Back, "\n")
		return q.Answer + " — " + worked
	}
	return q.Answer + alsoAccepted(q)
}

// indent keeps continuation lines inside a Markdown list item: they
// must line up with the text after the item's number.
func indent(s, pad string) string {
	lines := strings.Split(s, "\n")
	for i := 1; i < len(lines); i++ {
		if lines[i] != "" {
			lines[i] = pad + lines[i]
		}
	}
	return strings.Join(lines, "\n")
}
