// Package rolebind finds the callback role of each function in a package: from
// the handler-structure slot it is stored in (composite literal or field
// assignment), from any other place a function value meets a role-typed
// target (a role-typed variable, parameter, result or conversion), and from
// the //ndis:role directive on its declaration (the Go form of SAL's
// _Function_class_). Function values resolve through identifiers, package
// selectors, method values, function literals and local variables with a
// single function-valued definition. A pass that registers Fact exports, with
// ExportFacts, the roles of the package's exported functions, so that other
// packages see the roles they were declared for and used in.
package rolebind

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/ndislint/ndislint/analyzers/internal/directive"
	"github.com/ndislint/ndislint/analyzers/internal/ndisapi"
	"github.com/ndislint/ndislint/rules"
)

// Side says whose handler a binding is, where the slot tells.
type Side int

// The sides.
const (
	SideUnknown Side = iota
	SideClient
	SideCallManager
)

// Binding is one way a function came to have a role.
type Binding struct {
	// Role is the catalogue role.
	Role *rules.Role
	// Fn is the function or method, or nil for a function literal.
	Fn *types.Func
	// Lit is the function literal, or nil.
	Lit *ast.FuncLit
	// Pos and End delimit the expression that gave the role (the slot's
	// value, the conversion, the directive).
	Pos, End token.Pos
	// Struct and Slot name the handler structure and field, if any.
	Struct, Slot string
	// Via is "slot", "type" or "directive".
	Via string
	// Form refines Via "type": "var" (a declaration with an explicit role
	// type, var _ ndis.ProtocolX = f), "conversion" (ndis.ProtocolX(f)),
	// "argument" (passed to a role-typed parameter), "assign" (assigned to
	// a role-typed variable or field) or "field" (stored in a role-typed
	// field of a structure that is not a handler structure). It is empty
	// for slots and directives.
	Form string
	// Side is the client or call manager: for a slot, the side the
	// catalogue gives its structure (HandlerStruct.Side); SideClient for
	// directives and role-typed uses.
	Side Side
}

// Result is every binding in a package.
type Result struct {
	Bindings []*Binding
	// BadDirectives are //ndis:role directives naming no known role.
	BadDirectives []BadDirective
	// Registrations are the handler structures passed to the DDI that
	// registers them (HandlerStruct.RegisteredBy), in source order.
	Registrations []Registration
}

// Registration is one argument of a handler structure type passed to the
// DDI that registers that structure: NdisSetOptionalHandlers(h, &handlers).
type Registration struct {
	Struct *rules.HandlerStruct
	Call   *ast.CallExpr
	Arg    ast.Expr
}

// BadDirective is a role directive that names no role in the catalogue.
type BadDirective struct {
	Pos, End token.Pos
	Name     string
}

// Find returns the role bindings of the package in pass; ds are the
// directives of each of its files (directive.Parse), in source order. It
// walks the package's syntax once: the variable definitions that function
// values resolve through are indexed in the same walk, and the values are
// resolved after it.
func Find(pass *analysis.Pass, api *ndisapi.API, ds map[*ast.File][]directive.Directive) *Result {
	f := &finder{pass: pass, api: api, res: &Result{}, resolve: newResolver(pass.TypesInfo)}
	for _, file := range pass.Files {
		f.file(file, ds[file])
	}
	for _, p := range f.pending {
		if p.ready != nil {
			f.res.Bindings = append(f.res.Bindings, p.ready)
			continue
		}
		if b := f.binding(p.role, p.val); b != nil {
			p.fill(b)
			f.res.Bindings = append(f.res.Bindings, b)
		}
	}
	return f.res
}

type finder struct {
	pass    *analysis.Pass
	api     *ndisapi.API
	res     *Result
	resolve *Resolver
	// pending are the bindings found by the walk, in source order: made
	// (directives), or waiting for their value to be resolved.
	pending []pending
}

// pending is a binding found by the walk: ready, or a value met where role
// is expected, made into a binding by fill once it resolves to a function.
type pending struct {
	ready *Binding
	role  *rules.Role
	val   ast.Expr
	fill  func(*Binding)
}

// file collects the bindings of one file, and indexes its variable
// definitions for the resolver.
func (f *finder) file(file *ast.File, ds []directive.Directive) {
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDecl:
			f.directives(ds, n)
		case *ast.CompositeLit:
			f.compositeLit(n)
		case *ast.AssignStmt:
			f.resolve.assign(n)
			f.assign(n)
		case *ast.ValueSpec:
			f.resolve.valueSpec(n)
			f.valueSpec(n)
		case *ast.CallExpr:
			f.call(n)
		}
		return true
	})
}

// directives binds //ndis:role on a function declaration.
func (f *finder) directives(ds []directive.Directive, decl *ast.FuncDecl) {
	for _, d := range DocDirectives(ds, decl) {
		if d.Key() != "ndis:role" {
			continue
		}
		name := strings.TrimSpace(d.Args)
		r := Lookup(f.api.Cat, name)
		if r == nil {
			f.res.BadDirectives = append(f.res.BadDirectives, BadDirective{Pos: d.Pos, End: d.End, Name: name})
			continue
		}
		fn, _ := f.pass.TypesInfo.Defs[decl.Name].(*types.Func)
		if fn == nil {
			continue
		}
		f.pending = append(f.pending, pending{ready: &Binding{Role: r, Fn: fn, Pos: d.Pos, End: d.End, Via: "directive", Side: SideClient}})
	}
}

// DocDirectives returns the directives of ds (in source order) in decl's
// doc comment (directive.ForFunc, a binary search).
func DocDirectives(ds []directive.Directive, decl *ast.FuncDecl) []directive.Directive {
	return directive.ForFunc(ds, decl)
}

// Lookup finds a role by typedef (PROTOCOL_CL_CLOSE_CALL_COMPLETE) or Go
// spelling (ProtocolClCloseCallComplete).
func Lookup(cat *rules.Catalogue, name string) *rules.Role {
	if r := cat.Role(name); r != nil {
		return r
	}
	return cat.RoleByGo(name)
}

// compositeLit binds the values stored in handler-structure slots and, in
// general, in role-typed fields.
func (f *finder) compositeLit(lit *ast.CompositeLit) {
	t := f.pass.TypesInfo.TypeOf(lit)
	if t == nil {
		return
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return
	}
	hs := f.api.Struct(t)
	for i, elt := range lit.Elts {
		var field *types.Var
		val := elt
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			id, ok := kv.Key.(*ast.Ident)
			if !ok {
				continue
			}
			field = fieldByName(st, id.Name)
			val = kv.Value
		} else if i < st.NumFields() {
			field = st.Field(i)
		}
		if field != nil {
			f.bindField(hs, field, val)
		}
	}
}

// assign binds x.Slot = fn and v = fn with v of a role type.
func (f *finder) assign(as *ast.AssignStmt) {
	if len(as.Lhs) != len(as.Rhs) {
		return
	}
	for i, lhs := range as.Lhs {
		if sel, ok := lhs.(*ast.SelectorExpr); ok {
			if s := f.pass.TypesInfo.Selections[sel]; s != nil && s.Kind() == types.FieldVal {
				if field, ok := s.Obj().(*types.Var); ok {
					f.bindField(f.api.Struct(s.Recv()), field, as.Rhs[i])
					continue
				}
			}
		}
		if t := f.pass.TypesInfo.TypeOf(lhs); t != nil {
			f.bindType(t, as.Rhs[i], "assign")
		}
	}
}

// valueSpec binds var v ndis.Role = fn.
func (f *finder) valueSpec(vs *ast.ValueSpec) {
	if vs.Type == nil {
		return
	}
	t := f.pass.TypesInfo.TypeOf(vs.Type)
	for _, v := range vs.Values {
		f.bindType(t, v, "var")
	}
}

// call binds conversions to role types and arguments passed to role-typed
// parameters, and records the registrations of handler structures.
func (f *finder) call(call *ast.CallExpr) {
	tv, ok := f.pass.TypesInfo.Types[call.Fun]
	if ok && tv.IsType() {
		if len(call.Args) == 1 {
			f.bindType(tv.Type, call.Args[0], "conversion")
		}
		return
	}
	f.registration(call)
	sig, ok := f.pass.TypesInfo.TypeOf(call.Fun).(*types.Signature)
	if !ok {
		return
	}
	for i, arg := range call.Args {
		if i < sig.Params().Len() {
			f.bindType(sig.Params().At(i).Type(), arg, "argument")
		}
	}
}

// registration records the arguments of call that are handler structures
// registered by the DDI it calls.
func (f *finder) registration(call *ast.CallExpr) {
	fn, _ := typeutil.Callee(f.pass.TypesInfo, call).(*types.Func)
	d := f.api.DDI(fn)
	if d == nil {
		return
	}
	for _, arg := range call.Args {
		if hs := f.api.Struct(f.pass.TypesInfo.TypeOf(arg)); hs != nil && hs.RegisteredBy == d.Name {
			f.res.Registrations = append(f.res.Registrations, Registration{Struct: hs, Call: call, Arg: arg})
		}
	}
}

// bindField binds val stored in field of handler structure hs (nil when the
// structure is not a handler structure).
func (f *finder) bindField(hs *rules.HandlerStruct, field *types.Var, val ast.Expr) {
	r := f.api.Role(field.Type())
	if r == nil {
		return
	}
	f.pending = append(f.pending, pending{role: r, val: val, fill: func(b *Binding) {
		b.Via, b.Form = "type", "field"
		if hs != nil {
			b.Form = ""
			b.Via, b.Struct, b.Slot = "slot", hs.Name, field.Name()
			b.Side = sideOf(hs)
		}
	}})
}

// bindType binds val used where a value of type t is expected; form says
// how (see Binding.Form).
func (f *finder) bindType(t types.Type, val ast.Expr, form string) {
	if t == nil {
		return
	}
	r := f.api.Role(t)
	if r == nil {
		return
	}
	f.pending = append(f.pending, pending{role: r, val: val, fill: func(b *Binding) { b.Via, b.Form = "type", form }})
}

// binding resolves val to a function and makes a Binding, or nil.
func (f *finder) binding(r *rules.Role, val ast.Expr) *Binding {
	fn, lit := f.resolve.FuncOf(val)
	if fn == nil && lit == nil {
		return nil
	}
	return &Binding{Role: r, Fn: fn, Lit: lit, Pos: val.Pos(), End: val.End(), Side: SideClient}
}

// sideOf tells the side of the slots of handler structure hs, as the
// catalogue gives it.
func sideOf(hs *rules.HandlerStruct) Side {
	switch hs.Side {
	case rules.SideCallManager:
		return SideCallManager
	case rules.SideClient:
		return SideClient
	}
	return SideUnknown
}

func fieldByName(st *types.Struct, name string) *types.Var {
	for i := 0; i < st.NumFields(); i++ {
		if st.Field(i).Name() == name {
			return st.Field(i)
		}
	}
	return nil
}
