package quiz

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"
	"time"
)

// benchStore builds a year-long history: 300 terms, 6,000 reviews.
func benchStore(b *testing.B) (*Store, []string, time.Time) {
	b.Helper()
	s, err := OpenStore(filepath.Join(b.TempDir(), DBFile))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	terms := make([]string, 300)
	for i := range terms {
		terms[i] = fmt.Sprintf("Term %03d", i)
	}
	rng := rand.New(rand.NewPCG(4, 2))
	at := t0
	for i := 0; i < 6000; i++ {
		r := Ratings()[rng.IntN(4)]
		if _, err := s.Record(Review{Term: terms[rng.IntN(250)], Kind: "typed", Rating: r, At: at}); err != nil {
			b.Fatal(err)
		}
		at = at.Add(90 * time.Minute)
	}
	return s, terms, at
}

func BenchmarkNewSession(b *testing.B) {
	s, terms, now := benchStore(b)
	clock := func() time.Time { return now }
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := NewSession(s, terms, SessionOptions{}, clock, rand.New(rand.NewPCG(1, 1))); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkStats(b *testing.B) {
	s, terms, now := benchStore(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.Stats(now, terms); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkOpenStore(b *testing.B) {
	s, _, _ := benchStore(b)
	path := s.Path()
	s.Close()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s, err := OpenStore(path)
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

func BenchmarkRecord(b *testing.B) {
	s, err := OpenStore(filepath.Join(b.TempDir(), DBFile))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	at := t0
	for i := 0; i < b.N; i++ {
		if _, err := s.Record(Review{Term: fmt.Sprintf("T%d", i%100), Kind: "typed", Rating: Good, At: at}); err != nil {
			b.Fatal(err)
		}
		at = at.Add(time.Hour)
	}
}
