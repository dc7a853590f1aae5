package nogocheck

import (
	"fmt"
	"go/ast"
	"go/token"
	"path"
	"strconv"
)

// Finding is one init function or initialiser effect Effects reports.
type Finding struct {
	Pos token.Position
	Msg string
}

// String formats f as file:line:col: message.
func (f Finding) String() string { return fmt.Sprintf("%s: %s", f.Pos, f.Msg) }

// Effects reports the init functions of the files of one package and the
// effects of its package-level variable initialisers (see the package
// documentation for what counts).
func Effects(fset *token.FileSet, files []*ast.File) []Finding {
	funcs := packageFuncs(files)
	w := &walker{fset: fset, funcs: funcs, seen: map[*ast.FuncDecl]bool{}}
	for _, f := range files {
		w.imports = importNames(f)
		for _, d := range f.Decls {
			w.decl(d)
		}
	}
	return w.out
}

// walker looks for effects in one package.
type walker struct {
	fset    *token.FileSet
	funcs   map[string]funcRef     // the package's functions by name
	imports map[string]bool        // the current file's import names
	seen    map[*ast.FuncDecl]bool // functions already followed
	out     []Finding
}

// decl reports an init function, or the effects of a variable
// declaration's initialisers.
func (w *walker) decl(d ast.Decl) {
	switch d := d.(type) {
	case *ast.FuncDecl:
		if d.Recv == nil && d.Name.Name == "init" {
			w.report(d.Pos(), "func init: importing the package runs it")
		}
	case *ast.GenDecl:
		if d.Tok != token.VAR {
			return
		}
		for _, s := range d.Specs {
			w.valueSpec(s.(*ast.ValueSpec))
		}
	}
}

// valueSpec checks one package-level var spec's initialisers; a call
// whose result goes only to blank identifiers is made for its effect.
func (w *walker) valueSpec(s *ast.ValueSpec) {
	allBlank := len(s.Names) > 0
	for _, n := range s.Names {
		allBlank = allBlank && n.Name == "_"
	}
	for _, v := range s.Values {
		if call, ok := ast.Unparen(v).(*ast.CallExpr); ok && allBlank {
			w.discarded(call)
		}
		w.expr(v)
	}
}

// discarded reports a call to another package's function whose results
// are thrown away.
func (w *walker) discarded(call *ast.CallExpr) {
	if pkg, name, ok := w.qualified(call.Fun); ok {
		w.report(call.Pos(), fmt.Sprintf("%s.%s is called for its effect", pkg, name))
	}
}

// expr walks an initialiser (and what it calls in this package) for
// effects.
func (w *walker) expr(n ast.Node) {
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			w.assign(n)
		case *ast.IncDecStmt:
			w.write(n.X)
		case *ast.GoStmt:
			w.report(n.Pos(), "go statement in initialisation")
		case *ast.CallExpr:
			w.call(n)
		}
		return true
	})
}

// assign reports writes to other packages' variables.
func (w *walker) assign(a *ast.AssignStmt) {
	for _, l := range a.Lhs {
		w.write(l)
	}
}

// write reports lhs when it is rooted at another package's variable.
func (w *walker) write(lhs ast.Expr) {
	if pkg, ok := w.rootImport(lhs); ok {
		w.report(lhs.Pos(), fmt.Sprintf("writes a variable of package %s", pkg))
	}
}

// call reports calls of package flag's functions and methods on other
// packages' variables, and follows calls to the package's own functions.
func (w *walker) call(c *ast.CallExpr) {
	if pkg, name, ok := w.qualified(c.Fun); ok && pkg == "flag" {
		w.report(c.Pos(), fmt.Sprintf("flag.%s changes flag.CommandLine or the process's flags", name))
		return
	}
	if sel, ok := c.Fun.(*ast.SelectorExpr); ok {
		if pkg, ok := w.rootImport(sel.X); ok {
			w.report(c.Pos(), fmt.Sprintf("calls a method on a variable of package %s", pkg))
		}
	}
	if id, ok := c.Fun.(*ast.Ident); ok {
		w.follow(w.funcs[id.Name])
	}
}

// follow walks the body of a function of the package an initialiser
// calls, once, with its own file's imports.
func (w *walker) follow(fn funcRef) {
	if fn.decl == nil || fn.decl.Body == nil || w.seen[fn.decl] {
		return
	}
	w.seen[fn.decl] = true
	saved := w.imports
	w.imports = fn.imports
	w.expr(fn.decl.Body)
	w.imports = saved
}

// qualified returns pkg and name when e is pkg.Name for an import name
// pkg of the current file.
func (w *walker) qualified(e ast.Expr) (pkg, name string, ok bool) {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return "", "", false
	}
	id, ok := sel.X.(*ast.Ident)
	if !ok || !w.imports[id.Name] {
		return "", "", false
	}
	return id.Name, sel.Sel.Name, true
}

// rootImport returns the import name at the root of a selector, index or
// star expression of the form pkg.V..., if there is one.
func (w *walker) rootImport(e ast.Expr) (string, bool) {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.SelectorExpr:
			if id, ok := x.X.(*ast.Ident); ok && w.imports[id.Name] {
				return id.Name, true
			}
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		default:
			return "", false
		}
	}
}

func (w *walker) report(pos token.Pos, msg string) {
	w.out = append(w.out, Finding{Pos: w.fset.Position(pos), Msg: msg})
}

// funcRef is a function of the package and its file's import names.
type funcRef struct {
	decl    *ast.FuncDecl
	imports map[string]bool
}

// packageFuncs maps the names of the package's functions (not methods) to
// their declarations.
func packageFuncs(files []*ast.File) map[string]funcRef {
	m := map[string]funcRef{}
	for _, f := range files {
		imports := importNames(f)
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil {
				m[fd.Name.Name] = funcRef{fd, imports}
			}
		}
	}
	return m
}

// importNames returns the names f refers to its imports by (dot and blank
// imports excluded).
func importNames(f *ast.File) map[string]bool {
	m := map[string]bool{}
	for _, spec := range f.Imports {
		p, err := strconv.Unquote(spec.Path.Value)
		if err != nil {
			continue
		}
		name := path.Base(p)
		if spec.Name != nil {
			name = spec.Name.Name
		}
		if name != "_" && name != "." {
			m[name] = true
		}
	}
	return m
}
