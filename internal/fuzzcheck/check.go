package fuzzcheck

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"

	"github.com/ndislint/ndislint/internal/driver"
	"golang.org/x/tools/go/analysis"
)

// FileName is the name an input is parsed under.
const FileName = "fuzz.go"

// GoVersion is the language version inputs are type-checked for (the
// module's).
const GoVersion = "go1.26"

// Result is what Check found on one input.
type Result struct {
	// Parsed reports whether the input parsed; nothing else ran if not.
	Parsed bool
	// TypeErrors counts the type errors; the passes do not run on an
	// ill-typed input (none of them runs despite errors).
	TypeErrors int
	// Diagnostics are the passes' findings.
	Diagnostics []analysis.Diagnostic
	// Fset holds the diagnostics' positions.
	Fset *token.FileSet
}

// Check parses src as one file, type-checks it against the loaded
// dependencies and runs the analyzers and their requirements on it. Its
// error is a failure of a pass: an error returned, a result of the wrong
// type, a fact gob cannot encode or a diagnostic with a bad position. A
// pass's panic is not recovered.
func (e *Env) Check(src []byte, analyzers []*analysis.Analyzer) (*Result, error) {
	fset := e.fileSet()
	res := &Result{Fset: fset}
	f, err := parser.ParseFile(fset, FileName, src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return res, nil // not Go: skipped
	}
	res.Parsed = true
	pkg, info, nerr := e.typeCheck(fset, f)
	res.TypeErrors = nerr
	if nerr > 0 {
		return res, nil
	}
	r := &runner{fset: fset, files: []*ast.File{f}, pkg: pkg, info: info, sizes: e.sizes, src: src}
	res.Diagnostics, err = r.run(analyzers)
	return res, err
}

// typeCheck type-checks f as package fuzz.example/<name> and returns the
// number of type errors.
func (e *Env) typeCheck(fset *token.FileSet, f *ast.File) (*types.Package, *types.Info, int) {
	n := 0
	conf := &types.Config{
		Importer:  e,
		Sizes:     e.sizes,
		GoVersion: GoVersion,
		Error:     func(error) { n++ },
	}
	info := driver.NewInfo()
	pkg := types.NewPackage("fuzz.example/"+f.Name.Name, f.Name.Name)
	_ = types.NewChecker(conf, fset, pkg, info).Files([]*ast.File{f}) // errors counted
	return pkg, info, n
}
