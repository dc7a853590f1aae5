package nogocheck

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// AnalyzerPackages returns the import paths of the packages directly under
// root/analyzers whose non-test files declare a package-level variable
// Analyzer, sorted. module is the module path of root.
func AnalyzerPackages(root, module string) ([]string, error) {
	dir := filepath.Join(root, "analyzers")
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		if !e.IsDir() || e.Name() == "internal" || e.Name() == "testdata" {
			continue
		}
		ok, err := declaresAnalyzer(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, path.Join(module, "analyzers", e.Name()))
		}
	}
	sort.Strings(out)
	return out, nil
}

// declaresAnalyzer reports whether a non-test Go file in dir declares a
// package-level variable named Analyzer.
func declaresAnalyzer(dir string) (bool, error) {
	files, err := parseDir(token.NewFileSet(), dir, nil)
	if err != nil {
		return false, err
	}
	for _, f := range files {
		if declaresVar(f, "Analyzer") {
			return true, nil
		}
	}
	return false, nil
}

// declaresVar reports whether f declares a package-level variable name.
func declaresVar(f *ast.File, name string) bool {
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.VAR {
			continue
		}
		for _, s := range gd.Specs {
			for _, n := range s.(*ast.ValueSpec).Names {
				if n.Name == name {
					return true
				}
			}
		}
	}
	return false
}

// parseDir parses the Go files of dir named in names, or, when names is
// nil, every non-test .go file of dir.
func parseDir(fset *token.FileSet, dir string, names []string) ([]*ast.File, error) {
	if names == nil {
		entries, err := os.ReadDir(dir)
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			n := e.Name()
			if !e.IsDir() && strings.HasSuffix(n, ".go") && !strings.HasSuffix(n, "_test.go") {
				names = append(names, n)
			}
		}
	}
	var files []*ast.File
	for _, n := range names {
		f, err := parser.ParseFile(fset, filepath.Join(dir, n), nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	return files, nil
}
