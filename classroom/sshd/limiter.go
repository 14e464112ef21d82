package sshd

import (
	"container/list"
	"sync"
	"time"
)

// limiter is a token bucket per client (see limitKey): burst tokens,
// refilled at rate per second. It bounds itself: past maxKeys clients it
// forgets the one it heard from longest ago, so a flood of spoofed or
// rotating addresses costs memory up to maxKeys and no more.
type limiter struct {
	rate    float64
	burst   float64
	maxKeys int
	mu      sync.Mutex
	buckets map[string]*list.Element // of *bucket
	order   *list.List               // most recently used first
}

type bucket struct {
	key    string
	tokens float64
	last   time.Time
}

func newLimiter(ratePerSec float64, burst int) *limiter {
	return &limiter{rate: ratePerSec, burst: float64(burst), maxKeys: 10000,
		buckets: map[string]*list.Element{}, order: list.New()}
}

func (l *limiter) refill(key string, now time.Time) *bucket {
	el, ok := l.buckets[key]
	if !ok {
		for len(l.buckets) >= l.maxKeys {
			oldest := l.order.Back()
			l.order.Remove(oldest)
			delete(l.buckets, oldest.Value.(*bucket).key)
		}
		b := &bucket{key: key, tokens: l.burst, last: now}
		l.buckets[key] = l.order.PushFront(b)
		return b
	}
	l.order.MoveToFront(el)
	b := el.Value.(*bucket)
	if el := now.Sub(b.last).Seconds(); el > 0 {
		b.tokens = min(l.burst, b.tokens+el*l.rate)
		b.last = now
	}
	return b
}

// take spends a token for key and reports whether one was left.
func (l *limiter) take(key string, now time.Time) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	b := l.refill(key, now)
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}

// blocked reports whether key has no token left, without spending one:
// failed join codes spend tokens, and an address that used them all up
// is turned away before it may guess again.
func (l *limiter) blocked(key string, now time.Time) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.refill(key, now).tokens < 1
}
