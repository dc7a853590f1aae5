package vclifetime

import (
	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/analyzers/vclifetime/internal/summary"
	"github.com/ndislint/ndislint/rules"
)

// site is an instruction that live events reach, with what the sequence
// checks ask of it computed once for all the events there: the DDI it
// calls and the VC handle it takes, the field it stores to, whether it
// completes a close.
type site struct {
	c     *checker
	fn    *ssa.Function
	index *summary.Index
	instr ssa.Instruction
	ev    summary.Event // what the index knows of it (Kind eventDef: a definition)

	handleDone, handleOK bool
	h                    handle

	completesDone, completes bool
}

// call returns the DDI call the instruction is, if it is one.
func (s *site) call() (ssa.CallInstruction, *rules.DDI, bool) {
	if s.ev.Kind != summary.EventCall {
		return nil, nil, false
	}
	rec := &s.index.Calls[s.ev.Ref]
	return rec.Instr, rec.DDI, rec.DDI != nil
}

// handle returns the VC handle the DDI call takes, if it is one and takes
// one.
func (s *site) handle() (handle, bool) {
	if !s.handleDone {
		s.handleDone = true
		if _, _, ok := s.call(); ok {
			s.h, s.handleOK = s.c.handleOf(s.fn, s.index.Calls[s.ev.Ref])
		}
	}
	return s.h, s.handleOK
}

// field returns the field the instruction stores to, with its access path
// if it has one.
func (s *site) field() (*ssa.FieldAddr, summary.Path, bool) {
	if s.ev.Kind != summary.EventStore {
		return nil, summary.Path{}, false
	}
	st := &s.index.Stores[s.ev.Ref]
	return st.Field, st.Path, st.PathOK
}

// completesClose reports whether the instruction completes a close: it
// calls the close role's handler, or a function that calls it.
func (s *site) completesClose() bool {
	if !s.completesDone {
		s.completesDone = true
		if s.ev.Kind == summary.EventCall {
			s.completes = s.c.completes(s.index.Calls[s.ev.Ref].Instr, s.c.closeCompleters())
		}
	}
	return s.completes
}

// takes reports whether the DDI call at s uses the handle h.
func (h handle) takes(s *site) bool {
	h2, ok := s.handle()
	if !ok {
		return false
	}
	return h2.v == h.v || (h.hasPath && h2.hasPath && h.p == h2.p) || sameFieldLoad(unwrapValue(h.v), unwrapValue(h2.v))
}

// storedBy reports whether s stores a new value where h came from: to its
// path, or to the field of the value it was loaded from.
func (h handle) storedBy(s *site) bool {
	fa, p, ok := s.field()
	if fa == nil {
		return false
	}
	if h.hasPath && ok && p == h.p {
		return true
	}
	fv, isLoad := fieldLoad(unwrapValue(h.v))
	return isLoad && fa.X == fv.X && fa.Field == fv.Field
}
