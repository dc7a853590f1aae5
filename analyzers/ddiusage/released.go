package ddiusage

import (
	"github.com/ndislint/ndislint/analyzers/internal/ssafunc"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/rules"
)

// taker is a parameter of a DDI that takes the handle of a released pair's
// resource (rules.Catalogue.HandleTakers).
type taker struct {
	pair *rules.Pair
	ref  rules.ParamRef
	// release is set for the pair's release itself (a second one is a
	// double free).
	release bool
}

// takersByDDI returns, for each DDI name, the parameters through which it
// takes a released pair's handle.
func (c *checker) takersByDDI() map[string][]taker {
	out := map[string][]taker{}
	for _, p := range c.api.Cat.Released() {
		for i, r := range c.api.Cat.HandleTakers(p) {
			out[r.DDI] = append(out[r.DDI], taker{pair: p, ref: r, release: i == 0})
		}
	}
	return out
}

// checkReleased reports, in every function of the package, a handle passed
// to a DDI after a release of its pair ended it, on some path with no
// re-acquisition between (bad-handle).
func (c *checker) checkReleased() {
	takers := c.takersByDDI()
	if len(takers) == 0 {
		return
	}
	for _, fn := range c.ssa.SrcFuncs {
		for _, b := range fn.Blocks {
			for i, instr := range b.Instrs {
				call, ok := instr.(*ssa.Call)
				if !ok {
					continue
				}
				for _, t := range takers[c.ddiName(&call.Call)] {
					if t.release && t.ref.Index < len(call.Call.Args) {
						c.followRelease(takers, t, call, b, i)
					}
				}
			}
		}
	}
}

// ddiName returns the NDIS name of the DDI a call calls, or "".
func (c *checker) ddiName(call *ssa.CallCommon) string {
	callee := call.StaticCallee()
	if callee == nil {
		return ""
	}
	if d := c.api.DDI(funcObject(callee)); d != nil {
		return d.Name
	}
	return ""
}

// followRelease searches the paths from the release call (the i-th
// instruction of b) for calls that pass its handle again, and reports them.
func (c *checker) followRelease(takers map[string][]taker, rel taker, call *ssa.Call, b *ssa.BasicBlock, i int) {
	h, ok := handleOf(call.Call.Args[rel.ref.Index])
	if !ok {
		return
	}
	s := &search{c: c, takers: takers, rel: rel, call: call, h: h, seen: map[string]bool{}}
	s.from(b, i+1, seedFacts(b))
}

// report reports a use of the released handle at a call.
func (s *search) report(t taker, pos token.Pos) {
	at, end := s.call.Pos(), token.NoPos
	if ce := s.c.front.CallAt(at); ce != nil {
		at, end = ce.Pos(), ce.End()
	}
	related := []analysis.RelatedInformation{{Pos: at, End: end, Message: s.rel.ref.DDI + " releases it here"}}
	rule := s.rel.pair.Handle.UseRule()
	if t.release {
		s.c.report(rule, pos, related,
			"%s's %s is a handle %s released already: a double free", t.ref.DDI, t.ref.Param, s.rel.ref.DDI)
		return
	}
	s.c.report(rule, pos, related,
		"%s's %s is a handle %s released: the handle is dead", t.ref.DDI, t.ref.Param, s.rel.ref.DDI)
}

// handle is what names a released resource: an SSA value, and, when the
// value was loaded from a variable or field, that location (a later load
// of it names the same resource until something may store to it).
type handle struct {
	v   ssa.Value
	loc *location
}

// location is a variable or a field: a global or a local whose address is
// taken (field -1), or field field of the structure base points to.
type location struct {
	base  ssa.Value
	field int
	// elem is the type of the value stored there.
	elem types.Type
}

// handleOf returns the handle an argument names; false for a constant
// (NULL names nothing).
func handleOf(arg ssa.Value) (handle, bool) {
	v := ssafunc.Identity(arg)
	if _, ok := v.(*ssa.Const); ok {
		return handle{}, false
	}
	h := handle{v: v}
	if ld, ok := v.(*ssa.UnOp); ok && ld.Op == token.MUL {
		h.loc = locationOf(ld.X)
	}
	return h, true
}

// locationOf returns the location at address addr, or nil when the pass
// cannot name it (a pointer loaded, passed or computed).
func locationOf(addr ssa.Value) *location {
	elem := pointee(addr.Type())
	if elem == nil {
		return nil
	}
	switch x := addr.(type) {
	case *ssa.Global, *ssa.Alloc:
		return &location{base: x, field: -1, elem: elem}
	case *ssa.FieldAddr:
		base := ssafunc.Identity(x.X)
		if _, load := base.(*ssa.UnOp); load {
			return nil // a field of a structure a pointer loaded names: not followed
		}
		return &location{base: base, field: x.Field, elem: elem}
	}
	return nil
}

// pointee returns the type a pointer type points to, or nil.
func pointee(t types.Type) types.Type {
	p, ok := t.Underlying().(*types.Pointer)
	if !ok {
		return nil
	}
	return p.Elem()
}

// same reports whether two locations are the same variable or field.
func (l *location) same(m *location) bool {
	return m != nil && l.base == m.base && l.field == m.field
}

// mayAlias reports whether a store to m may write l: the same location, a
// location the pass cannot name of l's type, or the same field of the
// same structure type through another base (two pointers may be equal).
func (l *location) mayAlias(m *location, elem types.Type) bool {
	switch {
	case m == nil:
		return types.Identical(elem, l.elem)
	case l.same(m):
		return true
	case l.field < 0 || m.field < 0:
		return false // distinct variables, or a variable and a field
	}
	return l.field == m.field && types.Identical(pointee(l.base.Type()), pointee(m.base.Type()))
}

// matches reports whether arg names the released handle: the same value,
// or a load of the same location while no store may have reached it.
func (h handle) matches(arg ssa.Value, killed bool) bool {
	v := ssafunc.Identity(arg)
	if v == h.v {
		return true
	}
	if h.loc == nil || killed {
		return false
	}
	ld, ok := v.(*ssa.UnOp)
	return ok && ld.Op == token.MUL && h.loc.same(locationOf(ld.X))
}

// isStdlib reports whether fn belongs to the standard library (its import
// path has no dot in its first element), whose code stores no driver's
// handles.
func isStdlib(fn *ssa.Function) bool {
	if fn.Pkg == nil {
		return false
	}
	first, _, _ := strings.Cut(fn.Pkg.Pkg.Path(), "/")
	return !strings.Contains(first, ".")
}
