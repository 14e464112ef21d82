package classroom

import (
	"errors"
	"fmt"
	"syscall"
)

// A full disk must never read as a damaged file: advice to move a
// database aside would have a trainer move a healthy file. SQLite says
// "database or disk is full" (SQLITE_FULL) when it knows, but a full
// disk met while sizing the shared-memory file of a WAL database comes
// back as a plain "disk I/O error" (SQLITE_IOERR_SHMSIZE), so an I/O
// error counts as a full disk when the disk has no room left.

// DiskFullError is a write that failed because the disk holding Dir has
// no room left.
type DiskFullError struct {
	Dir string
	Err error
}

// Error implements error. It leaves out what SQLite said (Unwrap has
// it): "not a database: disk I/O error" would mislead.
func (e *DiskFullError) Error() string {
	return fmt.Sprintf("the disk holding %s is full; free space and try again", e.Dir)
}

// Unwrap gives the error the write failed with.
func (e *DiskFullError) Unwrap() error { return e.Err }

// SQLite's primary result codes that may mean a full disk.
const (
	sqliteIOErr = 10
	sqliteFull  = 13
)

// lowSpace is the free space under which an I/O error is taken for a
// full disk: SQLite needs a few pages, no more, to go on.
const lowSpace = 1 << 20

// CheckDiskFull returns err as a *DiskFullError when it comes from a full
// disk under dir, and err unchanged otherwise (nil stays nil).
func CheckDiskFull(dir string, err error) error {
	return checkDiskFull(dir, err, freeSpace)
}

func checkDiskFull(dir string, err error, free func(string) (uint64, bool)) error {
	if err == nil {
		return nil
	}
	var already *DiskFullError
	if errors.As(err, &already) {
		return err
	}
	full := errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT)
	var coded interface{ Code() int }
	if !full && errors.As(err, &coded) {
		switch coded.Code() & 0xff {
		case sqliteFull:
			full = true
		case sqliteIOErr:
			n, ok := free(dir)
			full = ok && n < lowSpace
		}
	}
	if !full {
		return err
	}
	return &DiskFullError{Dir: dir, Err: err}
}
