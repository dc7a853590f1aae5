package ddiusage

import (
	"fmt"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/analyzers/internal/ssafunc"
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
// re-acquisition between (bad-handle). A release is a call of the pair's
// release DDI, or a call of a helper of the package that releases the
// argument on every path (released_helpers.go).
func (c *checker) checkReleased() {
	if c.takers == nil {
		c.takers = c.takersByDDI()
	}
	if len(c.takers) == 0 {
		return
	}
	for _, fn := range c.ssa.SrcFuncs {
		for _, b := range fn.Blocks {
			for i, instr := range b.Instrs {
				call, ok := instr.(*ssa.Call)
				if !ok {
					continue
				}
				for _, t := range c.takers[c.ddiName(&call.Call)] {
					if t.release && t.ref.Index < len(call.Call.Args) {
						c.followRelease(releaseAt{t: t, call: call, arg: t.ref.Index}, b, i)
					}
				}
				callee, sum := c.helperOf(&call.Call)
				if sum == nil {
					continue
				}
				for k := range call.Call.Args {
					for _, site := range sum.releases[k] {
						c.followRelease(releaseAt{t: site.t, call: call, arg: k, via: callee, inner: site.pos}, b, i)
					}
				}
			}
		}
	}
}

// releaseAt is a release: the call that makes it, the taker released, the
// index of the call's argument that is the handle, and, for a helper's
// release, the helper and the DDI's call that releases inside it.
type releaseAt struct {
	t     taker
	call  *ssa.Call
	arg   int
	via   *ssa.Function
	inner token.Pos
}

// ddiName returns the NDIS name of the DDI a call calls, or "".
func (c *checker) ddiName(call *ssa.CallCommon) string {
	if d := c.ddiOf(call); d != nil {
		return d.Name
	}
	return ""
}

// ddiOf returns the catalogue's entry for the DDI call calls statically,
// or nil (a function of no DDI, a function value, an interface method).
func (c *checker) ddiOf(call *ssa.CallCommon) *rules.DDI {
	callee := call.StaticCallee()
	if callee == nil {
		return nil
	}
	return c.api.DDI(funcObject(callee))
}

// followRelease searches the paths from the release r (the i-th
// instruction of b) for calls that pass its handle again, and reports them.
func (c *checker) followRelease(r releaseAt, b *ssa.BasicBlock, i int) {
	h, ok := handleOf(r.call.Call.Args[r.arg])
	if !ok {
		return
	}
	s := &search{c: c, takers: c.takers, rel: r.t, r: r, h: h, seen: map[string]bool{}}
	if r.via == nil {
		s.from(b, i+1, seedFacts(b))
		return
	}
	// A helper's release: what the helper may write after it (a
	// re-acquisition into the field the argument was loaded from) counts
	// as written between.
	w := c.helperWrites(r.via)
	s.walk(b, i+1, seedFacts(b).forgetWritten(w), h.killedBy(w))
}

// released returns the related positions of the release: the DDI's call,
// or the helper's call and the DDI's call inside it.
func (s *search) released() []analysis.RelatedInformation {
	at, end := s.c.callRange(s.r.call.Pos())
	if s.r.via == nil {
		return []analysis.RelatedInformation{{Pos: at, End: end, Message: s.rel.ref.DDI + " releases it here"}}
	}
	related := []analysis.RelatedInformation{{Pos: at, End: end, Message: s.c.helperName(s.r.via) + " releases it here"}}
	if s.r.inner.IsValid() {
		in, inEnd := s.c.callRange(s.r.inner)
		related = append(related, analysis.RelatedInformation{Pos: in, End: inEnd,
			Message: s.rel.ref.DDI + " releases it here, in " + s.c.helperName(s.r.via)})
	}
	return related
}

// callRange returns the range of the call expression at pos, or pos alone.
func (c *checker) callRange(pos token.Pos) (token.Pos, token.Pos) {
	if ce := c.front.CallAt(pos); ce != nil {
		return ce.Pos(), ce.End()
	}
	return pos, token.NoPos
}

// report reports a use of the released handle at a call.
func (s *search) report(t taker, pos token.Pos) {
	rule := s.rel.pair.Handle.UseRule()
	if t.release {
		s.c.report(rule, pos, s.released(),
			"%s's %s is a handle %s released already: a double free", t.ref.DDI, t.ref.Param, s.rel.ref.DDI)
		return
	}
	s.c.report(rule, pos, s.released(),
		"%s's %s is a handle %s released: the handle is dead", t.ref.DDI, t.ref.Param, s.rel.ref.DDI)
}

// reportVia reports a use of the released handle at a call of a helper
// that passes it to the DDI of site.
func (s *search) reportVia(helper *ssa.Function, site helperSite, pos token.Pos) {
	rule := s.rel.pair.Handle.UseRule()
	related := s.released()
	if site.pos.IsValid() {
		in, end := s.c.callRange(site.pos)
		related = append(related, analysis.RelatedInformation{Pos: in, End: end,
			Message: fmt.Sprintf("%s passes it to %s here", s.c.helperName(helper), site.t.ref.DDI)})
	}
	if site.t.release {
		s.c.report(rule, pos, related, "%s passes a handle %s released already to %s's %s: a double free",
			s.c.helperName(helper), s.rel.ref.DDI, site.t.ref.DDI, site.t.ref.Param)
		return
	}
	s.c.report(rule, pos, related, "%s passes a handle %s released to %s's %s: the handle is dead",
		s.c.helperName(helper), s.rel.ref.DDI, site.t.ref.DDI, site.t.ref.Param)
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
