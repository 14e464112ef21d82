package quiz

import (
	"fmt"
	"path/filepath"
	"testing"
)

// Two processes that create the same new database at the same moment
// both get it: one migrates, the other waits for it instead of failing
// with "database is locked".
func TestOpenStoreRacingCreators(t *testing.T) {
	for round := range 20 {
		path := filepath.Join(t.TempDir(), fmt.Sprintf("race%d.db", round))
		errs := make(chan error, 3)
		for range 3 {
			go func() {
				s, err := OpenStore(path)
				if err == nil {
					err = s.Close()
				}
				errs <- err
			}()
		}
		for range 3 {
			if err := <-errs; err != nil {
				t.Fatalf("round %d: %v", round, err)
			}
		}
	}
}
