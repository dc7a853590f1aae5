package irql

import (
	"fmt"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/analyzers/irql/internal/irqlsum"
	"github.com/ndislint/ndislint/rules"
)

// setArg is what the pass knows, on one path, of an argument of the latest
// call of a DDI that an IrqlWhen of another DDI looks back to (the
// MillisecondsPeriod of the latest NdisSetTimerObject on a timer).
type setArg struct {
	v   rules.ArgValue
	pos token.Pos
}

// setKey names the argument of's Param of the latest call of of.DDI whose
// Match argument is the object obj (an access path, or an SSA value's
// name).
func setKey(of *rules.ArgOf, obj string) string {
	return of.DDI + "|" + of.Param + "|" + obj
}

// objKey names the object an argument carries: the access path it was
// loaded from, or the SSA value itself. ok is false for a value the pass
// cannot follow (a constant).
func (fa *fnAnalysis) objKey(v ssa.Value) (string, bool) {
	if k, ok := keyOf(fa.fn, v); ok {
		return k, true
	}
	if mi, ok := v.(*ssa.MakeInterface); ok {
		v = mi.X
	}
	switch v.(type) {
	case *ssa.Const, nil:
		return "", false
	}
	return "r:" + v.Name(), true
}

// ofs returns the ArgOfs of the catalogue that look back to calls of d,
// computed once per checker.
func (c *checker) ofs(d *rules.DDI) []*rules.ArgOf {
	if c.ofsBy == nil {
		c.ofsBy = map[string][]*rules.ArgOf{}
		if c.api.Cat != nil {
			for i := range c.api.Cat.DDIs {
				e := &c.api.Cat.DDIs[i]
				for j := range e.Irql.When {
					if of := e.Irql.When[j].Of; of != nil {
						c.ofsBy[of.DDI] = append(c.ofsBy[of.DDI], of)
					}
				}
			}
		}
	}
	return c.ofsBy[d.Name]
}

// recordSets remembers, for the IrqlWhens that look back to d, the
// argument this call of d passes, keyed by the object it passes.
func (fa *fnAnalysis) recordSets(st *state, dc ddiCall, call *ssa.CallCommon) {
	for _, of := range fa.c.ofs(dc.d) {
		m, p := dc.d.ParamIndex(of.Match), dc.d.ParamIndex(of.Param)
		if m < 0 || p < 0 || m >= len(dc.args) || p >= len(dc.args) {
			continue
		}
		obj, ok := fa.objKey(dc.args[m])
		if !ok {
			continue
		}
		if st.sets == nil {
			st.sets = map[string]setArg{}
		}
		st.sets[setKey(of, obj)] = setArg{v: fa.argValue(dc.args[p], false, call), pos: dc.pos}
	}
}

// forgetStored drops what is known of objects loaded from the location
// addr, or below it: a store there may replace the object.
func (fa *fnAnalysis) forgetStored(st *state, addr ssa.Value) {
	if len(st.sets) == 0 {
		return
	}
	k, ok := keyOf(fa.fn, addr)
	if !ok {
		st.sets = nil // a store the pass cannot place may replace anything
		return
	}
	for sk := range st.sets {
		if under(objOf(sk), k) {
			delete(st.sets, sk)
		}
	}
}

// forgetPassed drops what is known of objects reachable from the arguments
// of a call to a function that is no DDI (it may replace them), and of
// objects in package variables.
func (fa *fnAnalysis) forgetPassed(st *state, args []ssa.Value) {
	if len(st.sets) == 0 {
		return
	}
	var roots []string
	for _, a := range args {
		if k, ok := keyOf(fa.fn, a); ok {
			roots = append(roots, rootOf(k))
		}
	}
	for sk := range st.sets {
		obj := objOf(sk)
		if strings.HasPrefix(obj, "g:") {
			delete(st.sets, sk)
			continue
		}
		for _, r := range roots {
			if rootOf(obj) == r {
				delete(st.sets, sk)
				break
			}
		}
	}
}

// objOf returns the object part of a setKey.
func objOf(sk string) string {
	parts := strings.SplitN(sk, "|", 3)
	return parts[len(parts)-1]
}

// rootOf returns the root of an access path ("$0" of "$0.c*.timer").
func rootOf(path string) string {
	if i := strings.IndexAny(path, ".*["); i >= 0 {
		return path[:i]
	}
	return path
}

// under reports whether path is loc or a path below it.
func under(path, loc string) bool {
	if !strings.HasPrefix(path, loc) {
		return false
	}
	rest := path[len(loc):]
	return rest == "" || strings.ContainsAny(rest[:1], ".*[")
}

// argValue returns what is known of the value v (with deref, of the value
// v points to, as stored before the call instruction at): a constant, nil,
// or a pointer that is not nil.
func (fa *fnAnalysis) argValue(v ssa.Value, deref bool, at *ssa.CallCommon) rules.ArgValue {
	if deref {
		return fa.pointee(v, at)
	}
	switch x := v.(type) {
	case *ssa.Const:
		if x.Value == nil {
			if x.IsNil() {
				return rules.ArgValue{Nil: true}
			}
			return rules.ArgValue{}
		}
		return rules.ArgValue{Const: x.Value}
	case *ssa.Alloc, *ssa.Global, *ssa.FieldAddr, *ssa.IndexAddr, *ssa.MakeClosure, *ssa.MakeMap, *ssa.MakeChan, *ssa.Function:
		return rules.ArgValue{NonNil: true}
	case *ssa.MakeInterface:
		return rules.ArgValue{NonNil: true}
	case *ssa.ChangeType:
		return fa.argValue(x.X, false, at)
	}
	return rules.ArgValue{}
}

// pointee returns the value stored, before the call at, in the local
// variable ptr is: the latest store on the only path back to the call (or
// the zero value its allocation gives). It says nothing when the variable
// may be written by anything but stores in this function, or when paths
// merge on the way back.
func (fa *fnAnalysis) pointee(ptr ssa.Value, at *ssa.CallCommon) rules.ArgValue {
	alloc, ok := ptr.(*ssa.Alloc)
	if !ok || at == nil || !fa.onlyStored(alloc) {
		return rules.ArgValue{}
	}
	var call ssa.Instruction
	for _, r := range *alloc.Referrers() {
		if c, isCall := r.(ssa.CallInstruction); isCall && c.Common() == at {
			call = r
		}
	}
	if call == nil {
		return rules.ArgValue{}
	}
	b := call.Block()
	i := indexOf(b, call)
	for steps := 0; steps < 64 && b != nil; steps++ {
		for i--; i >= 0; i-- {
			switch in := b.Instrs[i].(type) {
			case *ssa.Store:
				if in.Addr == alloc {
					return fa.argValue(in.Val, false, nil)
				}
			case *ssa.Alloc:
				if in == alloc {
					return rules.ArgValue{Const: zeroOf(alloc.Type())}
				}
			}
		}
		if len(b.Preds) != 1 {
			return rules.ArgValue{}
		}
		b = b.Preds[0]
		i = len(b.Instrs)
	}
	return rules.ArgValue{}
}

// onlyStored reports whether the variable alloc allocates is written only
// by stores in this function: every other use loads it, or passes it to a
// DDI as an in-parameter.
func (fa *fnAnalysis) onlyStored(alloc *ssa.Alloc) bool {
	for _, r := range *alloc.Referrers() {
		switch in := r.(type) {
		case *ssa.Store:
			if in.Val == alloc {
				return false // the pointer itself escapes
			}
		case *ssa.UnOp, *ssa.DebugRef:
		case ssa.CallInstruction:
			callee := in.Common().StaticCallee()
			if callee == nil {
				return false
			}
			obj, _ := callee.Object().(*types.Func)
			d := fa.c.api.DDI(obj)
			if d == nil {
				return false
			}
			for i, a := range in.Common().Args {
				if a == alloc && (i >= len(d.Params) || d.Params[i].Dir != rules.In) {
					return false
				}
			}
		default:
			return false
		}
	}
	return true
}

// indexOf returns the index of instr in b.
func indexOf(b *ssa.BasicBlock, instr ssa.Instruction) int {
	for i, in := range b.Instrs {
		if in == instr {
			return i
		}
	}
	return len(b.Instrs)
}

// zeroOf returns the zero value of the variable a pointer of type t points
// to, when it is a bool or an integer; nil otherwise.
func zeroOf(t types.Type) constant.Value {
	p, ok := t.Underlying().(*types.Pointer)
	if !ok {
		return nil
	}
	b, ok := p.Elem().Underlying().(*types.Basic)
	switch {
	case !ok:
		return nil
	case b.Info()&types.IsBoolean != 0:
		return constant.MakeBool(false)
	case b.Info()&types.IsInteger != 0:
		return constant.MakeInt64(0)
	}
	return nil
}

// needWhen checks the value-dependent bounds of the DDI called (its
// catalogue entry's Irql.When): each whose condition is known to hold at
// this call is checked like the unconditional bound, and, when the page
// says so, the call is refused in //ndis:pageable code. A condition the
// pass cannot evaluate adds nothing.
func (fa *fnAnalysis) needWhen(st *state, dc ddiCall, call *ssa.CallCommon) {
	d := dc.d
	for i := range d.Irql.When {
		w := &d.Irql.When[i]
		p := d.ParamIndex(w.Param)
		if p < 0 || p >= len(dc.args) {
			continue
		}
		var v rules.ArgValue
		var rel []analysis.RelatedInformation
		cond := ""
		if w.Of == nil {
			v = fa.argValue(dc.args[p], w.Deref, call)
			name := w.Param
			if w.Deref {
				name = "*" + name
			}
			cond = fmt.Sprintf("%s with %s %s %s", d.Name, name, opText(w.Op), w.Value)
		} else {
			obj, ok := fa.objKey(dc.args[p])
			if !ok {
				continue
			}
			set, ok := st.sets[setKey(w.Of, obj)]
			if !ok {
				continue
			}
			v = set.v
			cond = fmt.Sprintf("%s of a %s set by %s with %s %s %s", d.Name, w.Param, w.Of.DDI, w.Of.Param, opText(w.Op), w.Value)
			rel = related(set.pos, "set here")
		}
		holds, known := w.Holds(v)
		if !known || !holds {
			continue
		}
		fa.needBound(st, w.Bound(), boundPage(w.Bound()), cond, dc.pos, rel)
		if w.NotPageable && fa.ent.pageable && fa.final {
			fa.report(rules.RuleIrqlPageableAtDispatch, dc.pos, fmt.Sprintf("%s in //ndis:pageable code: its page forbids the call from pageable code", cond),
				related(fa.ent.pageablePos, "marked pageable here"))
		}
	}
}

// opText spells an IrqlWhen operator as the pages do.
func opText(op string) string {
	if op == rules.OpEqual {
		return "="
	}
	return op
}

// boundPage spells a bound as a page's req.irql would ("<= APC_LEVEL").
func boundPage(q rules.Irql) string {
	switch q.Kind {
	case rules.IrqlMax:
		if l, ok := rules.LookupLevel(q.Level); ok && l.Value == rules.PassiveLevel {
			return q.Level
		}
		return "<= " + q.Level
	case rules.IrqlMin:
		return ">= " + q.Level
	}
	return q.Level
}

// needBound checks a catalogue IRQL requirement q, which what needs (the
// DDI's name, or the DDI with the condition its bound depends on), as its
// page writes it.
func (fa *fnAnalysis) needBound(st *state, q rules.Irql, page, what string, pos token.Pos, rel []analysis.RelatedInformation) {
	bottom, top, ok := irqlsum.LevelBounds(q.Level)
	if !ok {
		return
	}
	base := need{subject: what, req: "its page requires " + page, pos: pos, related: rel,
		sum: irqlsum.Req{What: what, Page: page, Where: fa.c.where(pos), Pos: pos}}
	if q.Kind == rules.IrqlMax || q.Kind == rules.IrqlExact {
		n := base
		n.max, n.lvl, n.rule = true, top, rules.RuleIrqlAboveMax
		n.sum.Level, n.sum.Rule = top, rules.RuleIrqlAboveMax
		fa.need(st, n)
	}
	if q.Kind == rules.IrqlMin || q.Kind == rules.IrqlExact {
		n := base
		n.lvl, n.rule = bottom, rules.RuleIrqlBelowMin
		n.sum.Level, n.sum.Rule = bottom, rules.RuleIrqlBelowMin
		fa.need(st, n)
	}
}
