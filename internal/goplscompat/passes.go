package goplscompat

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path"
	"path/filepath"
	"strconv"
	"strings"
)

// Module is ndislint's module path.
const Module = "github.com/ndislint/ndislint"

// PassesFile is where ndislint lists its passes (package suite's
// Passes), relative to the module root.
const PassesFile = "analyzers/suite/suite.go"

// Pass is one of ndislint's passes as analyzers/suite lists it.
type Pass struct {
	// ImportPath is the pass package's import path.
	ImportPath string
	// Ident is the name suite.go refers to the package by.
	Ident string
}

// Passes reads analyzers/suite/suite.go under the module root and returns
// the packages whose Analyzer the function Passes lists, in its order. It
// fails when the file has no function Passes or the function names no
// <pkg>.Analyzer of this module's packages.
func Passes(root string) ([]Pass, error) {
	file := filepath.Join(root, filepath.FromSlash(PassesFile))
	f, err := parser.ParseFile(token.NewFileSet(), file, nil, parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	imports, err := moduleImports(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", file, err)
	}
	fn := findFunc(f, "Passes")
	if fn == nil || fn.Body == nil {
		return nil, fmt.Errorf("%s: no function Passes", file)
	}
	passes := analyzerRefs(fn, imports)
	if len(passes) == 0 {
		return nil, fmt.Errorf("%s: function Passes names no <pkg>.Analyzer of %s", file, Module)
	}
	return passes, nil
}

// moduleImports maps the names f refers to this module's packages by to
// their import paths.
func moduleImports(f *ast.File) (map[string]string, error) {
	m := map[string]string{}
	for _, spec := range f.Imports {
		p, err := strconv.Unquote(spec.Path.Value)
		if err != nil {
			return nil, err
		}
		if !strings.HasPrefix(p, Module+"/") {
			continue
		}
		name := path.Base(p)
		if spec.Name != nil {
			name = spec.Name.Name
		}
		m[name] = p
	}
	return m, nil
}

func findFunc(f *ast.File, name string) *ast.FuncDecl {
	for _, d := range f.Decls {
		if fn, ok := d.(*ast.FuncDecl); ok && fn.Recv == nil && fn.Name.Name == name {
			return fn
		}
	}
	return nil
}

// analyzerRefs returns the packages whose Analyzer fn refers to, once
// each, in order.
func analyzerRefs(fn *ast.FuncDecl, imports map[string]string) []Pass {
	var out []Pass
	seen := map[string]bool{}
	ast.Inspect(fn.Body, func(n ast.Node) bool {
		sel, ok := n.(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "Analyzer" {
			return true
		}
		id, ok := sel.X.(*ast.Ident)
		if !ok || imports[id.Name] == "" || seen[id.Name] {
			return true
		}
		seen[id.Name] = true
		out = append(out, Pass{ImportPath: imports[id.Name], Ident: id.Name})
		return true
	})
	return out
}
