package completion

import (
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/analyzers/internal/rolebind"
	"github.com/ndislint/ndislint/rules"
)

// This file reports a completing DDI given a request that NDIS never gave
// the role it completes (rules.RuleOidCompleteNotCurrent): "the miniport
// must complete the NDIS_OID_REQUEST that is currently pending". Statically
// two such requests are certain, both read from the catalogue:
//
//   - the driver's own request coming back: the request parameter of a
//     handler whose role is the completion callback of a DDI the driver
//     issues (DDI.Pends and DDI.CompletedBy: FILTER_OID_REQUEST_COMPLETE
//     for NdisFOidRequest), passed to the DDI that completes another
//     role's request (NdisFOidRequestComplete, which completes
//     FILTER_OID_REQUEST). A filter completes the original request it was
//     given, not the clone it issued;
//   - a request the function allocated itself (new, &T{}), which NDIS has
//     never seen.
//
// Only requests that are objects are checked: the completing DDI's request
// parameter must be a pointer (a PNDIS_OID_REQUEST), not a handle or a
// context, whose identity the pass cannot follow. A request that reaches
// the call through a helper's parameter, a field, a map or a phi is not
// seen.

// foreignArg is a request argument found not to be the pending one.
type foreignArg struct {
	// what says what the request is, for the message.
	what string
	// role is the role whose parameter the request is, nil for an
	// allocation.
	role *rules.Role
}

// checkForeign reports the completing-DDI calls of the package whose
// request is the driver's own.
func (c *checker) checkForeign() {
	own := c.ownRequestRoles()
	roles := c.rolesByFunc()
	for _, fn := range c.allFuncs() {
		for _, b := range fn.Blocks {
			for _, ins := range b.Instrs {
				if call, ok := ins.(*ssa.Call); ok {
					c.checkForeignCall(fn, call, own, roles[fn])
				}
			}
		}
	}
}

// ownRequestRoles returns the roles NDIS calls with a request the driver
// issued: the completion callbacks of the DDIs that may pend.
func (c *checker) ownRequestRoles() map[string]bool {
	own := map[string]bool{}
	for _, d := range c.api.Cat.DDIs {
		if d.Pends && d.CompletedBy != "" {
			own[d.CompletedBy] = true
		}
	}
	return own
}

// rolesByFunc returns the roles each function of the package is bound to.
func (c *checker) rolesByFunc() map[*ssa.Function][]*rules.Role {
	out := map[*ssa.Function][]*rules.Role{}
	for _, b := range c.front.Roles.Bindings {
		if fn := c.fnOf(b); fn != nil {
			out[fn] = appendRole(out[fn], b)
		}
	}
	return out
}

// appendRole adds b's role to rs unless it is there.
func appendRole(rs []*rules.Role, b *rolebind.Binding) []*rules.Role {
	for _, r := range rs {
		if r.Name == b.Role.Name {
			return rs
		}
	}
	return append(rs, b.Role)
}

// checkForeignCall reports call when it is a completing DDI whose request
// argument is foreign.
func (c *checker) checkForeignCall(fn *ssa.Function, call *ssa.Call, own map[string]bool, roles []*rules.Role) {
	cp := c.completerOf(call.Common())
	if cp == nil {
		return
	}
	arg := call.Call.Args[cp.key]
	pt := call.Call.Signature().Params().At(cp.key).Type()
	if _, ok := pt.Underlying().(*types.Pointer); !ok {
		return
	}
	f := c.foreign(fn, stripChange(arg), pt, cp, own, roles)
	if f == nil {
		return
	}
	pos, end := c.callRange(call.Pos())
	var related []analysis.RelatedInformation
	if f.role != nil {
		related = append(related, analysis.RelatedInformation{Pos: fn.Pos(), Message: funcName(fn) + " is the " + f.role.Callback + " handler"})
	} else {
		related = append(related, analysis.RelatedInformation{Pos: arg.Pos(), Message: "the request is allocated here"})
	}
	c.report(rules.RuleOidCompleteNotCurrent, pos, end, related,
		"%s completes %s, not the request NDIS gave %s: a driver completes the request that is pending on it (%s)",
		cp.ddi.Name, f.what, cp.pair.role.Callback, cp.ddi.Page)
}

// completerOf returns the completer a call of a completing DDI is, or nil.
func (c *checker) completerOf(call *ssa.CallCommon) *completer {
	callee := call.StaticCallee()
	if callee == nil {
		return nil
	}
	obj, ok := callee.Object().(*types.Func)
	if !ok {
		return nil
	}
	d := c.api.DDI(obj)
	if d == nil {
		return nil
	}
	cp := c.pairs.byDDI[d.Name]
	if cp == nil || cp.key >= len(call.Args) {
		return nil
	}
	return cp
}

// foreign tells whether v, the request given to cp's DDI in fn as its
// parameter of type pt, is one NDIS never gave cp's role, and what it is.
func (c *checker) foreign(fn *ssa.Function, v ssa.Value, pt types.Type, cp *completer, own map[string]bool, roles []*rules.Role) *foreignArg {
	switch v := v.(type) {
	case *ssa.Alloc:
		if types.Identical(v.Type(), pt) {
			return &foreignArg{what: "a request the driver allocated"}
		}
	case *ssa.Parameter:
		i := paramPos(fn, v)
		for _, r := range roles {
			if r.Name == cp.pair.role.Name || !own[r.Name] || i < 0 || i >= len(r.Params) {
				continue
			}
			if r.Params[i].CType == cp.ddi.Params[cp.key].CType {
				return &foreignArg{what: "the " + r.Params[i].Name + " " + r.Callback + " received, the driver's own request coming back", role: r}
			}
		}
	}
	return nil
}

// paramPos returns the index among the role's parameters of p, a parameter
// of fn (a method's receiver is not one of them), or -1.
func paramPos(fn *ssa.Function, p *ssa.Parameter) int {
	off := 0
	if fn.Signature.Recv() != nil {
		off = 1
	}
	for i, q := range fn.Params {
		if q == p {
			return i - off
		}
	}
	return -1
}

// stripChange looks through the conversions that keep a pointer's identity.
func stripChange(v ssa.Value) ssa.Value {
	for {
		switch x := v.(type) {
		case *ssa.ChangeType:
			v = x.X
		default:
			return v
		}
	}
}
