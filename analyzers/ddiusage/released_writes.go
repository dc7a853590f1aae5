package ddiusage

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/rules"
)

// written is what an instruction may write: any memory, or the locations
// the addresses in addrs point to.
type written struct {
	all   bool
	addrs []ssa.Value
}

// writes returns what an instruction may write: a store, its address; a
// go statement or an opaque call (a function of the package or another
// module, a function value, an interface method), anything; a DDI, the
// pointers at its out parameters; a function of the standard library,
// anything when an argument can carry a pointer (atomic.StoreInt32(&x),
// fmt.Sscan(s, &x)), else nothing; a builtin, nothing a path names.
func (c *checker) writes(instr ssa.Instruction) written {
	switch x := instr.(type) {
	case *ssa.Store:
		return written{addrs: []ssa.Value{x.Addr}}
	case *ssa.Go:
		return written{all: true}
	case *ssa.Call:
		return c.callWrites(&x.Call)
	}
	return written{}
}

// callWrites is writes for a call.
func (c *checker) callWrites(call *ssa.CallCommon) written {
	if _, builtin := call.Value.(*ssa.Builtin); builtin {
		return written{}
	}
	if d := c.api.Cat.DDI(c.ddiName(call)); d != nil {
		var w written
		for i, a := range call.Args {
			if i < len(d.Params) && d.Params[i].Dir != rules.In && pointee(a.Type()) != nil {
				w.addrs = append(w.addrs, a)
			}
		}
		return w
	}
	callee := call.StaticCallee()
	if callee == nil || !isStdlib(callee) {
		return written{all: true}
	}
	for _, a := range call.Args {
		if mayCarryPointer(a.Type()) {
			return written{all: true}
		}
	}
	return written{}
}

// mayCarryPointer reports whether a value of type t may hold a pointer.
func mayCarryPointer(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Kind() == types.UnsafePointer
	case *types.Struct:
		for i := 0; i < u.NumFields(); i++ {
			if mayCarryPointer(u.Field(i).Type()) {
				return true
			}
		}
		return false
	case *types.Array:
		return mayCarryPointer(u.Elem())
	}
	return true
}

// killedBy reports whether what w writes may replace what the handle's
// location holds.
func (h handle) killedBy(w written) bool {
	if h.loc == nil {
		return false
	}
	if w.all {
		return true
	}
	for _, a := range w.addrs {
		if h.loc.mayAlias(locationOf(a), pointee(a.Type())) {
			return true
		}
	}
	return false
}

// forgetWritten returns f without the facts about loads of what w may
// write: every load for w.all, else the loads of the types w's addresses
// point to (a store of a bool writes no int).
func (f facts) forgetWritten(w written) facts {
	if w.all {
		return f.forgetLoads("")
	}
	for _, a := range w.addrs {
		if el := pointee(a.Type()); el != nil {
			f = f.forgetLoads(types.TypeString(el, nil))
		}
	}
	return f
}
