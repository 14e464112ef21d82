package glossary

import (
	"os"
	"testing"
)

// TestWriteBigPack writes the 100,000-term CSV pack the README's speed
// figures are measured on, when CRM101_BIGPACK names where to put it:
//
//	CRM101_BIGPACK=/tmp/big.csv go test ./glossary -run TestWriteBigPack
func TestWriteBigPack(t *testing.T) {
	path := os.Getenv("CRM101_BIGPACK")
	if path == "" {
		t.Skip("set CRM101_BIGPACK=FILE to write the 100,000-term pack")
	}
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := Export(out, packEntries(t, 100_000), FormatCSV); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}
