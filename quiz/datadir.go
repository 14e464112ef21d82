package quiz

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/adrg/xdg"
)

// DataDirEnv names the environment variable that moves the progress
// database, e.g. onto a shared drive or into a test's temporary directory.
const DataDirEnv = "CRM101_DATA_DIR"

// DBFile is the progress database's file name inside the data directory.
const DBFile = "progress.db"

// DataDir returns the directory that holds the progress database,
// creating it (mode 0700: progress is personal) when missing. The first
// non-empty of flag (--data-dir), $CRM101_DATA_DIR and
// $XDG_DATA_HOME/crm101 wins.
func DataDir(flag string) (string, error) {
	dir := flag
	if dir == "" {
		dir = os.Getenv(DataDirEnv)
	}
	if dir == "" {
		// Reload so a changed $XDG_DATA_HOME (tests, wrappers) is honoured.
		xdg.Reload()
		dir = filepath.Join(xdg.DataHome, "crm101")
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("data directory %s: %w", dir, err)
	}
	if err := os.MkdirAll(abs, 0o700); err != nil {
		return "", fmt.Errorf("create data directory %s: %w", abs, err)
	}
	return abs, nil
}

// DBPath is the progress database inside dir.
func DBPath(dir string) string { return filepath.Join(dir, DBFile) }
