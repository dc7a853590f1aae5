package fuzzcheck

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/ndislint/ndislint/analyzers/suite"
)

// repoRoot is ndislint's module root, from this package's directory.
const repoRoot = "../.."

// exampleDirs are the example drivers: each file and each package merged
// into one file seed the fuzzer.
var exampleDirs = []string{"examples/client", "examples/callmanager", "examples/mistakes", "examples/miniport", "examples/filter", "examples/protocol"}

// testdataDirs are passes' testdata packages (their dependencies all
// loaded) that seed the fuzzer too.
var testdataDirs = []string{
	"analyzers/irql/testdata/direct",
	"analyzers/irql/testdata/locks",
	"analyzers/irql/testdata/raise",
	"analyzers/irql/testdata/synch",
	"analyzers/roles/testdata/wellformed",
	"analyzers/roles/testdata/mandatorycm",
	"analyzers/completion/testdata/makecall",
	"analyzers/typestate/testdata/afclose",
	"analyzers/typestate/testdata/vcstate",
	"analyzers/directives/testdata/malformed",
	"analyzers/nblown/testdata/send",
	"analyzers/nblown/testdata/receive",
	"analyzers/pausestate/testdata/miniport",
	"analyzers/pausestate/testdata/filter",
	"analyzers/pausestate/testdata/protocol",
	"analyzers/ddiusage/testdata/context",
	"analyzers/ddiusage/testdata/pairs",
	"analyzers/ddiusage/testdata/flags",
	"analyzers/ddiusage/testdata/companion",
	"analyzers/ddiusage/testdata/companionpath",
	"analyzers/ddiusage/testdata/mdl",
	"analyzers/ddiusage/testdata/released",
	"analyzers/ddiusage/testdata/netpnp",
	"analyzers/ddiusage/testdata/order",
}

var writeCorpus = flag.Bool("writecorpus", false, "write the seeds to testdata/fuzz/FuzzPasses")

var (
	envOnce sync.Once
	env     *Env
	envErr  error
)

// testEnv loads the dependencies once per process.
func testEnv(t testing.TB) *Env {
	envOnce.Do(func() { env, envErr = Load(repoRoot) })
	if envErr != nil {
		t.Fatal(envErr)
	}
	return env
}

// seed is one seed input.
type seed struct {
	name string
	src  []byte
}

// seeds returns the seeds: each file of the example and testdata
// directories, and each of their packages merged into one file.
func seeds(t testing.TB) []seed {
	var out []seed
	for _, dir := range append(append([]string{}, exampleDirs...), testdataDirs...) {
		out = append(out, dirSeeds(t, dir)...)
	}
	return out
}

// dirSeeds returns a directory's files, then its packages merged: the
// files of each package clause but an external test's (it imports the
// package it tests, which is not loaded), and, if that package has test
// files, its non-test files alone.
func dirSeeds(t testing.TB, dir string) []seed {
	names, err := filepath.Glob(filepath.Join(repoRoot, dir, "*.go"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no Go files in %s (%v)", dir, err)
	}
	sort.Strings(names)
	var out []seed
	groups := map[string][][]byte{}
	var nonTest [][]byte
	for _, name := range names {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, seed{dir + "/" + filepath.Base(name), src})
		pkg := packageName(src)
		if strings.HasSuffix(pkg, "_test") {
			continue
		}
		groups[pkg] = append(groups[pkg], src)
		if !strings.HasSuffix(name, "_test.go") {
			nonTest = append(nonTest, src)
		}
	}
	if n := len(groups[packageName(nonTest[0])]); len(nonTest) < n && len(nonTest) > 1 {
		groups["(non-test)"] = nonTest
	}
	return append(out, mergedSeeds(t, dir, groups)...)
}

// mergedSeeds merges each group of files of more than one file.
func mergedSeeds(t testing.TB, dir string, groups map[string][][]byte) []seed {
	var keys []string
	for k, files := range groups {
		if len(files) > 1 {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	var out []seed
	for _, k := range keys {
		src, err := Merge(groups[k])
		if err != nil {
			t.Fatalf("merging %s package %s: %v", dir, k, err)
		}
		out = append(out, seed{dir + " merged " + k, src})
	}
	return out
}

// packageName returns the name of src's package clause (the word after
// "package" on its first such line).
func packageName(src []byte) string {
	for _, line := range bytes.Split(src, []byte("\n")) {
		if f := strings.Fields(string(line)); len(f) >= 2 && f[0] == "package" {
			return f[1]
		}
	}
	return ""
}

// TestSeeds checks that every merged seed type-checks and that the passes
// run on it, and that the merged mistakes package gives findings: a seed
// the passes skip would fuzz nothing but the parser.
func TestSeeds(t *testing.T) {
	e := testEnv(t)
	mistakes := 0
	for _, s := range seeds(t) {
		if !strings.Contains(s.name, " merged ") {
			continue
		}
		res, err := e.Check(s.src, suite.Passes())
		if err != nil {
			t.Errorf("%s: %v", s.name, err)
			continue
		}
		if !res.Parsed || res.TypeErrors > 0 {
			t.Errorf("%s: parsed %v, %d type errors", s.name, res.Parsed, res.TypeErrors)
		}
		if s.name == "examples/mistakes merged mistakes" {
			mistakes = len(res.Diagnostics)
		}
	}
	if mistakes == 0 {
		t.Errorf("the merged mistakes package gave no findings")
	}
	if *writeCorpus {
		writeSeedCorpus(t, seeds(t))
	}
}

// writeSeedCorpus writes the seeds in go test's fuzz corpus format, one
// file each, named after the seed.
func writeSeedCorpus(t *testing.T, ss []seed) {
	dir := filepath.Join("testdata", "fuzz", "FuzzPasses")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, s := range ss {
		name := "seed-" + strings.NewReplacer("/", "-", " ", "-", ".", "_", "(", "", ")", "").Replace(s.name)
		data := fmt.Sprintf("go test fuzz v1\n[]byte(%q)\n", s.src)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
