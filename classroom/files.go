package classroom

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// LogFile is the classroom's log in the data directory: who joined, from
// where, for how long, and every refused login.
const LogFile = "classroom.log"

// What crm101 creates in a data directory is private to the trainer:
// trainees/ 0700, the databases and the log 0600. A file or directory
// found looser (made by an older crm101, or copied in) is tightened,
// since crm101 made it. The data directory itself may be one the
// trainer chose (--data-dir ~): it is never changed, only warned about
// (DataDirWarning).

// OpenLog opens (creating) the classroom log for appending, mode 0600.
func OpenLog(dataDir string) (*os.File, error) {
	path := filepath.Join(dataDir, LogFile)
	f, err := os.OpenFile(path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		return nil, fmt.Errorf("open log: %w", CheckDiskFull(dataDir, err))
	}
	if err := tighten(path, 0o600); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// tightenOwn makes what crm101 created in dataDir private: trainees/,
// the databases (with their -wal and -shm files) and the log.
func tightenOwn(dataDir string) error {
	var errs []error
	errs = append(errs, tighten(filepath.Join(dataDir, TraineeDir), 0o700))
	files, _ := filepath.Glob(filepath.Join(dataDir, TraineeDir, "*.db*"))
	for _, name := range []string{DBFile, DBFile + "-wal", DBFile + "-shm", LogFile} {
		files = append(files, filepath.Join(dataDir, name))
	}
	for _, f := range files {
		errs = append(errs, tighten(f, 0o600))
	}
	return errors.Join(errs...)
}

// tighten takes away what mode does not allow from path's permissions,
// if path exists. Windows has no such bits to take away.
func tighten(path string, mode fs.FileMode) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	info, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("check permissions of %s: %w", path, err)
	}
	if info.Mode()&fs.ModeSymlink != 0 || info.Mode().Perm()&^mode == 0 {
		return nil // a symlink is the trainer's own arrangement
	}
	if err := os.Chmod(path, info.Mode().Perm()&mode); err != nil {
		return fmt.Errorf("make %s private: %w", path, err)
	}
	return nil
}

// DataDirWarning is a warning, naming the chmod to run, when dataDir can
// be read or entered by other users; "" when it is private. The
// directory is the trainer's choice, so crm101 never changes it.
func DataDirWarning(dataDir string) string {
	if runtime.GOOS == "windows" {
		return ""
	}
	info, err := os.Stat(dataDir)
	if err != nil || info.Mode().Perm()&0o077 == 0 {
		return ""
	}
	return fmt.Sprintf("warning: the data directory %s (mode %#o) is open to other users of this machine, and it holds every trainee's name, address and answers. Make it private with: chmod 700 %s",
		dataDir, info.Mode().Perm(), shellQuote(dataDir))
}

// shellQuote quotes s for a POSIX shell when it needs quoting.
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-~+") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
