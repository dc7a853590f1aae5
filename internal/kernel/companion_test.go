package kernel

import (
	"testing"

	"github.com/ndislint/ndislint/rules"
)

// failedCall runs a call of x's DDI that fails as x's condition says.
func failedCall(s *State, x *rules.Companion) {
	exit := s.EnterDDI(x.DDI, "")
	s.NullOut(x.DDI, x.FailsWhen.Param)
	exit()
}

// withFailure returns the embedded catalogue's first companion with a
// failure condition.
func withFailure(t *testing.T, c *rules.Catalogue) *rules.Companion {
	t.Helper()
	for i := range c.Companions {
		if c.Companions[i].FailsWhen != nil {
			return &c.Companions[i]
		}
	}
	t.Fatal("no companion of the catalogue has a failure condition")
	return nil
}

// passiveRoleBut returns a role the simulator calls at PASSIVE_LEVEL other
// than not.
func passiveRoleBut(t *testing.T, s *State, not string) string {
	t.Helper()
	for _, r := range s.Catalogue().Roles {
		if s.RoleLevel(r.Name) == 0 && r.Name != not {
			return r.Name
		}
	}
	t.Fatalf("no role but %s runs at PASSIVE_LEVEL", not)
	return ""
}

// TestCompanionOwed: a handler of the companion's role that returns after
// a failed call of its DDI without calling the companion DDI is reported
// once per failed call; one that calls it after the failure is clean.
func TestCompanionOwed(t *testing.T) {
	s := Reset()
	x := withFailure(t, s.Catalogue())
	s.Callback(x.In, "driver", "", func() { failedCall(s, x); failedCall(s, x) })
	if got := violationRules(s); len(got) != 2 || got[0] != rules.RuleDDICompanionMissing || got[1] != rules.RuleDDICompanionMissing {
		t.Fatalf("violations %v, want two %s", got, rules.RuleDDICompanionMissing)
	}
	s = Reset()
	s.Callback(x.In, "driver", "", func() {
		failedCall(s, x)
		s.EnterDDI(x.Requires, "")()
	})
	s.Callback(x.In, "driver", "", func() {
		s.EnterDDI(x.Requires, "")() // before the failure: it does not count
		failedCall(s, x)
	})
	if got := violationRules(s); len(got) != 1 || got[0] != rules.RuleDDICompanionMissing {
		t.Fatalf("violations %v, want one %s (the companion called before the failure)", got, rules.RuleDDICompanionMissing)
	}
}

// TestCompanionNotOwed: a NULL at another parameter, a failure outside any
// handler and one in a handler of another role owe nothing.
func TestCompanionNotOwed(t *testing.T) {
	s := Reset()
	x := withFailure(t, s.Catalogue())
	other := passiveRoleBut(t, s, x.In)
	s.Callback(x.In, "driver", "", func() {
		exit := s.EnterDDI(x.DDI, "")
		s.NullOut(x.DDI, x.FailsWhen.Param+"Other")
		exit()
	})
	failedCall(s, x)
	s.Callback(other, "driver", "", func() { failedCall(s, x) })
	if got := violationRules(s); len(got) != 0 {
		t.Fatalf("violations %v, want none", got)
	}
}

// TestCompanionFromCatalogue: the check reads the run's catalogue: with the
// companion moved to another role, a failure in the old role owes nothing
// and one in the new role does.
func TestCompanionFromCatalogue(t *testing.T) {
	c, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	moved := *c
	moved.Companions = append([]rules.Companion(nil), c.Companions...)
	x := withFailure(t, &moved)
	old := x.In
	x.In = passiveRoleBut(t, Reset(), old)
	s := Reset(WithCatalogue(&moved))
	s.Callback(old, "driver", "", func() { failedCall(s, x) })
	if got := violationRules(s); len(got) != 0 {
		t.Fatalf("violations %v in %s, which the catalogue no longer names", got, old)
	}
	s.Callback(x.In, "driver", "", func() { failedCall(s, x) })
	if got := violationRules(s); len(got) != 1 || got[0] != rules.RuleDDICompanionMissing {
		t.Fatalf("violations %v in %s, want one %s", got, x.In, rules.RuleDDICompanionMissing)
	}
}
