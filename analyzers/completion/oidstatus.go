package completion

import (
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/analyzers/internal/ndisapi"
	"github.com/ndislint/ndislint/rules"
)

// SDV NdisOidComplete's per-OID statuses (oid-bad-status): in a handler of
// a role the catalogue's OID table applies to, a block reached only when the
// request's Oid is one of the table's OIDs may end the request (a return, a
// completing DDI of the table called with the handler's request) only with
// a status of that OID's row. Only constants are judged: an Oid compared
// with a constant of the table's OID type by == (its true branch) or !=
// (its false branch), where the branch's block has that comparison as its
// only way in, and a status that is an SSA constant there (or, for a
// return, the constant a phi of the return's block takes on the edge from
// such a block).

// oidCheck is one handler's walk.
type oidCheck struct {
	c      *checker
	t      *rules.OidTable
	role   *rules.Role
	fn     *ssa.Function
	req    ssa.Value
	oidTyp types.Type
	// guards maps the block that only the == branch of a comparison with a
	// table OID enters to that OID's row.
	guards map[*ssa.BasicBlock]*rules.OidStatuses
}

// checkOidStatuses reports oid-bad-status in the package's handlers of the
// roles the OID table applies to.
func (c *checker) checkOidStatuses() {
	t := c.api.Cat.OidStatuses
	oidTyp := c.api.OidType()
	if t == nil || oidTyp == nil {
		return
	}
	done := map[*ssa.Function]bool{}
	for _, b := range c.front.Roles.Bindings {
		if !t.ChecksRole(b.Role.Name) {
			continue
		}
		fn := c.fnOf(b)
		if fn == nil || done[fn] {
			continue
		}
		done[fn] = true
		k := &oidCheck{c: c, t: t, role: b.Role, fn: fn, oidTyp: oidTyp}
		if k.req = k.requestParam(); k.req != nil {
			k.run()
		}
	}
}

// requestParam returns the handler's parameter that carries the request
// (Role.Request.Param), or nil when the catalogue does not say or the
// function's parameters do not line up with the role's.
func (k *oidCheck) requestParam() ssa.Value {
	i, _, ok := k.c.api.Cat.RequestParams(k.role, k.c.api.Cat.DDI(k.role.CompletedBy))
	off := len(k.fn.Params) - len(k.role.Params)
	if !ok || off < 0 {
		return nil
	}
	return k.fn.Params[off+i]
}

// run finds the guards, then judges every return and completion they
// dominate.
func (k *oidCheck) run() {
	k.guards = map[*ssa.BasicBlock]*rules.OidStatuses{}
	for _, b := range k.fn.Blocks {
		k.guard(b)
	}
	if len(k.guards) == 0 {
		return
	}
	for _, b := range k.fn.Blocks {
		for _, instr := range b.Instrs {
			switch x := instr.(type) {
			case *ssa.Return:
				k.checkReturn(x)
			case *ssa.Call:
				k.checkCompletion(x)
			}
		}
	}
}

// guard records the branch of b's If that is taken only when the request's
// Oid equals a table OID.
func (k *oidCheck) guard(b *ssa.BasicBlock) {
	if len(b.Instrs) == 0 || len(b.Succs) != 2 {
		return
	}
	iff, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
	if !ok {
		return
	}
	cmp, ok := iff.Cond.(*ssa.BinOp)
	if !ok || (cmp.Op != token.EQL && cmp.Op != token.NEQ) {
		return
	}
	row := k.oidCompared(cmp.X, cmp.Y)
	if row == nil {
		row = k.oidCompared(cmp.Y, cmp.X)
	}
	if row == nil {
		return
	}
	to := b.Succs[0]
	if cmp.Op == token.NEQ {
		to = b.Succs[1]
	}
	if len(to.Preds) == 1 {
		k.guards[to] = row
	}
}

// oidCompared returns the table's row when x is the request's Oid and y a
// constant of a table OID.
func (k *oidCheck) oidCompared(x, y ssa.Value) *rules.OidStatuses {
	load, ok := x.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return nil
	}
	fa, ok := load.X.(*ssa.FieldAddr)
	if !ok || fa.X != k.req || !types.Identical(load.Type(), k.oidTyp) {
		return nil
	}
	kc, ok := y.(*ssa.Const)
	if !ok || kc.Value == nil || !types.Identical(kc.Type(), k.oidTyp) {
		return nil
	}
	v, exact := constant.Uint64Val(constant.ToInt(kc.Value))
	if !exact || v > 1<<32-1 {
		return nil
	}
	return k.t.Oid(uint32(v))
}

// rowAt returns the row of the one table OID every guard dominating b
// agrees on, or nil.
func (k *oidCheck) rowAt(b *ssa.BasicBlock) *rules.OidStatuses {
	var row *rules.OidStatuses
	for g, r := range k.guards {
		if !g.Dominates(b) {
			continue
		}
		if row != nil && row != r {
			return nil // two OIDs: the block is unreachable, or the pass misread it
		}
		row = r
	}
	return row
}

// checkReturn judges a return's constant status: its own block's guard, or
// for a phi of the return's block, the guard of each edge's block.
func (k *oidCheck) checkReturn(ret *ssa.Return) {
	for _, v := range ret.Results {
		if !k.c.api.IsStatus(v.Type()) {
			continue
		}
		if row := k.rowAt(ret.Block()); row != nil {
			k.judgeReturn(ret.Pos(), row, v)
			continue
		}
		phi, ok := v.(*ssa.Phi)
		if !ok || phi.Block() != ret.Block() {
			continue
		}
		for i, e := range phi.Edges {
			if row := k.rowAt(phi.Block().Preds[i]); row != nil {
				k.judgeReturn(ret.Pos(), row, e)
			}
		}
	}
}

// judgeReturn reports a constant status v returned for row's OID that the
// row does not allow.
func (k *oidCheck) judgeReturn(pos token.Pos, row *rules.OidStatuses, v ssa.Value) {
	name := k.statusName(v)
	if name == "" || !row.BadReturn(k.role, name) {
		return
	}
	start, end := k.c.returnRange(pos)
	k.c.report(rules.RuleOidBadStatus, start, end, nil,
		"%s may return %s here for %s, whose requests end only with %s (%s)",
		k.role.Callback, name, row.Name, row.Allowed(false), k.t.Page)
}

// checkCompletion judges a call of a table DDI with the handler's request
// and a constant status.
func (k *oidCheck) checkCompletion(call *ssa.Call) {
	callee := call.Common().StaticCallee()
	if callee == nil {
		return
	}
	obj, ok := callee.Object().(*types.Func)
	if !ok {
		return
	}
	d := k.c.api.DDI(obj)
	if d == nil || !k.t.ChecksDDI(d.Name) || d.Completes != k.role.Name {
		return
	}
	_, key, ok := k.c.api.Cat.RequestParams(k.role, d)
	st := ndisapi.ParamIndex(d.Params, rules.KindStatus)
	args := call.Common().Args
	if !ok || st < 0 || key >= len(args) || st >= len(args) || args[key] != k.req {
		return
	}
	row := k.rowAt(call.Block())
	name := k.statusName(args[st])
	if row == nil || name == "" || !row.BadCompletion(name) {
		return
	}
	start, end := k.c.callRange(call.Pos())
	k.c.report(rules.RuleOidBadStatus, start, end, nil,
		"%s called with %s for %s, whose requests complete only with %s (%s)",
		d.Name, name, row.Name, row.Allowed(true), k.t.Page)
}

// statusName returns the NDIS name of a constant status, or "" for
// anything else.
func (k *oidCheck) statusName(v ssa.Value) string {
	kc, ok := v.(*ssa.Const)
	if !ok || kc.Value == nil || !k.c.api.IsStatus(kc.Type()) {
		return ""
	}
	return k.c.sts.Name(kc.Value.ExactString())
}
