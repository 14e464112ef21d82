package classroom

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/crm101/crm101/classroom/round"
)

// A database that runs out of room (PRAGMA max_page_count stands in for
// a full disk) says so, and says nothing of damage or moving files.
func TestStoreFullDisk(t *testing.T) {
	dir := t.TempDir()
	s, err := openStore(filepath.Join(dir, DBFile), "&_pragma=max_page_count(12)")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	id, err := s.StartRound(1, t0)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 100000 {
		err = s.RecordAnswer(round.Answer{Round: id, Name: fmt.Sprintf("trainee-%06d-%s", i, strings.Repeat("x", 60)), Term: "Churn", At: t0})
		if err != nil {
			break
		}
	}
	var full *DiskFullError
	if !errors.As(err, &full) {
		t.Fatalf("err = %v, want a DiskFullError", err)
	}
	if msg := err.Error(); !strings.Contains(msg, "the disk holding "+dir+" is full; free space and try again") ||
		strings.Contains(msg, "aside") || strings.Contains(msg, "not a") {
		t.Errorf("message %q", msg)
	}
}

// A damaged file is not a full disk.
func TestStoreDamagedIsNotFull(t *testing.T) {
	path := filepath.Join(t.TempDir(), DBFile)
	if err := os.WriteFile(path, []byte(strings.Repeat("not a database at all\n", 400)), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := OpenStore(path)
	var full *DiskFullError
	if err == nil || errors.As(err, &full) || strings.Contains(err.Error(), "full") {
		t.Errorf("damaged file: %v", err)
	}
}

// codeErr is an error carrying a SQLite result code, as modernc's does.
type codeErr int

func (c codeErr) Error() string { return "sqlite error" }
func (c codeErr) Code() int     { return int(c) }

func TestCheckDiskFull(t *testing.T) {
	none := func(string) (uint64, bool) { return 0, true }
	plenty := func(string) (uint64, bool) { return 1 << 40, true }
	unknown := func(string) (uint64, bool) { return 0, false }
	enospc := &fs.PathError{Op: "write", Path: "x", Err: syscall.ENOSPC}
	for _, tt := range []struct {
		err  error
		free func(string) (uint64, bool)
		full bool
	}{
		{nil, none, false},
		{enospc, plenty, true},
		{codeErr(13), plenty, true},          // SQLITE_FULL
		{codeErr(10 | 19<<8), none, true},    // disk I/O error (SHMSIZE) on a full disk
		{codeErr(10 | 19<<8), plenty, false}, // … on a disk with room: a real I/O error
		{codeErr(10), unknown, false},
		{codeErr(26), none, false}, // SQLITE_NOTADB: damage, not space
		{errors.New("boom"), none, false},
	} {
		got := checkDiskFull("/data", tt.err, tt.free)
		var full *DiskFullError
		if errors.As(got, &full) != tt.full {
			t.Errorf("checkDiskFull(%v) = %v, want full %v", tt.err, got, tt.full)
		}
		if !tt.full && got != tt.err {
			t.Errorf("checkDiskFull(%v) changed it to %v", tt.err, got)
		}
	}
}
