package irql

import (
	"fmt"
	"go/token"
	"go/types"

	"github.com/ndislint/ndislint/analyzers/internal/ndisapi"

	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/analyzers/irql/internal/irqlsum"
	"github.com/ndislint/ndislint/rules"
)

// call applies a call: a DDI's contract from the catalogue, or the
// callee's summary. Calls that do not resolve to a function say nothing.
func (fa *fnAnalysis) call(st *state, c *ssa.CallCommon, pos token.Pos, value ssa.Value) {
	callee := c.StaticCallee()
	if callee == nil {
		return
	}
	obj, _ := callee.Object().(*types.Func)
	if obj != nil {
		if d := fa.c.api.DDI(obj); d != nil {
			fa.ddi(st, d, c.Args, pos, value)
			return
		}
		if obj.Pkg() != nil && ndisapi.IsRuntime(obj.Pkg().Path()) {
			return // the simulator's own functions
		}
	}
	args := c.Args
	if len(callee.FreeVars) > 0 {
		if mc, ok := c.Value.(*ssa.MakeClosure); ok {
			args = append(append([]ssa.Value(nil), c.Args...), mc.Bindings...)
		}
	}
	s := fa.c.summaryOf(callee)
	fa.apply(st, s, callee, args, pos)
}

// summaryOf returns a function's summary: from its body in this package,
// else from the fact its package exported, else empty.
func (c *checker) summaryOf(fn *ssa.Function) irqlsum.Summary {
	if fn.Blocks != nil && (fn.Pkg == c.ssa.Pkg || fn.Pkg == nil) {
		return c.analyze(fn).sum
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok {
		return irqlsum.Summary{Exit: irqlsum.Exit{Kind: irqlsum.ExitSame}}
	}
	var f irqlsum.Fact
	if c.pass.ImportObjectFact(obj.Origin(), &f) {
		return f.Summary
	}
	return irqlsum.Summary{Exit: irqlsum.Exit{Kind: irqlsum.ExitSame}}
}

// ddi applies a call to a runtime DDI.
func (fa *fnAnalysis) ddi(st *state, d *rules.DDI, args []ssa.Value, pos token.Pos, value ssa.Value) {
	if !fa.releasesUnheld(st, d, args) {
		fa.needDDI(st, d, pos) // a release of a lock not held is reported as that
	}
	switch d.Name {
	case "KeGetCurrentIrql":
		if value != nil {
			fa.setVal(value, st.cur)
			fa.current[value] = true
		}
		return
	case "KeRaiseIrql":
		fa.raise(st, d, args, pos)
		return
	case "KeLowerIrql", "NDIS_LOWER_IRQL":
		if len(args) > 0 {
			fa.lower(st, d, fa.irqlOf(args[0]), pos)
		}
		return
	}
	if d.Lock != nil {
		fa.lockDDI(st, d, args, pos)
		return
	}
	if d.Effect == rules.EffectRaiseToDispatch {
		fa.saveOld(st, d, args, value)
		st.cur = raiseTo(st.cur, rules.DispatchLevel)
		st.why = cause{pos: pos, text: fmt.Sprintf("%s raised the IRQL to DISPATCH_LEVEL at %s", d.Name, fa.c.line(pos, pos))}
		fa.afterChange(st, pos)
	}
}

// saveOld records where a raise stores the IRQL it found: its *wdm.Irql
// out-parameter, or its result.
func (fa *fnAnalysis) saveOld(st *state, d *rules.DDI, args []ssa.Value, value ssa.Value) {
	for i, p := range d.Params {
		if p.GoType == "*wdm.Irql" && i < len(args) {
			if k, ok := keyOf(fa.fn, args[i]); ok {
				st.saved[k] = st.cur
			}
			return
		}
	}
	if d.GoReturns == "wdm.Irql" && value != nil {
		fa.setVal(value, st.cur)
	}
}

// raise applies KeRaiseIrql(NewIrql, &OldIrql).
func (fa *fnAnalysis) raise(st *state, d *rules.DDI, args []ssa.Value, pos token.Pos) {
	if len(args) < 2 {
		return
	}
	nv := fa.irqlOf(args[0])
	if !nv.isAbs() {
		fa.saveOld(st, d, args, nil)
		st.cur = unknownVal
		return
	}
	if nv.hi > rules.HighLevel {
		fa.badLevel(d, nv.hi, pos)
	}
	fa.need(st, need{max: true, lvl: nv.lo, rule: rules.RuleIrqlRaiseLowers, subject: d.Name + " to " + rules.LevelName(nv.lo),
		req: "a raise must not lower the IRQL", pos: pos})
	fa.saveOld(st, d, args, nil)
	if st.cur.isAbs() && st.cur.hi > nv.hi {
		return // reported above; like the kernel's check, the IRQL stays
	}
	st.cur = nv
	st.why = cause{pos: pos, text: fmt.Sprintf("%s raised the IRQL to %s at %s", d.Name, rules.LevelName(nv.hi), fa.c.line(pos, pos))}
	fa.afterChange(st, pos)
}

// lower applies KeLowerIrql(NewIrql) and NDIS_LOWER_IRQL(OldIrql, CurIrql).
func (fa *fnAnalysis) lower(st *state, d *rules.DDI, nv val, pos token.Pos) {
	if nv.isAbs() {
		if nv.hi > rules.HighLevel {
			fa.badLevel(d, nv.hi, pos)
		}
		if st.cur.isAbs() && nv.lo > st.cur.hi && fa.final {
			fa.report(rules.RuleIrqlLowerRaises, pos, fmt.Sprintf("%s to %s called at %s: a lower must not raise the IRQL", d.Name, rules.LevelName(nv.lo), rules.LevelName(st.cur.hi)),
				related(st.why.pos, st.why.text))
		}
	}
	st.cur = nv
	st.why = cause{pos: pos, text: fmt.Sprintf("%s set the IRQL at %s", d.Name, fa.c.line(pos, pos))}
	fa.afterChange(st, pos)
}

// badLevel reports an IRQL argument above HIGH_LEVEL.
func (fa *fnAnalysis) badLevel(d *rules.DDI, l level, pos token.Pos) {
	if fa.final {
		fa.report(rules.RuleIrqlBadLevel, pos, fmt.Sprintf("%s with IRQL %d, which is above HIGH_LEVEL (15): not an IRQL", d.Name, l), nil)
	}
}

// lockDDI applies a spin-lock routine.
func (fa *fnAnalysis) lockDDI(st *state, d *rules.DDI, args []ssa.Value, pos token.Pos) {
	li := paramIndex(d, d.Lock.Param)
	if li < 0 || li >= len(args) {
		return
	}
	key, ok := keyOf(fa.fn, args[li])
	if !ok {
		key = ""
	}
	name := fa.lockName(args[li], pos, li)
	switch d.Lock.Op {
	case "acquire":
		if !d.Lock.Dpr {
			fa.saveOld(st, d, args, nil) // KeAcquireSpinLock's OldIrql, before the raise
		}
		fa.acquire(st, key, name, d.Lock.Dpr, pos, d.Name)
	case "release":
		restored := fa.release(st, key, name, d.Lock.Dpr, pos, d.Name)
		if d.Lock.Dpr {
			return
		}
		if d.Name == "KeReleaseSpinLock" && len(args) > 1 {
			restored = fa.irqlOf(args[1])
		}
		st.cur = restored
		st.why = cause{pos: pos, text: fmt.Sprintf("%s restored the IRQL at %s", d.Name, fa.c.line(pos, pos))}
		fa.afterChange(st, pos)
	case "init", "free":
		if i := st.findLock(key); key != "" && i >= 0 && !st.locks[i].maybe && fa.final {
			fa.report(rules.RuleSpinlockFreeHeld, pos, fmt.Sprintf("%s on spin lock %s while it is held (acquired at %s)", d.Name, name, fa.c.line(st.locks[i].pos, pos)),
				related(st.locks[i].pos, "acquired here"))
		}
	}
}

// releasesUnheld reports whether d releases a lock that this function
// cannot hold and that no caller can have taken for it.
func (fa *fnAnalysis) releasesUnheld(st *state, d *rules.DDI, args []ssa.Value) bool {
	if d.Lock == nil || d.Lock.Op != "release" || st.lost {
		return false
	}
	li := paramIndex(d, d.Lock.Param)
	if li < 0 || li >= len(args) {
		return false
	}
	key, ok := keyOf(fa.fn, args[li])
	return ok && st.findLock(key) < 0 && (fa.ent.hasRole || !mappable(key))
}

// paramIndex returns the index of d's parameter with the page name, or -1.
func paramIndex(d *rules.DDI, name string) int {
	for i, p := range d.Params {
		if p.Name == name {
			return i
		}
	}
	return -1
}

// acquire pushes a lock; the normal form raises to DISPATCH_LEVEL and the
// lock keeps the IRQL it found.
func (fa *fnAnalysis) acquire(st *state, key, name string, dpr bool, pos token.Pos, ddi string) {
	if key == "" {
		st.lost = true
	} else if i := st.findLock(key); i >= 0 && !st.locks[i].maybe {
		if fa.final && !st.lost {
			h := st.locks[i]
			fa.report(rules.RuleSpinlockDoubleAcquire, pos, fmt.Sprintf("%s on spin lock %s, which is already held (%s at %s): the acquire spins forever", ddi, name, h.ddi, fa.c.line(h.pos, pos)),
				related(h.pos, "acquired here"))
		}
	} else {
		if i >= 0 {
			st.locks = append(st.locks[:i:i], st.locks[i+1:]...)
		}
		if fa.final && mappable(key) {
			fa.takes[key] = true
		}
		st.locks = append(st.locks, held{key: key, name: name, saved: st.cur, pos: pos, ddi: ddi, dpr: dpr})
	}
	if !dpr {
		st.cur = raiseTo(st.cur, rules.DispatchLevel)
		st.why = cause{pos: pos, text: fmt.Sprintf("spin lock %s is held (%s at %s)", name, ddi, fa.c.line(pos, pos))}
		fa.afterChange(st, pos)
	}
}

// release pops a lock and returns the IRQL a normal-form release restores.
func (fa *fnAnalysis) release(st *state, key, name string, dpr bool, pos token.Pos, ddi string) val {
	if key == "" {
		st.lost = true
		return unknownVal
	}
	i := st.findLock(key)
	if i >= 0 {
		h := st.locks[i]
		st.locks = append(st.locks[:i:i], st.locks[i+1:]...)
		if h.dpr != dpr && !h.maybe {
			if fa.final && !st.lost {
				fa.report(rules.RuleSpinlockDprMismatch, pos, fmt.Sprintf("%s releases spin lock %s with %s, but %s acquired it with %s", ddi, name, formName(dpr), h.ddi, formName(h.dpr)),
					related(h.pos, "acquired here"))
			}
			st.cur = unknownVal // reported; the IRQL that follows is not worth guessing
			return unknownVal
		}
		if !dpr && i < len(st.locks) {
			// Released before a lock taken after it: the IRQL drops to
			// this lock's saved IRQL now, and the later lock's release
			// will restore what it found.
			fa.outOfOrder(st, h, name, pos, ddi)
			restored := h.saved
			if !st.locks[i].dpr {
				restored = st.locks[i].saved
				st.locks[i].saved = h.saved
			}
			return restored
		}
		return h.saved
	}
	if !st.lost && (fa.ent.hasRole || !mappable(key)) {
		if fa.final {
			why := "it is not held here"
			if fa.ent.hasRole {
				why = fmt.Sprintf("it is not held: NDIS calls %s with no spin lock of the driver held", fa.ent.role)
			}
			fa.report(rules.RuleSpinlockReleaseNotHeld, pos, fmt.Sprintf("%s on spin lock %s, but %s", ddi, name, why), nil)
		}
		return unknownVal
	}
	if mappable(key) && len(st.released) < irqlsum.MaxLocks {
		st.released = append(st.released, irqlsum.LockOp{Op: "release", Path: key, Dpr: dpr, DDI: ddi})
	} else {
		st.lost = true
	}
	if _, _, rooted := splitRoot(key); rooted {
		return val{param: key}
	}
	return unknownVal
}

// outOfOrder reports a normal-form release that may lower the IRQL below
// DISPATCH_LEVEL while another spin lock is still held: locks must be
// released in the reverse order of acquisition (the NdisAllocateSpinLock
// page's remarks).
func (fa *fnAnalysis) outOfOrder(st *state, h held, name string, pos token.Pos, ddi string) {
	others := st.definitelyHeld()
	if len(others) == 0 || st.lost || h.maybe {
		return
	}
	low := h.saved.abs && h.saved.lo < rules.DispatchLevel || h.saved.entry && st.eLo < rules.DispatchLevel
	if !low || h.saved.unknown {
		return
	}
	o := others[len(others)-1]
	if fa.final {
		fa.report(rules.RuleSpinlockReleaseOrder, pos, fmt.Sprintf("%s on spin lock %s may lower the IRQL below DISPATCH_LEVEL while spin lock %s is still held (%s at %s): release spin locks in the reverse order of acquisition", ddi, name, o.name, o.ddi, fa.c.line(o.pos, pos)),
			related(o.pos, "the other lock is taken here"))
	}
}

// formName names the form of a lock routine.
func formName(dpr bool) string {
	if dpr {
		return "the Dpr (at-DISPATCH_LEVEL) form"
	}
	return "the normal form"
}

// lockName spells the lock argument of the call at pos as the source does.
func (fa *fnAnalysis) lockName(v ssa.Value, pos token.Pos, arg int) string {
	if call := fa.c.callAt(pos); call != nil && arg < len(call.Args) {
		return trimAddr(exprString(call.Args[arg]))
	}
	return v.Name()
}

// afterChange checks what a change of the IRQL may break: a min= contract
// (the IRQL lowered below it) and pageable code (raised to
// DISPATCH_LEVEL).
func (fa *fnAnalysis) afterChange(st *state, pos token.Pos) {
	if !fa.final {
		return
	}
	if ct := fa.ent.contract; ct != nil && ct.HasMin && st.cur.isAbs() && st.cur.hi < ct.Min {
		fa.report(rules.RuleIrqlContractBroken, pos, fmt.Sprintf("%s lowers the IRQL to %s, below its //ndis:irql min=%s", fnName(fa.fn), rules.LevelName(st.cur.hi), rules.LevelName(ct.Min)),
			related(fa.ent.contractPos, "the contract"))
	}
	if fa.ent.pageable && !fa.pageableDone && st.cur.abs && st.cur.hi >= rules.DispatchLevel {
		fa.pageableDone = true
		fa.report(rules.RuleIrqlPageableAtDispatch, pos, fmt.Sprintf("%s is marked //ndis:pageable but runs at %s here: %s", fnName(fa.fn), rules.LevelName(st.cur.hi), st.why.text),
			related(fa.ent.pageablePos, "marked pageable here"))
	}
}
