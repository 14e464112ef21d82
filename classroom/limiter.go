package classroom

import (
	"sync"
	"time"
)

// limiter is a token bucket per client address: burst tokens, refilled
// at rate per second. It bounds itself: when it tracks maxKeys addresses
// it forgets the ones whose buckets have refilled, which a flood of
// spoofed or rotating addresses cannot prevent from working.
type limiter struct {
	rate    float64
	burst   float64
	maxKeys int
	mu      sync.Mutex
	buckets map[string]*bucket
}

type bucket struct {
	tokens float64
	last   time.Time
}

func newLimiter(ratePerSec float64, burst int) *limiter {
	return &limiter{rate: ratePerSec, burst: float64(burst), maxKeys: 10000, buckets: map[string]*bucket{}}
}

func (l *limiter) refill(key string, now time.Time) *bucket {
	b, ok := l.buckets[key]
	if !ok {
		if len(l.buckets) >= l.maxKeys {
			l.prune(now)
		}
		b = &bucket{tokens: l.burst, last: now}
		l.buckets[key] = b
		return b
	}
	if el := now.Sub(b.last).Seconds(); el > 0 {
		b.tokens = min(l.burst, b.tokens+el*l.rate)
		b.last = now
	}
	return b
}

func (l *limiter) prune(now time.Time) {
	for k, b := range l.buckets {
		if b.tokens+now.Sub(b.last).Seconds()*l.rate >= l.burst {
			delete(l.buckets, k)
		}
	}
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
