package kernel

import (
	"fmt"

	"github.com/ndislint/ndislint/rules"
)

// Catalogue returns the rule catalogue of the run, reporting once (and
// returning nil) if it cannot be loaded.
func (s *State) Catalogue() *rules.Catalogue {
	c, err := rules.Default()
	if err != nil {
		if _, told := s.Objects["kernel.catalogue-error"]; !told {
			s.Objects["kernel.catalogue-error"] = true
			s.Report(rules.RuleCatalogueUnavailable, "the rule catalogue cannot be loaded, IRQL checks are off: %v", err)
		}
		return nil
	}
	return c
}

// EnterDDI records a call of the DDI named name (NDIS spelling) with the
// given argument summary, checks the current IRQL against the catalogue, and
// returns the function that ends the call in the trace.
func (s *State) EnterDDI(name, args string) (exit func()) {
	s.Tracef("%s(%s) at %s", name, args, rules.LevelName(s.irql))
	if c := s.Catalogue(); c != nil {
		if d := c.DDI(name); d != nil {
			s.checkIrql(name, d.Irql)
		}
	}
	s.Push()
	return s.Pop
}

// checkIrql reports when the current IRQL breaks requirement q of ddi.
func (s *State) checkIrql(ddi string, q rules.Irql) {
	lvl, ok := rules.LevelValue(q.Level)
	if !ok {
		return
	}
	switch q.Kind {
	case rules.IrqlMax:
		if s.irql > lvl {
			s.Report(rules.RuleIrqlAboveMax, "%s called at %s; its page requires IRQL <= %s%s", ddi, rules.LevelName(s.irql), q.Level, s.heldSuffix())
		}
	case rules.IrqlMin:
		if s.irql < lvl {
			s.Report(rules.RuleIrqlBelowMin, "%s called at %s; its page requires IRQL >= %s", ddi, rules.LevelName(s.irql), q.Level)
		}
	case rules.IrqlExact:
		if s.irql != lvl {
			rule := rules.RuleIrqlBelowMin
			if s.irql > lvl {
				rule = rules.RuleIrqlAboveMax
			}
			s.Report(rule, "%s called at %s; its page requires %s", ddi, rules.LevelName(s.irql), q.Level)
		}
	}
}

// heldSuffix explains a raised IRQL by the locks held.
func (s *State) heldSuffix() string {
	if len(s.held) == 0 {
		return ""
	}
	return fmt.Sprintf(" (spin lock %s is held)", s.held[len(s.held)-1].Name)
}

// RoleLevel returns the IRQL the simulator calls role at: the highest level
// the catalogue allows (the verifier's stress choice), PASSIVE_LEVEL when
// the role is unknown.
func (s *State) RoleLevel(role string) uint8 {
	c := s.Catalogue()
	if c == nil {
		return 0
	}
	r := c.Role(role)
	if r == nil {
		return 0
	}
	lvl, _ := rules.LevelValue(r.Irql.Level)
	return lvl
}

// CanCall reports whether role can be called now without lowering the IRQL;
// when it cannot, NDIS defers the call to a worker (see Callback).
func (s *State) CanCall(role string) bool { return s.irql <= s.RoleLevel(role) }

// Callback runs fn, the driver's handler for role, the way NDIS calls it: at
// the role's IRQL, traced, and verified on return (the IRQL is back where it
// was on entry and no spin lock taken inside is still held). If the current
// IRQL is above the role's, NDIS cannot lower it and the call is queued to
// run later at the role's level. who names the driver, args the arguments.
func (s *State) Callback(role, who, args string, fn func()) {
	lvl := s.RoleLevel(role)
	if s.irql > lvl {
		s.Enqueue(fmt.Sprintf("deferred %s of %s", role, who), 0, func() { s.Callback(role, who, args, fn) })
		return
	}
	saved := s.irql
	s.irql = lvl
	heldBefore := len(s.held)
	s.Tracef("-> %s's %s(%s) at %s", who, role, args, rules.LevelName(lvl))
	s.Push()
	fn()
	s.Pop()
	if len(s.held) > heldBefore {
		l := s.held[len(s.held)-1]
		s.Report(rules.RuleSpinlockHeldOnReturn, "%s's %s returned with spin lock %s still held", who, role, l.Name)
		// Release what the handler leaked so the run can go on.
		for len(s.held) > heldBefore {
			s.held[len(s.held)-1].Held = false
			s.held = s.held[:len(s.held)-1]
		}
	} else if s.irql != lvl {
		s.Report(rules.RuleIrqlNotRestored, "%s's %s returned at %s; it was called at %s", who, role, rules.LevelName(s.irql), rules.LevelName(lvl))
	}
	s.irql = saved
}
