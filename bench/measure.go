package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"
)

// A measurement is one run of one tool.
type measurement struct {
	Wall time.Duration
	// CPU is user plus system time of the process and the children it
	// waited for.
	CPU time.Duration
	// PeakRSS is the largest resident set of the process or of any child
	// it waited for, in bytes (one process's peak, not the tree's sum).
	PeakRSS int64
	// Code is the exit status.
	Code int
	// Stdout and Stderr are what the run printed.
	Stdout, Stderr []byte
}

// invocation is a command to run and measure.
type invocation struct {
	Dir  string
	Argv []string
	Env  []string // added to the environment
}

// String renders the invocation as a shell line.
func (in invocation) String() string {
	s := strings.Join(in.Argv, " ")
	if len(in.Env) > 0 {
		s = strings.Join(in.Env, " ") + " " + s
	}
	return s
}

// measure runs in and reports its wall time, CPU time and peak RSS. An
// exit status other than 0 is not an error here; failing to start is.
func measure(ctx context.Context, in invocation) (measurement, error) {
	cmd := exec.CommandContext(ctx, in.Argv[0], in.Argv[1:]...)
	cmd.Dir = in.Dir
	cmd.Env = append(os.Environ(), in.Env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if _, exited := err.(*exec.ExitError); err != nil && !exited {
		return measurement{}, fmt.Errorf("%s: %v", in, err)
	}
	m := measurement{Wall: wall, Code: cmd.ProcessState.ExitCode(), Stdout: stdout.Bytes(), Stderr: stderr.Bytes()}
	m.CPU, m.PeakRSS = usage(cmd.ProcessState)
	return m, nil
}
