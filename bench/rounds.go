package main

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/ndislint/ndislint/bench/corpus"
)

// runner runs the tools in rounds.
type runner struct {
	bins   binaries
	tools  []string
	rounds int
	tmp    string
	// std is set for -std: both tools then run with -test=false (go list
	// -test -export std builds every test of the standard library, tens
	// of minutes on 2 cores, the same for both tools).
	std bool
}

// result is what one size (or std) gave.
type result struct {
	label string
	lines int // 0 for std
	// runs are the measurements by tool name.
	runs map[string][]measurement
	// check compares ndislint's findings with the expected ones; nil when
	// ndislint did not run.
	check *defectCheck
}

// runCorpus runs the rounds over ./... in the corpus in dir.
func (r runner) runCorpus(ctx context.Context, s size, dir string, m corpus.Manifest) (result, error) {
	res := result{label: s.label, lines: m.Lines}
	return res, r.runRounds(ctx, &res, dir, "./...", m.Expected)
}

// runStd runs the rounds over std, where ndislint should find nothing.
func (r runner) runStd(ctx context.Context, root string) (result, error) {
	res := result{label: "std"}
	return res, r.runRounds(ctx, &res, root, "std", map[string]int{})
}

// runRounds runs every tool once per round, each round starting with the
// next tool, and checks ndislint's last findings against expected.
func (r runner) runRounds(ctx context.Context, res *result, dir, pattern string, expected map[string]int) error {
	res.runs = map[string][]measurement{}
	defs := tools()
	var last map[string]int
	for round := 0; round < r.rounds; round++ {
		for k := range r.tools {
			name := r.tools[(k+round)%len(r.tools)]
			m, err := r.runOne(ctx, defs[name], dir, pattern, round)
			if err != nil {
				return err
			}
			logf("%s %s round %d: %.2f s, %.2f s CPU, %s", res.label, name, round+1, m.Wall.Seconds(), m.CPU.Seconds(), formatBytes(m.PeakRSS))
			if name == "ndislint" {
				counts, errs, err := countFindings(m.Stdout)
				if err != nil {
					return err
				}
				if len(errs) > 0 {
					return fmt.Errorf("ndislint reported analysis errors on %s:\n%s", pattern, strings.Join(errs, "\n"))
				}
				last = counts
			}
			m.Stdout, m.Stderr = nil, nil
			res.runs[name] = append(res.runs[name], m)
		}
	}
	if last != nil {
		c := checkDefects(expected, last)
		res.check = &c
	}
	return nil
}

// runOne runs one tool once and fails on an unexpected exit status.
func (r runner) runOne(ctx context.Context, t tool, dir, pattern string, round int) (measurement, error) {
	in := invocation{Dir: dir, Argv: t.argv(r.bins, pattern, round)}
	if r.std {
		in.Argv = append([]string{in.Argv[0], "-test=false"}, in.Argv[1:]...)
	}
	if t.freshCache {
		c, err := os.MkdirTemp(r.tmp, "staticcheck-cache-")
		if err != nil {
			return measurement{}, err
		}
		defer os.RemoveAll(c)
		in.Env = []string{"STATICCHECK_CACHE=" + c}
	}
	m, err := measure(ctx, in)
	if err != nil {
		return m, err
	}
	if !t.ok(m.Code) {
		return m, fmt.Errorf("%s in %s exited with status %d:\n%s", in, dir, m.Code, tail(m.Stderr, 40))
	}
	return m, nil
}

// tail returns the last n lines of out.
func tail(out []byte, n int) string {
	lines := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
