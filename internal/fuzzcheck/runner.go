package fuzzcheck

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"

	"github.com/ndislint/ndislint/internal/driver"
	"golang.org/x/tools/go/analysis"
)

// runner runs analyzers on one well-typed package, in process, as
// ndislint's driver runs them on a package whose dependencies have no
// facts (the runtime and the standard library are read from export data).
type runner struct {
	fset  *token.FileSet
	files []*ast.File
	pkg   *types.Package
	info  *types.Info
	sizes types.Sizes
	src   []byte

	results map[*analysis.Analyzer]any
	objs    map[objKey]analysis.Fact
	pkgs    map[reflect.Type]analysis.Fact
	diags   []analysis.Diagnostic
}

// objKey keys an object fact.
type objKey struct {
	obj types.Object
	typ reflect.Type
}

// run runs the analyzers and their requirements, each after what it
// requires, and returns their diagnostics.
func (r *runner) run(analyzers []*analysis.Analyzer) ([]analysis.Diagnostic, error) {
	r.results = map[*analysis.Analyzer]any{}
	r.objs = map[objKey]analysis.Fact{}
	r.pkgs = map[reflect.Type]analysis.Fact{}
	for _, a := range driver.Order(analyzers) {
		if err := r.runOne(a); err != nil {
			return r.diags, err
		}
	}
	return r.diags, nil
}

// runOne runs a and checks its result, facts and diagnostics.
func (r *runner) runOne(a *analysis.Analyzer) error {
	var failure error
	pass := r.newPass(a, &failure)
	res, err := a.Run(pass)
	if err != nil {
		return fmt.Errorf("%s: %v", a.Name, err)
	}
	if failure != nil {
		return failure
	}
	if a.ResultType != nil && res != nil && reflect.TypeOf(res) != a.ResultType {
		return fmt.Errorf("%s: result of type %T, want %v", a.Name, res, a.ResultType)
	}
	r.results[a] = res
	return nil
}

// newPass builds a's Pass; a misuse of it (a fact that is not a's, or
// that gob cannot encode; a diagnostic outside the file) is recorded in
// *failure.
func (r *runner) newPass(a *analysis.Analyzer, failure *error) *analysis.Pass {
	fail := func(format string, args ...any) {
		if *failure == nil {
			*failure = fmt.Errorf(a.Name+": "+format, args...)
		}
	}
	own := map[reflect.Type]bool{}
	for _, f := range a.FactTypes {
		own[reflect.TypeOf(f)] = true
	}
	resultOf := map[*analysis.Analyzer]any{}
	for _, req := range a.Requires {
		resultOf[req] = r.results[req]
	}
	return &analysis.Pass{
		Analyzer:   a,
		Fset:       r.fset,
		Files:      r.files,
		Pkg:        r.pkg,
		TypesInfo:  r.info,
		TypesSizes: r.sizes,
		ResultOf:   resultOf,
		Module:     &analysis.Module{Path: "fuzz.example", GoVersion: GoVersion[2:]},
		ReadFile:   r.readFile,
		Report: func(d analysis.Diagnostic) {
			if err := r.checkDiagnostic(d); err != nil {
				fail("%v", err)
			}
			r.diags = append(r.diags, d)
		},
		ImportObjectFact: func(obj types.Object, fact analysis.Fact) bool {
			return importFrom(r.objs[objKey{obj, reflect.TypeOf(fact)}], fact)
		},
		ImportPackageFact: func(pkg *types.Package, fact analysis.Fact) bool {
			return pkg == r.pkg && importFrom(r.pkgs[reflect.TypeOf(fact)], fact)
		},
		ExportObjectFact: func(obj types.Object, fact analysis.Fact) {
			if obj == nil || obj.Pkg() != r.pkg || !own[reflect.TypeOf(fact)] {
				fail("fact %T about %v is not this package's or not the analyzer's", fact, obj)
				return
			}
			if err := encodes(fact); err != nil {
				fail("fact %T about %v: %v", fact, obj, err)
			}
			r.objs[objKey{obj, reflect.TypeOf(fact)}] = fact
		},
		ExportPackageFact: func(fact analysis.Fact) {
			if !own[reflect.TypeOf(fact)] {
				fail("package fact %T is not the analyzer's", fact)
				return
			}
			if err := encodes(fact); err != nil {
				fail("package fact %T: %v", fact, err)
			}
			r.pkgs[reflect.TypeOf(fact)] = fact
		},
		AllObjectFacts:  func() []analysis.ObjectFact { return r.allObjectFacts(own) },
		AllPackageFacts: func() []analysis.PackageFact { return r.allPackageFacts(own) },
	}
}

// readFile serves the input, the package's one file.
func (r *runner) readFile(name string) ([]byte, error) {
	if name != FileName {
		return nil, fmt.Errorf("ReadFile %s: not a file of the package", name)
	}
	return r.src, nil
}

// allObjectFacts returns the package's object facts of the given types.
func (r *runner) allObjectFacts(typs map[reflect.Type]bool) []analysis.ObjectFact {
	var out []analysis.ObjectFact
	for k, f := range r.objs {
		if typs[k.typ] {
			out = append(out, analysis.ObjectFact{Object: k.obj, Fact: f})
		}
	}
	return out
}

// allPackageFacts returns the package's facts of the given types.
func (r *runner) allPackageFacts(typs map[reflect.Type]bool) []analysis.PackageFact {
	var out []analysis.PackageFact
	for typ, f := range r.pkgs {
		if typs[typ] {
			out = append(out, analysis.PackageFact{Package: r.pkg, Fact: f})
		}
	}
	return out
}

// importFrom copies fact f, if any, into ptr.
func importFrom(f analysis.Fact, ptr analysis.Fact) bool {
	if f == nil {
		return false
	}
	reflect.ValueOf(ptr).Elem().Set(reflect.ValueOf(f).Elem())
	return true
}

// encodes reports whether gob encodes and decodes fact, as go vet's
// unitchecker does to pass facts between packages.
func encodes(fact analysis.Fact) error {
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(fact); err != nil {
		return fmt.Errorf("gob encoding: %v", err)
	}
	back := reflect.New(reflect.TypeOf(fact).Elem()).Interface()
	if err := gob.NewDecoder(&buf).Decode(back); err != nil {
		return fmt.Errorf("gob decoding: %v", err)
	}
	return nil
}

// checkDiagnostic checks that d, its related information and its fixes
// lie in the input file, each range ordered.
func (r *runner) checkDiagnostic(d analysis.Diagnostic) error {
	if err := r.checkRange(d.Pos, d.End, false); err != nil {
		return fmt.Errorf("diagnostic %q: %v", d.Message, err)
	}
	for _, rel := range d.Related {
		if err := r.checkRange(rel.Pos, rel.End, true); err != nil {
			return fmt.Errorf("diagnostic %q: related %q: %v", d.Message, rel.Message, err)
		}
	}
	for _, fix := range d.SuggestedFixes {
		for _, ed := range fix.TextEdits {
			if err := r.checkRange(ed.Pos, ed.End, false); err != nil {
				return fmt.Errorf("diagnostic %q: fix %q: %v", d.Message, fix.Message, err)
			}
		}
	}
	return nil
}

// checkRange checks that pos is in the input's file (or, if elsewhere is
// set, in any file of the run) and that end, if set, is not before it in
// the same file.
func (r *runner) checkRange(pos, end token.Pos, elsewhere bool) error {
	f := r.fset.File(pos)
	switch {
	case !pos.IsValid() || f == nil:
		return fmt.Errorf("position %d is in no file", pos)
	case !elsewhere && f.Name() != FileName:
		return fmt.Errorf("position in %s, not in the package", f.Name())
	case end.IsValid() && (end < pos || end > token.Pos(f.Base()+f.Size())):
		return fmt.Errorf("end %d is outside %d..%d", end, pos, f.Base()+f.Size())
	}
	return nil
}
