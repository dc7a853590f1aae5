package ddiusage

import (
	"fmt"
	"go/constant"
	"go/token"
	"go/types"
	"maps"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// facts is what a path has decided: the value of the conditions it
// branched on, the constants values are equal to or differ from (from
// x == c and x != c), each by exprKey so that two loads of one location
// and two computations of one expression agree, and for each phi of the
// blocks it entered, the edge it came in by. A fact about a load is
// forgotten where the path may write memory (forgetLoads).
type facts struct {
	cond map[string]bool
	eq   map[string]constant.Value
	neq  map[string][]constant.Value
	phi  map[*ssa.Phi]ssa.Value
}

// newFacts returns empty facts.
func newFacts() facts {
	return facts{cond: map[string]bool{}, eq: map[string]constant.Value{}, neq: map[string][]constant.Value{}, phi: map[*ssa.Phi]ssa.Value{}}
}

// clone returns a copy of f that can be changed without changing f.
func (f facts) clone() facts {
	g := facts{cond: maps.Clone(f.cond), eq: maps.Clone(f.eq), neq: make(map[string][]constant.Value, len(f.neq)), phi: maps.Clone(f.phi)}
	for k, x := range f.neq {
		g.neq[k] = slices.Clone(x)
	}
	return g
}

// with returns f with condition v decided as d.
func (f facts) with(v ssa.Value, d bool) facts {
	g := f.clone()
	g.learn(v, d, 0)
	return g
}

// learn records in f that v is d: v itself, its operand negated for !x,
// and the constant x equals or differs from for x == c and x != c.
func (f facts) learn(v ssa.Value, d bool, depth int) {
	if depth > maxEvalDepth {
		return
	}
	f.cond[exprKey(v, 0)] = d
	switch x := v.(type) {
	case *ssa.UnOp:
		if x.Op == token.NOT {
			f.learn(x.X, !d, depth+1)
		}
	case *ssa.BinOp:
		if x.Op != token.EQL && x.Op != token.NEQ {
			return
		}
		operand, c := constOperand(x)
		if c == nil {
			return
		}
		k := exprKey(operand, 0)
		if (x.Op == token.EQL) == d {
			f.eq[k] = c
		} else {
			f.neq[k] = append(f.neq[k], c)
		}
	}
}

// constOperand returns the operand of a comparison that is not a non-nil
// constant, and that constant; nil when neither or both are.
func constOperand(x *ssa.BinOp) (ssa.Value, constant.Value) {
	kx, okx := x.X.(*ssa.Const)
	ky, oky := x.Y.(*ssa.Const)
	switch {
	case okx && !oky && kx.Value != nil:
		return x.Y, kx.Value
	case oky && !okx && ky.Value != nil:
		return x.X, ky.Value
	}
	return nil, nil
}

// enter returns f with the phis of block s bound to the edges from pred.
func (f facts) enter(pred, s *ssa.BasicBlock) facts {
	idx := -1
	for i, p := range s.Preds {
		if p == pred {
			idx = i
		}
	}
	g := f.clone()
	for _, instr := range s.Instrs {
		phi, ok := instr.(*ssa.Phi)
		if !ok {
			break
		}
		if idx >= 0 && idx < len(phi.Edges) {
			g.phi[phi] = phi.Edges[idx]
		}
	}
	return g
}

// loadMark and loadEnd enclose the type of the location a load in an
// exprKey reads.
const (
	loadMark = "@"
	loadEnd  = "#"
)

// forgetLoads returns f without the facts about loads of locations of
// the type named elem ("" for every type): the path may have written
// them.
func (f facts) forgetLoads(elem string) facts {
	mark := loadMark + elem
	if elem != "" {
		mark += loadEnd
	}
	drop := func(k string) bool { return strings.Contains(k, mark) }
	has := false
	for k := range f.cond {
		has = has || drop(k)
	}
	for k := range f.eq {
		has = has || drop(k)
	}
	for k := range f.neq {
		has = has || drop(k)
	}
	if !has {
		return f
	}
	g := f.clone()
	for k := range g.cond {
		if drop(k) {
			delete(g.cond, k)
		}
	}
	for k := range g.eq {
		if drop(k) {
			delete(g.eq, k)
		}
	}
	for k := range g.neq {
		if drop(k) {
			delete(g.neq, k)
		}
	}
	return g
}

// key is a canonical text of f, for the visited set.
func (f facts) key() string {
	var parts []string
	for k, d := range f.cond {
		parts = append(parts, fmt.Sprintf("c%s=%t", k, d))
	}
	for k, c := range f.eq {
		parts = append(parts, fmt.Sprintf("e%s=%s", k, c.ExactString()))
	}
	for k, cs := range f.neq {
		for _, c := range cs {
			parts = append(parts, fmt.Sprintf("n%s=%s", k, c.ExactString()))
		}
	}
	for p, e := range f.phi {
		parts = append(parts, fmt.Sprintf("p%p=%p", p, e))
	}
	sort.Strings(parts)
	return strings.Join(parts, ",")
}

// exprKey names what v computes: a constant by its value, a load of a
// variable or field the pass can name by that location (marked loadMark),
// an operator by its operands' keys, any other value by its identity.
func exprKey(v ssa.Value, depth int) string {
	if depth > maxEvalDepth {
		return fmt.Sprintf("v%p", v)
	}
	switch x := v.(type) {
	case *ssa.Const:
		return "k" + x.String()
	case *ssa.UnOp:
		if x.Op == token.MUL {
			if l := locationOf(x.X); l != nil {
				return fmt.Sprintf("%s%s%s%p.%d", loadMark, types.TypeString(l.elem, nil), loadEnd, l.base, l.field)
			}
			return fmt.Sprintf("v%p", v)
		}
		return x.Op.String() + "(" + exprKey(x.X, depth+1) + ")"
	case *ssa.BinOp:
		return "(" + exprKey(x.X, depth+1) + x.Op.String() + exprKey(x.Y, depth+1) + ")"
	}
	return fmt.Sprintf("v%p", v)
}

// seedFacts returns the conditions every path to b has decided: for each
// block on b's dominator chain with a single predecessor that branches,
// the branch it took (the nearest branch wins). A store between such a
// branch and the release is not seen: the fact may then prune a path that
// exists (a missed report, never a false one).
func seedFacts(b *ssa.BasicBlock) facts {
	var chain []*ssa.BasicBlock
	for x := b; x != nil; x = x.Idom() {
		chain = append(chain, x)
	}
	f := newFacts()
	for i := len(chain) - 1; i >= 0; i-- {
		x := chain[i]
		if len(x.Preds) != 1 {
			continue
		}
		p := x.Preds[0]
		if br, ok := p.Instrs[len(p.Instrs)-1].(*ssa.If); ok && p.Succs[0] != p.Succs[1] {
			f.learn(br.Cond, x == p.Succs[0], 0)
		}
	}
	return f
}

// maxEvalDepth bounds the recursion through phis and operators.
const maxEvalDepth = 8

// eval returns the value of a boolean condition the path has decided, and
// whether it could tell.
func (f facts) eval(v ssa.Value) (bool, bool) {
	k, ok := f.constOf(v, 0)
	if !ok || k.Kind() != constant.Bool {
		return false, false
	}
	return constant.BoolVal(k), true
}

// constOf returns the constant v has on the path, if it can tell: a
// constant, a condition decided, a value known equal to a constant, a phi
// the path entered by a known edge, !x, or == and != of what it knows.
func (f facts) constOf(v ssa.Value, depth int) (constant.Value, bool) {
	if depth > maxEvalDepth {
		return nil, false
	}
	k := exprKey(v, 0)
	if d, ok := f.cond[k]; ok {
		return constant.MakeBool(d), true
	}
	if c, ok := f.eq[k]; ok {
		return c, true
	}
	switch x := v.(type) {
	case *ssa.Const:
		return x.Value, x.Value != nil
	case *ssa.Phi:
		if e, ok := f.phi[x]; ok {
			return f.constOf(e, depth+1)
		}
	case *ssa.UnOp:
		if x.Op == token.NOT {
			if c, ok := f.constOf(x.X, depth+1); ok && c.Kind() == constant.Bool {
				return constant.MakeBool(!constant.BoolVal(c)), true
			}
		}
	case *ssa.BinOp:
		return f.compare(x, depth)
	}
	return nil, false
}

// compare evaluates x == y and x != y: both constants the path knows, or
// one constant the other is known to differ from.
func (f facts) compare(x *ssa.BinOp, depth int) (constant.Value, bool) {
	if x.Op != token.EQL && x.Op != token.NEQ {
		return nil, false
	}
	a, okA := f.constOf(x.X, depth+1)
	b, okB := f.constOf(x.Y, depth+1)
	switch {
	case okA && okB && a.Kind() == b.Kind():
		return constant.MakeBool(constant.Compare(a, x.Op, b)), true
	case okA && f.differs(x.Y, a), okB && f.differs(x.X, b):
		return constant.MakeBool(x.Op == token.NEQ), true
	}
	return nil, false
}

// differs reports whether the path knows v is not the constant c.
func (f facts) differs(v ssa.Value, c constant.Value) bool {
	for _, d := range f.neq[exprKey(v, 0)] {
		if d.Kind() == c.Kind() && constant.Compare(d, token.EQL, c) {
			return true
		}
	}
	return false
}
