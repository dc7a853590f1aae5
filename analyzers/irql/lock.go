package irql

import (
	"fmt"
	"go/token"

	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/analyzers/irql/internal/irqlsum"
	"github.com/ndislint/ndislint/rules"
)

// lockStep is what a DDI's lock operation did, for the IRQL effect that
// follows it.
type lockStep struct {
	// op is the catalogue's lock operation (rules.LockAcquire, ...).
	op string
	// name spells the lock as the source does, with its noun (spin lock
	// c.lock).
	name string
	// saved is, for a release, the IRQL the lock kept (what a release
	// with no IRQL parameter restores).
	saved val
}

// lockDDI applies the lock operation of a DDI (its catalogue Lock) to the
// lock its Lock.Param names; ok is false when the call has no such
// argument.
func (fa *fnAnalysis) lockDDI(st *state, dc ddiCall) (*lockStep, bool) {
	d := dc.d
	li := paramIndex(d, d.Lock.Param)
	if li < 0 || li >= len(dc.args) {
		return nil, false
	}
	key, ok := keyOf(fa.fn, dc.args[li])
	if !ok {
		key = ""
	}
	noun := d.Lock.LockNoun()
	lk := &lockStep{op: d.Lock.Op, name: noun + " " + fa.lockName(dc.args[li], dc.pos, li)}
	switch d.Lock.Op {
	case rules.LockAcquire:
		fa.acquire(st, key, lockRef{name: lk.name, noun: noun}, d.Lock.Dpr, dc.pos, d.Name)
	case rules.LockRelease:
		lk.saved = fa.release(st, key, lockRef{name: lk.name, noun: noun}, d.Lock.Dpr, dc.pos, d.Name)
	case rules.LockInit, rules.LockFree:
		fa.freeHeld(st, key, lk.name, dc)
	}
	return lk, true
}

// freeHeld reports an initialisation or a free of a lock that is held.
func (fa *fnAnalysis) freeHeld(st *state, key, name string, dc ddiCall) {
	if i := st.findLock(key); key != "" && i >= 0 && !st.locks[i].maybe && fa.final {
		fa.report(rules.RuleSpinlockFreeHeld, dc.pos, fmt.Sprintf("%s on %s while it is held (acquired at %s)", dc.d.Name, name, fa.c.line(st.locks[i].pos, dc.pos)),
			related(st.locks[i].pos, "acquired here"))
	}
}

// releasesUnheld reports whether d releases a lock that this function
// cannot hold and that no caller can have taken for it.
func (fa *fnAnalysis) releasesUnheld(st *state, d *rules.DDI, args []ssa.Value) bool {
	if d.Lock == nil || d.Lock.Op != rules.LockRelease || st.lost {
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

// lockRef is how messages name a lock: name with its noun (spin lock
// c.lock), and the noun alone (spin lock, read-write lock state).
type lockRef struct {
	name, noun string
}

// doubleTail says what an acquire of a lock already held does: a spin lock
// spins forever; a lock state (the catalogue's other nouns) still serves
// the acquisition it recorded.
func doubleTail(noun string) string {
	if noun == spinLockNoun {
		return "the acquire spins forever"
	}
	return "each acquisition needs its own " + noun
}

// spinLockNoun is the noun of a lock whose catalogue entry names none.
var spinLockNoun = (*rules.Lock)(nil).LockNoun()

// nounOf returns how messages name the lock of a lock operation a callee
// left to its caller: the noun its summary carries, else the one of its
// DDI's catalogue entry, else "lock" (the pass does not know which).
func (fa *fnAnalysis) nounOf(op irqlsum.LockOp) string {
	if op.Noun != "" {
		return op.Noun
	}
	if cat := fa.c.api.Cat; cat != nil {
		if d := cat.DDI(op.DDI); d != nil && d.Lock != nil {
			return d.Lock.LockNoun()
		}
	}
	return "lock"
}

// nounOr returns noun, or "lock" when the pass does not know which.
func nounOr(noun string) string {
	if noun == "" {
		return "lock"
	}
	return noun
}

// acquire pushes a lock, which keeps the IRQL it found (what a normal-form
// release restores). Raising the IRQL is the DDI's effect (lockRaise).
func (fa *fnAnalysis) acquire(st *state, key string, lr lockRef, dpr bool, pos token.Pos, ddi string) {
	if key == "" {
		st.lost = true
	} else if i := st.findLock(key); i >= 0 && !st.locks[i].maybe {
		if fa.final && !st.lost {
			h := st.locks[i]
			fa.report(rules.RuleSpinlockDoubleAcquire, pos, fmt.Sprintf("%s on %s, which is already held (%s at %s): %s", ddi, lr.name, h.ddi, fa.c.line(h.pos, pos), doubleTail(h.noun)),
				related(h.pos, "acquired here"))
		}
	} else {
		if i >= 0 {
			st.locks = append(st.locks[:i:i], st.locks[i+1:]...)
		}
		if fa.final && mappable(key) {
			fa.takes[key] = true
		}
		st.locks = append(st.locks, held{key: key, name: lr.name, noun: lr.noun, saved: st.cur, pos: pos, ddi: ddi, dpr: dpr})
	}
}

// lockRaise raises the IRQL to DISPATCH_LEVEL for a lock just acquired in
// the normal form.
func (fa *fnAnalysis) lockRaise(st *state, name string, pos token.Pos, ddi string) {
	st.cur = raiseTo(st.cur, rules.DispatchLevel)
	st.why = cause{pos: pos, text: fmt.Sprintf("%s is held (%s at %s)", name, ddi, fa.c.line(pos, pos)), kind: lockHeld}
	fa.afterChange(st, pos)
}

// release pops a lock and returns the IRQL a normal-form release restores.
func (fa *fnAnalysis) release(st *state, key string, lr lockRef, dpr bool, pos token.Pos, ddi string) val {
	name := lr.name
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
				fa.report(rules.RuleSpinlockDprMismatch, pos, fmt.Sprintf("%s releases %s with %s, but %s acquired it with %s", ddi, name, formName(dpr), h.ddi, formName(h.dpr)),
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
				why = fmt.Sprintf("it is not held: NDIS calls %s with no %s of the driver held", fa.ent.role, lr.noun)
			}
			fa.report(rules.RuleSpinlockReleaseNotHeld, pos, fmt.Sprintf("%s on %s, but %s", ddi, name, why), nil)
		}
		return unknownVal
	}
	if mappable(key) && len(st.released) < irqlsum.MaxLocks {
		st.released = append(st.released, irqlsum.LockOp{Op: rules.LockRelease, Path: key, Dpr: dpr, DDI: ddi, Noun: lr.noun})
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
		locks := "locks"
		if h.noun == spinLockNoun && o.noun == spinLockNoun {
			locks = "spin locks"
		}
		fa.report(rules.RuleSpinlockReleaseOrder, pos, fmt.Sprintf("%s on %s may lower the IRQL below DISPATCH_LEVEL while %s is still held (%s at %s): release %s in the reverse order of acquisition", ddi, name, o.name, o.ddi, fa.c.line(o.pos, pos), locks),
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
