package nblown

import (
	"go/token"
	"go/types"
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

// held is what holds the list handed off at a point of a path: SSA values
// (the argument, its conversions, phis that merge it), and the memory it was
// loaded from (a field of the driver's structure, a local variable captured
// by a closure), whose next load holds it too until something may store
// there.
type held struct {
	vals map[ssa.Value]bool
	// paths maps each place to the field selection that addresses it
	// (nil for a variable), for the stores that may overwrite it.
	paths map[pathKey]*ssa.FieldAddr
}

// empty reports whether nothing holds the list any more.
func (h *held) empty() bool { return len(h.vals) == 0 && len(h.paths) == 0 }

// clone returns a copy of h.
func (h *held) clone() *held {
	c := &held{vals: map[ssa.Value]bool{}, paths: map[pathKey]*ssa.FieldAddr{}}
	for v := range h.vals {
		c.vals[v] = true
	}
	for k, fa := range h.paths {
		c.paths[k] = fa
	}
	return c
}

// pathKey names a place in memory by its root value and the fields taken
// from it: a.head is (a, "0"), a.q.head is (a, "1.0"), a captured local
// variable is (its Alloc, "").
type pathKey struct {
	root   ssa.Value
	fields string
}

// pathOf returns the place addr addresses, through field selections.
func pathOf(addr ssa.Value) pathKey {
	var fields []string
	for {
		fa, ok := addr.(*ssa.FieldAddr)
		if !ok {
			break
		}
		fields = append([]string{strconv.Itoa(fa.Field)}, fields...)
		addr = fa.X
	}
	return pathKey{root: addr, fields: strings.Join(fields, ".")}
}

// touchesAfter returns the first touch of the list nbl on each path from
// instruction i of block b (the handoff call), in the order the paths are
// walked. The list is followed through the values that hold the same pointer
// (aliasesOf) until each is defined again, and through the place it was
// loaded from until a store there or a call that may store there (any call
// but a DDI's: isDDI).
func touchesAfter(b *ssa.BasicBlock, i int, nbl ssa.Value, isDDI func(*ssa.CallCommon) bool) []touch {
	type item struct {
		b     *ssa.BasicBlock
		start int
		h     *held
	}
	var out []touch
	found := map[ssa.Instruction]bool{}
	visited := map[string]bool{}
	first := &held{vals: aliasesOf(nbl), paths: map[pathKey]*ssa.FieldAddr{}}
	if load, ok := strip(nbl).(*ssa.UnOp); ok && load.Op == token.MUL && load.Block() == b {
		fa, _ := load.X.(*ssa.FieldAddr)
		// The place still holds the list at the call only if nothing
		// between the load and the call may have stored there.
		for _, ins := range b.Instrs[:i] {
			if ins == load {
				first.paths[pathOf(load.X)] = fa
				continue
			}
			switch x := ins.(type) {
			case *ssa.Store:
				forgetPlace(first, x.Addr)
			case *ssa.Call:
				if _, builtin := x.Call.Value.(*ssa.Builtin); !builtin && !isDDI(&x.Call) {
					first.paths = map[pathKey]*ssa.FieldAddr{}
				}
			case *ssa.Go:
				first.paths = map[pathKey]*ssa.FieldAddr{}
			}
		}
	}
	work := []item{{b, i + 1, first}}
	for len(work) > 0 {
		it := work[len(work)-1]
		work = work[:len(work)-1]
		t, live := scan(it.b, it.start, it.h, isDDI)
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
			if s.Dominates(it.b) && !b.Dominates(it.b) {
				// A back edge the handoff does not reach on every
				// iteration: the next iteration may be one that did
				// not hand the list off (a guard such as "if !sent").
				continue
			}
			next := acrossEdge(it.b, s, it.h)
			if next.empty() {
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

// scan walks b's instructions from start, updating h in place. It returns
// the first touch, or whether the list is still held at the end of the
// block.
func scan(b *ssa.BasicBlock, start int, h *held, isDDI func(*ssa.CallCommon) bool) (*touch, bool) {
	for _, ins := range b.Instrs[start:] {
		if t := touchOf(ins, h.vals); t != nil {
			return t, false
		}
		switch x := ins.(type) {
		case *ssa.Store:
			forgetPlace(h, x.Addr)
		case *ssa.Call:
			if _, builtin := x.Call.Value.(*ssa.Builtin); !builtin && !isDDI(&x.Call) {
				h.paths = map[pathKey]*ssa.FieldAddr{} // the callee may store anywhere
			}
		case *ssa.Go:
			h.paths = map[pathKey]*ssa.FieldAddr{}
		}
		if v, ok := ins.(ssa.Value); ok {
			redefined(h, v)
			if x := aliasOperand(v); x != nil && h.vals[x] {
				h.vals[v] = true
			}
			if load, ok := v.(*ssa.UnOp); ok && load.Op == token.MUL && hasPlace(h, load.X) {
				h.vals[v] = true // loaded again from where the list was
			}
		}
		if h.empty() {
			return nil, false
		}
	}
	return nil, true
}

// redefined forgets v, and the places rooted at it, when the instruction
// that defines v runs again: it holds another list, or another structure.
func redefined(h *held, v ssa.Value) {
	delete(h.vals, v)
	for k := range h.paths {
		if k.root == v {
			delete(h.paths, k)
		}
	}
}

// hasPlace reports whether the list is held at addr.
func hasPlace(h *held, addr ssa.Value) bool {
	_, ok := h.paths[pathOf(addr)]
	return ok
}

// forgetPlace forgets the places a store to addr may overwrite: the same
// place, and any place that is the same field of the same structure type
// (another pointer may lead to the same structure).
func forgetPlace(h *held, addr ssa.Value) {
	if len(h.paths) == 0 {
		return
	}
	delete(h.paths, pathOf(addr))
	fa, ok := addr.(*ssa.FieldAddr)
	if !ok {
		return
	}
	for p, other := range h.paths {
		if other != nil && other.Field == fa.Field && types.Identical(other.X.Type(), fa.X.Type()) {
			delete(h.paths, p)
		}
	}
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

// acrossEdge returns what holds the list on entry to s from b: what held
// it, less the phis of s (defined again on entry) and the places rooted at
// them, plus the phis whose operand on this edge held it.
func acrossEdge(b, s *ssa.BasicBlock, h *held) *held {
	edge := -1
	for i, p := range s.Preds {
		if p == b {
			edge = i
			break
		}
	}
	next := h.clone()
	for _, ins := range s.Instrs {
		phi, ok := ins.(*ssa.Phi)
		if !ok {
			break
		}
		redefined(next, phi)
		if edge >= 0 && edge < len(phi.Edges) && h.vals[phi.Edges[edge]] {
			next.vals[phi] = true
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

// stateKey identifies a block entered with what holds the list.
func stateKey(b *ssa.BasicBlock, h *held) string {
	names := make([]string, 0, len(h.vals)+len(h.paths))
	for v := range h.vals {
		names = append(names, valueKey(v))
	}
	for p := range h.paths {
		names = append(names, "*"+valueKey(p.root)+"."+p.fields)
	}
	sort.Strings(names)
	return strconv.Itoa(b.Index) + ":" + strings.Join(names, ",")
}

// valueKey names a value uniquely in its function.
func valueKey(v ssa.Value) string {
	switch v.(type) {
	case *ssa.Parameter:
		return "param " + v.Name()
	case *ssa.FreeVar:
		return "free " + v.Name()
	case *ssa.Global:
		return "global " + v.String()
	case *ssa.Const, *ssa.Function:
		return "const " + v.String()
	}
	return v.Name() // t3 for an instruction
}
