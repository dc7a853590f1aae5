package driver

import (
	"fmt"
	"os"
	"strings"
	"time"
)

// phases times a run's phases for NDISLINT_DEBUG=timing, which prints
// them on stderr at the end of the run.
type phases struct {
	on    bool
	start time.Time
	last  time.Time
	lines []string
}

// newPhases starts the clock.
func newPhases() *phases {
	now := time.Now()
	return &phases{on: strings.Contains(os.Getenv("NDISLINT_DEBUG"), "timing"), start: now, last: now}
}

// done ends a phase.
func (p *phases) done(name string) {
	if !p.on {
		return
	}
	now := time.Now()
	p.lines = append(p.lines, fmt.Sprintf("ndislint: %-50s %8.3fs", name, now.Sub(p.last).Seconds()))
	p.last = now
}

// print writes the phases and the total.
func (p *phases) print() {
	if !p.on {
		return
	}
	for _, l := range p.lines {
		fmt.Fprintln(os.Stderr, l)
	}
	fmt.Fprintf(os.Stderr, "ndislint: %-50s %8.3fs\n", "total", time.Since(p.start).Seconds())
}
