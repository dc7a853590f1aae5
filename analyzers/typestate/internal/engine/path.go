package engine

import (
	"github.com/ndislint/ndislint/analyzers/internal/ssafunc"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// Paths. An access path is a string: a root, then ".N" for each field
// selected, N the field's number in the engine's field table (fieldID). The
// roots are "pI" (the function's I-th parameter, the receiver first), "fI"
// (its I-th free variable), "g:PKG:NAME" (a package-level variable, dots
// in its package path replaced) and
// "v:NAME" (an SSA value of the function: a local allocation, a call's
// result, a merge of paths). A value's path says where the value was read
// from; a location's path says which variable or field it is.

// strip returns v without the conversions that keep its identity
// (ssafunc.Identity).
func strip(v ssa.Value) ssa.Value { return ssafunc.Identity(v) }

// valPath returns the path the value v was read from, or false.
func (e *Engine) valPath(v ssa.Value) (string, bool) {
	return e.valPathDepth(v, 0)
}

// maxPathDepth bounds the recursion through phis and fields.
const maxPathDepth = 16

// valPathDepth is valPath with a bound on the recursion.
func (e *Engine) valPathDepth(v ssa.Value, depth int) (string, bool) {
	if depth > maxPathDepth {
		return "", false
	}
	v = ssafunc.Identity(v)
	switch x := v.(type) {
	case *ssa.Parameter:
		for i, p := range x.Parent().Params {
			if p == x {
				return "p" + strconv.Itoa(i), true
			}
		}
		return "", false
	case *ssa.FreeVar:
		for i, p := range x.Parent().FreeVars {
			if p == x {
				return "f" + strconv.Itoa(i), true
			}
		}
		return "", false
	case *ssa.UnOp:
		if x.Op == token.MUL {
			return e.locPathDepth(x.X, depth+1)
		}
	case *ssa.Field:
		base, ok := e.valPathDepth(x.X, depth+1)
		if !ok {
			return "", false
		}
		st, ok := x.X.Type().Underlying().(*types.Struct)
		if !ok {
			return "", false
		}
		return base + "." + strconv.Itoa(e.fieldID(st, x.Field)), true
	case *ssa.Phi:
		return e.phiPath(x, depth)
	case *ssa.Const, *ssa.Function, *ssa.Builtin:
		return "", false
	}
	if e.name(v) == "" {
		return "", false
	}
	return "v:" + e.name(v), true
}

// name returns v's SSA name, computed once (go/ssa formats it at each call).
func (e *Engine) name(v ssa.Value) string {
	if n, ok := e.names[v]; ok {
		return n
	}
	n := v.Name()
	e.names[v] = n
	return n
}

// phiPath returns the path all of a phi's edges share, or the phi itself.
func (e *Engine) phiPath(x *ssa.Phi, depth int) (string, bool) {
	var same string
	for i, ed := range x.Edges {
		p, ok := e.valPathDepth(ed, depth+1)
		if !ok || (i > 0 && p != same) {
			return "v:" + e.name(x), true
		}
		same = p
	}
	if same == "" {
		return "v:" + e.name(x), true
	}
	return same, true
}

// locPath returns the path of the variable or field at address addr, or
// false.
func (e *Engine) locPath(addr ssa.Value) (string, bool) {
	return e.locPathDepth(addr, 0)
}

// locPathDepth is locPath with a bound on the recursion.
func (e *Engine) locPathDepth(addr ssa.Value, depth int) (string, bool) {
	if depth > maxPathDepth {
		return "", false
	}
	switch x := ssafunc.Identity(addr).(type) {
	case *ssa.Global:
		return "g:" + strings.ReplaceAll(x.Pkg.Pkg.Path(), ".", "_") + ":" + x.Name(), true
	case *ssa.Alloc:
		return "v:" + e.name(x), true
	case *ssa.FieldAddr:
		base, ok := e.valPathDepth(x.X, depth+1)
		if !ok {
			return "", false
		}
		st := structOf(x.X.Type())
		if st == nil {
			return "", false
		}
		return base + "." + strconv.Itoa(e.fieldID(st, x.Field)), true
	case *ssa.FreeVar, *ssa.Parameter:
		// A captured variable's address, or a pointer parameter: the
		// variable it points to.
		p, ok := e.valPathDepth(x.(ssa.Value), depth+1)
		if !ok {
			return "", false
		}
		return p + ".*", true
	}
	return "", false
}

// structOf returns the structure a pointer type points to, or nil.
func structOf(t types.Type) *types.Struct {
	p, ok := t.Underlying().(*types.Pointer)
	if !ok {
		return nil
	}
	st, _ := p.Elem().Underlying().(*types.Struct)
	return st
}

// fieldRef is a field of a structure type.
type fieldRef struct {
	st  *types.Struct
	idx int
}

// fieldID returns the number of a field in the engine's field table.
func (e *Engine) fieldID(st *types.Struct, idx int) int {
	r := fieldRef{st, idx}
	if id, ok := e.fieldIDs[r]; ok {
		return id
	}
	id := len(e.fieldRefs)
	e.fieldIDs[r] = id
	e.fieldRefs = append(e.fieldRefs, r)
	return id
}

// lastField splits a path into the path of the structure and its last
// field, or false when the path selects no field.
func (e *Engine) lastField(p string) (string, fieldRef, bool) {
	i := strings.LastIndexByte(p, '.')
	if i < 0 {
		return "", fieldRef{}, false
	}
	id, err := strconv.Atoi(p[i+1:])
	if err != nil || id < 0 || id >= len(e.fieldRefs) {
		return "", fieldRef{}, false
	}
	return p[:i], e.fieldRefs[id], true
}

// under reports whether path p is q or a field of q (at any depth).
func under(p, q string) bool {
	return p == q || (strings.HasPrefix(p, q) && p[len(q)] == '.')
}
