package kernel

import "github.com/ndislint/ndislint/rules"

// Raise sets the IRQL to level on behalf of ddi and returns the level it
// was at. Raising to a lower level is reported (rules.RuleIrqlRaiseLowers) and
// leaves the IRQL unchanged, so a matching lower with the returned level
// does nothing and the run goes on.
func (s *State) Raise(ddi string, level uint8) (old uint8) {
	old = s.irql
	if level < old {
		s.Report(rules.RuleIrqlRaiseLowers, "%s to %s called at %s; the new IRQL must not be below the current IRQL", ddi, rules.LevelName(level), rules.LevelName(old))
		return old
	}
	s.irql = level
	return old
}

// Lower sets the IRQL to level on behalf of ddi. Lowering to a higher
// level is reported (rules.RuleIrqlLowerRaises) and leaves the IRQL unchanged.
func (s *State) Lower(ddi string, level uint8) {
	if level > s.irql {
		s.Report(rules.RuleIrqlLowerRaises, "%s to %s called at %s; the new IRQL must not be above the current IRQL", ddi, rules.LevelName(level), rules.LevelName(s.irql))
		return
	}
	s.irql = level
}

// RequireMax reports rules.RuleIrqlAboveMax when the current IRQL is above max,
// for the conditional requirements the catalogue cannot express (a wait
// with a non-zero timeout needs APC_LEVEL, cancelling a periodic timer
// needs PASSIVE_LEVEL). why names the condition. It reports nothing when a
// violation was already recorded since mark (the catalogue's own check in
// EnterDDI), so one call breaks one rule once.
func (s *State) RequireMax(ddi string, max uint8, why string, mark int) {
	if s.irql <= max || len(s.violations) > mark {
		return
	}
	s.Report(rules.RuleIrqlAboveMax, "%s called at %s; %s requires IRQL <= %s%s", ddi, rules.LevelName(s.irql), why, rules.LevelName(max), s.heldSuffix())
}

// Mark returns a position in the list of violations, for RequireMax.
func (s *State) Mark() int { return len(s.violations) }
