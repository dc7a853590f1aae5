package kernel

import "github.com/ndislint/ndislint/rules"

// The run-time side of the catalogue's companions (rules.Companion with a
// failure condition): a DDI call that failed in the context of a role asks
// for a call of the companion DDI before the role's handler returns
// (NdisWriteErrorLogEntry after NdisMAllocateSharedMemory returned NULL in
// MiniportInitializeEx). analyzers/ddiusage reports the same ID statically.

// owedCompanion is a failed call whose companion its handler still owes.
type owedCompanion struct {
	x *rules.Companion
}

// NullOut records that the running call of the DDI named ddi returned NULL
// at its out parameter param (page names). When that is the failure
// condition of one of the catalogue's companions of ddi (FailsWhen) in the
// role of the innermost running handler, the handler owes a call of the
// companion's DDI before it returns; Callback reports the debt
// (ddi-companion-missing) when it returns without one.
func (s *State) NullOut(ddi, param string) {
	c := s.Catalogue()
	if c == nil || len(s.owed) == 0 {
		return
	}
	role := s.Role()
	for i := range c.Companions {
		x := &c.Companions[i]
		f := x.FailsWhen
		if x.DDI == ddi && x.In == role && f != nil && f.Param == param && f.Is == rules.FailNull {
			top := len(s.owed) - 1
			s.owed[top] = append(s.owed[top], owedCompanion{x: x})
		}
	}
}

// payCompanions settles what the running handlers owe of the DDI named
// ddi, which is being called.
func (s *State) payCompanions(ddi string) {
	for i, owed := range s.owed {
		kept := owed[:0]
		for _, o := range owed {
			if o.x.Requires != ddi {
				kept = append(kept, o)
			}
		}
		s.owed[i] = kept
	}
}

// checkOwed reports what a handler of role returned owing (see NullOut).
func (s *State) checkOwed(role, who string, owed []owedCompanion) {
	for _, o := range owed {
		callback := role
		if c := s.Catalogue(); c != nil && c.Role(role) != nil {
			callback = c.Role(role).Callback
		}
		s.Report(rules.RuleDDICompanionMissing, "%s's %s returned after %s failed (%s %s) without calling %s: %s",
			who, callback, o.x.DDI, o.x.FailsWhen.Param, o.x.FailsWhen.Is, o.x.Requires, o.x.Reason)
	}
}
