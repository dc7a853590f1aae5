//go:build !unix

package main

import (
	"os"
	"time"
)

// usage returns the CPU time of an exited process; peak RSS is not
// available here and is reported as 0.
func usage(ps *os.ProcessState) (time.Duration, int64) {
	return ps.UserTime() + ps.SystemTime(), 0
}
