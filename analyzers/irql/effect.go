package irql

import (
	"fmt"
	"go/token"

	"github.com/ndislint/ndislint/rules"
)

// irqlIO says where a DDI reads and writes IRQL values, from the goType
// and dir of its catalogue parameters (rules/schema.go, at IrqlEffect).
type irqlIO struct {
	// level is the index of the first wdm.Irql in-parameter: the new IRQL
	// of a raise or a restore; -1 for none.
	level int
	// save is the index of the first *wdm.Irql out-parameter, through
	// which a raise stores the IRQL it found; -1 for none.
	save int
	// result is true when the DDI returns a wdm.Irql: the IRQL a raise
	// found, or the current IRQL for a query.
	result bool
}

// irqlIO reads d's IRQL parameters from its catalogue entry.
func (c *checker) irqlIO(d *rules.DDI) irqlIO {
	io := irqlIO{level: -1, save: -1}
	if c.irqlName == "" {
		return io // wdm is not in sight: no IRQL value can be passed
	}
	for i, p := range d.Params {
		switch {
		case io.level < 0 && p.GoType == c.irqlName && p.Dir != rules.Out:
			io.level = i
		case io.save < 0 && p.GoType == "*"+c.irqlName && p.Dir != rules.In:
			io.save = i
		}
	}
	io.result = d.GoReturns == c.irqlName
	return io
}

// levelArg returns the new IRQL a raise or restore passes, or false when
// the DDI has no IRQL in-parameter.
func (dc ddiCall) levelArg(fa *fnAnalysis) (val, bool) {
	if dc.io.level < 0 || dc.io.level >= len(dc.args) {
		return val{}, false
	}
	return fa.irqlOf(dc.args[dc.io.level]), true
}

// effect applies the DDI's IRQL effect (rules.IrqlEffect), after its lock
// operation if it has one. at-dispatch and no effect leave the IRQL as it
// is: their requirement was checked.
func (fa *fnAnalysis) effect(st *state, dc ddiCall) {
	switch dc.d.Effect {
	case rules.EffectQuery:
		if dc.value != nil && dc.io.result {
			fa.setVal(dc.value, st.cur)
			fa.current[dc.value] = dc.d.Name
		}
	case rules.EffectRaiseToDispatch:
		fa.saveOld(st, dc)
		fa.raiseToDispatch(st, dc)
	case rules.EffectRaise:
		fa.raise(st, dc)
	case rules.EffectRestore:
		fa.restore(st, dc)
	}
}

// saveOld records where a raise stores the IRQL it found: its *wdm.Irql
// out-parameter, or its result.
func (fa *fnAnalysis) saveOld(st *state, dc ddiCall) {
	if i := dc.io.save; i >= 0 {
		if i < len(dc.args) {
			if k, ok := keyOf(fa.fn, dc.args[i]); ok {
				st.saved[k] = st.cur
			}
		}
		return
	}
	if dc.io.result && dc.value != nil {
		fa.setVal(dc.value, st.cur)
	}
}

// raiseToDispatch applies a raise to DISPATCH_LEVEL: a lock's normal-form
// acquire (NdisAcquireSpinLock), or a plain raise (KeRaiseIrqlToDpcLevel).
func (fa *fnAnalysis) raiseToDispatch(st *state, dc ddiCall) {
	if dc.lock != nil && dc.lock.op == rules.LockAcquire {
		fa.lockRaise(st, dc.lock.name, dc.pos, dc.d.Name)
		return
	}
	st.cur = raiseTo(st.cur, rules.DispatchLevel)
	st.why = cause{pos: dc.pos, text: fmt.Sprintf("%s raised the IRQL to %s at %s", dc.d.Name, rules.LevelName(rules.DispatchLevel), fa.c.line(dc.pos, dc.pos))}
	fa.afterChange(st, dc.pos)
}

// raise applies a raise to the level its IRQL in-parameter gives
// (KeRaiseIrql(NewIrql, &OldIrql)).
func (fa *fnAnalysis) raise(st *state, dc ddiCall) {
	d, pos := dc.d, dc.pos
	nv, ok := dc.levelArg(fa)
	if !ok || !nv.isAbs() {
		fa.saveOld(st, dc)
		st.cur = unknownVal
		return
	}
	if nv.hi > rules.HighLevel {
		fa.badLevel(d, nv.hi, pos)
	}
	fa.need(st, need{max: true, lvl: nv.lo, rule: rules.RuleIrqlRaiseLowers, subject: d.Name + " to " + rules.LevelName(nv.lo),
		req: "a raise must not lower the IRQL", pos: pos})
	fa.saveOld(st, dc)
	if st.cur.isAbs() && st.cur.hi > nv.hi {
		return // reported above; like the kernel's check, the IRQL stays
	}
	st.cur = nv
	st.why = cause{pos: pos, text: fmt.Sprintf("%s raised the IRQL to %s at %s", d.Name, rules.LevelName(nv.hi), fa.c.line(pos, pos))}
	fa.afterChange(st, pos)
}

// restore applies a restore: to the level its IRQL in-parameter gives
// (KeLowerIrql(NewIrql), KeReleaseSpinLock(SpinLock, NewIrql)), else to the
// IRQL the released lock kept (NdisReleaseSpinLock). A restore to an IRQL
// the catalogue does not locate leaves the IRQL unknown.
func (fa *fnAnalysis) restore(st *state, dc ddiCall) {
	nv, hasLevel := dc.levelArg(fa)
	switch {
	case hasLevel && dc.lock != nil:
		fa.restoreTo(st, dc, nv)
	case hasLevel:
		fa.lower(st, dc.d, nv, dc.pos)
	case dc.lock != nil && dc.lock.op == rules.LockRelease:
		fa.restoreTo(st, dc, dc.lock.saved)
	default:
		st.cur = unknownVal
	}
}

// restoreTo sets the IRQL a lock's release restores.
func (fa *fnAnalysis) restoreTo(st *state, dc ddiCall, v val) {
	st.cur = v
	st.why = cause{pos: dc.pos, text: fmt.Sprintf("%s restored the IRQL at %s", dc.d.Name, fa.c.line(dc.pos, dc.pos))}
	fa.afterChange(st, dc.pos)
}

// lower applies a lower to nv (KeLowerIrql(NewIrql),
// NDIS_LOWER_IRQL(OldIrql, CurIrql)), which must not raise the IRQL.
func (fa *fnAnalysis) lower(st *state, d *rules.DDI, nv val, pos token.Pos) {
	if nv.isAbs() {
		if nv.hi > rules.HighLevel {
			fa.badLevel(d, nv.hi, pos)
		}
		if top, exact, ok := fa.highest(st.cur); ok && nv.lo > top && fa.final {
			at := rules.LevelName(top)
			if !exact {
				at = "<= " + at
			}
			fa.report(rules.RuleIrqlLowerRaises, pos, fmt.Sprintf("%s to %s called at %s: a lower must not raise the IRQL", d.Name, rules.LevelName(nv.lo), at),
				related(st.why.pos, st.why.text))
		}
	}
	st.cur = nv
	st.why = cause{pos: pos, text: fmt.Sprintf("%s set the IRQL at %s", d.Name, fa.c.line(pos, pos))}
	fa.afterChange(st, pos)
}

// highest returns the highest IRQL v may be: its absolute part, and the
// entry IRQL where the function's role or contract bounds it; exact is true
// when v is that one level. ok is false when v may be anything, or hold a
// parameter's level, or the entry IRQL has no known maximum.
func (fa *fnAnalysis) highest(v val) (top level, exact, ok bool) {
	if v.unknown || v.param != "" || v.empty() {
		return 0, false, false
	}
	if v.entry && !fa.ent.knownMax {
		return 0, false, false
	}
	exact = !v.entry && v.lo == v.hi
	if v.abs {
		top = v.hi
	}
	if v.entry {
		top = max(top, fa.ent.hi)
	}
	return top, exact, true
}

// badLevel reports an IRQL argument above HIGH_LEVEL.
func (fa *fnAnalysis) badLevel(d *rules.DDI, l level, pos token.Pos) {
	if fa.final {
		fa.report(rules.RuleIrqlBadLevel, pos, fmt.Sprintf("%s with IRQL %d, which is above %s (%d): not an IRQL", d.Name, l, rules.LevelName(rules.HighLevel), rules.HighLevel), nil)
	}
}

// afterChange checks what a change of the IRQL may break: a min= contract
// (the IRQL lowered below it), an always_max= or always_min= contract (the
// IRQL surely raised above it, or lowered below it), and pageable code
// (raised to DISPATCH_LEVEL).
func (fa *fnAnalysis) afterChange(st *state, pos token.Pos) {
	if !fa.final {
		return
	}
	if ct := fa.ent.contract; ct != nil && ct.HasMin && st.cur.isAbs() && st.cur.hi < ct.Min {
		fa.report(rules.RuleIrqlContractBroken, pos, fmt.Sprintf("%s lowers the IRQL to %s, below its //ndis:irql min=%s", fnName(fa.fn), rules.LevelName(st.cur.hi), rules.LevelName(ct.Min)),
			related(fa.ent.contractPos, "the contract"))
	}
	if ct := fa.ent.contract; ct != nil && ct.HasAlwaysMax && st.cur.abs && st.cur.lo > ct.AlwaysMax {
		fa.report(rules.RuleIrqlContractBroken, pos, fmt.Sprintf("%s raises the IRQL to %s, above its //ndis:irql always_max=%s: %s", fnName(fa.fn), rules.LevelName(st.cur.lo), rules.LevelName(ct.AlwaysMax), st.why.text),
			related(fa.ent.contractPos, "the contract"))
	}
	if ct := fa.ent.contract; ct != nil && ct.HasAlwaysMin && st.cur.abs && st.cur.hi < ct.AlwaysMin {
		fa.report(rules.RuleIrqlContractBroken, pos, fmt.Sprintf("%s lowers the IRQL to %s, below its //ndis:irql always_min=%s", fnName(fa.fn), rules.LevelName(st.cur.hi), rules.LevelName(ct.AlwaysMin)),
			related(fa.ent.contractPos, "the contract"))
	}
	if fa.ent.pageable && !fa.pageableDone && st.cur.abs && st.cur.hi >= rules.DispatchLevel {
		fa.pageableDone = true
		fa.report(rules.RuleIrqlPageableAtDispatch, pos, fmt.Sprintf("%s is marked //ndis:pageable but runs at %s here: %s", fnName(fa.fn), rules.LevelName(st.cur.hi), st.why.text),
			related(fa.ent.pageablePos, "marked pageable here"))
	}
}
