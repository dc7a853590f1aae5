package driver

import (
	"fmt"
	"go/token"
	"go/types"
	"os/exec"
	"runtime"
	"sort"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// Config says what to analyse and how.
type Config struct {
	// Dir, Env, Tests and BuildFlags are those of go/packages.
	Dir        string
	Env        []string
	Tests      bool
	BuildFlags []string
	// Analyzers run on every package the patterns name; their
	// requirements run too.
	Analyzers []*analysis.Analyzer
	// Workers bounds the packages analysed at once (0: GOMAXPROCS).
	Workers int
	// OnRoot, if set, is called once per package the patterns name, after
	// its analysis, with the analyzers' results; calls are serialised.
	// The results are valid during the call only: the driver drops them
	// after it.
	OnRoot func(pkg *types.Package, results map[*analysis.Analyzer]any)
	// MaxTypeErrors bounds the type errors listed per package (0: 10);
	// the rest are counted in one more line.
	MaxTypeErrors int
}

// Diagnostic is a finding of an analyzer on a package the patterns name.
type Diagnostic struct {
	// Package is the package's import path.
	Package string
	// Analyzer reported it.
	Analyzer *analysis.Analyzer
	analysis.Diagnostic
}

// Error is one line of trouble: a package that cannot be loaded or
// type-checked, or an analyzer that failed.
type Error struct {
	// Pos is where, when the error has a position (Filename empty if not).
	Pos token.Position
	// Package is the import path (or pattern) concerned.
	Package string
	// Msg is the error, one line.
	Msg string
}

// String formats the error as the command prints it.
func (e Error) String() string {
	if e.Pos.Filename != "" {
		return e.Pos.String() + ": " + e.Msg
	}
	if e.Package != "" && !strings.Contains(e.Msg, e.Package) {
		return e.Package + ": " + e.Msg
	}
	return e.Msg
}

// Output is what a run found.
type Output struct {
	// Fset holds every position of the run.
	Fset *token.FileSet
	// Diagnostics are sorted by position, rule and message, without
	// repeats.
	Diagnostics []Diagnostic
	// Errors are in package order.
	Errors []Error
	// Roots are the import paths of the packages the patterns name,
	// sorted, each once.
	Roots []string
	// Analysed counts the packages analysed from source (roots
	// included); Exported those read from export data.
	Analysed, Exported int
}

// run is the state of one Run.
type run struct {
	cfg   *Config
	fset  *token.FileSet
	plan  *plan
	uni   *universe
	facts *factTable

	mu     sync.Mutex // guards the fields below and serialises OnRoot
	diags  []Diagnostic
	errors map[string][]Error // by package ID
}

// Run analyses the packages patterns name. Its error is for a run that
// could not start (the go command failed); trouble with single packages is
// in Output.Errors, and the others are still analysed.
func Run(cfg *Config, patterns []string) (*Output, error) {
	clock := newPhases()
	roots, all, err := loadGraph(cfg, patterns)
	if err != nil {
		return nil, err
	}
	clock.done("go list")
	source := sourceSet(roots, all)
	d := &run{
		cfg:    cfg,
		fset:   token.NewFileSet(),
		plan:   newPlan(cfg.Analyzers),
		facts:  newFactTable(),
		errors: map[string][]Error{},
	}
	d.uni = newUniverse(d.fset, source)
	g := newGraph(roots, all, source)
	d.loadErrors(all, source)
	g.execute(d.workers(), func(n *node) { d.do(g, n) })
	clock.done(fmt.Sprintf("analysis (%d from source, %d from export data)", len(source), len(all)-len(source)))
	out := &Output{Fset: d.fset, Diagnostics: sortDiagnostics(d, d.diags), Analysed: len(source), Exported: len(all) - len(source)}
	out.Errors = d.sortedErrors(g)
	out.Roots = rootPaths(roots)
	clock.print()
	if len(roots) == 0 && len(out.Errors) == 0 {
		out.Errors = append(out.Errors, Error{Msg: noPackages(cfg, patterns)})
	}
	return out, nil
}

// workers is the number of packages analysed at once.
func (d *run) workers() int {
	if d.cfg.Workers > 0 {
		return d.cfg.Workers
	}
	return runtime.GOMAXPROCS(0)
}

// do type-checks and analyses one package, then releases what no
// importer still needs.
func (d *run) do(g *graph, n *node) {
	if len(n.meta.Errors) > 0 && len(n.meta.CompiledGoFiles) == 0 {
		g.finish(n, d.release)
		return // nothing to check: the go command's error was recorded
	}
	c := d.uni.check(n.meta)
	u := &unit{meta: n.meta, root: n.root, c: c, deps: d.depTypes(n)}
	if n.root || len(n.meta.Errors) == 0 {
		d.typeErrors(n, c)
	}
	diags, store, results, errs := d.analyse(u)
	d.uni.setTypes(n.meta.ID, c.pkg)
	d.facts.add(c.pkg, store)
	d.mu.Lock()
	d.diags = append(d.diags, diags...)
	d.errors[n.meta.ID] = append(d.errors[n.meta.ID], errs...)
	if n.root && d.cfg.OnRoot != nil && len(results) > 0 {
		d.cfg.OnRoot(c.pkg, results)
	}
	d.mu.Unlock()
	n.pkg = c.pkg
	g.finish(n, d.release)
}

// release forgets a package's types and facts: no package left to analyse
// depends on it.
func (d *run) release(n *node) {
	d.uni.forget(n.meta.ID)
	if n.pkg != nil {
		d.facts.drop(n.pkg)
		n.pkg = nil // the node outlives the run's use of its types
	}
}

// depTypes returns the types of n's transitive source dependencies.
func (d *run) depTypes(n *node) []*types.Package {
	var out []*types.Package
	for _, dep := range n.closure {
		if dep.pkg != nil {
			out = append(out, dep.pkg)
		}
	}
	return out
}

// loadErrors records the go command's errors about the packages (a bad
// pattern, a missing import, an import cycle), once each. The compiler's
// output for a package type-checked from source (an error starting with
// the "# package" header) is left out: the driver's own type check reports
// the same errors, with full positions.
func (d *run) loadErrors(all map[string]*packages.Package, source map[string]bool) {
	seen := map[string]bool{}
	for _, p := range all {
		for _, e := range p.Errors {
			if source[p.ID] && strings.HasPrefix(strings.TrimSpace(e.Msg), "# ") {
				continue
			}
			msg := oneLine(e.Msg)
			key := e.Pos + "\x00" + msg
			if seen[key] {
				continue
			}
			seen[key] = true
			d.errors[p.ID] = append(d.errors[p.ID], Error{Pos: parsePos(e.Pos), Package: p.PkgPath, Msg: msg})
		}
	}
}

// typeErrors records c's parse and type errors, at most MaxTypeErrors.
func (d *run) typeErrors(n *node, c *checked) {
	limit := d.cfg.MaxTypeErrors
	if limit == 0 {
		limit = 10
	}
	var errs []Error
	all := consequences(n, c.errors)
	for i, e := range all {
		if i == limit {
			errs = append(errs, Error{Package: n.meta.PkgPath, Msg: fmt.Sprintf("%d more errors in %s", len(all)-limit, n.meta.PkgPath)})
			break
		}
		errs = append(errs, d.errorOf(n, e))
	}
	d.mu.Lock()
	d.errors[n.meta.ID] = append(d.errors[n.meta.ID], errs...)
	d.mu.Unlock()
}

// consequences drops, for a package the go command already reported an
// error about (an import cycle, a missing package), the type errors that
// follow from it: the imports that could not be resolved.
func consequences(n *node, errs []error) []error {
	if len(n.meta.Errors) == 0 {
		return errs
	}
	var out []error
	for _, e := range errs {
		if !strings.Contains(e.Error(), "could not import") {
			out = append(out, e)
		}
	}
	return out
}

// errorOf converts a parse or type error.
func (d *run) errorOf(n *node, err error) Error {
	switch e := err.(type) {
	case types.Error:
		return Error{Pos: d.fset.Position(e.Pos), Package: n.meta.PkgPath, Msg: oneLine(e.Msg)}
	default:
		if pos, msg, ok := splitPos(err.Error()); ok {
			return Error{Pos: pos, Package: n.meta.PkgPath, Msg: oneLine(msg)}
		}
		return Error{Package: n.meta.PkgPath, Msg: oneLine(err.Error())}
	}
}

// sortedErrors returns the errors, packages in graph order, each package's
// errors by position, without repeats (a file's error seen by the go
// command and by the parser once).
func (d *run) sortedErrors(g *graph) []Error {
	var ids []string
	for id := range d.errors {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var out []Error
	seen := map[string]bool{}
	for _, id := range ids {
		errs := d.errors[id]
		sort.SliceStable(errs, func(i, j int) bool { return lessPos(errs[i].Pos, errs[j].Pos) })
		for _, e := range errs {
			k := e.String()
			if seen[k] {
				continue
			}
			seen[k] = true
			out = append(out, e)
		}
	}
	return out
}

// lessPos orders positions by file, line and column.
func lessPos(a, b token.Position) bool {
	if a.Filename != b.Filename {
		return a.Filename < b.Filename
	}
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	return a.Column < b.Column
}

// rootPaths returns the roots' import paths, sorted, each once.
func rootPaths(roots []*packages.Package) []string {
	seen := map[string]bool{}
	var out []string
	for _, r := range roots {
		if !seen[r.PkgPath] {
			seen[r.PkgPath] = true
			out = append(out, r.PkgPath)
		}
	}
	sort.Strings(out)
	return out
}

// oneLine keeps the first line of msg that says something: not the
// "# package" header the go command puts before a package's errors.
func oneLine(msg string) string {
	for _, l := range strings.Split(strings.TrimSpace(msg), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "# ") {
			return l
		}
	}
	return strings.TrimSpace(msg)
}

// goError is the go command's error on one line: its first line, and the
// next one when the first announces it ("to update it:" / "go mod tidy").
func goError(stderr string) string {
	var lines []string
	for _, l := range strings.Split(strings.TrimSpace(stderr), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "# ") {
			lines = append(lines, l)
		}
	}
	switch {
	case len(lines) == 0:
		return ""
	case len(lines) > 1 && strings.HasSuffix(lines[0], ":"):
		return lines[0] + " " + lines[1]
	}
	return lines[0]
}

// noPackages explains why the patterns gave no package. go/packages
// reports nothing when the go command itself failed (go.mod needs
// updates, a module is missing): go list without -e says why, and its
// first line is the error; otherwise the patterns matched nothing.
func noPackages(cfg *Config, patterns []string) string {
	args := append([]string{"list"}, cfg.BuildFlags...)
	cmd := exec.Command("go", append(append(args, "--"), patterns...)...)
	cmd.Dir, cmd.Env = cfg.Dir, cfg.Env
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil && stderr.Len() > 0 {
		if line := goError(stderr.String()); !strings.Contains(line, "matched no packages") {
			return line
		}
	}
	return fmt.Sprintf("%s matched no packages", strings.Join(patterns, " "))
}

// parsePos reads a "file:line:col" position as the go command writes it.
func parsePos(s string) token.Position {
	pos, _, _ := splitPos(s + ": ")
	return pos
}

// splitPos splits "file:line[:col]: msg".
func splitPos(s string) (token.Position, string, bool) {
	parts := strings.SplitN(s, ": ", 2)
	if len(parts) != 2 {
		return token.Position{}, s, false
	}
	fields := strings.Split(parts[0], ":")
	var pos token.Position
	switch {
	case len(fields) >= 3 && isNum(fields[len(fields)-1]) && isNum(fields[len(fields)-2]):
		pos.Filename = strings.Join(fields[:len(fields)-2], ":")
		fmt.Sscan(fields[len(fields)-2], &pos.Line)
		fmt.Sscan(fields[len(fields)-1], &pos.Column)
	case len(fields) >= 2 && isNum(fields[len(fields)-1]):
		pos.Filename = strings.Join(fields[:len(fields)-1], ":")
		fmt.Sscan(fields[len(fields)-1], &pos.Line)
	default:
		return token.Position{}, s, false
	}
	return pos, parts[1], true
}

// isNum reports whether s is a non-empty decimal number.
func isNum(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
