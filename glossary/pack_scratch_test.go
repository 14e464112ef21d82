package glossary

import (
	"fmt"
	"path/filepath"
	"testing"
)

func TestScratch(t *testing.T) {
	b, _ := Builtin()
	files, _ := filepath.Glob("testdata/packs/*")
	for _, f := range files {
		g, sum, ps := LoadPacks(b, []string{f})
		fmt.Println("==", f, sum)
		for _, p := range ps {
			fmt.Println(p)
		}
		if g != nil {
			for _, e := range g.Entries() {
				if e.Pack != "" {
					fmt.Printf("%+v\n", e)
				}
			}
		}
	}
}
