package summary

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/analyzers/internal/ndisapi"
	"github.com/ndislint/ndislint/rules"
)

// Index is what the checks look at in one function, gathered in one walk of
// its instructions: what each call calls and the VC handle a DDI call
// takes, where each store stores, how each block branches. Every later
// step reads these records instead of walking the function and chasing the
// instructions' operands again, so that a large function's SSA form is
// read once (its cost per line then depends little on whether the function
// fits in the processor's caches).
type Index struct {
	// Calls are the call instructions (go, defer and plain), in block
	// order; DDICalls index the calls of a catalogue DDI among them.
	Calls    []Call
	DDICalls []int32
	// Stores are the stores, and Returns the returns, in block order.
	Stores  []Store
	Returns []*ssa.Return
	// events are the instructions that can change what is known of a
	// handle (calls, stores and returns), in block order; Events(b) gives
	// block b's.
	events     []Event
	eventStart []int32
	// Branches are, by block index, the comparisons of a value with a
	// constant that the blocks' closing ifs make (X nil for a block that
	// ends otherwise); Succs(b) gives block b's successors' indexes.
	Branches  []Branch
	succs     []int32
	succStart []int32
	// idoms are, by block index, the immediate dominators' indexes (-1
	// for none), and npreds the numbers of predecessors.
	idoms, npreds []int32
	// ifConds are, by block index, the closing if's condition as read by
	// Decode (readable false when it cannot be, ok false with no if).
	ifConds []ifCond
}

// Call is a call instruction.
type Call struct {
	Instr ssa.CallInstruction
	// Block and At are its block's index and its position in the block.
	Block, At int32
	// Callee is the function called, nil for a dynamic call.
	Callee *ssa.Function
	// DDI is the catalogue DDI called, if it is one; Handle its first
	// VC-handle argument, if it has one.
	DDI    *rules.DDI
	Handle HandleArg
	// Args are the arguments, read for a call that is not of a DDI, with
	// a closure's bindings after them.
	Args []Arg
}

// HandleArg is a DDI call's VC-handle argument.
type HandleArg struct {
	// Param is the parameter's index, -1 when the DDI takes no VC handle.
	Param int
	// Value is the argument; Path its access path, if PathOK.
	Value  ssa.Value
	Path   Path
	PathOK bool
}

// Store is a store instruction.
type Store struct {
	Instr *ssa.Store
	// Field is the field stored to, nil for a store to anything else;
	// Type its structure's qualified name when that is a named type
	// ("pkgpath.T"), FieldName its name.
	Field     *ssa.FieldAddr
	Type      string
	FieldName string
	// Path is the field's access path from a root, if PathOK.
	Path   Path
	PathOK bool
}

// Event is an instruction that can change what is known of a handle.
type Event struct {
	// Pos is its position in the block.
	Pos int32
	// Kind is EventCall, EventStore or EventReturn; Ref its index in
	// Calls, Stores or Returns.
	Kind uint8
	Ref  int32
}

// The kinds of Event.
const (
	EventCall = iota
	EventStore
	EventReturn
)

// Branch is a block's closing if that compares a value with a constant:
// it goes to the block's first successor when (X == Val) == Eq.
type Branch struct {
	X   ssa.Value // with changes of named type undone
	Val string    // the constant's exact value
	Eq  bool
}

// ifCond is a block's closing if's condition, read once.
type ifCond struct {
	cond         Cond
	ok, readable bool
}

// Events returns block b's events, in order.
func (x *Index) Events(b int) []Event { return x.events[x.eventStart[b]:x.eventStart[b+1]] }

// Succs returns the indexes of block b's successors, in order.
func (x *Index) Succs(b int) []int32 { return x.succs[x.succStart[b]:x.succStart[b+1]] }

// Index returns fn's index, built once.
func (b *Builder) Index(fn *ssa.Function) *Index {
	if x, ok := b.indexes[fn]; ok {
		return x
	}
	n := len(fn.Blocks)
	calls, stores, returns, succs := 0, 0, 0, 0
	for _, blk := range fn.Blocks {
		succs += len(blk.Succs)
		for _, instr := range blk.Instrs {
			switch instr.(type) {
			case ssa.CallInstruction:
				calls++
			case *ssa.Store:
				stores++
			case *ssa.Return:
				returns++
			}
		}
	}
	x := &Index{
		Calls: make([]Call, 0, calls), Stores: make([]Store, 0, stores), Returns: make([]*ssa.Return, 0, returns),
		events: make([]Event, 0, calls+stores+returns), eventStart: make([]int32, n+1),
		Branches: make([]Branch, n), succs: make([]int32, 0, succs), succStart: make([]int32, n+1),
		ifConds: make([]ifCond, n), idoms: make([]int32, n), npreds: make([]int32, n),
	}
	for _, blk := range fn.Blocks {
		x.eventStart[blk.Index], x.succStart[blk.Index] = int32(len(x.events)), int32(len(x.succs))
		b.indexBlock(fn, x, blk)
	}
	x.eventStart[n], x.succStart[n] = int32(len(x.events)), int32(len(x.succs))
	b.indexes[fn] = x
	return x
}

// indexBlock records one block.
func (b *Builder) indexBlock(fn *ssa.Function, x *Index, blk *ssa.BasicBlock) {
	for _, s := range blk.Succs {
		x.succs = append(x.succs, int32(s.Index))
	}
	x.idoms[blk.Index], x.npreds[blk.Index] = -1, int32(len(blk.Preds))
	if d := blk.Idom(); d != nil {
		x.idoms[blk.Index] = int32(d.Index)
	}
	if ifi, ok := lastIf(blk); ok {
		x.Branches[blk.Index] = branchOf(ifi.Cond)
		c, readable := Decode(fn, ifi.Cond)
		x.ifConds[blk.Index] = ifCond{cond: c, ok: true, readable: readable}
	}
	for i, instr := range blk.Instrs {
		ev := Event{Pos: int32(i)}
		switch in := instr.(type) {
		case ssa.CallInstruction:
			ev.Kind, ev.Ref = EventCall, int32(len(x.Calls))
			c := b.callOf(fn, in)
			c.Block, c.At = int32(blk.Index), int32(i)
			if c.DDI != nil {
				x.DDICalls = append(x.DDICalls, int32(len(x.Calls)))
			}
			x.Calls = append(x.Calls, c)
		case *ssa.Store:
			ev.Kind, ev.Ref = EventStore, int32(len(x.Stores))
			x.Stores = append(x.Stores, storeOf(fn, in))
		case *ssa.Return:
			ev.Kind, ev.Ref = EventReturn, int32(len(x.Returns))
			x.Returns = append(x.Returns, in)
		default:
			continue
		}
		x.events = append(x.events, ev)
	}
}

// callOf records a call.
func (b *Builder) callOf(fn *ssa.Function, in ssa.CallInstruction) Call {
	c := Call{Instr: in, Callee: in.Common().StaticCallee(), Handle: HandleArg{Param: -1}}
	if c.Callee == nil {
		return c
	}
	if obj, ok := c.Callee.Object().(*types.Func); ok {
		c.DDI = b.api.DDI(obj)
	}
	if c.DDI == nil {
		common := in.Common()
		c.Args = argsOf(fn, common.Args)
		if mc, ok := common.Value.(*ssa.MakeClosure); ok && len(c.Callee.FreeVars) > 0 {
			c.Args = append(c.Args, argsOf(fn, mc.Bindings)...)
		}
		return c
	}
	args := in.Common().Args
	if i := ndisapi.ParamIndex(c.DDI.Params, rules.KindVcHandle); i >= 0 && i < len(args) {
		c.Handle = HandleArg{Param: i, Value: args[i]}
		c.Handle.Path, c.Handle.PathOK = PathOf(fn, args[i])
	}
	return c
}

// storeOf records a store.
func storeOf(fn *ssa.Function, in *ssa.Store) Store {
	s := Store{Instr: in}
	fa, ok := in.Addr.(*ssa.FieldAddr)
	if !ok {
		return s
	}
	s.Field, s.FieldName = fa, fieldName(fa)
	if p, ok := types.Unalias(fa.X.Type()).(*types.Pointer); ok {
		if n, ok := types.Unalias(p.Elem()).(*types.Named); ok && n.Obj().Pkg() != nil {
			s.Type = typeName(n.Obj())
		}
	}
	if r, t, ok := RootOf(fn, fa.X); ok {
		s.Path, s.PathOK = Path{Root: r, Type: t, Field: s.FieldName}, true
	}
	return s
}

// branchOf decodes an if's condition as a comparison of a value with a
// constant, through negations; the zero Branch when it is none.
func branchOf(cond ssa.Value) Branch {
	neg := false
	for {
		u, isNot := cond.(*ssa.UnOp)
		if !isNot || u.Op != token.NOT {
			break
		}
		neg = !neg
		cond = u.X
	}
	b, ok := cond.(*ssa.BinOp)
	if !ok || (b.Op != token.EQL && b.Op != token.NEQ) {
		return Branch{}
	}
	x, y := b.X, b.Y
	k, isConst := y.(*ssa.Const)
	if !isConst {
		x = y
		if k, isConst = b.X.(*ssa.Const); !isConst {
			return Branch{}
		}
	}
	for {
		c, ok := x.(*ssa.ChangeType)
		if !ok {
			break
		}
		x = c.X
	}
	return Branch{X: x, Val: constString(k), Eq: (b.Op == token.EQL) != neg}
}
