package summary

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/analyzers/internal/ndisapi"
	"github.com/ndislint/ndislint/analyzers/internal/ssafunc"
	"github.com/ndislint/ndislint/rules"
)

// routine is a function NDIS calls later with a context the caller hands
// to a DDI: a work item's routine, a timer's function.
type routine struct {
	fn *ssa.Function
	// ctx is the index of the routine's parameter that receives the
	// context (its role's own-context parameter), -1 when it has none.
	ctx int
	// bindings are the values of its free variables when it is a closure
	// made in the function that hands the context over, else nil.
	bindings []ssa.Value
}

// args returns the routine's roots in the caller's terms: the context
// argument (ctx, read from the call), and the closure's bindings after the
// parameters.
func (r routine) args(fn *ssa.Function, ctx Arg) []Arg {
	args := make([]Arg, len(r.fn.Params)+len(r.fn.FreeVars))
	if r.ctx >= 0 && r.ctx < len(r.fn.Params) {
		args[r.ctx] = ctx
	}
	for i, v := range r.bindings {
		args[len(r.fn.Params)+i] = ArgOf(fn, v)
	}
	return args
}

// routineOf resolves a function value passed or stored as role, made or
// used in fn.
func routineOf(fn *ssa.Function, v ssa.Value, role *rules.Role) (routine, bool) {
	f := ssafunc.Of(v)
	if f == nil || f.Signature.Recv() != nil || f.Blocks == nil && len(f.FreeVars) > 0 {
		return routine{}, false
	}
	r := routine{fn: f, ctx: ndisapi.ParamIndex(role.Params, rules.KindOwnContext)}
	if mc := ssafunc.Closure(v); mc != nil && mc.Parent() == fn {
		r.bindings = mc.Bindings
	}
	return r, true
}

// storedRoutine is a routine stored in a structure handed to a DDI that
// gives out a handle (NdisAllocateTimerObject: the timer function in its
// characteristics, the timer object out).
type storedRoutine struct {
	role *rules.Role
	routine
	// parent is the function that made the closure, if it is one.
	parent *ssa.Function
}

// routineIndex maps a handle's location to the routines stored with it.
type routineIndex struct {
	byKey map[string][]storedRoutine
}

// delivered returns the routines a DDI that delivers a role through a
// handle (NdisSetTimerObject delivers NDIS_TIMER_FUNCTION through its timer
// object) will run: those stored with the handle where it was given out,
// when the handle is a field or a package variable both calls name.
func (b *Builder) delivered(fn *ssa.Function, d *rules.DDI, c *ssa.CallCommon) []routine {
	i := handleParam(d.Params)
	if i < 0 || i >= len(c.Args) {
		return nil
	}
	key, ok := loadKey(c.Args[i])
	if !ok {
		return nil
	}
	var out []routine
	for _, r := range b.index().byKey[string(d.Params[i].Kind)+" "+key] {
		if !contains(d.Delivers, r.role.Name) || r.ctx < 0 {
			continue
		}
		rt := r.routine
		if r.parent != fn {
			rt.bindings = nil // made elsewhere: its captures mean nothing here
		}
		out = append(out, rt)
	}
	return out
}

// handleParam returns the index of a DDI's first parameter that carries an
// NDIS handle or context other than the caller's own context, or -1.
func handleParam(ps []rules.Param) int {
	for i, p := range ps {
		if p.Kind != rules.KindNone && p.Kind != rules.KindOwnContext && p.Kind != rules.KindStatus {
			return i
		}
	}
	return -1
}

// index builds the routine index once: for every DDI call whose
// out-parameter of some handle kind is a field or a package variable, the
// role-typed fields stored in the structures passed to the same call.
func (b *Builder) index() *routineIndex {
	if b.routines != nil {
		return b.routines
	}
	b.routines = &routineIndex{byKey: map[string][]storedRoutine{}}
	for _, fn := range b.fns {
		var stores map[ssa.Value][]*ssa.Store // field stores by structure, built on need
		x := b.Index(fn)
		for _, i := range x.DDICalls {
			if stores == nil {
				stores = fieldStores(x.Stores)
			}
			b.indexCall(fn, x.Calls[i].Instr.Common(), x.Calls[i].DDI, stores)
		}
	}
	return b.routines
}

// indexCall records the routines stored with the handles one DDI call gives
// out.
func (b *Builder) indexCall(fn *ssa.Function, c *ssa.CallCommon, d *rules.DDI, stores map[ssa.Value][]*ssa.Store) {
	for j, p := range d.Params {
		if j >= len(c.Args) || p.Kind == rules.KindNone || p.Kind == rules.KindOwnContext {
			continue
		}
		key, ok := addrKey(c.Args[j])
		if !ok {
			continue
		}
		for m, a := range c.Args {
			if m == j {
				continue
			}
			for _, st := range fieldStoresOf(stores, a) {
				fa := st.Addr.(*ssa.FieldAddr)
				role := b.api.Role(fieldType(fa))
				if role == nil {
					continue
				}
				if r, ok := routineOf(fn, st.Val, role); ok {
					k := string(p.Kind) + " " + key
					b.routines.byKey[k] = append(b.routines.byKey[k], storedRoutine{role: role, routine: r, parent: fn})
				}
			}
		}
	}
}

// fieldType returns the type of the field a FieldAddr selects.
func fieldType(fa *ssa.FieldAddr) types.Type {
	return fa.Type().Underlying().(*types.Pointer).Elem()
}

// fieldStores returns the stores into struct fields, by the structure's
// address, and the copies of a whole structure (a composite literal built
// in a temporary, then copied to its variable: *chars = *t), by the
// address copied to.
func fieldStores(stores []Store) map[ssa.Value][]*ssa.Store {
	out := map[ssa.Value][]*ssa.Store{}
	for _, st := range stores {
		if st.Field != nil {
			out[st.Field.X] = append(out[st.Field.X], st.Instr)
		} else if ld, ok := st.Instr.Val.(*ssa.UnOp); ok && ld.Op == token.MUL {
			if _, isAlloc := ld.X.(*ssa.Alloc); isAlloc {
				out[st.Instr.Addr] = append(out[st.Instr.Addr], st.Instr)
			}
		}
	}
	return out
}

// fieldStoresOf returns the stores into the fields of the structure at a,
// through a copy of a temporary it was built in.
func fieldStoresOf(stores map[ssa.Value][]*ssa.Store, a ssa.Value) []*ssa.Store {
	var out []*ssa.Store
	for _, st := range stores[a] {
		if st.Addr == a {
			// *a = *t: the literal was built in t.
			for _, st2 := range stores[st.Val.(*ssa.UnOp).X] {
				if _, ok := st2.Addr.(*ssa.FieldAddr); ok {
					out = append(out, st2)
				}
			}
			continue
		}
		out = append(out, st)
	}
	return out
}

// addrKey names an address that outlives the function: a field of a named
// structure ("f:pkg.T.field") or a package variable ("g:pkg.name").
func addrKey(v ssa.Value) (string, bool) {
	switch a := v.(type) {
	case *ssa.FieldAddr:
		if t := namedPtr(a.X.Type()); t != "" {
			return "f:" + t + "." + fieldName(a), true
		}
	case *ssa.Global:
		if a.Pkg != nil {
			return "g:" + a.Pkg.Pkg.Path() + "." + a.Name(), true
		}
	}
	return "", false
}

// loadKey names the address a value was loaded from (addrKey).
func loadKey(v ssa.Value) (string, bool) {
	for {
		switch x := v.(type) {
		case *ssa.ChangeType:
			v = x.X
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.UnOp:
			if x.Op != token.MUL {
				return "", false
			}
			return addrKey(x.X)
		default:
			return "", false
		}
	}
}

// contains reports whether list has s.
func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
