package driver

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"sync"

	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"
)

// universe is the types of every package of the run: those read from
// export data (shared by every importer, kept to the end) and those
// type-checked from source (kept while an importer may need them).
type universe struct {
	fset   *token.FileSet
	source map[string]bool // IDs analysed from source

	mu    sync.Mutex // guards types (and export reads, which must be sequential)
	types map[string]*types.Package
}

// newUniverse returns an empty universe over the graph.
func newUniverse(fset *token.FileSet, source map[string]bool) *universe {
	return &universe{fset: fset, source: source, types: map[string]*types.Package{}}
}

// checked is a package type-checked from source.
type checked struct {
	files  []*ast.File
	info   *types.Info
	pkg    *types.Package
	errors []error // parse and type errors, in order
}

// check parses and type-checks p from source. Its source dependencies
// must have been checked (see setTypes). A file the parser gave up on (it
// nests deeper than go/parser's limit) is left out of the type check: the
// parser returns it with no package name, which the type checker would
// report as a second, positionless error ("package ; expected package x").
func (u *universe) check(p *packages.Package) *checked {
	c := &checked{info: NewInfo()}
	for _, name := range p.CompiledGoFiles {
		f, err := parseFile(u.fset, name)
		if err != nil {
			c.errors = append(c.errors, err)
		}
		if f != nil && f.Name.Name != "" {
			c.files = append(c.files, f)
		}
	}
	tc := &types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) { return u.importFor(p, path) }),
		Error:    func(err error) { c.errors = append(c.errors, err) },
		Sizes:    p.TypesSizes,
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		tc.GoVersion = "go" + p.Module.GoVersion
	}
	c.pkg = types.NewPackage(p.PkgPath, p.Name)
	_ = types.NewChecker(tc, u.fset, c.pkg, c.info).Files(c.files) // errors went to tc.Error
	return c
}

// parseFile parses one file with its comments (directives live there).
func parseFile(fset *token.FileSet, name string) (*ast.File, error) {
	src, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	return parser.ParseFile(fset, name, src, parser.ParseComments|parser.AllErrors|parser.SkipObjectResolution)
}

// NewInfo returns a types.Info recording everything analyzers may ask.
func NewInfo() *types.Info {
	return &types.Info{
		Types:        map[ast.Expr]types.TypeAndValue{},
		Instances:    map[*ast.Ident]types.Instance{},
		Defs:         map[*ast.Ident]types.Object{},
		Uses:         map[*ast.Ident]types.Object{},
		Implicits:    map[ast.Node]types.Object{},
		Selections:   map[*ast.SelectorExpr]*types.Selection{},
		Scopes:       map[ast.Node]*types.Scope{},
		FileVersions: map[*ast.File]string{},
	}
}

// importerFunc adapts a function to types.Importer.
type importerFunc func(path string) (*types.Package, error)

// Import implements types.Importer.
func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// importFor resolves an import of p.
func (u *universe) importFor(p *packages.Package, path string) (*types.Package, error) {
	if path == "unsafe" {
		return types.Unsafe, nil
	}
	dep := p.Imports[path]
	if dep == nil {
		return nil, fmt.Errorf("no metadata for %s", path)
	}
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.source[dep.ID] {
		if t := u.types[dep.ID]; t != nil {
			return t, nil
		}
		return nil, fmt.Errorf("%s was not type-checked", dep.ID)
	}
	return u.export(dep)
}

// setTypes records the types of a package checked from source, for its
// importers.
func (u *universe) setTypes(id string, t *types.Package) {
	u.mu.Lock()
	u.types[id] = t
	u.mu.Unlock()
}

// forget drops the types of a package checked from source once no
// importer needs them.
func (u *universe) forget(id string) {
	u.mu.Lock()
	delete(u.types, id)
	u.mu.Unlock()
}

// export returns p's types read from its export data, reading its
// dependencies' first (so that every package the data mentions already
// exists, as go/packages does). u.mu is held.
func (u *universe) export(p *packages.Package) (*types.Package, error) {
	if t := u.types[p.ID]; t != nil {
		return t, nil
	}
	if p.PkgPath == "unsafe" {
		return types.Unsafe, nil
	}
	view := map[string]*types.Package{}
	for _, dep := range p.Imports {
		if _, err := u.export(dep); err != nil {
			return nil, err
		}
	}
	u.addView(p, view, map[string]bool{})
	if p.ExportFile == "" {
		return nil, fmt.Errorf("no export data for %s", p.ID)
	}
	f, err := os.Open(p.ExportFile)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r, err := gcexportdata.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %v", p.ExportFile, err)
	}
	t, err := gcexportdata.Read(r, u.fset, view, p.PkgPath)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %v", p.ExportFile, err)
	}
	u.types[p.ID] = t
	return t, nil
}

// addView adds the types of p's transitive imports to view, by path.
func (u *universe) addView(p *packages.Package, view map[string]*types.Package, seen map[string]bool) {
	for _, dep := range p.Imports {
		if seen[dep.ID] {
			continue
		}
		seen[dep.ID] = true
		if t := u.types[dep.ID]; t != nil {
			view[dep.PkgPath] = t
		}
		u.addView(dep, view, seen)
	}
}
