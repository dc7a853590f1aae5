// Package ndisapi binds the reference runtime's Go declarations, as the type
// checker sees them in the package under analysis, to their catalogue
// entries. Calls and function values resolve by types.Object identity of the
// runtime's functions, never by name alone: a user function that happens to
// be called CoDeleteVc is not NdisCoDeleteVc.
package ndisapi

import (
	"go/types"

	"github.com/ndislint/ndislint/internal/runtimepath"
	"github.com/ndislint/ndislint/rules"
)

// Import paths of the runtime packages.
const (
	NdisPath = runtimepath.Ndis
	WdmPath  = runtimepath.Wdm
)

// API is the runtime as seen from one package under analysis.
type API struct {
	// Cat is the catalogue.
	Cat *rules.Catalogue
	// Ndis and Wdm are the runtime packages (nil when not imported).
	Ndis, Wdm *types.Package

	ddis    map[*types.Func]*rules.DDI
	roles   map[*types.TypeName]*rules.Role
	structs map[*types.TypeName]*rules.HandlerStruct
}

// New binds cat to the runtime packages among pkg and its transitive
// imports. Either or both may be absent (a helper package that carries only
// //ndis: contracts): the API then binds nothing, and its lookups answer nil.
func New(pkg *types.Package, cat *rules.Catalogue) *API {
	nd, wd := findRuntime(pkg)
	a := &API{
		Cat: cat, Ndis: nd, Wdm: wd,
		ddis:    map[*types.Func]*rules.DDI{},
		roles:   map[*types.TypeName]*rules.Role{},
		structs: map[*types.TypeName]*rules.HandlerStruct{},
	}
	a.bind()
	return a
}

// findRuntime looks for ndis and wdm among pkg and its transitive imports.
func findRuntime(pkg *types.Package) (nd, wd *types.Package) {
	seen := map[*types.Package]bool{}
	var walk func(p *types.Package)
	walk = func(p *types.Package) {
		if p == nil || seen[p] {
			return
		}
		seen[p] = true
		switch p.Path() {
		case NdisPath:
			nd = p
		case WdmPath:
			wd = p
		}
		for _, q := range p.Imports() {
			walk(q)
		}
	}
	walk(pkg)
	return nd, wd
}

// bind maps each catalogue entry to the runtime object that models it.
func (a *API) bind() {
	for i := range a.Cat.DDIs {
		d := &a.Cat.DDIs[i]
		if fn, ok := a.lookup(d.Package, d.GoName).(*types.Func); ok {
			a.ddis[fn] = d
		}
	}
	for i := range a.Cat.Roles {
		r := &a.Cat.Roles[i]
		if tn, ok := a.lookup("ndis", r.GoName).(*types.TypeName); ok {
			a.roles[tn] = r
		}
	}
	for i := range a.Cat.Structs {
		s := &a.Cat.Structs[i]
		if tn, ok := a.lookup("ndis", s.GoName).(*types.TypeName); ok {
			a.structs[tn] = s
		}
	}
}

// lookup finds name in the runtime package called pkg ("ndis" or "wdm").
func (a *API) lookup(pkg, name string) types.Object {
	p := a.Ndis
	if pkg == "wdm" {
		p = a.Wdm
	}
	if p == nil {
		return nil
	}
	return p.Scope().Lookup(name)
}

// DDI returns the catalogue entry of fn, or nil when fn is not a runtime DDI.
func (a *API) DDI(fn *types.Func) *rules.DDI {
	if a == nil || fn == nil {
		return nil
	}
	return a.ddis[fn.Origin()]
}

// Role returns the role whose named type is t (ndis.ProtocolClCloseCallComplete),
// or nil.
func (a *API) Role(t types.Type) *rules.Role {
	if a == nil {
		return nil
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return a.roles[n.Obj()]
	}
	return nil
}

// Struct returns the handler structure whose named type is t (or *t), or nil.
func (a *API) Struct(t types.Type) *rules.HandlerStruct {
	if a == nil {
		return nil
	}
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	if n, ok := t.(*types.Named); ok {
		return a.structs[n.Obj()]
	}
	return nil
}

// IsHandle reports whether t is ndis.Handle.
func (a *API) IsHandle(t types.Type) bool {
	if a == nil || a.Ndis == nil {
		return false
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj() == a.Ndis.Scope().Lookup("Handle")
}

// Status returns the ndis constant called name (StatusSuccess), or nil.
func (a *API) Status(goName string) *types.Const {
	if a == nil || a.Ndis == nil {
		return nil
	}
	c, _ := a.Ndis.Scope().Lookup(goName).(*types.Const)
	return c
}

// ParamIndex returns the index of the first parameter of d whose kind is k,
// or -1.
func ParamIndex(params []rules.Param, k rules.HandleKind) int {
	for i, p := range params {
		if p.Kind == k {
			return i
		}
	}
	return -1
}

// IsRuntime reports whether path is one of the runtime's own packages (see
// runtimepath.IsRuntime).
func IsRuntime(path string) bool { return runtimepath.IsRuntime(path) }
