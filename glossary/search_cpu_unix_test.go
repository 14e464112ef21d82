//go:build unix

package glossary

import (
	"syscall"
	"testing"
	"time"
)

// reportCPU adds a cpu-ms/op metric: the process CPU time (all threads,
// garbage collector included) per iteration. On a shared machine wall
// time swings with the neighbours' load; CPU time does much less, and
// divided by the cores it bounds what an idle machine would take.
func reportCPU(b *testing.B) func() {
	start := cpuTime()
	return func() {
		b.ReportMetric(float64(cpuTime()-start)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
	}
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
