//go:build !unix

package benchkit

import "time"

// cpuNow reports that the process's CPU time is not known here.
func cpuNow() (time.Duration, bool) { return 0, false }
