package nblown

import (
	"go/token"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// touch is an instruction that reads, writes or passes on a list.
type touch struct {
	ins ssa.Instruction
	// pos is where SSA puts the instruction (a call's parenthesis, a
	// selector's field name, a star).
	pos token.Pos
}

// touchesAfter returns the first touch of the list nbl on each path from
// instruction i of block b (the handoff call), in the order the paths are
// walked. The list is followed through the values that hold the same pointer
// (see alias) until each is defined again.
func touchesAfter(b *ssa.BasicBlock, i int, nbl ssa.Value) []touch {
	type item struct {
		b       *ssa.BasicBlock
		start   int
		tracked map[ssa.Value]bool
	}
	var out []touch
	found := map[ssa.Instruction]bool{}
	visited := map[string]bool{}
	work := []item{{b, i + 1, aliasesOf(nbl)}}
	for len(work) > 0 {
		it := work[len(work)-1]
		work = work[:len(work)-1]
		t, live := scan(it.b, it.start, it.tracked)
		if t != nil {
			if !found[t.ins] && t.pos.IsValid() {
				found[t.ins] = true
				out = append(out, *t)
			}
			continue
		}
		if !live {
			continue
		}
		// Push successors in reverse so that the walk takes them in order.
		for k := len(it.b.Succs) - 1; k >= 0; k-- {
			s := it.b.Succs[k]
			next := acrossEdge(it.b, s, it.tracked)
			if len(next) == 0 {
				continue
			}
			key := stateKey(s, next)
			if visited[key] {
				continue
			}
			visited[key] = true
			work = append(work, item{s, firstNonPhi(s), next})
		}
	}
	return out
}

// scan walks b's instructions from start, updating tracked (the values that
// hold the list) in place. It returns the first touch, or whether the list
// is still held at the end of the block.
func scan(b *ssa.BasicBlock, start int, tracked map[ssa.Value]bool) (*touch, bool) {
	for _, ins := range b.Instrs[start:] {
		if t := touchOf(ins, tracked); t != nil {
			return t, false
		}
		if v, ok := ins.(ssa.Value); ok {
			if x := aliasOperand(v); x != nil && tracked[x] {
				tracked[v] = true
			} else if tracked[v] {
				delete(tracked, v) // defined again: another list
			}
		}
		if len(tracked) == 0 {
			return nil, false
		}
	}
	return nil, true
}

// touchOf returns the touch ins makes of a tracked value, or nil.
// Comparisons, stores of the pointer itself, returns, phis, conversions and
// built-in calls are not touches.
func touchOf(ins ssa.Instruction, tracked map[ssa.Value]bool) *touch {
	switch x := ins.(type) {
	case *ssa.FieldAddr:
		if tracked[x.X] {
			return &touch{ins: ins, pos: x.Pos()}
		}
	case *ssa.UnOp:
		if x.Op == token.MUL && tracked[x.X] {
			return &touch{ins: ins, pos: x.Pos()}
		}
	case *ssa.Store:
		if tracked[x.Addr] {
			return &touch{ins: ins, pos: x.Pos()}
		}
	case ssa.CallInstruction:
		com := x.Common()
		if _, builtin := com.Value.(*ssa.Builtin); builtin {
			return nil
		}
		hit := com.IsInvoke() && tracked[com.Value]
		for _, a := range com.Args {
			hit = hit || tracked[a]
		}
		if hit {
			return &touch{ins: ins, pos: com.Pos()}
		}
	}
	return nil
}

// aliasOperand returns the value v holds the same pointer as, when v is a
// conversion that keeps it (a type change, an interface holding it, the
// pointer asserted back out of one), or nil.
func aliasOperand(v ssa.Value) ssa.Value {
	switch x := v.(type) {
	case *ssa.ChangeType:
		return x.X
	case *ssa.MakeInterface:
		return x.X
	case *ssa.TypeAssert:
		if !x.CommaOk {
			return x.X
		}
	}
	return nil
}

// aliasesOf returns nbl and the values that hold the same pointer through
// conversions, forwards (its conversions, wherever they are) and backwards
// (what it is a conversion of).
func aliasesOf(nbl ssa.Value) map[ssa.Value]bool {
	out := map[ssa.Value]bool{}
	var add func(v ssa.Value)
	add = func(v ssa.Value) {
		if v == nil || out[v] {
			return
		}
		out[v] = true
		if x := aliasOperand(v); x != nil {
			add(x)
		}
		refs := v.Referrers()
		if refs == nil {
			return
		}
		for _, r := range *refs {
			if w, ok := r.(ssa.Value); ok && aliasOperand(w) == v {
				add(w)
			}
		}
	}
	add(nbl)
	return out
}

// acrossEdge returns what is tracked on entry to s from b: the values still
// held, less the phis of s (defined again on entry), plus the phis whose
// operand on this edge is held.
func acrossEdge(b, s *ssa.BasicBlock, tracked map[ssa.Value]bool) map[ssa.Value]bool {
	edge := -1
	for i, p := range s.Preds {
		if p == b {
			edge = i
			break
		}
	}
	next := map[ssa.Value]bool{}
	for v := range tracked {
		next[v] = true
	}
	for _, ins := range s.Instrs {
		phi, ok := ins.(*ssa.Phi)
		if !ok {
			break
		}
		delete(next, phi)
		if edge >= 0 && edge < len(phi.Edges) && tracked[phi.Edges[edge]] {
			next[phi] = true
		}
	}
	return next
}

// firstNonPhi returns the index of the first instruction of b that is not
// a phi.
func firstNonPhi(b *ssa.BasicBlock) int {
	for i, ins := range b.Instrs {
		if _, ok := ins.(*ssa.Phi); !ok {
			return i
		}
	}
	return len(b.Instrs)
}

// stateKey identifies a block entered with a set of tracked values.
func stateKey(b *ssa.BasicBlock, tracked map[ssa.Value]bool) string {
	names := make([]string, 0, len(tracked))
	for v := range tracked {
		name := v.Name() // t3 for an instruction, unique in its function
		if _, param := v.(*ssa.Parameter); param {
			name = "param " + name
		} else if _, free := v.(*ssa.FreeVar); free {
			name = "free " + name
		}
		names = append(names, name)
	}
	sort.Strings(names)
	return strconv.Itoa(b.Index) + ":" + strings.Join(names, ",")
}
