package pausestate

import (
	"go/token"
	"strconv"

	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/rules"
)

// place names where a function gets a value from: a root value and the
// steps from it (".3" a field selection, "*" a load), so that a.handle
// loaded twice is one place: a handle argument's place tells which object
// a DDI call is about.
type place struct {
	root ssa.Value
	path string
}

// placeOf returns the place of v, through conversions, loads and field
// selections.
func placeOf(v ssa.Value) place {
	v = strip(v)
	switch x := v.(type) {
	case *ssa.UnOp:
		if x.Op == token.MUL {
			p := placeOf(x.X)
			p.path += "*"
			return p
		}
	case *ssa.FieldAddr:
		p := placeOf(x.X)
		p.path += "." + strconv.Itoa(x.Field)
		return p
	}
	return place{root: v}
}

// inCaller returns the place p of the helper fn as the caller sees it at
// call: a place rooted at one of fn's parameters is rooted at the
// argument's place; any other is unknown to the caller.
func (p place) inCaller(fn *ssa.Function, call *ssa.Call) (place, bool) {
	for i, param := range fn.Params {
		if p.root == param && i < len(call.Call.Args) {
			q := placeOf(call.Call.Args[i])
			q.path += p.path
			return q, true
		}
	}
	return place{}, false
}

// sameObject reports whether the call dc names the object whose state the
// call enter changed: the handle of the kind enter's first handle parameter
// has is, in dc, the same place. Where the pass cannot tell, they are not
// the same (precision before recall).
func sameObject(enter, dc ddiCall) bool {
	for _, p := range enter.ddi.Params {
		if p.Kind == rules.KindNone {
			continue
		}
		a, okA := enter.handles[p.Kind]
		b, okB := dc.handles[p.Kind]
		return okA && okB && a.root != nil && a == b
	}
	return false
}

// fromHandler reports whether the call dc in fn, the handler of role r,
// names the handler's own object: its object handle (the first parameter of
// the DDI with a handle kind) comes from one of the handler's parameters
// that carry a handle or context (FilterModuleContext), through type
// assertions, conversions, fields and loads (m := ctx.(*module); m.handle).
// A handle from a global or another object is not the handler's, as far as
// the pass can tell.
func fromHandler(fn *ssa.Function, r *rules.Role, dc ddiCall) bool {
	for _, p := range dc.ddi.Params {
		if p.Kind == rules.KindNone {
			continue
		}
		pl, ok := dc.handles[p.Kind]
		if !ok {
			return false
		}
		root := pl.root
		for {
			ta, ok := root.(*ssa.TypeAssert)
			if !ok {
				break
			}
			root = strip(ta.X)
		}
		for i, rp := range r.Params {
			if rp.Kind != rules.KindNone && i < len(fn.Params) && fn.Params[i] == root {
				return true
			}
		}
		return false
	}
	return false
}
