package main

import (
	"flag"
	"fmt"
	"io"
	"os"
)

// countingWriter forwards to w and counts what it wrote.
type countingWriter struct {
	w io.Writer
	n int
}

func (c *countingWriter) Write(p []byte) (int, error) {
	c.n += len(p)
	return c.w.Write(p)
}

// exitOneOnFlagError makes a bad command-line flag exit with status 1 (the
// status of every other usage error) instead of package flag's 2. Package
// flag prints the error to its output and then calls Usage; -h and -help
// call Usage with nothing printed before, and keep exit status 0.
func exitOneOnFlagError(progname string) {
	out := &countingWriter{w: os.Stderr}
	flag.CommandLine.SetOutput(out)
	flag.Usage = func() {
		if out.n > 0 {
			fmt.Fprintf(os.Stderr, "run '%s help' for usage and the flags\n", progname)
			os.Exit(1)
		}
		fmt.Fprintf(os.Stderr, "usage: %s [-flag] [package...]\n       %s help [PASS|RULE...]\n\nFlags:\n", progname, progname)
		flag.PrintDefaults()
	}
}
