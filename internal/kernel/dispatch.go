package kernel

import (
	"fmt"

	"github.com/ndislint/ndislint/rules"
)

// loadDefault loads the embedded catalogue (rules.Default); a test of
// this package replaces it with a loader that fails.
var loadDefault = rules.Default

// Catalogue returns the rule catalogue of the run: the one WithCatalogue
// gave Reset, else the embedded one (rules.Default). When the embedded one
// cannot be loaded it reports so once (rules.RuleCatalogueUnavailable) and
// returns nil; the checks that read the catalogue are then off.
func (s *State) Catalogue() *rules.Catalogue {
	if s.cat != nil {
		return s.cat
	}
	c, err := loadDefault()
	if err != nil {
		if !s.catTold {
			s.catTold = true
			s.Report(rules.RuleCatalogueUnavailable, "the rule catalogue cannot be loaded, IRQL checks are off: %v", err)
		}
		return nil
	}
	s.cat = c
	return c
}

// EnterDDI records a call of the DDI named name (NDIS spelling) with the
// given argument summary, checks the current IRQL against the catalogue's
// requirement for it, the handler context it is called in (checkUsage) and,
// for a DDI of one of the catalogue's orders, that the running handler
// called the earlier DDI first (checkOrder), and returns the function that
// ends the call: it
// closes the call in the trace and checks that the call changed the IRQL as
// the catalogue's effect for the DDI says (see checkEffect). A DDI the
// catalogue does not describe is traced and not checked.
func (s *State) EnterDDI(name, args string) (exit func()) {
	s.Tracef("%s(%s) at %s", name, args, rules.LevelName(s.irql))
	var d *rules.DDI
	if c := s.Catalogue(); c != nil {
		d = c.DDI(name)
	}
	if d != nil {
		s.checkIrql(name, d.Irql)
		s.checkUsage(d)
	}
	s.payCompanions(name)
	s.checkOrder(name)
	s.noteCalled(name)
	s.Push()
	entry, mark := s.irql, len(s.violations)
	return func() {
		s.Pop()
		if d != nil && len(s.violations) == mark {
			s.checkEffect(d, entry)
		}
	}
}

// checkEffect reports (rules.RuleIrqlEffectMismatch) a DDI whose model left
// the IRQL otherwise than its catalogue entry's effect says: raise-to-dispatch
// leaves DISPATCH_LEVEL (from an entry IRQL at or below it: a raise never
// lowers), raise never lowers, restore never raises, and at-dispatch, query
// and no effect leave the IRQL unchanged. entry is the IRQL the DDI was
// called at. The check is skipped when the call reported a violation (the
// model then recovers from the driver's mistake, and the report says what
// happened), so it finds only disagreements between a model and its entry.
func (s *State) checkEffect(d *rules.DDI, entry uint8) {
	exit := s.irql
	var want string
	switch d.Effect {
	case rules.EffectRaiseToDispatch:
		if entry <= rules.DispatchLevel && exit != rules.DispatchLevel {
			want = "leaves the IRQL at DISPATCH_LEVEL"
		}
	case rules.EffectRaise:
		if exit < entry {
			want = "never lowers the IRQL"
		}
	case rules.EffectRestore:
		if exit > entry {
			want = "never raises the IRQL"
		}
	case rules.EffectNone, rules.EffectRequireDispatch, rules.EffectQuery:
		if exit != entry {
			want = "leaves the IRQL unchanged"
		}
	}
	if want == "" {
		return
	}
	effect := string(d.Effect)
	if d.Effect == rules.EffectNone {
		effect = "none"
	}
	s.Report(rules.RuleIrqlEffectMismatch, "%s was called at %s and returned at %s; its catalogue entry's IRQL effect (%s) %s: the model and the catalogue disagree",
		d.Name, rules.LevelName(entry), rules.LevelName(exit), effect, want)
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
	return fmt.Sprintf(" (%s is held)", s.held[len(s.held)-1].What())
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
// was on entry, no spin lock taken inside is still held, and no call that
// failed inside still waits for its companion: see NullOut). If the current
// IRQL is above the role's, NDIS cannot lower it and the call is queued to
// run later at the role's level. who names the driver, args the arguments.
func (s *State) Callback(role, who, args string, fn func()) {
	s.CallbackWith(role, who, args, nil, fn)
}

// ParamNull says, for the parameters of one call of a handler that the
// simulator records, whether each is NULL (by the name on the role's
// page); a parameter it does not record is absent.
type ParamNull map[string]bool

// CallbackWith is Callback for a handler whose parameters' NULL-ness the
// checks of its context read (the DDI contexts that allow a DDI in the role
// only while a parameter is NULL: rules.CallContext.NullOnly).
func (s *State) CallbackWith(role, who, args string, nulls ParamNull, fn func()) {
	lvl := s.RoleLevel(role)
	if s.irql > lvl {
		s.Enqueue(fmt.Sprintf("deferred %s of %s", role, who), 0, func() { s.CallbackWith(role, who, args, nulls, fn) })
		return
	}
	saved := s.irql
	s.irql = lvl
	heldBefore := len(s.held)
	s.Tracef("-> %s's %s(%s) at %s", who, role, args, rules.LevelName(lvl))
	s.Push()
	s.roles = append(s.roles, role)
	s.owed = append(s.owed, nil)
	s.nulls = append(s.nulls, nulls)
	s.called = append(s.called, nil)
	fn()
	owed := s.owed[len(s.owed)-1]
	s.roles, s.owed = s.roles[:len(s.roles)-1], s.owed[:len(s.owed)-1]
	s.nulls = s.nulls[:len(s.nulls)-1]
	s.called = s.called[:len(s.called)-1]
	s.Pop()
	s.checkOwed(role, who, owed)
	if len(s.held) > heldBefore {
		l := s.held[len(s.held)-1]
		s.Report(rules.RuleSpinlockHeldOnReturn, "%s's %s returned with %s still held", who, role, l.What())
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
