package fuzzcheck

import (
	"fmt"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/packages"
)

// Deps are the packages an input may import: the runtime, the test
// harness and the standard packages the examples and the passes' testdata
// use. Any other import leaves the input ill-typed.
var Deps = []string{
	"github.com/ndislint/ndislint/ndis",
	"github.com/ndislint/ndislint/wdm",
	"github.com/ndislint/ndislint/ndistest",
	"bytes", "context", "errors", "fmt", "os", "sort", "strings", "sync",
	"sync/atomic", "testing", "time", "unsafe", "encoding/binary",
}

// Env is the loaded dependencies, read once from export data and shared
// by every Check.
type Env struct {
	files   []*token.File             // of the loaded packages, for each input's FileSet
	imports map[string]*types.Package // every loaded package, by path
	sizes   types.Sizes
}

// Load loads Deps (and their dependencies) from export data, through the
// go command run in dir, a directory of ndislint's module.
func Load(dir string) (*Env, error) {
	fset := token.NewFileSet()
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedTypes | packages.NeedImports |
			packages.NeedDeps | packages.NeedTypesSizes,
		Dir:  dir,
		Fset: fset,
	}
	pkgs, err := packages.Load(cfg, Deps...)
	if err != nil {
		return nil, fmt.Errorf("loading the runtime: %v", err)
	}
	env := &Env{imports: map[string]*types.Package{}}
	var errs []string
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			errs = append(errs, e.Error())
		}
		if p.Types != nil {
			env.imports[p.PkgPath] = p.Types
		}
		if env.sizes == nil {
			env.sizes = p.TypesSizes
		}
	})
	if len(errs) > 0 {
		return nil, fmt.Errorf("loading the runtime: %s", errs[0])
	}
	fset.Iterate(func(f *token.File) bool {
		env.files = append(env.files, f)
		return true
	})
	return env, nil
}

// fileSet returns a new FileSet holding the loaded packages' files, so
// that positions of the runtime's objects resolve as in a real run, and
// an input's file is dropped with its FileSet.
func (e *Env) fileSet() *token.FileSet {
	fset := token.NewFileSet()
	fset.AddExistingFiles(e.files...)
	return fset
}

// Import implements types.Importer over the loaded packages.
func (e *Env) Import(path string) (*types.Package, error) {
	if path == "unsafe" {
		return types.Unsafe, nil
	}
	if p := e.imports[path]; p != nil {
		return p, nil
	}
	return nil, fmt.Errorf("package %s is not loaded", path)
}
