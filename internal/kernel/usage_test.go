package kernel

import (
	"testing"

	"github.com/ndislint/ndislint/rules"
)

// withNullOnly returns the embedded catalogue's first DDI whose context
// allows it in a role only while a parameter is NULL, and that condition.
func withNullOnly(t *testing.T, c *rules.Catalogue) (*rules.DDI, rules.RoleParam) {
	t.Helper()
	for i := range c.DDIs {
		if x := c.DDIs[i].Context; x != nil && len(x.NullOnly) > 0 {
			return &c.DDIs[i], x.NullOnly[0]
		}
	}
	t.Fatal("no DDI of the catalogue has a nullOnly context")
	return nil, rules.RoleParam{}
}

// TestNullOnlyContext: a DDI allowed in a role only while a parameter is
// NULL is reported when the handler was called with it not NULL, and not
// when it was NULL or when the caller did not record it.
func TestNullOnlyContext(t *testing.T) {
	s := Reset()
	d, rp := withNullOnly(t, s.Catalogue())
	cases := []struct {
		name  string
		nulls ParamNull
		want  int
	}{
		{"not NULL", ParamNull{rp.Param: false}, 1},
		{"NULL", ParamNull{rp.Param: true}, 0},
		{"not recorded", nil, 0},
		{"another parameter recorded", ParamNull{rp.Param + "X": false}, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := Reset()
			s.CallbackWith(rp.Role, "test driver", "", tc.nulls, func() { s.EnterDDI(d.Name, "")() })
			if got := len(s.Violations()); got != tc.want {
				t.Errorf("%s in %s with %v: %d violations %v, want %d", d.Name, rp.Role, tc.nulls, got, s.Violations(), tc.want)
			}
			for _, v := range s.Violations() {
				if v.Rule != rules.RuleDDIWrongContext {
					t.Errorf("rule %s, want %s", v.Rule, rules.RuleDDIWrongContext)
				}
			}
		})
	}
}
