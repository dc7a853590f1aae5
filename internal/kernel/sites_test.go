package kernel

import (
	"errors"
	"testing"

	"github.com/ndislint/ndislint/rules"
)

// violationRules returns the rule IDs s reported, in order.
func violationRules(s *State) []string {
	var out []string
	for _, v := range s.Violations() {
		out = append(out, v.Rule)
	}
	return out
}

// TestPendTwice: the same request pended while it is still pending is
// reported once (pending-twice) and stays owed once; after its completion
// it may pend again.
func TestPendTwice(t *testing.T) {
	s := Reset()
	s.Pend("req", "first", "done")
	s.Pend("req", "second", "done")
	if got := violationRules(s); len(got) != 1 || got[0] != rules.RulePendingTwice {
		t.Fatalf("violations %v, want one %s", got, rules.RulePendingTwice)
	}
	if n := len(s.Outstanding()); n != 1 {
		t.Errorf("%d requests outstanding, want 1", n)
	}
	s.Complete("req")
	s.Pend("req", "again", "done")
	if n := len(s.Violations()); n != 1 {
		t.Errorf("a pend after the completion was reported: %v", s.Violations())
	}
}

// roleAt returns a role of the catalogue the simulator calls at level.
func roleAt(t *testing.T, s *State, level uint8) string {
	t.Helper()
	for _, r := range s.Catalogue().Roles {
		if s.RoleLevel(r.Name) == level {
			return r.Name
		}
	}
	t.Fatalf("no role of the catalogue runs at level %d", level)
	return ""
}

// TestHandlerReturnsAtAnotherIrql: a handler that returns at another IRQL
// than it was called at is reported (irql-not-restored) and the caller's
// IRQL is restored; one that restores it is clean.
func TestHandlerReturnsAtAnotherIrql(t *testing.T) {
	s := Reset()
	role := roleAt(t, s, 0)
	s.Callback(role, "driver", "", func() { s.SetIrql(2) })
	if got := violationRules(s); len(got) != 1 || got[0] != rules.RuleIrqlNotRestored {
		t.Fatalf("violations %v, want one %s", got, rules.RuleIrqlNotRestored)
	}
	if s.Irql() != 0 {
		t.Errorf("IRQL after the callback is %d, want the caller's 0", s.Irql())
	}
	s = Reset()
	s.Callback(role, "driver", "", func() { s.SetIrql(2); s.SetIrql(0) })
	if got := violationRules(s); len(got) != 0 {
		t.Errorf("a handler that restored its IRQL was reported: %v", got)
	}
}

// TestCatalogueUnavailable: when the embedded catalogue cannot be loaded
// the run says so once (catalogue-unavailable) and runs without the
// catalogue's checks.
func TestCatalogueUnavailable(t *testing.T) {
	defer func(f func() (*rules.Catalogue, error)) { loadDefault = f }(loadDefault)
	loadDefault = func() (*rules.Catalogue, error) { return nil, errors.New("broken") }
	s := Reset()
	if s.Catalogue() != nil || s.Catalogue() != nil {
		t.Fatal("Catalogue returned a catalogue the loader did not give")
	}
	s.EnterDDI("NdisCoDeleteVc", "")()
	if got := violationRules(s); len(got) != 1 || got[0] != rules.RuleCatalogueUnavailable {
		t.Fatalf("violations %v, want one %s", got, rules.RuleCatalogueUnavailable)
	}
}
