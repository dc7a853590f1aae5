package kernel

import "github.com/ndislint/ndislint/rules"

// Rule IDs for raising and lowering the IRQL.
const (
	// RuleIrqlRaiseLowers: KeRaiseIrql (or a wrapper) asked for a level
	// below the current one; the kernel bug-checks.
	RuleIrqlRaiseLowers = "irql-raise-lowers"
	// RuleIrqlLowerRaises: KeLowerIrql (or a wrapper) asked for a level
	// above the current one; the kernel bug-checks.
	RuleIrqlLowerRaises = "irql-lower-raises"
)

// Raise sets the IRQL to level on behalf of ddi and returns the level it
// was at. Raising to a lower level is reported (RuleIrqlRaiseLowers) and
// leaves the IRQL unchanged, so a matching lower with the returned level
// does nothing and the run goes on.
func (s *State) Raise(ddi string, level uint8) (old uint8) {
	old = s.irql
	if level < old {
		s.Report(RuleIrqlRaiseLowers, "%s to %s called at %s; the new IRQL must not be below the current IRQL", ddi, rules.LevelName(level), rules.LevelName(old))
		return old
	}
	s.irql = level
	return old
}

// Lower sets the IRQL to level on behalf of ddi. Lowering to a higher
// level is reported (RuleIrqlLowerRaises) and leaves the IRQL unchanged.
func (s *State) Lower(ddi string, level uint8) {
	if level > s.irql {
		s.Report(RuleIrqlLowerRaises, "%s to %s called at %s; the new IRQL must not be above the current IRQL", ddi, rules.LevelName(level), rules.LevelName(s.irql))
		return
	}
	s.irql = level
}

// RequireMax reports RuleIrqlAboveMax when the current IRQL is above max,
// for the conditional requirements the catalogue cannot express (a wait
// with a non-zero timeout needs APC_LEVEL, cancelling a periodic timer
// needs PASSIVE_LEVEL). why names the condition. It reports nothing when a
// violation was already recorded since mark (the catalogue's own check in
// EnterDDI), so one call breaks one rule once.
func (s *State) RequireMax(ddi string, max uint8, why string, mark int) {
	if s.irql <= max || len(s.violations) > mark {
		return
	}
	s.Report(RuleIrqlAboveMax, "%s called at %s; %s requires IRQL <= %s%s", ddi, rules.LevelName(s.irql), why, rules.LevelName(max), s.heldSuffix())
}

// Mark returns a position in the list of violations, for RequireMax.
func (s *State) Mark() int { return len(s.violations) }
