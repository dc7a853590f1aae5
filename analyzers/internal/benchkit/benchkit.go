// Package benchkit is what the passes' benchmarks share: loading packages
// for the checker, running a pass b.N times, and writing a scratch module of
// generated drivers that requires this repository. Speed and memory are
// measured with go test -bench and benchstat, never asserted.
package benchkit

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// Load loads patterns in dir with everything the checker needs.
func Load(b testing.TB, dir string, patterns ...string) []*packages.Package {
	b.Helper()
	cfg := &packages.Config{Mode: packages.LoadAllSyntax, Dir: dir, Env: append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		b.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		b.Fatal("packages do not load")
	}
	if len(pkgs) == 0 {
		b.Fatal("no packages match " + strings.Join(patterns, " "))
	}
	return pkgs
}

// Run runs a over pkgs b.N times, reporting allocations.
func Run(b *testing.B, a *analysis.Analyzer, pkgs []*packages.Package) {
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		g, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
		if err != nil {
			b.Fatal(err)
		}
		for act := range g.All() {
			if act.Err != nil {
				b.Fatal(act.Err)
			}
		}
	}
}

// Generated runs a over modules of 10 and 50 generated drivers: files maps a
// path in the module to its contents, and each path or content containing
// PKG is written once per driver with PKG replaced by the driver's name.
func Generated(b *testing.B, a *analysis.Analyzer, files map[string]string) {
	for _, n := range []int{10, 50} {
		b.Run(fmt.Sprintf("drivers=%d", n), func(b *testing.B) {
			Run(b, a, Load(b, Module(b, n, files), "./..."))
		})
	}
}

// Module writes a module with n drivers in a temporary directory and returns
// it. The module requires github.com/ndislint/ndislint, replaced by this
// checkout.
func Module(b testing.TB, n int, files map[string]string) string {
	b.Helper()
	root, err := repoRoot()
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	sum, _ := os.ReadFile(filepath.Join(root, "go.sum"))
	write(b, filepath.Join(dir, "go.mod"), "module example.com/gen\n\ngo 1.26\n\nrequire github.com/ndislint/ndislint v0.0.0\n\nreplace github.com/ndislint/ndislint => "+root+"\n")
	write(b, filepath.Join(dir, "go.sum"), string(sum))
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		if !strings.Contains(p, "PKG") {
			write(b, filepath.Join(dir, p), files[p])
			continue
		}
		for i := 0; i < n; i++ {
			name := fmt.Sprintf("drv%03d", i)
			write(b, filepath.Join(dir, strings.ReplaceAll(p, "PKG", name)), strings.ReplaceAll(files[p], "PKG", name))
		}
	}
	return dir
}

// repoRoot finds the directory of this module's go.mod from the working
// directory (a package directory under it).
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if data, err := os.ReadFile(filepath.Join(dir, "go.mod")); err == nil && strings.Contains(string(data), "module github.com/ndislint/ndislint\n") {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no github.com/ndislint/ndislint go.mod above the working directory")
		}
		dir = parent
	}
}

func write(b testing.TB, path, data string) {
	b.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		b.Fatal(err)
	}
}
