package pausestate

import (
	"fmt"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/rules"
)

// A role that moves its object only for some values of an argument
// (ProtocolNetPnPEvent moves a binding to Pausing when NetPnPEvent.NetEvent
// of its notification is NetEventPause: rules.ValueCond) runs in the state
// only where the handler has tested that value: in the blocks the branch
// of the test dominates. The pass finds the test through the condition's
// data (the parameter, its field path, the constant of package ndis), never
// by name.

// checkBranches reports the forbidden calls in fn, the handler of role r,
// in the blocks where the value condition of ref's transition holds.
func (c *checker) checkBranches(fn *ssa.Function, r *rules.Role, ref rules.StateRef, calls []ddiCall) {
	heads := c.valueBranches(fn, r, ref.Entry.Value)
	if len(heads) == 0 {
		return
	}
	for _, dc := range calls {
		sd := ref.State.ForbiddenDDI(dc.ddi.Name)
		if sd == nil || !originated(dc, sd) || !fromHandler(fn, r, dc) || !dominated(heads, dc.block) {
			continue
		}
		v := ref.Entry.Value
		related := []analysis.RelatedInformation{{Pos: fn.Pos(), Message: fmt.Sprintf("%s runs with the %s %s where %s is %s (%s)", r.Callback, object(ref), ref.State.Name, v.Field, v.Equals, ref.Entry.Page())}}
		c.report(dc, sd, ref, fmt.Sprintf("in %s, where %s is %s", r.Callback, v.Field, v.Equals), related)
	}
}

// dominated reports whether one of heads dominates b.
func dominated(heads []*ssa.BasicBlock, b *ssa.BasicBlock) bool {
	for _, h := range heads {
		if h.Dominates(b) {
			return true
		}
	}
	return false
}

// valueBranches returns the blocks of fn entered only when v holds: the
// successor of an If on "field == constant" (true) or "field != constant"
// (false) whose only predecessor is the If's block, where field is v's
// path from the handler's parameter v.Param and constant is v.Equals of
// package ndis. A switch is such a chain of Ifs. None when the pass cannot
// tie the test to the parameter's field and the constant.
func (c *checker) valueBranches(fn *ssa.Function, r *rules.Role, v *rules.ValueCond) []*ssa.BasicBlock {
	param, path, k := c.valueTarget(fn, r, v)
	if param == nil {
		return nil
	}
	var out []*ssa.BasicBlock
	for _, b := range fn.Blocks {
		if len(b.Instrs) == 0 || len(b.Succs) != 2 {
			continue
		}
		ifi, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		cmp, ok := ifi.Cond.(*ssa.BinOp)
		if !ok || (cmp.Op != token.EQL && cmp.Op != token.NEQ) || !testsValue(cmp, param, path, k) {
			continue
		}
		head := b.Succs[0]
		if cmp.Op == token.NEQ {
			head = b.Succs[1]
		}
		if len(head.Preds) == 1 {
			out = append(out, head)
		}
	}
	return out
}

// valueTarget returns the handler's parameter v.Param, the field indices
// of v's path in the structure it points to, and the constant v.Equals of
// package ndis; a nil parameter when any is missing.
func (c *checker) valueTarget(fn *ssa.Function, r *rules.Role, v *rules.ValueCond) (*ssa.Parameter, []int, *types.Const) {
	nd := c.front.API.Ndis
	if nd == nil {
		return nil, nil, nil
	}
	k, _ := nd.Scope().Lookup(v.Equals).(*types.Const)
	if k == nil {
		return nil, nil, nil
	}
	for i, p := range r.Params {
		if p.Name != v.Param || i >= len(fn.Params) {
			continue
		}
		path, ok := fieldIndices(fn.Params[i].Type(), v.Fields())
		if !ok {
			return nil, nil, nil
		}
		return fn.Params[i], path, k
	}
	return nil, nil, nil
}

// fieldIndices returns the indices of the field path names in the
// structure typ points to (or is).
func fieldIndices(typ types.Type, names []string) ([]int, bool) {
	var out []int
	for _, name := range names {
		if p, ok := typ.Underlying().(*types.Pointer); ok {
			typ = p.Elem()
		}
		st, ok := typ.Underlying().(*types.Struct)
		if !ok {
			return nil, false
		}
		found := false
		for i := 0; i < st.NumFields(); i++ {
			if st.Field(i).Name() == name {
				out, typ, found = append(out, i), st.Field(i).Type(), true
				break
			}
		}
		if !found {
			return nil, false
		}
	}
	return out, true
}

// testsValue reports whether cmp compares the field path of param with
// the constant k, in either order.
func testsValue(cmp *ssa.BinOp, param *ssa.Parameter, path []int, k *types.Const) bool {
	for _, pair := range [][2]ssa.Value{{cmp.X, cmp.Y}, {cmp.Y, cmp.X}} {
		lit, ok := pair[1].(*ssa.Const)
		if !ok || lit.Value == nil || !constant.Compare(lit.Value, token.EQL, k.Val()) || !types.Identical(lit.Type(), k.Type()) {
			continue
		}
		root, got := fieldPath(pair[0])
		if root == param && equalPath(got, path) {
			return true
		}
	}
	return false
}

// fieldPath returns the value v loads a field of, and the field indices
// from it, through loads, field addresses and field selections.
func fieldPath(v ssa.Value) (ssa.Value, []int) {
	switch x := v.(type) {
	case *ssa.UnOp:
		if x.Op == token.MUL {
			return fieldPath(x.X)
		}
	case *ssa.FieldAddr:
		root, p := fieldPath(x.X)
		return root, append(p, x.Field)
	case *ssa.Field:
		root, p := fieldPath(x.X)
		return root, append(p, x.Field)
	}
	return v, nil
}

// equalPath reports whether two field paths are the same.
func equalPath(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
