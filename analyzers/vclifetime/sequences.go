package vclifetime

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/analyzers/vclifetime/internal/summary"
	"github.com/ndislint/ndislint/rules"
)

// checkSequences applies the rules that follow the order of calls inside
// one function: uses after a successful NdisCoDeleteVc, NdisCoDeleteVc with
// a call still active, and the status of NdisClCloseCall.
func (c *checker) checkSequences() {
	for _, fn := range c.allFuncs() {
		c.eachDDICallInstr(fn, func(ci ssa.CallInstruction, d *rules.DDI) {
			switch d.Name {
			case ddiCoDeleteVc:
				c.afterDelete(fn, ci, d)
			case ddiClMakeCall:
				c.afterCallSetup(fn, ci, d, "NdisClMakeCall made a call on this VC here")
			case ddiClCloseCall:
				c.afterCallSetup(fn, ci, d, "NdisClCloseCall may still be pending here")
				c.closeCallStatus(fn, ci, d)
				c.afterSyncClose(fn, ci, d)
			}
		})
	}
}

// eachDDICallInstr calls f for every DDI call instruction of fn.
func (c *checker) eachDDICallInstr(fn *ssa.Function, f func(ssa.CallInstruction, *rules.DDI)) {
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			ci, ok := in.(ssa.CallInstruction)
			if !ok {
				continue
			}
			if callee := ci.Common().StaticCallee(); callee != nil {
				if obj, ok := callee.Object().(*types.Func); ok {
					if d := c.api.DDI(obj); d != nil {
						f(ci, d)
					}
				}
			}
		}
	}
}

// handleArg returns the VC-handle argument of a DDI call and its path, if
// it has one.
func handleArg(fn *ssa.Function, ci ssa.CallInstruction, d *rules.DDI) (ssa.Value, summary.Path, bool, bool) {
	i := paramIndex2(d.Params, rules.KindVcHandle)
	args := ci.Common().Args
	if i < 0 || i >= len(args) {
		return nil, summary.Path{}, false, false
	}
	p, ok := summary.PathOf(fn, args[i])
	return args[i], p, ok, true
}

// sameHandle reports whether a DDI call uses the VC handle v/p.
func sameHandle(fn *ssa.Function, ci ssa.CallInstruction, d *rules.DDI, v ssa.Value, p summary.Path, hasPath bool) bool {
	v2, p2, hasPath2, ok := handleArg(fn, ci, d)
	if !ok {
		return false
	}
	return v2 == v || (hasPath && hasPath2 && p == p2) || sameFieldLoad(v, v2)
}

// sameFieldLoad reports whether a and b load the same field of the same
// base value (a context the function allocated itself: &vc{}).
func sameFieldLoad(a, b ssa.Value) bool {
	fa, ok1 := fieldLoad(a)
	fb, ok2 := fieldLoad(b)
	return ok1 && ok2 && fa.X == fb.X && fa.Field == fb.Field
}

// fieldLoad returns the FieldAddr v loads from, if v is such a load.
func fieldLoad(v ssa.Value) (*ssa.FieldAddr, bool) {
	ld, ok := v.(*ssa.UnOp)
	if !ok || ld.Op != token.MUL {
		return nil, false
	}
	fa, ok := ld.X.(*ssa.FieldAddr)
	return fa, ok
}

// afterDelete reports VC uses reached after NdisCoDeleteVc on paths where it
// may have returned NDIS_STATUS_SUCCESS.
func (c *checker) afterDelete(fn *ssa.Function, del ssa.CallInstruction, d *rules.DDI) {
	v, p, hasPath, ok := handleArg(fn, del, d)
	if !ok {
		return
	}
	result, _ := del.(ssa.Value)
	walkAfter(del, result, func(in ssa.Instruction, r resultIs) bool {
		if !r.may(c.successVal()) {
			return false
		}
		if storesHandle(fn, in, v, p, hasPath) {
			return false // the field gets a new handle
		}
		ci, d2, ok := c.ddiCall(in)
		if !ok || !sameHandle(fn, ci, d2, v, p, hasPath) || !isClCo(d2.Name) {
			return true
		}
		c.reportAt(RuleUseAfterDelete, ci.Pos(), ci.Pos(), []analysis.RelatedInformation{{Pos: del.Pos(), Message: "NdisCoDeleteVc deleted the VC here"}},
			"%s with a VC handle that NdisCoDeleteVc deleted: the handle is invalid once NdisCoDeleteVc returns NDIS_STATUS_SUCCESS", d2.Name)
		return false
	})
}

// afterCallSetup reports NdisCoDeleteVc reached after NdisClMakeCall (a
// call made) or NdisClCloseCall (a close that may be pending) on the same VC
// with no successful close in between.
func (c *checker) afterCallSetup(fn *ssa.Function, start ssa.CallInstruction, d *rules.DDI, why string) {
	v, p, hasPath, ok := handleArg(fn, start, d)
	if !ok {
		return
	}
	result, _ := start.(ssa.Value)
	pending := c.pendingVal()
	walkAfter(start, result, func(in ssa.Instruction, r resultIs) bool {
		if d.Name == ddiClMakeCall && !r.may(c.successVal()) && !r.may(pending) {
			return false // the call was not made
		}
		if d.Name == ddiClCloseCall && !r.may(pending) {
			return false // the close did not pend
		}
		if storesHandle(fn, in, v, p, hasPath) {
			return false
		}
		ci, d2, ok := c.ddiCall(in)
		if !ok || !sameHandle(fn, ci, d2, v, p, hasPath) {
			return true
		}
		if d2.Name == ddiClCloseCall && d.Name == ddiClMakeCall {
			return false // the call is being closed: the close's own walk takes over
		}
		if d2.Name != ddiCoDeleteVc {
			return true
		}
		c.reportAt(RuleDeleteCallActive, ci.Pos(), ci.Pos(), []analysis.RelatedInformation{{Pos: start.Pos(), Message: why}},
			"NdisCoDeleteVc on a VC whose call is still active or closing: a VC may be deleted only after its close completed with NDIS_STATUS_SUCCESS")
		return false
	})
}

// closeCallStatus reports an NdisClCloseCall whose status is dropped, or
// whose non-PENDING outcome reaches a return without the close being
// completed (the documented pattern calls ProtocolClCloseCallComplete
// itself).
func (c *checker) closeCallStatus(fn *ssa.Function, call ssa.CallInstruction, d *rules.DDI) {
	result, ok := call.(ssa.Value)
	if !ok {
		return
	}
	if len(nonDebugRefs(result)) == 0 {
		c.reportAt(RuleCloseCallStatus, call.Pos(), call.Pos(), nil,
			"the status of NdisClCloseCall is dropped: when it is not NDIS_STATUS_PENDING, NDIS will not call ProtocolClCloseCallComplete and the client must call it itself")
		return
	}
	if c.statusEscapes(result, c.closeCompleters()) {
		return // returned, stored or passed on: someone else completes
	}
	pending := c.pendingVal()
	completers := c.closeCompleters()
	walkAfter(call, result, func(in ssa.Instruction, r resultIs) bool {
		if !notPendingPossible(r, pending) {
			return false
		}
		if ci, ok := in.(ssa.CallInstruction); ok && c.completes(ci, completers) {
			return false
		}
		if ret, ok := in.(*ssa.Return); ok && notPendingPossible(r, pending) {
			c.reportAt(RuleCloseCallStatus, call.Pos(), call.Pos(), []analysis.RelatedInformation{{Pos: returnPos(fn, ret), Message: "this return is reached with a status other than NDIS_STATUS_PENDING"}},
				"NdisClCloseCall may complete synchronously here and ProtocolClCloseCallComplete is then never called: on a status other than NDIS_STATUS_PENDING the client must call it itself")
			return false
		}
		return true
	})
}

// notPendingPossible reports whether the result may be something other than
// NDIS_STATUS_PENDING on this path.
func notPendingPossible(r resultIs, pending string) bool { return r.is == "" || r.is != pending }

// statusEscapes reports whether the status value leaves the function or is
// handed to a function other than a runtime DDI (then the callee completes).
func (c *checker) statusEscapes(v ssa.Value, completers map[string]bool) bool {
	for _, ref := range nonDebugRefs(v) {
		switch r := ref.(type) {
		case *ssa.Return, *ssa.Store, *ssa.MakeInterface, *ssa.Phi, *ssa.MakeClosure:
			return true
		case ssa.CallInstruction:
			if !c.completes(r, completers) {
				return true
			}
		case *ssa.ChangeType:
			if c.statusEscapes(r, completers) {
				return true
			}
		}
	}
	return false
}

// nonDebugRefs returns v's referrers other than debug references.
func nonDebugRefs(v ssa.Value) []ssa.Instruction {
	var out []ssa.Instruction
	if refs := v.Referrers(); refs != nil {
		for _, r := range *refs {
			if _, dbg := r.(*ssa.DebugRef); !dbg {
				out = append(out, r)
			}
		}
	}
	return out
}

// closeCompleters returns the functions registered as
// ProtocolClCloseCallComplete in this package.
func (c *checker) closeCompleters() map[string]bool {
	m := map[string]bool{}
	for _, b := range c.roles.Bindings {
		if b.Role.Name == roleCloseCallComplete && b.Fn != nil {
			m[b.Fn.FullName()] = true
		}
	}
	return m
}

// completes reports whether a call completes the close: a call of the
// close-complete handler, or of a function that calls it.
func (c *checker) completes(ci ssa.CallInstruction, completers map[string]bool) bool {
	callee := ci.Common().StaticCallee()
	if callee == nil {
		return false
	}
	if obj, ok := callee.Object().(*types.Func); ok && completers[obj.FullName()] {
		return true
	}
	for _, name := range c.sum.Of(callee).Calls {
		if completers[name] {
			return true
		}
	}
	return false
}

// ddiCall returns in as a DDI call, if it is one.
func (c *checker) ddiCall(in ssa.Instruction) (ssa.CallInstruction, *rules.DDI, bool) {
	ci, ok := in.(ssa.CallInstruction)
	if !ok {
		return nil, nil, false
	}
	callee := ci.Common().StaticCallee()
	if callee == nil {
		return nil, nil, false
	}
	obj, ok := callee.Object().(*types.Func)
	if !ok {
		return nil, nil, false
	}
	d := c.api.DDI(obj)
	return ci, d, d != nil
}

// storesHandle reports whether in stores a new value where the handle v
// (with path p) came from.
func storesHandle(fn *ssa.Function, in ssa.Instruction, v ssa.Value, p summary.Path, hasPath bool) bool {
	if hasPath && storesPath(fn, in, p) {
		return true
	}
	st, ok := in.(*ssa.Store)
	if !ok {
		return false
	}
	fa, ok1 := st.Addr.(*ssa.FieldAddr)
	fv, ok2 := fieldLoad(v)
	return ok1 && ok2 && fa.X == fv.X && fa.Field == fv.Field
}

// storesPath reports whether in stores to the field path p.
func storesPath(fn *ssa.Function, in ssa.Instruction, p summary.Path) bool {
	st, ok := in.(*ssa.Store)
	if !ok {
		return false
	}
	fa, ok := st.Addr.(*ssa.FieldAddr)
	if !ok {
		return false
	}
	r, t, ok := summary.RootOf(fn, fa.X)
	return ok && r == p.Root && t == p.Type && fieldNameOf(fa) == p.Field
}

// fieldNameOf returns the name of the field a FieldAddr selects.
func fieldNameOf(fa *ssa.FieldAddr) string {
	if t := namedStruct(fa.X.Type()); t != nil {
		return t.Underlying().(*types.Struct).Field(fa.Field).Name()
	}
	return ""
}

// pendingVal spells NDIS_STATUS_PENDING's value, from the runtime's constant.
func (c *checker) pendingVal() string { return c.statusVal("StatusPending") }

// successVal spells NDIS_STATUS_SUCCESS's value, from the runtime's constant.
func (c *checker) successVal() string { return c.statusVal("StatusSuccess") }

// statusVal spells the value of the runtime's status constant goName; a
// value no constant can equal when the runtime lacks it, so that no branch
// is read as deciding it.
func (c *checker) statusVal(goName string) string {
	if k := c.api.Status(goName); k != nil {
		return k.Val().ExactString()
	}
	return "unknown " + goName
}

// returnPos is the position of a return, or of the closing brace for the
// implicit return at the end of a function.
func returnPos(fn *ssa.Function, ret *ssa.Return) token.Pos {
	if ret.Pos().IsValid() {
		return ret.Pos()
	}
	switch syn := fn.Syntax().(type) {
	case *ast.FuncDecl:
		if syn.Body != nil {
			return syn.Body.Rbrace
		}
	case *ast.FuncLit:
		return syn.Body.Rbrace
	}
	return token.NoPos
}

// afterSyncClose reports NdisCl*/NdisCo* uses of a CM-created VC's handle
// after NdisClCloseCall on the paths where it did not pend: the close is
// then complete (the client calls ProtocolClCloseCallComplete itself) and the
// handle is dead.
func (c *checker) afterSyncClose(fn *ssa.Function, close ssa.CallInstruction, d *rules.DDI) {
	v, p, hasPath, ok := handleArg(fn, close, d)
	if !ok || !hasPath {
		return
	}
	result, _ := close.(ssa.Value)
	pending := c.pendingVal()
	walkAfter(close, result, func(in ssa.Instruction, r resultIs) bool {
		if !notPendingPossible(r, pending) {
			return false
		}
		if storesHandle(fn, in, v, p, hasPath) {
			return false
		}
		ci, d2, ok := c.ddiCall(in)
		if !ok || !sameHandle(fn, ci, d2, v, p, hasPath) || !isClCo(d2.Name) {
			return true
		}
		conds, opaque := summary.CondsAt(fn, ci.Block())
		u := summary.Use{DDI: d2.Name, Arg: p, Conds: conds, Opaque: opaque, Pos: ci.Pos()}
		vu, known := c.classify(u)
		if !known || vu.ambiguous || !vu.cm {
			return true
		}
		var rel []analysis.RelatedInformation
		if vu.fp.CMPos.IsValid() {
			rel = append(rel, analysis.RelatedInformation{Pos: vu.fp.CMPos, Message: "the handle comes from the call manager here (ProtocolCoCreateVc)"})
		}
		rel = append(rel, analysis.RelatedInformation{Pos: close.Pos(), Message: "NdisClCloseCall completed synchronously here"})
		c.reportAt(RuleUseAfterClose, ci.Pos(), ci.Pos(), rel,
			"%s with the NdisVcHandle of a VC the call manager created, after its close completed synchronously: the handle is invalid once the close completes", d2.Name)
		return false
	})
}
