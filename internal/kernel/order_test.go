package kernel

import (
	"strings"
	"testing"

	"github.com/ndislint/ndislint/rules"
)

// firstOrder returns the embedded catalogue's first order.
func firstOrder(t *testing.T, c *rules.Catalogue) *rules.Order {
	t.Helper()
	if len(c.Orders) == 0 {
		t.Fatal("the catalogue has no order")
	}
	return &c.Orders[0]
}

// TestOrderOutOfOrder: the order's DDI called in a handler of each of its
// roles before the earlier DDI is reported once per call, naming both.
func TestOrderOutOfOrder(t *testing.T) {
	s := Reset()
	o := firstOrder(t, s.Catalogue())
	for _, role := range o.In {
		s.Callback(role, "driver", "", func() {
			s.EnterDDI(o.DDI, "")()
			s.EnterDDI(o.After, "")()
		})
	}
	v := s.Violations()
	if len(v) != len(o.In) {
		t.Fatalf("violations %v, want one %s per role of %v", violationRules(s), rules.RuleDDIOrder, o.In)
	}
	for _, x := range v {
		if x.Rule != rules.RuleDDIOrder || !strings.Contains(x.Message, o.DDI) || !strings.Contains(x.Message, o.After) {
			t.Errorf("violation %s: %s", x.Rule, x.Message)
		}
	}
}

// TestOrderKept: the earlier DDI first is clean, in every role of the
// order, however often the later DDI follows; outside the order's roles
// nothing is asked.
func TestOrderKept(t *testing.T) {
	s := Reset()
	o := firstOrder(t, s.Catalogue())
	for _, role := range o.In {
		s.Callback(role, "driver", "", func() {
			s.EnterDDI(o.After, "")()
			s.EnterDDI(o.DDI, "")()
			s.EnterDDI(o.DDI, "")()
		})
	}
	if got := violationRules(s); len(got) != 0 {
		t.Fatalf("violations %v", got)
	}
}

// TestOrderPerRun: each run of a handler owes the earlier call anew, and a
// nested handler's call does not pay for the one it interrupts.
func TestOrderPerRun(t *testing.T) {
	s := Reset()
	o := firstOrder(t, s.Catalogue())
	role := o.In[0]
	s.Callback(role, "driver", "", func() { s.EnterDDI(o.After, "")() })
	s.Callback(role, "driver", "", func() { s.EnterDDI(o.DDI, "")() })
	s.Callback(role, "driver", "", func() {
		s.Callback(role, "driver", "", func() { s.EnterDDI(o.After, "")() })
		s.EnterDDI(o.DDI, "")()
	})
	got := violationRules(s)
	if len(got) != 2 || got[0] != rules.RuleDDIOrder || got[1] != rules.RuleDDIOrder {
		t.Fatalf("violations %v, want two %s", got, rules.RuleDDIOrder)
	}
}
