package driver

import (
	"fmt"
	"go/types"
	"os"
	"reflect"
	"runtime/debug"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// plan is the analyzers to run, in an order where each comes after those
// it requires: all of them on a root, the fact producers' closure on a
// dependency analysed from source (it is analysed for its facts only, as
// go vet analyses dependencies).
type plan struct {
	root, dep []*analysis.Analyzer
	factTypes map[reflect.Type]bool // every fact type of the plan
}

// newPlan orders the analyzers and their requirements.
func newPlan(analyzers []*analysis.Analyzer) *plan {
	p := &plan{root: Order(analyzers), factTypes: map[reflect.Type]bool{}}
	var producers []*analysis.Analyzer
	for _, a := range p.root {
		if len(a.FactTypes) > 0 {
			producers = append(producers, a)
		}
		for _, f := range a.FactTypes {
			p.factTypes[reflect.TypeOf(f)] = true
		}
	}
	p.dep = Order(producers)
	return p
}

// Order returns the analyzers and everything they require, each after
// its requirements, in a deterministic order (how a driver runs them on
// one package).
func Order(analyzers []*analysis.Analyzer) []*analysis.Analyzer {
	var out []*analysis.Analyzer
	seen := map[*analysis.Analyzer]bool{}
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		for _, r := range a.Requires {
			visit(r)
		}
		out = append(out, a)
	}
	for _, a := range analyzers {
		visit(a)
	}
	return out
}

// unit is one package analysed from source.
type unit struct {
	meta *packages.Package
	root bool
	c    *checked
	// deps are the package's transitive dependencies analysed from
	// source, whose facts it may import.
	deps []*types.Package
}

// analyse runs the plan's analyzers on u. It returns the diagnostics (for a
// root), the package's facts, the analyzers' results (for a root, for
// Config.OnRoot), and the errors (an analyzer's error or panic, one line
// each).
func (d *run) analyse(u *unit) (diags []Diagnostic, store *factStore, results map[*analysis.Analyzer]any, errs []Error) {
	analyzers := d.plan.dep
	if u.root {
		analyzers = d.plan.root
	}
	store = &factStore{obj: map[objKey]analysis.Fact{}, pkg: map[reflect.Type]analysis.Fact{}}
	results = map[*analysis.Analyzer]any{}
	failed := map[*analysis.Analyzer]bool{}
	illTyped := len(u.c.errors) > 0
	for _, a := range analyzers {
		if skip(a, failed, illTyped) {
			failed[a] = true
			continue
		}
		pass := d.newPass(u, a, store, results, &diags)
		res, err := runPass(pass)
		if err != nil {
			failed[a] = true
			errs = append(errs, Error{Package: u.meta.PkgPath, Msg: fmt.Sprintf("%s: %v", a.Name, err)})
			continue
		}
		results[a] = res
	}
	return diags, store, results, errs
}

// skip reports whether a must not run: a requirement failed, or the
// package is ill-typed and a does not run despite errors.
func skip(a *analysis.Analyzer, failed map[*analysis.Analyzer]bool, illTyped bool) bool {
	if illTyped && !a.RunDespiteErrors {
		return true
	}
	for _, r := range a.Requires {
		if failed[r] {
			return true
		}
	}
	return false
}

// runPass runs one analyzer, turning a panic into an error whose first
// line says where (the full stack is printed with NDISLINT_DEBUG=panic).
func runPass(pass *analysis.Pass) (res any, err error) {
	defer func() {
		if r := recover(); r != nil {
			if os.Getenv("NDISLINT_DEBUG") == "panic" {
				fmt.Fprintf(os.Stderr, "panic in %s on %s: %v\n%s", pass.Analyzer.Name, pass.Pkg.Path(), r, debug.Stack())
			}
			err = fmt.Errorf("internal error: panic: %v (please report it; NDISLINT_DEBUG=panic prints the stack)", r)
		}
	}()
	res, err = pass.Analyzer.Run(pass)
	if err == nil && pass.Analyzer.ResultType != nil && res != nil && reflect.TypeOf(res) != pass.Analyzer.ResultType {
		err = fmt.Errorf("internal error: result of type %T, want %v", res, pass.Analyzer.ResultType)
	}
	return res, err
}

// newPass builds the Pass of a on u.
func (d *run) newPass(u *unit, a *analysis.Analyzer, store *factStore, results map[*analysis.Analyzer]any, diags *[]Diagnostic) *analysis.Pass {
	resultOf := map[*analysis.Analyzer]any{}
	for _, r := range a.Requires {
		resultOf[r] = results[r]
	}
	own := map[reflect.Type]bool{}
	for _, f := range a.FactTypes {
		own[reflect.TypeOf(f)] = true
	}
	pass := &analysis.Pass{
		Analyzer:     a,
		Fset:         d.fset,
		Files:        u.c.files,
		OtherFiles:   u.meta.OtherFiles,
		IgnoredFiles: u.meta.IgnoredFiles,
		Pkg:          u.c.pkg,
		TypesInfo:    u.c.info,
		TypesSizes:   u.meta.TypesSizes,
		TypeErrors:   u.c.typeErrors(),
		ResultOf:     resultOf,
		Module:       module(u.meta),
		ReadFile:     readFileOf(u.meta),
	}
	pass.Report = func(diag analysis.Diagnostic) {
		if u.root {
			*diags = append(*diags, Diagnostic{Package: u.meta.PkgPath, Analyzer: a, Diagnostic: diag})
		}
	}
	pass.ImportObjectFact = func(obj types.Object, fact analysis.Fact) bool {
		if obj != nil && obj.Pkg() == u.c.pkg {
			return importFrom(store.obj[objKey{obj, reflect.TypeOf(fact)}], fact)
		}
		return d.facts.importObject(obj, fact)
	}
	pass.ImportPackageFact = func(pkg *types.Package, fact analysis.Fact) bool {
		if pkg == u.c.pkg {
			return importFrom(store.pkg[reflect.TypeOf(fact)], fact)
		}
		return d.facts.importPackage(pkg, fact)
	}
	pass.ExportObjectFact = func(obj types.Object, fact analysis.Fact) {
		if obj == nil || obj.Pkg() != u.c.pkg || !own[reflect.TypeOf(fact)] {
			panic(fmt.Sprintf("%s: fact %T about %v is not this package's or not the analyzer's", a.Name, fact, obj))
		}
		store.obj[objKey{obj, reflect.TypeOf(fact)}] = fact
	}
	pass.ExportPackageFact = func(fact analysis.Fact) {
		if !own[reflect.TypeOf(fact)] {
			panic(fmt.Sprintf("%s: package fact %T is not one of the analyzer's", a.Name, fact))
		}
		store.pkg[reflect.TypeOf(fact)] = fact
	}
	pass.AllObjectFacts = func() []analysis.ObjectFact {
		objs, _ := d.facts.all(u.deps, own)
		for k, f := range store.obj {
			if own[k.typ] {
				objs = append(objs, analysis.ObjectFact{Object: k.obj, Fact: f})
			}
		}
		return objs
	}
	pass.AllPackageFacts = func() []analysis.PackageFact {
		_, pfs := d.facts.all(u.deps, own)
		for typ, f := range store.pkg {
			if own[typ] {
				pfs = append(pfs, analysis.PackageFact{Package: u.c.pkg, Fact: f})
			}
		}
		return pfs
	}
	return pass
}

// importFrom copies fact f, if any, into ptr.
func importFrom(f analysis.Fact, ptr analysis.Fact) bool {
	if f == nil {
		return false
	}
	reflect.ValueOf(ptr).Elem().Set(reflect.ValueOf(f).Elem())
	return true
}

// module returns the analysis view of p's module.
func module(p *packages.Package) *analysis.Module {
	if p.Module == nil {
		return nil
	}
	return &analysis.Module{Path: p.Module.Path, Version: p.Module.Version, GoVersion: p.Module.GoVersion}
}

// readFileOf returns a Pass.ReadFile that reads only p's files, as
// go/analysis requires.
func readFileOf(p *packages.Package) func(string) ([]byte, error) {
	allowed := map[string]bool{}
	for _, list := range [][]string{p.GoFiles, p.CompiledGoFiles, p.OtherFiles, p.IgnoredFiles, p.EmbedFiles} {
		for _, f := range list {
			allowed[f] = true
		}
	}
	return func(name string) ([]byte, error) {
		if !allowed[name] {
			return nil, fmt.Errorf("ReadFile %s: not a file of package %s", name, p.PkgPath)
		}
		return os.ReadFile(name)
	}
}

// typeErrors returns the type errors among c's errors.
func (c *checked) typeErrors() []types.Error {
	var out []types.Error
	for _, e := range c.errors {
		if te, ok := e.(types.Error); ok {
			out = append(out, te)
		}
	}
	return out
}

// sortDiagnostics orders diagnostics by position, then rule and message,
// and drops exact repeats (a package checked twice, as itself and as its
// test variant, reports its findings twice).
func sortDiagnostics(d *run, diags []Diagnostic) []Diagnostic {
	key := func(x Diagnostic) string {
		p := d.fset.Position(x.Pos)
		return fmt.Sprintf("%s\x00%010d\x00%010d\x00%s\x00%s", p.Filename, p.Line, p.Column, x.Category, x.Message)
	}
	keys := make(map[*Diagnostic]string, len(diags))
	for i := range diags {
		keys[&diags[i]] = key(diags[i])
	}
	idx := make([]int, len(diags))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(i, j int) bool {
		return strings.Compare(keys[&diags[idx[i]]], keys[&diags[idx[j]]]) < 0
	})
	out := make([]Diagnostic, 0, len(diags))
	last := ""
	for n, i := range idx {
		k := keys[&diags[i]]
		if n > 0 && k == last {
			continue
		}
		last = k
		out = append(out, diags[i])
	}
	return slices.Clip(out)
}
