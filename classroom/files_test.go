package classroom

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func mode(t *testing.T, path string) fs.FileMode {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return info.Mode().Perm()
}

// What crm101 made is tightened; the data directory, which the trainer
// chose, is only warned about.
func TestOpenTightensOwnFilesOnly(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Unix permissions")
	}
	dir := filepath.Join(t.TempDir(), "cohort")
	for _, d := range []string{dir, filepath.Join(dir, TraineeDir)} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
		os.Chmod(d, 0o755) // past the umask
	}
	for _, f := range []string{LogFile, filepath.Join(TraineeDir, "ana.db")} {
		if err := os.WriteFile(filepath.Join(dir, f), nil, 0o644); err != nil {
			t.Fatal(err)
		}
		os.Chmod(filepath.Join(dir, f), 0o644)
	}
	w := DataDirWarning(dir)
	if !strings.Contains(w, dir) || !strings.Contains(w, "chmod 700 "+dir) {
		t.Errorf("warning %q", w)
	}
	r, err := Open(Config{DataDir: dir, Glossary: reportGlossary(t)})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	log, err := OpenLog(dir)
	if err != nil {
		t.Fatal(err)
	}
	log.Close()
	for path, want := range map[string]fs.FileMode{
		dir:                                      0o755,
		filepath.Join(dir, TraineeDir):           0o700,
		filepath.Join(dir, DBFile):               0o600,
		filepath.Join(dir, LogFile):              0o600,
		filepath.Join(dir, TraineeDir, "ana.db"): 0o600,
	} {
		if got := mode(t, path); got != want {
			t.Errorf("%s: mode %v, want %v", path, got, want)
		}
	}
	os.Chmod(dir, 0o700)
	if w := DataDirWarning(dir); w != "" {
		t.Errorf("private directory warned about: %q", w)
	}
}

func TestShellQuote(t *testing.T) {
	if got := shellQuote("/home/ana/crm101-may"); got != "/home/ana/crm101-may" {
		t.Error(got)
	}
	if got := shellQuote("/home/ana/my cohort's"); got != `'/home/ana/my cohort'\''s'` {
		t.Error(got)
	}
}
