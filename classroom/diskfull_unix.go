//go:build unix

package classroom

import "syscall"

// freeSpace is how many bytes an unprivileged user may still write on
// the file system holding dir.
func freeSpace(dir string) (uint64, bool) {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return 0, false
	}
	return st.Bavail * uint64(st.Bsize), true
}
