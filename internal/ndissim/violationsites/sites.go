package violationsites

import (
	"bufio"
	"context"
	"fmt"
	"go/ast"
	"go/constant"
	"go/types"
	"os"
	"sort"
	"strings"

	"golang.org/x/tools/go/packages"
)

// KernelPath is the import path of the package whose State.Report raises
// every violation.
const KernelPath = "github.com/ndislint/ndislint/internal/kernel"

// Dynamic is the Rule of a site whose rule ID is computed at run time.
const Dynamic = "dynamic"

// Site is one place in the runtime's sources that reports a violation.
type Site struct {
	// Pkg is the import path of the package the site is in.
	Pkg string
	// File is the absolute file name, Line and Col the call's position.
	File      string
	Line, Col int
	// Callee names the reporter called ("Report", "BadHandle", "report").
	Callee string
	// Rule is the rule ID reported, or Dynamic.
	Rule string
}

// String renders the site as file:line:col (rule).
func (s Site) String() string {
	return fmt.Sprintf("%s:%d:%d: %s (%s)", s.File, s.Line, s.Col, s.Callee, s.Rule)
}

// reporter is a function that raises a violation: kernel's State.Report,
// or a one-call wrapper of a reporter.
type reporter struct {
	// ruleParam is the index of the parameter that carries the rule ID, -1
	// when the reporter fixes it.
	ruleParam int
	// rule is the fixed rule ID (ruleParam < 0); Dynamic if unknown.
	rule string
}

// Find loads the packages named by patterns (from directory dir) and
// returns their violation sites, sorted by position. The load (go list,
// which may build export data) stops with ctx.
func Find(ctx context.Context, dir string, patterns ...string) ([]Site, error) {
	cfg := &packages.Config{
		Mode:    packages.NeedName | packages.NeedFiles | packages.NeedSyntax | packages.NeedTypes | packages.NeedTypesInfo,
		Dir:     dir,
		Context: ctx,
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, err
	}
	if packages.PrintErrors(pkgs) > 0 {
		return nil, fmt.Errorf("violationsites: the runtime's packages do not load")
	}
	reps := findReporters(pkgs)
	var out []Site
	for _, p := range pkgs {
		out = append(out, sitesOf(p, reps)...)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].File != out[j].File {
			return out[i].File < out[j].File
		}
		return out[i].Line < out[j].Line || out[i].Line == out[j].Line && out[i].Col < out[j].Col
	})
	return out, nil
}

// findReporters returns the reporters of pkgs: State.Report, then the
// one-call wrappers of reporters, to a fixed point.
func findReporters(pkgs []*packages.Package) map[*types.Func]reporter {
	reps := map[*types.Func]reporter{}
	for _, p := range pkgs {
		if p.PkgPath != KernelPath {
			continue
		}
		if st, ok := p.Types.Scope().Lookup("State").(*types.TypeName); ok {
			m, _, _ := types.LookupFieldOrMethod(types.NewPointer(st.Type()), true, p.Types, "Report")
			if f, ok := m.(*types.Func); ok {
				reps[f] = reporter{ruleParam: 0}
			}
		}
	}
	for changed := true; changed; {
		changed = false
		for _, p := range pkgs {
			for _, d := range funcDecls(p) {
				fn, _ := p.TypesInfo.Defs[d.Name].(*types.Func)
				if fn == nil {
					continue
				}
				if _, ok := reps[fn]; ok {
					continue
				}
				if r, ok := wrapperOf(p.TypesInfo, d, fn, reps); ok {
					reps[fn] = r
					changed = true
				}
			}
		}
	}
	return reps
}

// funcDecls returns the function declarations of p.
func funcDecls(p *packages.Package) []*ast.FuncDecl {
	var out []*ast.FuncDecl
	for _, f := range p.Syntax {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				out = append(out, fd)
			}
		}
	}
	return out
}

// wrapperOf reports whether d (the declaration of fn) is a reporter: its
// body is one statement, a call of a reporter. It returns where its rule
// ID comes from.
func wrapperOf(info *types.Info, d *ast.FuncDecl, fn *types.Func, reps map[*types.Func]reporter) (reporter, bool) {
	if len(d.Body.List) != 1 {
		return reporter{}, false
	}
	es, ok := d.Body.List[0].(*ast.ExprStmt)
	if !ok {
		return reporter{}, false
	}
	call, ok := es.X.(*ast.CallExpr)
	if !ok {
		return reporter{}, false
	}
	inner, ok := reps[calleeOf(info, call)]
	if !ok {
		return reporter{}, false
	}
	if inner.ruleParam < 0 {
		return reporter{ruleParam: -1, rule: inner.rule}, true
	}
	if inner.ruleParam >= len(call.Args) {
		return reporter{}, false
	}
	arg := call.Args[inner.ruleParam]
	if r, ok := constString(info, arg); ok {
		return reporter{ruleParam: -1, rule: r}, true
	}
	if id, ok := arg.(*ast.Ident); ok {
		sig := fn.Type().(*types.Signature)
		for i := 0; i < sig.Params().Len(); i++ {
			if info.Uses[id] == sig.Params().At(i) {
				return reporter{ruleParam: i}, true
			}
		}
	}
	return reporter{ruleParam: -1, rule: Dynamic}, true
}

// calleeOf returns the function or method call calls, nil for others.
func calleeOf(info *types.Info, call *ast.CallExpr) *types.Func {
	var id *ast.Ident
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		id = f
	case *ast.SelectorExpr:
		id = f.Sel
	default:
		return nil
	}
	fn, _ := info.Uses[id].(*types.Func)
	if fn == nil {
		return nil
	}
	return fn.Origin()
}

// constString returns the constant string value of e, if it has one.
func constString(info *types.Info, e ast.Expr) (string, bool) {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// sitesOf returns the violation sites of p: calls of reporters outside
// the reporters' own bodies.
func sitesOf(p *packages.Package, reps map[*types.Func]reporter) []Site {
	var out []Site
	for _, d := range funcDecls(p) {
		if fn, _ := p.TypesInfo.Defs[d.Name].(*types.Func); fn != nil {
			if _, ok := reps[fn]; ok {
				continue
			}
		}
		ast.Inspect(d.Body, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			fn := calleeOf(p.TypesInfo, call)
			r, ok := reps[fn]
			if !ok {
				return true
			}
			out = append(out, site(p, call, fn, r))
			return true
		})
	}
	return out
}

// site describes one call of reporter fn (r).
func site(p *packages.Package, call *ast.CallExpr, fn *types.Func, r reporter) Site {
	pos := p.Fset.Position(call.Pos())
	rule := r.rule
	if r.ruleParam >= 0 {
		rule = Dynamic
		if r.ruleParam < len(call.Args) {
			if s, ok := constString(p.TypesInfo, call.Args[r.ruleParam]); ok {
				rule = s
			}
		}
	}
	return Site{Pkg: p.PkgPath, File: pos.Filename, Line: pos.Line, Col: pos.Column, Callee: fn.Name(), Rule: rule}
}

// Block is one block of a coverage profile.
type Block struct {
	StartLine, StartCol, EndLine, EndCol int
	Count                                int
}

// contains reports whether the block spans line:col.
func (b Block) contains(line, col int) bool {
	after := line > b.StartLine || line == b.StartLine && col >= b.StartCol
	before := line < b.EndLine || line == b.EndLine && col <= b.EndCol
	return after && before
}

// Profile is a coverage profile: its blocks by file, the file named
// import path/base name as go test writes it.
type Profile map[string][]Block

// ReadProfile reads a profile go test -coverprofile wrote.
func ReadProfile(name string) (Profile, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	prof := Profile{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "mode:") || line == "" {
			continue
		}
		file, b, err := parseBlock(line)
		if err != nil {
			return nil, err
		}
		prof[file] = append(prof[file], b)
	}
	return prof, sc.Err()
}

// parseBlock parses "file:l.c,l.c stmts count".
func parseBlock(line string) (string, Block, error) {
	colon := strings.LastIndex(line, ":")
	if colon < 0 {
		return "", Block{}, fmt.Errorf("bad profile line %q", line)
	}
	var b Block
	var stmts int
	_, err := fmt.Sscanf(line[colon+1:], "%d.%d,%d.%d %d %d", &b.StartLine, &b.StartCol, &b.EndLine, &b.EndCol, &stmts, &b.Count)
	if err != nil {
		return "", Block{}, fmt.Errorf("bad profile line %q: %v", line, err)
	}
	return line[:colon], b, nil
}

// Reached reports whether a block of the profile that spans the site ran.
// A site in no block (the profile does not cover its package) is not
// reached.
func (prof Profile) Reached(s Site) bool {
	key := s.Pkg + "/" + baseName(s.File)
	for _, b := range prof[key] {
		if b.Count > 0 && b.contains(s.Line, s.Col) {
			return true
		}
	}
	return false
}

// baseName returns the last element of a slash- or OS-separated path.
func baseName(file string) string {
	i := strings.LastIndexAny(file, `/\`)
	return file[i+1:]
}
