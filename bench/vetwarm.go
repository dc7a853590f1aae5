package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/ndislint/ndislint/bench/corpus"
)

// vetWarm is one size's go vet -vettool=ndislint runs: cold (every
// package vetted, the standard library's facts included) and warm (after
// a one-file edit, only the edited package and its importers again).
type vetWarm struct {
	label      string
	lines      int
	cold, warm []time.Duration
	edited     string // the file the warm runs edit, relative to the corpus
}

// runVetWarm measures, per round, a cold go vet -vettool=ndislint over
// the corpus and a warm re-run after appending a comment to one file of a
// driver package no other package imports. The file is restored at the
// end.
func (r runner) runVetWarm(ctx context.Context, s size, dir string, m corpus.Manifest) (vetWarm, error) {
	res := vetWarm{label: s.label, lines: m.Lines}
	file, err := leafFile(dir)
	if err != nil {
		return res, err
	}
	res.edited, _ = filepath.Rel(dir, file)
	orig, err := os.ReadFile(file)
	if err != nil {
		return res, err
	}
	defer os.WriteFile(file, orig, 0o644)
	for round := 0; round < r.rounds; round++ {
		// The -checks value differs per round (and per run of the
		// harness): go vet's cache key includes the tool's flags, so the
		// cold run vets every package; the warm run repeats the same
		// flags and replays all but the edited package.
		argv := []string{"go", "vet", "-vettool=" + r.bins.ndislint, checksNonce(round), "./..."}
		cold, err := r.vetOnce(ctx, dir, argv)
		if err != nil {
			return res, err
		}
		edit := fmt.Sprintf("%s\n// edited by the bench harness, round %d\n", orig, round)
		if err := os.WriteFile(file, []byte(edit), 0o644); err != nil {
			return res, err
		}
		warm, err := r.vetOnce(ctx, dir, argv)
		if err != nil {
			return res, err
		}
		logf("%s go vet -vettool=ndislint round %d: cold %.2f s, warm after editing %s %.2f s", s.label, round+1, cold.Seconds(), res.edited, warm.Seconds())
		res.cold, res.warm = append(res.cold, cold), append(res.warm, warm)
	}
	return res, nil
}

// vetOnce runs go vet and returns its wall time. Exit status 1 (findings:
// the corpus has seeded defects) is expected.
func (r runner) vetOnce(ctx context.Context, dir string, argv []string) (time.Duration, error) {
	m, err := measure(ctx, invocation{Dir: dir, Argv: argv})
	if err != nil {
		return 0, err
	}
	if m.Code != 0 && m.Code != 1 {
		return 0, fmt.Errorf("%s exited with status %d:\n%s", strings.Join(argv, " "), m.Code, tail(m.Stderr, 40))
	}
	return m.Wall, nil
}

// checksNonce is -checks=all with "all" repeated a number of times unique
// to the run: the same selection, a new cache key.
func checksNonce(round int) string {
	n := int(vetRuns.Add(1)) + round + int(startTime.UnixNano()%1000)
	return "-checks=" + strings.Repeat("all,", n) + "all"
}

// leafFile returns the first Go file, in name order, of the corpus's last
// unit's client package: a driver package that uses the runtime and that
// no other package imports.
func leafFile(dir string) (string, error) {
	units, err := filepath.Glob(filepath.Join(dir, "u*", "client", "*.go"))
	if err != nil || len(units) == 0 {
		return "", fmt.Errorf("no unit client package under %s", dir)
	}
	sort.Strings(units)
	last := filepath.Dir(units[len(units)-1])
	files, _ := filepath.Glob(filepath.Join(last, "*.go"))
	sort.Strings(files)
	for _, f := range files {
		if !strings.HasSuffix(f, "_test.go") {
			return f, nil
		}
	}
	return "", fmt.Errorf("no Go file in %s", last)
}

// medianDuration returns the median of ds.
func medianDuration(ds []time.Duration) time.Duration {
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[len(s)/2]
}

// markdown renders the vet-warm results.
func vetWarmMarkdown(results []vetWarm, rounds int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "go vet -vettool=ndislint, median of %d round(s): cold (every package vetted) and warm (after appending a comment to one file of a leaf driver package).\n\n", rounds)
	b.WriteString("| lines | cold | warm after a one-file edit | warm/cold (goal <= 10%) | edited file |\n| --- | --- | --- | --- | --- |\n")
	for _, r := range results {
		cold, warm := medianDuration(r.cold), medianDuration(r.warm)
		fmt.Fprintf(&b, "| %d | %.2f s | %.2f s | %.1f%% | %s |\n", r.lines, cold.Seconds(), warm.Seconds(), 100*warm.Seconds()/cold.Seconds(), r.edited)
	}
	return b.String()
}
