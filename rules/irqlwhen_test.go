package rules

import (
	"go/constant"
	"strings"
	"testing"
)

// TestWhenEntries checks the value-dependent bounds the pages give.
func TestWhenEntries(t *testing.T) {
	c, err := Load(embedded)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		ddi, param, op, goValue, level string
		deref, of                      bool
	}{
		{"KeSetEvent", "Wait", OpEqual, "true", "APC_LEVEL", false, false},
		{"KeWaitForSingleObject", "Timeout", OpEqual, "nil", "APC_LEVEL", false, false},
		{"KeWaitForSingleObject", "Timeout", OpNotEqual, "0", "APC_LEVEL", true, false},
		{"NdisCancelTimerObject", "TimerObject", OpNotEqual, "0", "PASSIVE_LEVEL", false, true},
	}
	for _, tc := range cases {
		found := false
		for _, w := range c.DDI(tc.ddi).Irql.When {
			if w.Param == tc.param && w.Op == tc.op && w.GoValue == tc.goValue && w.Deref == tc.deref && (w.Of != nil) == tc.of {
				found = true
				if w.Kind != IrqlMax || w.Level != tc.level {
					t.Errorf("%s when %s %s %s: bound %s %s, want max %s", tc.ddi, tc.param, tc.op, tc.goValue, w.Kind, w.Level, tc.level)
				}
			}
		}
		if !found {
			t.Errorf("%s: no when %s %s %s", tc.ddi, tc.param, tc.op, tc.goValue)
		}
	}
	if w := c.DDI("KeSetEvent").Irql.When[0]; !w.NotPageable || w.SDV != "IrqlKeSetEvent" {
		t.Errorf("KeSetEvent when: notPageable %v, sdv %q", w.NotPageable, w.SDV)
	}
}

// TestHolds checks the condition against what a checker knows.
func TestHolds(t *testing.T) {
	wait := IrqlWhen{Op: OpEqual, GoValue: "true"}
	null := IrqlWhen{Op: OpEqual, GoValue: "nil"}
	nonzero := IrqlWhen{Op: OpNotEqual, GoValue: "0"}
	cases := []struct {
		name         string
		w            IrqlWhen
		v            ArgValue
		holds, known bool
	}{
		{"wait true", wait, ArgValue{Const: constant.MakeBool(true)}, true, true},
		{"wait false", wait, ArgValue{Const: constant.MakeBool(false)}, false, true},
		{"wait unknown", wait, ArgValue{}, false, false},
		{"wait given an int", wait, ArgValue{Const: constant.MakeInt64(1)}, false, false},
		{"timeout nil", null, ArgValue{Nil: true}, true, true},
		{"timeout non-nil", null, ArgValue{NonNil: true}, false, true},
		{"timeout unknown", null, ArgValue{}, false, false},
		{"period 100", nonzero, ArgValue{Const: constant.MakeInt64(100)}, true, true},
		{"period 0", nonzero, ArgValue{Const: constant.MakeInt64(0)}, false, true},
		{"period unknown", nonzero, ArgValue{}, false, false},
	}
	for _, tc := range cases {
		holds, known := tc.w.Holds(tc.v)
		if holds != tc.holds || known != tc.known {
			t.Errorf("%s: Holds = %v, %v; want %v, %v", tc.name, holds, known, tc.holds, tc.known)
		}
	}
}

// TestGoConstant checks the C-to-Go constant table.
func TestGoConstant(t *testing.T) {
	cases := []struct{ value, goType, want string }{
		{"TRUE", "bool", "true"}, {"FALSE", "bool", "false"}, {"NULL", "*int64", "nil"}, {"NULL", "any", "nil"},
		{"0", "int32", "0"}, {"-1", "int64", "-1"},
		{"TRUE", "int32", ""}, {"NULL", "bool", ""}, {"0", "bool", ""}, {"0", "wdm.KPriority", ""}, {"x", "int32", ""},
	}
	for _, tc := range cases {
		got, err := GoConstant(tc.value, tc.goType)
		if got != tc.want || (err == nil) != (tc.want != "") {
			t.Errorf("GoConstant(%s, %s) = %q, %v; want %q", tc.value, tc.goType, got, err, tc.want)
		}
	}
}

// TestLoadRejectsBrokenWhens checks that Load names the entry and field of
// each kind of broken value-dependent bound, and of a broken uncatalogued
// list.
func TestLoadRejectsBrokenWhens(t *testing.T) {
	when := func(c *Catalogue, ddi string) *IrqlWhen { return &c.DDI(ddi).Irql.When[0] }
	cases := []struct {
		name  string
		edit  func(c *Catalogue)
		wants []string
	}{
		{"unknown param", func(c *Catalogue) { when(c, "KeSetEvent").Param = "Wiat" }, []string{`ddi "KeSetEvent"`, "param", "Wiat"}},
		{"unknown op", func(c *Catalogue) { when(c, "KeSetEvent").Op = "<" }, []string{"op", "<"}},
		{"value the model has not", func(c *Catalogue) { when(c, "KeSetEvent").Value = "MAYBE" }, []string{"value", "MAYBE", "bool"}},
		{"goValue disagrees", func(c *Catalogue) { when(c, "KeSetEvent").GoValue = "false" }, []string{"goValue", "true"}},
		{"bound no narrower", func(c *Catalogue) { when(c, "KeSetEvent").Level = "DISPATCH_LEVEL" }, []string{"does not narrow"}},
		{"bound wider", func(c *Catalogue) { when(c, "KeSetEvent").Level = "HIGH_LEVEL" }, []string{"does not narrow"}},
		{"unknown level", func(c *Catalogue) { when(c, "KeSetEvent").Level = "APC" }, []string{"level", "APC"}},
		{"no quotes", func(c *Catalogue) { when(c, "KeSetEvent").Quotes = nil }, []string{"quotes"}},
		{"sdv not the page's", func(c *Catalogue) { when(c, "KeSetEvent").SDV = "PeriodicTimer" }, []string{"sdv", "PeriodicTimer"}},
		{"deref of no pointer", func(c *Catalogue) { when(c, "KeSetEvent").Deref = true }, []string{"deref", "bool"}},
		{"of unknown ddi", func(c *Catalogue) { when(c, "NdisCancelTimerObject").Of.DDI = "NdisSetTimer" }, []string{"of", "NdisSetTimer"}},
		{"of unknown param", func(c *Catalogue) { when(c, "NdisCancelTimerObject").Of.Param = "Period" }, []string{"of", "Period"}},
		{"of match of another kind", func(c *Catalogue) { when(c, "NdisCancelTimerObject").Of.Match = "FunctionContext" }, []string{"match", "own-context", "timer-handle"}},
		{"of with deref", func(c *Catalogue) { when(c, "NdisCancelTimerObject").Deref = true }, []string{"deref", "of"}},
		{"when on a role", func(c *Catalogue) {
			c.Role("PROTOCOL_CO_CREATE_VC").Irql.When = c.DDI("KeSetEvent").Irql.When
		}, []string{`role "PROTOCOL_CO_CREATE_VC"`, "when"}},
		{"uncatalogued without reason", func(c *Catalogue) { c.Uncatalogued[0].Reason = "" }, []string{"uncatalogued wdm.IrqlByName", "reason"}},
		{"uncatalogued twice", func(c *Catalogue) { c.Uncatalogued = append(c.Uncatalogued, c.Uncatalogued[0]) }, []string{"duplicate"}},
		{"uncatalogued but a DDI", func(c *Catalogue) {
			c.Uncatalogued = append(c.Uncatalogued, Uncatalogued{Package: "wdm", GoName: "KeSetEvent", Reason: "x"})
		}, []string{"uncatalogued wdm.KeSetEvent", "KeSetEvent"}},
		{"uncatalogued in another package", func(c *Catalogue) { c.Uncatalogued[0].Package = "kernel" }, []string{"package", "kernel"}},
	}
	for _, tc := range cases {
		_, err := Load(mutate(t, tc.edit))
		if err == nil {
			t.Errorf("%s: Load accepted it", tc.name)
			continue
		}
		for _, w := range tc.wants {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: error %q does not mention %q", tc.name, err, w)
			}
		}
	}
}

// TestValueOfWithHolds checks run-time values against the catalogue's
// bounds, as the simulator would.
func TestValueOfWithHolds(t *testing.T) {
	c, err := Load(embedded)
	if err != nil {
		t.Fatal(err)
	}
	setEvent := c.DDI("KeSetEvent").Irql.When[0]
	wait := c.DDI("KeWaitForSingleObject").Irql.When
	zero, ten := int64(0), int64(-10)
	cases := []struct {
		name         string
		w            IrqlWhen
		v            any
		holds, known bool
	}{
		{"KeSetEvent wait true", setEvent, true, true, true},
		{"KeSetEvent wait false", setEvent, false, false, true},
		{"timeout nil", wait[0], (*int64)(nil), true, true},
		{"timeout set", wait[0], &zero, false, true},
		{"*timeout 0", wait[1], zero, false, true},
		{"*timeout -10", wait[1], ten, true, true},
		{"*timeout as uint32", wait[1], uint32(5), true, true},
		{"a string says nothing", setEvent, "TRUE", false, false},
	}
	for _, tc := range cases {
		holds, known := tc.w.Holds(ValueOf(tc.v))
		if holds != tc.holds || known != tc.known {
			t.Errorf("%s: Holds(ValueOf(%v)) = %v, %v; want %v, %v", tc.name, tc.v, holds, known, tc.holds, tc.known)
		}
	}
}
