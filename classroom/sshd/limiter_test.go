package sshd

import (
	"net"
	"testing"
	"time"
)

var t0 = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

func TestLimiter(t *testing.T) {
	l := newLimiter(1, 3)
	for i := 0; i < 3; i++ {
		if !l.take("10.0.0.1", t0) {
			t.Fatalf("token %d refused within the burst", i+1)
		}
	}
	if l.take("10.0.0.1", t0) || !l.blocked("10.0.0.1", t0) {
		t.Error("fourth at once allowed")
	}
	if !l.take("10.0.0.2", t0) {
		t.Error("another address was limited too")
	}
	if !l.take("10.0.0.1", t0.Add(1100*time.Millisecond)) {
		t.Error("no token after a second's refill")
	}
	l.maxKeys = 2
	l.take("10.0.0.3", t0.Add(time.Hour)) // full: forgets refilled addresses
	if len(l.buckets) > 2 {
		t.Errorf("%d addresses tracked, want at most 2", len(l.buckets))
	}
}

// The limiter stays within maxKeys even when no address has refilled:
// the one heard from longest ago is forgotten.
func TestLimiterBoundedUnderFlood(t *testing.T) {
	l := newLimiter(0.001, 1)
	l.maxKeys = 3
	for _, a := range []string{"10.0.0.1", "10.0.0.2", "10.0.0.3"} {
		l.take(a, t0)
	}
	l.take("10.0.0.1", t0) // recently used again: kept
	for i, a := range []string{"10.0.0.4", "10.0.0.5"} {
		l.take(a, t0.Add(time.Duration(i)*time.Millisecond))
	}
	if len(l.buckets) != 3 {
		t.Errorf("%d addresses tracked, want 3", len(l.buckets))
	}
	if !l.blocked("10.0.0.1", t0) {
		t.Error("the most recently used address was forgotten")
	}
}

func TestLimitKey(t *testing.T) {
	for _, tt := range []struct {
		addr net.Addr
		want string
	}{
		{&net.TCPAddr{IP: net.ParseIP("10.0.0.7"), Port: 5000}, "10.0.0.7"},
		{&net.TCPAddr{IP: net.ParseIP("::ffff:10.0.0.7"), Port: 5000}, "10.0.0.7"},
		{&net.TCPAddr{IP: net.ParseIP("2001:db8:1:2:aaaa::1"), Port: 5000}, "2001:db8:1:2::/64"},
		{&net.TCPAddr{IP: net.ParseIP("2001:db8:1:2:bbbb::9"), Port: 22}, "2001:db8:1:2::/64"},
		{&net.UnixAddr{Name: "x", Net: "unix"}, "x"},
	} {
		if got := limitKey(tt.addr); got != tt.want {
			t.Errorf("limitKey(%v) = %q, want %q", tt.addr, got, tt.want)
		}
	}
}
