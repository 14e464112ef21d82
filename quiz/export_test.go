package quiz

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// update rewrites golden files: go test ./quiz -update
var update = flag.Bool("update", false, "rewrite golden files in testdata")

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./quiz -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test ./quiz -update rewrites it)\n--- got\n%s", path, got)
	}
}

// exportQuiz is a fixed quiz touching every kind the test glossary fits,
// long enough for two-digit numbers.
func exportQuiz(t *testing.T) []Question {
	t.Helper()
	qs, err := newGen(testGlossary(t), 2026).Quiz(12, []Kind{Choice, Typed, ReverseChoice, Acronym, Flashcard, Article, Metric}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return qs
}

func TestExportMarkdown(t *testing.T) {
	var b bytes.Buffer
	if err := Export(exportQuiz(t), "md", &b); err != nil {
		t.Fatal(err)
	}
	golden(t, "quiz.md", b.Bytes())
	if !strings.Contains(b.String(), "## Answer key") {
		t.Error("no answer key")
	}
}

func TestExportJSON(t *testing.T) {
	qs := exportQuiz(t)
	var b bytes.Buffer
	if err := Export(qs, "json", &b); err != nil {
		t.Fatal(err)
	}
	golden(t, "quiz.json", b.Bytes())

	var got []map[string]any
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(qs) {
		t.Fatalf("%d questions exported, want %d", len(got), len(qs))
	}
	for i, m := range got {
		for _, k := range []string{"kind", "prompt", "answer", "term"} {
			if s, _ := m[k].(string); s == "" {
				t.Errorf("question %d: %q missing", i, k)
			}
		}
		_, hasOptions := m["options"]
		if hasOptions != (len(qs[i].Options) > 0) {
			t.Errorf("question %d (%s): options present = %v", i, qs[i].Kind, hasOptions)
		}
		if len(m) > 5 {
			t.Errorf("question %d: unexpected fields in %v", i, m)
		}
	}
}

func TestExportUnknownFormat(t *testing.T) {
	err := Export(nil, "pdf", &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), `"pdf"`) {
		t.Fatalf("err = %v", err)
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, os.ErrClosed }

func TestExportReportsWriteErrors(t *testing.T) {
	for _, f := range ExportFormats() {
		if err := Export(exportQuiz(t), f, failingWriter{}); err == nil {
			t.Errorf("%s: write error swallowed", f)
		}
	}
}
