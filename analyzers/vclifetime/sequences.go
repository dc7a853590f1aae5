package vclifetime

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/analyzers/internal/ndisapi"
	"github.com/ndislint/ndislint/analyzers/vclifetime/internal/summary"
	"github.com/ndislint/ndislint/rules"
)

// checkSequences applies the rules that follow the order of calls inside
// one function, each DDI found by its edges: uses after a delete edge,
// a delete after an edge that makes a call or starts a close, the status of
// the DDIs the close role completes, and uses after a close that completed
// synchronously. All the events of one function are followed in one
// dataflow (runFollows); the uses after a synchronous close are judged
// afterwards, in every callback that reaches them.
func (c *checker) checkSequences() {
	for _, fn := range c.ssa.SrcFuncs {
		var fs []*follow
		c.eachDDICallInstr(fn, func(rec summary.Call) {
			d := rec.DDI
			if e := c.m.deletes[d.Name]; e != nil {
				fs = c.afterDelete(fs, fn, rec, e)
			}
			if es := c.m.setups[d.Name]; len(es) > 0 {
				fs = c.afterCallSetup(fs, fn, rec, es)
			}
			if c.m.closeDDIs[d.Name] {
				fs = c.closeCallStatus(fs, fn, rec)
			}
			if e := c.m.syncCloses[d.Name]; e != nil {
				fs = c.afterSyncClose(fs, fn, rec, e)
			}
		})
		c.runFollows(fn, fs, c.sum.Index(fn))
	}
	c.judgeDeadUses()
}

// eachDDICallInstr calls f for every DDI call of fn.
func (c *checker) eachDDICallInstr(fn *ssa.Function, f func(summary.Call)) {
	x := c.sum.Index(fn)
	for _, i := range x.DDICalls {
		f(x.Calls[i])
	}
}

// handle is the VC handle a DDI call takes, as the sequence checks follow
// it: the argument, its access path if it has one, and the values that name
// it (for a handle with no path: the argument and the context it was loaded
// from, whose redefinition in a loop means another VC).
type handle struct {
	v       ssa.Value
	p       summary.Path
	hasPath bool
	defs    []ssa.Value
}

// handleOf returns the VC-handle argument of a DDI call (of the kind of the
// VC lifetimes' handle: the index has the first of kind vc-handle).
func (c *checker) handleOf(fn *ssa.Function, rec summary.Call) (handle, bool) {
	var h handle
	if c.m.client.Handle == rules.KindVcHandle {
		if rec.Handle.Param < 0 {
			return handle{}, false
		}
		h = handle{v: rec.Handle.Value, p: rec.Handle.Path, hasPath: rec.Handle.PathOK}
	} else {
		i := ndisapi.ParamIndex(rec.DDI.Params, c.m.client.Handle)
		args := rec.Instr.Common().Args
		if i < 0 || i >= len(args) {
			return handle{}, false
		}
		h = handle{v: args[i]}
		h.p, h.hasPath = summary.PathOf(fn, args[i])
	}
	if !h.hasPath {
		v := unwrapValue(h.v)
		h.defs = append(h.defs, v)
		if fa, ok := fieldLoad(v); ok {
			h.defs = append(h.defs, unwrapValue(fa.X))
		}
	}
	return h, true
}

// unwrapValue strips the conversions that keep a value's identity.
func unwrapValue(v ssa.Value) ssa.Value {
	for {
		switch x := v.(type) {
		case *ssa.ChangeType:
			v = x.X
		case *ssa.MakeInterface:
			v = x.X
		default:
			return v
		}
	}
}

// key names the handle for grouping: its path, or the value that names it.
func (h handle) key() handleKey {
	if h.hasPath {
		return handleKey{p: h.p}
	}
	return handleKey{v: h.defs[0]}
}

// handleKey identifies a handle: by path, or by value when it has none.
type handleKey struct {
	p summary.Path
	v ssa.Value
}

// afterDelete follows a delete (a DDI edge of vc-client that invalidates
// the handle) on paths where its condition may hold (NdisCoDeleteVc
// returned NDIS_STATUS_SUCCESS), and reports the handle's uses there.
func (c *checker) afterDelete(fs []*follow, fn *ssa.Function, rec summary.Call, e *rules.Edge) []*follow {
	del, d := rec.Instr, rec.DDI
	h, ok := c.handleOf(fn, rec)
	if !ok {
		return fs
	}
	result, _ := del.(ssa.Value)
	return append(fs, &follow{start: del, block: rec.Block, at: rec.At, result: result, defs: h.defs, group: group{kindDelete, h.key()}, again: true,
		alive: func(vals valset) bool { return c.mayMeet(vals, e.Cond) },
		step: func(s *site, _ valset) bool {
			if h.storedBy(s) {
				return false // the field gets a new handle
			}
			ci, d2, ok := s.call()
			if !ok || !h.takes(s) || !deadFor(c.m.client, c.api.Cat, d2.Name) {
				return true
			}
			c.reportAt(rules.RuleVcUseAfterDelete, ci.Pos(), ci.Pos(), []analysis.RelatedInformation{{Pos: del.Pos(), Message: fmt.Sprintf("%s deleted the VC here", d.Name)}},
				"%s with a VC handle that %s deleted: the handle is invalid once %s %s", d2.Name, d.Name, d.Name, whenText(e))
			return false
		}})
}

// whenText says when an edge is taken, for messages.
func whenText(e *rules.Edge) string {
	if e.When == "" {
		return "returns"
	}
	return e.When
}

// afterCallSetup follows a DDI whose edges es leave the VC where no delete
// may start (NdisClMakeCall: a call made; NdisClCloseCall: a close that may
// be pending) on paths where one of those edges may have been taken, and
// reports a delete of the same VC there.
func (c *checker) afterCallSetup(fs []*follow, fn *ssa.Function, rec summary.Call, es []*rules.Edge) []*follow {
	start, d := rec.Instr, rec.DDI
	h, ok := c.handleOf(fn, rec)
	if !ok {
		return fs
	}
	result, _ := start.(ssa.Value)
	return append(fs, &follow{start: start, block: rec.Block, at: rec.At, result: result, defs: h.defs, group: group{kindSetup, h.key()}, again: true,
		alive: func(vals valset) bool { return c.mayMeetAny(vals, es) },
		step: func(s *site, _ valset) bool {
			if h.storedBy(s) {
				return false
			}
			ci, d2, ok := s.call()
			if !ok || !h.takes(s) {
				return true
			}
			if len(c.m.setups[d2.Name]) > 0 {
				return false // another setup (the close of this call): it is followed on its own
			}
			if c.m.deletes[d2.Name] == nil {
				return true
			}
			why := fmt.Sprintf("after %s here the VC may be %s", d.Name, statesOf(es))
			c.reportAt(rules.RuleVcDeleteCallActive, ci.Pos(), ci.Pos(), []analysis.RelatedInformation{{Pos: start.Pos(), Message: why}},
				"%s on a VC whose call is still active or closing: a VC may be deleted only after its close completed%s", d2.Name, c.withCloseOK())
			return false
		}})
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
// conditions on a path where it is vals.
func (c *checker) mayMeetAny(vals valset, es []*rules.Edge) bool {
	for _, e := range es {
		if c.mayMeet(vals, e.Cond) {
			return true
		}
	}
	return false
}

// mayMeet reports whether the result may meet cond on a path where it is
// vals. A condition on anything but the result may always be met; a status
// the runtime does not define is a value no constant equals.
func (c *checker) mayMeet(vals valset, cond *rules.Cond) bool {
	if cond == nil || cond.Of != rules.CondReturn {
		return true
	}
	var want []string
	for _, v := range cond.Values {
		want = append(want, c.statusVal(v))
	}
	switch cond.Op {
	case "==":
		for _, v := range want {
			if vals.may(v) {
				return true
			}
		}
		return false
	case "!=":
		return vals.mayOtherThan(want...)
	}
	return true
}

// closeCallStatus reports a DDI the close role completes whose status is
// dropped, and follows one whose status is kept to report a non-PENDING
// outcome that reaches a return without the close being completed (the
// documented pattern calls the close role's handler itself).
func (c *checker) closeCallStatus(fs []*follow, fn *ssa.Function, rec summary.Call) []*follow {
	call, d := rec.Instr, rec.DDI
	result, ok := call.(ssa.Value)
	if !ok {
		return fs
	}
	role := c.m.closeRole.GoName
	if len(nonDebugRefs(result)) == 0 {
		c.reportAt(rules.RuleVcClosecallStatusDropped, call.Pos(), call.Pos(), nil,
			"the status of %s is dropped: when it is not %s, NDIS will not call %s and the client must call it itself", d.Name, rules.StatusPending, role)
		return fs
	}
	completers := c.closeCompleters()
	if c.statusEscapes(result, completers) {
		return fs // returned, stored or passed on: someone else completes
	}
	pending := c.statusVal(rules.StatusPending)
	return append(fs, &follow{start: call, block: rec.Block, at: rec.At, result: result,
		alive: func(vals valset) bool { return vals.mayOtherThan(pending) },
		step: func(s *site, _ valset) bool {
			if s.completesClose() {
				return false
			}
			if ret, ok := s.instr.(*ssa.Return); ok {
				c.reportAt(rules.RuleVcClosecallStatusDropped, call.Pos(), call.Pos(), []analysis.RelatedInformation{{Pos: returnPos(fn, ret), Message: "this return is reached with a status other than " + rules.StatusPending}},
					"%s may complete synchronously here and %s is then never called: on a status other than %s the client must call it itself", d.Name, role, rules.StatusPending)
				return false
			}
			return true
		}})
}

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
	if c.completers != nil {
		return c.completers
	}
	c.completers = map[string]bool{}
	c.completerFns = map[*types.Func]bool{}
	for _, b := range c.roles.Bindings {
		if isRole(b.Role, c.m.closeRole) && b.Fn != nil {
			c.completers[b.Fn.FullName()] = true
			c.completerFns[b.Fn] = true
		}
	}
	return c.completers
}

// completes reports whether a call completes the close: a call of the
// close-complete handler, or of a function that calls it.
func (c *checker) completes(ci ssa.CallInstruction, completers map[string]bool) bool {
	callee := ci.Common().StaticCallee()
	if callee == nil {
		return false
	}
	if obj, ok := callee.Object().(*types.Func); ok && c.completerFns[obj] {
		return true
	}
	for _, name := range c.sum.Of(callee).Calls {
		if completers[name] {
			return true
		}
	}
	return false
}

// statusVal spells the exact value of the runtime's constant for the NDIS
// status name; a value no constant can equal when the runtime lacks it, so
// that no branch is read as deciding it.
func (c *checker) statusVal(name string) string {
	if v, ok := c.statusVals[name]; ok {
		return v
	}
	v := "unknown " + name
	if k := c.api.StatusConst(name); k != nil {
		v = k.Val().ExactString()
	}
	if c.statusVals == nil {
		c.statusVals = map[string]string{}
	}
	c.statusVals[name] = v
	return v
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

// afterSyncClose follows a DDI edge of vc-cm that kills the handle
// (NdisClCloseCall that did not pend: the client then completes the close
// itself) on paths where its condition may hold, and records the uses of
// the handle there by the DDI families vc-cm forbids on a dead handle.
// Whether the VC can be the call manager's is judged afterwards, in the
// context of each callback that reaches the use (judgeDeadUses).
func (c *checker) afterSyncClose(fs []*follow, fn *ssa.Function, rec summary.Call, e *rules.Edge) []*follow {
	close, d := rec.Instr, rec.DDI
	h, ok := c.handleOf(fn, rec)
	if !ok || !h.hasPath {
		return fs
	}
	result, _ := close.(ssa.Value)
	return append(fs, &follow{start: close, block: rec.Block, at: rec.At, result: result, defs: h.defs, group: group{kindSyncClose, h.key()}, again: true,
		alive: func(vals valset) bool { return c.mayMeet(vals, e.Cond) },
		step: func(s *site, _ valset) bool {
			if h.storedBy(s) {
				return false
			}
			ci, d2, ok := s.call()
			if ok && h.takes(s) && deadFor(c.m.cm, c.api.Cat, d2.Name) {
				c.dead = append(c.dead, deadUse{fn: fn, close: close, closeDDI: d, use: ci, ddi: d2, arg: h.p})
			}
			return true
		}})
}

// handleParamName is the page name of a DDI's handle parameter of kind k.
func handleParamName(d *rules.DDI, k rules.HandleKind) string {
	if i := ndisapi.ParamIndex(d.Params, k); i >= 0 {
		return d.Params[i].Name
	}
	return string(k)
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
