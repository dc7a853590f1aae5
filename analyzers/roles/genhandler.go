package roles

import (
	"go/ast"
	"go/types"
	"strconv"
	"strings"

	"github.com/dave/dst"
	"golang.org/x/tools/go/analysis"

	"github.com/ndislint/ndislint/rules"
)

// handlersFix generates a handler for each missing slot, with the role's
// exact prototype, a doc comment citing the page and the role directive,
// and a body that does the documented minimum, appends the handlers to the
// file and stores them in the literal. It gives up (no fix) when the
// structure is not a keyed literal or a type cannot be written in the file.
func (c *checker) handlersFix(r *registration, missing []rules.Slot) (analysis.SuggestedFix, bool) {
	if r.lit == nil {
		return analysis.SuggestedFix{}, false
	}
	for _, e := range r.lit.Elts {
		if _, ok := e.(*ast.KeyValueExpr); !ok {
			return analysis.SuggestedFix{}, false
		}
	}
	d, file := c.decorate(r.lit.Pos())
	if d == nil {
		return analysis.SuggestedFix{}, false
	}
	dlit, ok := d.dec.Dst.Nodes[r.lit].(*dst.CompositeLit)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	lit := dst.Clone(dlit).(*dst.CompositeLit)
	g := &generator{c: c, file: file, hs: r.hs}
	var decls []dst.Decl
	var added []string
	for _, s := range missing {
		role := c.api.Cat.Role(s.Role)
		if role == nil {
			return analysis.SuggestedFix{}, false
		}
		name := c.handlerName(role, file)
		fd, ok := g.handler(s, role, name)
		if !ok {
			return analysis.SuggestedFix{}, false
		}
		decls = append(decls, fd)
		setSlot(lit, s.Field, name)
		added = append(added, name)
	}
	litText, ok := renderExpr(lit, c.indentOf(r.lit.Pos()))
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	funcs, ok := renderDecls(decls...)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	for _, n := range added {
		c.names[n] = true
	}
	return analysis.SuggestedFix{
		Message: "Generate " + strings.Join(added, ", ") + " and register " + plural(len(added), "it", "them"),
		TextEdits: []analysis.TextEdit{
			{Pos: r.lit.Pos(), End: r.lit.End(), NewText: []byte(litText)},
			{Pos: file.FileEnd, End: file.FileEnd, NewText: []byte("\n" + funcs + "\n")},
		},
	}, true
}

// setSlot stores name in the slot field of lit: in place of an explicit
// nil, else as a new element on its own line.
func setSlot(lit *dst.CompositeLit, field, name string) {
	for _, e := range lit.Elts {
		if kv, ok := e.(*dst.KeyValueExpr); ok {
			if id, ok := kv.Key.(*dst.Ident); ok && id.Name == field {
				kv.Value = dst.NewIdent(name)
				return
			}
		}
	}
	kv := &dst.KeyValueExpr{Key: dst.NewIdent(field), Value: dst.NewIdent(name)}
	kv.Decs.Before, kv.Decs.After = dst.NewLine, dst.NewLine
	lit.Elts = append(lit.Elts, kv)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// handlerName returns a free name for a generated handler of role r: the
// page's callback name in lowerCamelCase, numbered if taken.
func (c *checker) handlerName(r *rules.Role, file *ast.File) string {
	base := "handler"
	if r.Callback != "" {
		base = strings.ToLower(r.Callback[:1]) + r.Callback[1:]
	}
	taken := func(n string) bool {
		if c.names[n] || c.pass.Pkg.Scope().Lookup(n) != nil {
			return true
		}
		for _, im := range file.Imports {
			if im.Name != nil && im.Name.Name == n {
				return true
			}
			if p, err := strconv.Unquote(im.Path.Value); err == nil && p[strings.LastIndex(p, "/")+1:] == n {
				return true
			}
		}
		return false
	}
	// The names taken only grow during a run, so the first free one for a
	// base is never below the last one found, in any file: the search
	// starts there, and n handlers of one role cost n steps, not n*n, also
	// when they are in n files. (A number skipped for an import name of
	// another file is not reused: the name is still free and the same on
	// every run.)
	i, name := max(c.nextName[base], 1), base
	if i > 1 {
		name = base + strconv.Itoa(i)
	}
	for taken(name) {
		i++
		name = base + strconv.Itoa(i)
	}
	if c.nextName == nil {
		c.nextName = map[string]int{}
	}
	c.nextName[base] = i
	c.names[name] = true
	return name
}

// generator builds handlers in one file.
type generator struct {
	c    *checker
	file *ast.File
	hs   *rules.HandlerStruct
}

// handler builds the declaration of one generated handler.
func (g *generator) handler(s rules.Slot, r *rules.Role, name string) (*dst.FuncDecl, bool) {
	sig := g.c.roleSig(r)
	if sig == nil || sig.Params().Len() != len(r.Params) {
		return nil, false
	}
	ft := &dst.FuncType{Params: &dst.FieldList{}}
	for i, p := range r.Params {
		t, ok := g.typeExpr(sig.Params().At(i).Type())
		if !ok {
			return nil, false
		}
		ft.Params.List = append(ft.Params.List, &dst.Field{Names: []*dst.Ident{dst.NewIdent(p.GoName)}, Type: t})
	}
	if sig.Results().Len() > 0 {
		ft.Results = &dst.FieldList{}
		for i := 0; i < sig.Results().Len(); i++ {
			t, ok := g.typeExpr(sig.Results().At(i).Type())
			if !ok {
				return nil, false
			}
			ft.Results.List = append(ft.Results.List, &dst.Field{Type: t})
		}
	}
	body, what, ok := g.minimum(s, r)
	if !ok {
		return nil, false
	}
	fd := &dst.FuncDecl{Name: dst.NewIdent(name), Type: ft, Body: body}
	fd.Decs.Before = dst.EmptyLine
	fd.Decs.Start.Replace(g.doc(s, r, name, what)...)
	return fd, true
}

// doc writes the generated handler's doc comment.
func (g *generator) doc(s rules.Slot, r *rules.Role, name, what string) []string {
	text := name + " is the driver's " + r.Callback + " (" + r.Name + "), generated by ndislint: the " +
		s.Field + " slot of " + g.hs.Name + " is mandatory: " + reasonText(s.Reason) + ". " + what
	for _, n := range r.Notes {
		if !strings.HasPrefix(n, "Reading of") { // the catalogue's readings stay in the catalogue
			text += " Its page also says: " + n
			break
		}
	}
	lines := wrap(text, 74)
	lines = append(lines, "Page: "+r.Page+".")
	var out []string
	for _, l := range lines {
		out = append(out, "// "+l)
	}
	return append(out, "//", "//ndis:role "+r.Name)
}

// wrap breaks text into lines of at most width bytes, at spaces (a word
// longer than width has a line of its own).
func wrap(text string, width int) []string {
	var lines []string
	var line strings.Builder
	for _, w := range strings.Fields(text) {
		if line.Len() > 0 && line.Len()+1+len(w) > width {
			lines = append(lines, line.String())
			line.Reset()
		}
		if line.Len() > 0 {
			line.WriteByte(' ')
		}
		line.WriteString(w)
	}
	if line.Len() > 0 {
		lines = append(lines, line.String())
	}
	return lines
}

// minimum returns the body of a generated handler of slot s and a sentence
// saying what it does: nothing for a VOID role; for a role that returns a
// status, it returns the status the catalogue picks for the slot
// (Slot.Placeholder), citing the catalogue's reason.
func (g *generator) minimum(s rules.Slot, r *rules.Role) (*dst.BlockStmt, string, bool) {
	body := &dst.BlockStmt{}
	if r.GoReturns == "" {
		return body, "It does nothing: fill in what the page asks of it.", true
	}
	if s.Placeholder == nil {
		return nil, "", false
	}
	e, ok := g.statusExpr(s.Placeholder.Status)
	if !ok {
		return nil, "", false
	}
	body.List = []dst.Stmt{&dst.ReturnStmt{Results: []dst.Expr{e}}}
	return body, "It returns " + s.Placeholder.Status + ": " + reasonText(s.Placeholder.Reason) + ".", true
}

// statusExpr writes the runtime's constant of an NDIS status name, as the
// file refers to it.
func (g *generator) statusExpr(name string) (dst.Expr, bool) {
	k := g.c.api.StatusConst(name)
	if k == nil {
		return nil, false
	}
	q, ok := g.qualifier(k.Pkg())
	if !ok {
		return nil, false
	}
	if q == "" {
		return dst.NewIdent(k.Name()), true
	}
	return &dst.SelectorExpr{X: dst.NewIdent(q), Sel: dst.NewIdent(k.Name())}, true
}

// typeExpr writes t as the file would: named types qualified by the file's
// import names, pointers, slices and basic types. ok is false for anything
// else or a package the file does not import.
func (g *generator) typeExpr(t types.Type) (dst.Expr, bool) {
	switch t := t.(type) {
	case *types.Basic:
		return dst.NewIdent(t.Name()), true
	case *types.Pointer:
		x, ok := g.typeExpr(t.Elem())
		return &dst.StarExpr{X: x}, ok
	case *types.Slice:
		x, ok := g.typeExpr(t.Elem())
		return &dst.ArrayType{Elt: x}, ok
	case *types.Named, *types.Alias:
		obj := t.(interface{ Obj() *types.TypeName }).Obj()
		q, ok := g.qualifier(obj.Pkg())
		if !ok {
			return nil, false
		}
		if q == "" {
			return dst.NewIdent(obj.Name()), true
		}
		return &dst.SelectorExpr{X: dst.NewIdent(q), Sel: dst.NewIdent(obj.Name())}, true
	}
	return nil, false
}

// qualifier returns the name the file refers to pkg by ("" for the package
// itself, the universe and dot imports).
func (g *generator) qualifier(pkg *types.Package) (string, bool) {
	if pkg == nil || pkg == g.c.pass.Pkg {
		return "", true
	}
	for _, im := range g.file.Imports {
		p, err := strconv.Unquote(im.Path.Value)
		if err != nil || p != pkg.Path() {
			continue
		}
		if im.Name == nil {
			return pkg.Name(), true
		}
		switch im.Name.Name {
		case ".":
			return "", true
		case "_":
			return "", false
		}
		return im.Name.Name, true
	}
	return "", false
}
