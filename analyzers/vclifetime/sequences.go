package vclifetime

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/analyzers/vclifetime/internal/summary"
	"github.com/ndislint/ndislint/rules"
)

// checkSequences applies the rules that follow the order of calls inside
// one function, each DDI found by its edges: uses after a delete edge,
// a delete after an edge that makes a call or starts a close, the status of
// the DDIs the close role completes, and uses after a close that completed
// synchronously.
func (c *checker) checkSequences() {
	for _, fn := range c.ssa.SrcFuncs {
		c.eachDDICallInstr(fn, func(ci ssa.CallInstruction, d *rules.DDI) {
			if e := c.m.deletes[d.Name]; e != nil {
				c.afterDelete(fn, ci, d, e)
			}
			if es := c.m.setups[d.Name]; len(es) > 0 {
				c.afterCallSetup(fn, ci, d, es)
			}
			if c.m.closeDDIs[d.Name] {
				c.closeCallStatus(fn, ci, d)
			}
			if e := c.m.syncCloses[d.Name]; e != nil {
				c.afterSyncClose(fn, ci, d, e)
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

// handleArg returns the VC-handle argument (of kind k) of a DDI call and
// its path, if it has one.
func handleArg(fn *ssa.Function, ci ssa.CallInstruction, d *rules.DDI, k rules.HandleKind) (ssa.Value, summary.Path, bool, bool) {
	i := paramIndex2(d.Params, k)
	args := ci.Common().Args
	if i < 0 || i >= len(args) {
		return nil, summary.Path{}, false, false
	}
	p, ok := summary.PathOf(fn, args[i])
	return args[i], p, ok, true
}

// sameHandle reports whether a DDI call uses the VC handle v/p.
func sameHandle(fn *ssa.Function, ci ssa.CallInstruction, d *rules.DDI, k rules.HandleKind, v ssa.Value, p summary.Path, hasPath bool) bool {
	v2, p2, hasPath2, ok := handleArg(fn, ci, d, k)
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

// afterDelete reports VC uses reached after a delete (a DDI edge of
// vc-client that invalidates the handle) on paths where its condition may
// hold (NdisCoDeleteVc returned NDIS_STATUS_SUCCESS).
func (c *checker) afterDelete(fn *ssa.Function, del ssa.CallInstruction, d *rules.DDI, e *rules.Edge) {
	k := c.m.client.Handle
	v, p, hasPath, ok := handleArg(fn, del, d, k)
	if !ok {
		return
	}
	result, _ := del.(ssa.Value)
	walkAfter(del, result, func(in ssa.Instruction, r resultIs) bool {
		if !c.mayMeet(r, e.Cond) {
			return false
		}
		if storesHandle(fn, in, v, p, hasPath) {
			return false // the field gets a new handle
		}
		ci, d2, ok := c.ddiCall(in)
		if !ok || !sameHandle(fn, ci, d2, k, v, p, hasPath) || !deadFor(c.m.client, c.api.Cat, d2.Name) {
			return true
		}
		c.reportAt(rules.RuleVcUseAfterDelete, ci.Pos(), ci.Pos(), []analysis.RelatedInformation{{Pos: del.Pos(), Message: fmt.Sprintf("%s deleted the VC here", d.Name)}},
			"%s with a VC handle that %s deleted: the handle is invalid once %s %s", d2.Name, d.Name, d.Name, whenText(e))
		return false
	})
}

// whenText says when an edge is taken, for messages.
func whenText(e *rules.Edge) string {
	if e.When == "" {
		return "returns"
	}
	return e.When
}

// afterCallSetup reports a delete reached after a DDI whose edges es leave
// the VC where no delete may start (NdisClMakeCall: a call made;
// NdisClCloseCall: a close that may be pending), on the same VC, on paths
// where one of those edges may have been taken.
func (c *checker) afterCallSetup(fn *ssa.Function, start ssa.CallInstruction, d *rules.DDI, es []*rules.Edge) {
	k := c.m.client.Handle
	v, p, hasPath, ok := handleArg(fn, start, d, k)
	if !ok {
		return
	}
	result, _ := start.(ssa.Value)
	why := fmt.Sprintf("after %s here the VC may be %s", d.Name, statesOf(es))
	walkAfter(start, result, func(in ssa.Instruction, r resultIs) bool {
		if !c.mayMeetAny(r, es) {
			return false // no such edge taken on this path
		}
		if storesHandle(fn, in, v, p, hasPath) {
			return false
		}
		ci, d2, ok := c.ddiCall(in)
		if !ok || !sameHandle(fn, ci, d2, k, v, p, hasPath) {
			return true
		}
		if len(c.m.setups[d2.Name]) > 0 {
			return false // another setup (the close of this call): its own walk takes over
		}
		if c.m.deletes[d2.Name] == nil {
			return true
		}
		c.reportAt(rules.RuleVcDeleteCallActive, ci.Pos(), ci.Pos(), []analysis.RelatedInformation{{Pos: start.Pos(), Message: why}},
			"%s on a VC whose call is still active or closing: a VC may be deleted only after its close completed%s", d2.Name, c.withCloseOK())
		return false
	})
}

// statesOf lists the states edges lead to, for messages.
func statesOf(es []*rules.Edge) string {
	var out []string
	for _, e := range es {
		if !contains(out, e.To) {
			out = append(out, e.To)
		}
	}
	return strings.Join(out, " or ")
}

// withCloseOK names the status of a successful close, for messages.
func (c *checker) withCloseOK() string {
	if c.m.closeOK == nil {
		return ""
	}
	return " with " + c.m.closeOK.Values[0]
}

// mayMeetAny reports whether the result may meet one of the edges'
// conditions on this path.
func (c *checker) mayMeetAny(r resultIs, es []*rules.Edge) bool {
	for _, e := range es {
		if c.mayMeet(r, e.Cond) {
			return true
		}
	}
	return false
}

// mayMeet reports whether the result may meet cond on a path where it is r.
// A condition on anything but the result, or on a status the runtime does
// not define, may always be met.
func (c *checker) mayMeet(r resultIs, cond *rules.Cond) bool {
	if cond == nil || cond.Of != rules.CondReturn {
		return true
	}
	switch cond.Op {
	case "==":
		for _, v := range cond.Values {
			if r.may(c.statusVal(v)) {
				return true
			}
		}
		return false
	case "!=":
		for _, v := range cond.Values {
			if r.is != "" && r.is == c.statusVal(v) {
				return false
			}
		}
	}
	return true
}

// closeCallStatus reports a DDI the close role completes whose status is
// dropped, or whose non-PENDING outcome reaches a return without the close
// being completed (the documented pattern calls the close role's handler
// itself).
func (c *checker) closeCallStatus(fn *ssa.Function, call ssa.CallInstruction, d *rules.DDI) {
	result, ok := call.(ssa.Value)
	if !ok {
		return
	}
	role := c.m.closeRole.GoName
	if len(nonDebugRefs(result)) == 0 {
		c.reportAt(rules.RuleVcClosecallStatusDropped, call.Pos(), call.Pos(), nil,
			"the status of %s is dropped: when it is not %s, NDIS will not call %s and the client must call it itself", d.Name, rules.StatusPending, role)
		return
	}
	completers := c.closeCompleters()
	if c.statusEscapes(result, completers) {
		return // returned, stored or passed on: someone else completes
	}
	pending := c.statusVal(rules.StatusPending)
	walkAfter(call, result, func(in ssa.Instruction, r resultIs) bool {
		if !notPendingPossible(r, pending) {
			return false
		}
		if ci, ok := in.(ssa.CallInstruction); ok && c.completes(ci, completers) {
			return false
		}
		if ret, ok := in.(*ssa.Return); ok {
			c.reportAt(rules.RuleVcClosecallStatusDropped, call.Pos(), call.Pos(), []analysis.RelatedInformation{{Pos: returnPos(fn, ret), Message: "this return is reached with a status other than " + rules.StatusPending}},
				"%s may complete synchronously here and %s is then never called: on a status other than %s the client must call it itself", d.Name, role, rules.StatusPending)
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

// closeCompleters returns the functions registered in this package for
// the close role (ProtocolClCloseCallComplete).
func (c *checker) closeCompleters() map[string]bool {
	m := map[string]bool{}
	for _, b := range c.roles.Bindings {
		if isRole(b.Role, c.m.closeRole) && b.Fn != nil {
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

// statusVal spells the exact value of the runtime's constant for the NDIS
// status name; a value no constant can equal when the runtime lacks it, so
// that no branch is read as deciding it.
func (c *checker) statusVal(name string) string {
	if k := c.api.StatusConst(name); k != nil {
		return k.Val().ExactString()
	}
	return "unknown " + name
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

// afterSyncClose reports uses of a CM-created VC's handle, by the DDI
// families vc-cm forbids on a dead handle, after a DDI edge of vc-cm that
// kills the handle (NdisClCloseCall that did not pend: the client then
// completes the close itself), on paths where its condition may hold.
func (c *checker) afterSyncClose(fn *ssa.Function, close ssa.CallInstruction, d *rules.DDI, e *rules.Edge) {
	k := c.m.cm.Handle
	v, p, hasPath, ok := handleArg(fn, close, d, k)
	if !ok || !hasPath {
		return
	}
	result, _ := close.(ssa.Value)
	walkAfter(close, result, func(in ssa.Instruction, r resultIs) bool {
		if !c.mayMeet(r, e.Cond) {
			return false
		}
		if storesHandle(fn, in, v, p, hasPath) {
			return false
		}
		ci, d2, ok := c.ddiCall(in)
		if !ok || !sameHandle(fn, ci, d2, k, v, p, hasPath) || !deadFor(c.m.cm, c.api.Cat, d2.Name) {
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
			rel = append(rel, analysis.RelatedInformation{Pos: vu.fp.CMPos, Message: fmt.Sprintf("the handle comes from the call manager here (%s)", c.m.cmCreateNames())})
		}
		rel = append(rel, analysis.RelatedInformation{Pos: close.Pos(), Message: fmt.Sprintf("%s completed synchronously here", d.Name)})
		c.reportAt(rules.RuleVcUseAfterClose, ci.Pos(), ci.Pos(), rel,
			"%s with the %s of a VC the call manager created, after its close completed synchronously: the handle is invalid once the close completes", d2.Name, handleParamName(d2, k))
		return false
	})
}

// handleParamName is the page name of a DDI's handle parameter of kind k.
func handleParamName(d *rules.DDI, k rules.HandleKind) string {
	if i := paramIndex2(d.Params, k); i >= 0 {
		return d.Params[i].Name
	}
	return string(k)
}
