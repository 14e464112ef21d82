package sshd

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	gossh "golang.org/x/crypto/ssh"

	"github.com/crm101/crm101/classroom"
)

// HostKeyFile is the server's SSH host key in the data directory. It is
// made once and reused, so trainees' ssh clients do not warn that the
// host changed each time the trainer restarts the server.
const HostKeyFile = "ssh_host_ed25519_key"

// LoadHostKey returns the PEM host key at path, creating an Ed25519 key
// with mode 0600 when there is none. An existing key readable by others
// is tightened to 0600 rather than used as it is: anyone who can read it
// can impersonate the classroom.
func LoadHostKey(path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if err == nil {
		info, err := os.Stat(path)
		if err != nil {
			return nil, fmt.Errorf("host key %s: %w", path, err)
		}
		if info.Mode().Perm()&0o077 != 0 {
			if err := os.Chmod(path, 0o600); err != nil {
				return nil, fmt.Errorf("host key %s is readable by others and cannot be restricted: %w", path, err)
			}
		}
		if _, err := gossh.ParsePrivateKey(data); err != nil {
			return nil, fmt.Errorf("host key %s: %w", path, err)
		}
		return data, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("host key %s: %w", path, err)
	}
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, fmt.Errorf("generate host key: %w", err)
	}
	block, err := gossh.MarshalPrivateKey(priv, "crm101 classroom")
	if err != nil {
		return nil, fmt.Errorf("encode host key: %w", err)
	}
	data = pem.EncodeToMemory(block)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("host key directory: %w", err)
	}
	// O_EXCL: never overwrite a key another server created meanwhile.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, fmt.Errorf("create host key %s: %w", path, err)
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		// A half-written key would fail every later start: take it away
		// (it is ours, made with O_EXCL above).
		os.Remove(path)
		return nil, fmt.Errorf("write host key %s: %w", path, classroom.CheckDiskFull(filepath.Dir(path), err))
	}
	return data, nil
}
