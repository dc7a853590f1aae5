package completion

import (
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/analyzers/internal/ndisapi"
	"github.com/ndislint/ndislint/analyzers/internal/ssafunc"
	"github.com/ndislint/ndislint/rules"
)

// eventsOf returns the completions the calls of block b make, in order:
// calls of completing DDIs, and the definite completions of the helpers
// and work-item routines they call or queue.
func (w *walk) eventsOf(b *ssa.BasicBlock) []event {
	var out []event
	for _, in := range b.Instrs {
		call, ok := in.(*ssa.Call)
		if !ok {
			continue // go and defer statements are not followed
		}
		out = append(out, w.callEvents(call.Common(), call.Pos())...)
	}
	return out
}

// callEvents returns the completions of one call.
func (w *walk) callEvents(call *ssa.CallCommon, pos token.Pos) []event {
	callee := call.StaticCallee()
	if callee == nil {
		return nil // an interface or function-value call: unknown
	}
	if obj, ok := callee.Object().(*types.Func); ok {
		if d := w.c.api.DDI(obj); d != nil {
			return w.ddiEvents(d, call, pos)
		}
	}
	args := append([]ssa.Value(nil), call.Args...)
	if mc := ssafunc.Closure(call.Value); mc != nil {
		args = append(args, mc.Bindings...)
	}
	return w.c.mapEffects(w.c.effectsOf(callee), args, pos, "in "+helperName(callee))
}

// ddiEvents returns the completion a DDI call makes (a completing DDI), or
// those of the routine it queues (NdisQueueIoWorkItem: a parameter of a role
// type with its own-context parameter).
func (w *walk) ddiEvents(d *rules.DDI, call *ssa.CallCommon, pos token.Pos) []event {
	if cp := w.c.pairs.byDDI[d.Name]; cp != nil && cp.key < len(call.Args) {
		w.c.checkStatusArg(cp, call, pos)
		e := event{c: cp, key: canon(call.Args[cp.key]), pos: pos, innerAt: w.c.where(pos)}
		w.res.direct = append(w.res.direct, e)
		return []event{e}
	}
	routine, role, ctx := w.c.queued(d, call)
	if routine == nil {
		return nil
	}
	into := ndisapi.ParamIndex(role.Params, rules.KindOwnContext)
	if into < 0 || into >= len(routine.Params) {
		return nil
	}
	args := make([]ssa.Value, len(routine.Params))
	args[into] = ctx
	if mc := ssafunc.Closure(call.Args[routineArg(w.c, d)]); mc != nil {
		args = append(args, mc.Bindings...)
	}
	return w.c.mapEffects(w.c.effectsOf(routine), args, pos, "in the work item "+d.Name+" queues")
}

// queued returns the routine a DDI call queues, the routine's role, and
// the context argument the routine receives; nil when the DDI queues none
// or the routine is not a known function.
func (c *checker) queued(d *rules.DDI, call *ssa.CallCommon) (*ssa.Function, *rules.Role, ssa.Value) {
	ri := routineArg(c, d)
	ci := ndisapi.ParamIndex(d.Params, rules.KindOwnContext)
	if ri < 0 || ci < 0 || ri >= len(call.Args) || ci >= len(call.Args) {
		return nil, nil, nil
	}
	role := c.api.Cat.RoleByGo(strings.TrimPrefix(d.Params[ri].GoType, "ndis."))
	fn := ssafunc.Of(call.Args[ri])
	if fn == nil || role == nil {
		return nil, nil, nil
	}
	return fn, role, call.Args[ci]
}

// routineArg returns the index of d's parameter whose type is a role (the
// routine it queues), or -1.
func routineArg(c *checker, d *rules.DDI) int {
	for i, p := range d.Params {
		if strings.HasPrefix(p.GoType, "ndis.") && c.api.Cat.RoleByGo(strings.TrimPrefix(p.GoType, "ndis.")) != nil {
			return i
		}
	}
	return -1
}

// helperName is how messages name a called function.
func helperName(fn *ssa.Function) string {
	if fn.Parent() != nil {
		return "the function literal"
	}
	return "helper " + funcName(fn)
}

// mapEffects turns a callee's effects into completions of the caller, at
// the call pos, with the callee's roots bound to args (its parameters,
// then its free variables). An effect whose root has no value is dropped.
func (c *checker) mapEffects(effs []effect, args []ssa.Value, pos token.Pos, via string) []event {
	var out []event
	for _, ef := range effs {
		cp := c.pairs.byDDI[ef.ddi]
		if cp == nil {
			continue
		}
		key, ok := rebase(ef.root, ef.chain, args)
		if !ok {
			continue
		}
		v := via
		if ef.via != "" {
			v = via + ", " + ef.via
		}
		e := event{c: cp, key: key, pos: pos, via: v, innerAt: ef.at}
		if c.local(ef.pos) {
			e.inner = ef.pos
		}
		out = append(out, e)
	}
	return out
}
