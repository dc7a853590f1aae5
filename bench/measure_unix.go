//go:build unix

package main

import (
	"os"
	"runtime"
	"syscall"
	"time"
)

// usage returns the user+system CPU time and the peak RSS in bytes of an
// exited process, from its rusage: on Linux the kernel folds in the
// children it waited for (their times summed, their peak the largest).
func usage(ps *os.ProcessState) (time.Duration, int64) {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok {
		return ps.UserTime() + ps.SystemTime(), 0
	}
	rss := int64(ru.Maxrss)
	if runtime.GOOS != "darwin" {
		rss *= 1024 // kilobytes everywhere but Darwin
	}
	return ps.UserTime() + ps.SystemTime(), rss
}
