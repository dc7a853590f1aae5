// Package benchkit is what the passes' benchmarks share: loading packages
// for the checker, running a pass b.N times, and writing a scratch module of
// generated drivers that requires this repository. Speed and memory are
// measured with go test -bench and benchstat, never asserted.
package benchkit

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"

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

// Run runs a over pkgs b.N times, reporting allocations. The checker runs
// sequentially, so that the time of each action is its own (in parallel,
// actions wait on each other and on the collector, the more so the more
// there are). Besides ns/op (the whole checker run: pkgs, every package
// they import, the front end and the prerequisites) it reports, per line
// of pkgs' Go files, the time of the work done on pkgs themselves (not on
// their dependencies): pass-ns/line for a's own runs, roots-ns/line for
// every action on them (the front end, the SSA build, the prerequisites
// and a). Those stay flat as the code grows when the passes are linear;
// ns/op also carries the fixed cost of the runtime and the standard
// library.
//
// Before each of a's runs on pkgs the garbage of the earlier actions is
// collected (not measured, not in ns/op), so that a collection the loading or the front
// end made due is not charged to the pass. On a shared machine wall-clock
// times vary with the load: pass-cpu-ns/line, the process's CPU time
// during a's runs on pkgs (the collector's included), varies much less.
func Run(b *testing.B, a *analysis.Analyzer, pkgs []*packages.Package) {
	lines := Lines(pkgs)
	roots := map[*packages.Package]bool{}
	rootPaths := map[string]bool{}
	for _, p := range pkgs {
		roots[p] = true
		rootPaths[p.PkgPath] = true
	}
	timed, m := measured(b, a, rootPaths)
	b.ReportAllocs()
	b.ResetTimer()
	var all time.Duration
	for i := 0; i < b.N; i++ {
		g, err := checker.Analyze([]*analysis.Analyzer{timed}, pkgs, &checker.Options{Sequential: true})
		if err != nil {
			b.Fatal(err)
		}
		for act := range g.All() {
			if act.Err != nil {
				b.Fatal(act.Err)
			}
			if roots[act.Package] {
				all += act.Duration
			}
		}
	}
	if lines > 0 {
		per := func(d time.Duration) float64 { return float64(d.Nanoseconds()) / float64(b.N) / float64(lines) }
		b.ReportMetric(per(m.wall), "pass-ns/line")
		b.ReportMetric(per(all-m.gc), "roots-ns/line")
		if _, ok := cpuNow(); ok {
			b.ReportMetric(per(m.cpu), "pass-cpu-ns/line")
		}
	}
}

// measure is what measured's analyzer records of its runs on the roots.
type measure struct {
	wall, cpu time.Duration
	// gc is the time of the collections before the runs.
	gc time.Duration
}

// measured returns a copy of a whose Run, on a package of roots, first
// collects the garbage (b's timer stopped), then adds the wall-clock and
// CPU time of a's run to the measure.
func measured(b *testing.B, a *analysis.Analyzer, roots map[string]bool) (*analysis.Analyzer, *measure) {
	m := new(measure)
	timed := *a
	timed.Run = func(pass *analysis.Pass) (any, error) {
		if !roots[pass.Pkg.Path()] {
			return a.Run(pass)
		}
		b.StopTimer()
		t0 := time.Now()
		runtime.GC()
		t1 := time.Now()
		b.StartTimer()
		c0, _ := cpuNow()
		res, err := a.Run(pass)
		c1, _ := cpuNow()
		m.gc += t1.Sub(t0)
		m.wall += time.Since(t1)
		m.cpu += c1 - c0
		return res, err
	}
	return &timed, m
}

// Lines counts the lines of pkgs' Go files.
func Lines(pkgs []*packages.Package) int {
	n := 0
	for _, p := range pkgs {
		for _, f := range p.Syntax {
			if tf := p.Fset.File(f.Pos()); tf != nil {
				n += tf.LineCount()
			}
		}
	}
	return n
}

// Generated runs a over modules of 10 and 50 generated drivers: files maps a
// path in the module to its contents, and each path or content containing
// PKG is written once per driver with PKG replaced by the driver's name.
// The ratio of the two runs' pass-ns/line is 1 when the pass is linear in
// the number of drivers.
func Generated(b *testing.B, a *analysis.Analyzer, files map[string]string) {
	Sizes(b, a, "drivers", []int{10, 50}, func(b testing.TB, n int) string { return Module(b, n, files) })
}

// PackageSize runs a over one package, big, made of 10, 50 and then 200
// copies of unit, each a file of its own (see OnePackage), with the files
// of others beside it: what grows is the package, not the number of
// packages. The runs' pass-ns/line are equal when the pass is linear in
// the size of a package.
func PackageSize(b *testing.B, a *analysis.Analyzer, unit string, others map[string]string) {
	Sizes(b, a, "files", []int{10, 50, 200}, func(b testing.TB, n int) string {
		files := OnePackage(unit)
		for p, src := range others {
			files[p] = src
		}
		return Module(b, n, files)
	})
}

// OnePackage returns files for Module that make n copies of unit the files
// of one package, big: unit's package clause, "package PKG", becomes
// "package big", and PKG elsewhere (a suffix of its identifiers) each
// copy's name.
func OnePackage(unit string) map[string]string {
	return map[string]string{"big/PKG.go": strings.Replace(unit, "package PKG\n", "package big\n", 1)}
}

// Sizes runs a over the module module(n) writes, for each n of sizes, as a
// sub-benchmark named name=n.
func Sizes(b *testing.B, a *analysis.Analyzer, name string, sizes []int, module func(b testing.TB, n int) string) {
	for _, n := range sizes {
		b.Run(fmt.Sprintf("%s=%d", name, n), func(b *testing.B) {
			Run(b, a, Load(b, module(b, n), "./..."))
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

// ExampleDrivers returns the Go files (tests left out) of the bundled
// examples/client and examples/callmanager as files for Module or Generated:
// each driver of the module is a copy of both, PKG/client and
// PKG/callmanager, about 1.6k realistic lines (handlers, helpers, locks,
// pended requests, lifetimes) that every pass has work in.
func ExampleDrivers(b testing.TB) map[string]string {
	b.Helper()
	root, err := repoRoot()
	if err != nil {
		b.Fatal(err)
	}
	files := map[string]string{}
	for _, dir := range []string{"client", "callmanager"} {
		names, err := filepath.Glob(filepath.Join(root, "examples", dir, "*.go"))
		if err != nil {
			b.Fatal(err)
		}
		for _, name := range names {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			data, err := os.ReadFile(name)
			if err != nil {
				b.Fatal(err)
			}
			if strings.Contains(string(data), "PKG") {
				b.Fatalf("%s contains PKG, which Module would replace", name)
			}
			files["PKG/"+dir+"/"+filepath.Base(name)] = string(data)
		}
	}
	return files
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
