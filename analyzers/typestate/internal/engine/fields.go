package engine

import (
	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/rules"
)

// fieldKinds are the structure fields that hold handles, learned from the
// package: a field a callback stores its handle parameter in, or that is
// passed as a DDI's handle out-parameter.
type fieldKinds struct {
	kind map[fieldRef]rules.HandleKind
	// clash are fields seen with two kinds: they stand for nothing.
	clash map[fieldRef]bool
}

// learnFields scans the package's functions for handle fields.
func (e *Engine) learnFields(funcs []*ssa.Function) {
	e.fields = fieldKinds{kind: map[fieldRef]rules.HandleKind{}, clash: map[fieldRef]bool{}}
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch x := instr.(type) {
				case *ssa.Store:
					if k := e.paramKind(fn, x.Val); k != rules.KindNone {
						e.noteField(x.Addr, k)
					}
				case ssa.CallInstruction:
					e.noteOutParams(x.Common())
				}
			}
		}
	}
}

// noteOutParams notes the fields passed as a DDI's handle out-parameters.
func (e *Engine) noteOutParams(c *ssa.CallCommon) {
	d := e.ddiOf(c)
	if d == nil {
		return
	}
	for i, p := range d.Params {
		if p.Dir != rules.In && e.m.isHandleKind(p.Kind) && i < len(c.Args) {
			e.noteField(c.Args[i], p.Kind)
		}
	}
}

// noteField records that the field at addr (if addr is a field's
// address) holds handles of kind k.
func (e *Engine) noteField(addr ssa.Value, k rules.HandleKind) {
	fa, ok := strip(addr).(*ssa.FieldAddr)
	if !ok {
		return
	}
	st := structOf(fa.X.Type())
	if st == nil {
		return
	}
	r := fieldRef{st, fa.Field}
	e.fieldID(st, fa.Field)
	if old, ok := e.fields.kind[r]; ok && old != k {
		e.fields.clash[r] = true
	}
	e.fields.kind[r] = k
}

// paramKind returns the handle kind of v when v is a parameter of fn that
// fn's role gives a lifetime's handle kind, else KindNone.
func (e *Engine) paramKind(fn *ssa.Function, v ssa.Value) rules.HandleKind {
	p, ok := strip(v).(*ssa.Parameter)
	if !ok || p.Parent() != fn {
		return rules.KindNone
	}
	for _, r := range e.roles[fn] {
		if i := roleParamIndex(fn, p); i >= 0 && i < len(r.Params) && e.m.isHandleKind(r.Params[i].Kind) && r.Params[i].Dir == rules.In {
			return r.Params[i].Kind
		}
	}
	return rules.KindNone
}

// roleParamIndex returns the position of p among the role's parameters
// (the receiver of a method is not one), or -1.
func roleParamIndex(fn *ssa.Function, p *ssa.Parameter) int {
	off := recvOffset(fn)
	for i, q := range fn.Params {
		if q == p {
			return i - off
		}
	}
	return -1
}

// recvOffset is 1 for a method (its receiver is Params[0]), else 0.
func recvOffset(fn *ssa.Function) int {
	if fn.Signature.Recv() != nil {
		return 1
	}
	return 0
}

// handleField reports whether r holds handles of kind k and is the only
// field of its structure that does.
func (e *Engine) handleField(r fieldRef, k rules.HandleKind) bool {
	if e.fields.kind[r] != k || e.fields.clash[r] {
		return false
	}
	for i := 0; i < r.st.NumFields(); i++ {
		o := fieldRef{r.st, i}
		if i != r.idx && e.fields.kind[o] == k {
			return false
		}
	}
	return true
}

// canon returns the key of the object whose handle of kind k is at path
// p: the structure's path when p's last field is the structure's handle
// field of that kind, else p itself, through the function's aliases.
func (e *Engine) canon(p string, k rules.HandleKind, alias map[string]string) key {
	if base, r, ok := e.lastField(p); ok && e.handleField(r, k) {
		p = base
	}
	if a, ok := alias[p]; ok {
		p = a
	}
	return key{path: p, kind: k}
}
