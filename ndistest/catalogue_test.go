package ndistest_test

import (
	"strings"
	"testing"

	"github.com/ndislint/ndislint/ndistest"
	"github.com/ndislint/ndislint/rules"
	"github.com/ndislint/ndislint/wdm"
)

// testCatalogue returns the embedded catalogue after edit changed it,
// written out and read back with rules.Load, as go generate writes and the
// runtime reads a catalogue generated from an edited rules/overlay.json
// (rules.Load validates it the same way).
func testCatalogue(t *testing.T, edit func(c *rules.Catalogue)) *rules.Catalogue {
	t.Helper()
	data, err := rules.EditDefault(edit)
	if err != nil {
		t.Fatal(err)
	}
	out, err := rules.Load(data)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// removeDDI takes the entry of name out of c and returns it.
func removeDDI(t *testing.T, c *rules.Catalogue, name string) rules.DDI {
	t.Helper()
	for i, d := range c.DDIs {
		if d.Name == name {
			c.DDIs = append(c.DDIs[:i:i], c.DDIs[i+1:]...)
			return d
		}
	}
	t.Fatalf("the catalogue has no %s", name)
	return rules.DDI{}
}

// setDDI replaces name's entry in c by what change makes of it.
func setDDI(t *testing.T, c *rules.Catalogue, name string, change func(d *rules.DDI)) {
	t.Helper()
	for i := range c.DDIs {
		if c.DDIs[i].Name == name {
			change(&c.DDIs[i])
			return
		}
	}
	t.Fatalf("the catalogue has no %s", name)
}

// ruleIDs lists the rules of the violations of sys, in order.
func ruleIDs(sys *ndistest.System) []string {
	var ids []string
	for _, v := range sys.Violations() {
		ids = append(ids, v.Rule)
	}
	return ids
}

// raiseTo raises the simulated processor to level (from PASSIVE_LEVEL,
// where a System starts): a call of KeRaiseIrql, none for PASSIVE_LEVEL.
func raiseTo(level wdm.Irql) {
	if level == wdm.PassiveLevel {
		return
	}
	var old wdm.Irql
	wdm.KeRaiseIrql(level, &old)
}

// TestCatalogueEntryIsEnough is the verifier's half of the acceptance test
// "adding a DDI with a known IRQL effect to overlay.json must be enough for
// the verifier to honour it". KeRaiseIrqlToDpcLevel's model is run against
// a catalogue that does not describe it, then against catalogues that
// describe it as the overlay would (its page: IRQL <= DISPATCH_LEVEL, effect
// raise-to-dispatch) and otherwise: the verifier checks exactly what the
// entry says, its IRQL requirement on entry and its effect on exit, with no
// change to the runtime.
func TestCatalogueEntryIsEnough(t *testing.T) {
	const name = "KeRaiseIrqlToDpcLevel"
	var page rules.DDI
	without := testCatalogue(t, func(c *rules.Catalogue) { page = removeDDI(t, c, name) })
	if page.Irql.Kind != rules.IrqlMax || page.Irql.Level != "DISPATCH_LEVEL" || page.Effect != rules.EffectRaiseToDispatch {
		t.Fatalf("the embedded entry of %s is %+v, effect %q; this test expects <= DISPATCH_LEVEL, raise-to-dispatch", name, page.Irql, page.Effect)
	}
	entry := func(change func(d *rules.DDI)) *rules.Catalogue {
		return testCatalogue(t, func(c *rules.Catalogue) {
			removeDDI(t, c, name)
			d := page
			change(&d)
			c.DDIs = append(c.DDIs, d)
		})
	}
	asPage := entry(func(d *rules.DDI) {})
	noEffect := entry(func(d *rules.DDI) { d.Effect = rules.EffectNone })
	passiveOnly := entry(func(d *rules.DDI) {
		d.Irql = rules.Irql{Kind: rules.IrqlExact, Level: "PASSIVE_LEVEL", Page: "PASSIVE_LEVEL"}
	})
	for _, tc := range []struct {
		name string
		cat  *rules.Catalogue
		at   wdm.Irql
		want []string
	}{
		// Not described: traced, not checked.
		{"absent/at-high-level", without, wdm.HighLevel, nil},
		{"absent/at-passive-level", without, wdm.PassiveLevel, nil},
		// Described as its page says: the requirement is checked on
		// entry, and the model agrees with the effect.
		{"as-page/at-high-level", asPage, wdm.HighLevel, []string{rules.RuleIrqlAboveMax}},
		{"as-page/at-passive-level", asPage, wdm.PassiveLevel, nil},
		{"as-page/at-dispatch-level", asPage, wdm.DispatchLevel, nil},
		// Described with no effect: the model raises, so the verifier
		// reports that the model and the entry disagree.
		{"no-effect/at-passive-level", noEffect, wdm.PassiveLevel, []string{rules.RuleIrqlEffectMismatch}},
		{"no-effect/at-dispatch-level", noEffect, wdm.DispatchLevel, nil},
		// Described with another requirement: that one is checked.
		{"passive-only/at-dispatch-level", passiveOnly, wdm.DispatchLevel, []string{rules.RuleIrqlAboveMax}},
		{"passive-only/at-passive-level", passiveOnly, wdm.PassiveLevel, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sys := ndistest.New(t, ndistest.UseCatalogue(tc.cat), ndistest.KeepViolations())
			raiseTo(tc.at)
			old := wdm.KeRaiseIrqlToDpcLevel()
			if old != tc.at {
				t.Errorf("%s returned %s, want %s", name, old, tc.at)
			}
			if got := ruleIDs(sys); strings.Join(got, ",") != strings.Join(tc.want, ",") {
				t.Errorf("violations %v, want %v:\n%v", got, tc.want, sys.Violations())
			}
			for _, v := range sys.ViolationsOf(rules.RuleIrqlEffectMismatch) {
				if !strings.Contains(v.Message, name) || !strings.Contains(v.Message, "(none)") {
					t.Errorf("the report does not name the DDI and its effect: %s", v.Headline())
				}
			}
		})
	}
}

// TestCatalogueEffectsChecked: at the end of every call the verifier checks
// the IRQL change against the effect the run's catalogue gives the DDI,
// whatever the effect: each model below is run against its embedded entry
// (no report) and against entries with other effects (a report exactly
// where the model's change contradicts the effect).
func TestCatalogueEffectsChecked(t *testing.T) {
	var lock wdm.KSpinLock
	models := map[string]struct {
		from wdm.Irql
		call func()
	}{
		// Returns the IRQL, changes nothing.
		"KeGetCurrentIrql": {wdm.PassiveLevel, func() { wdm.KeGetCurrentIrql() }},
		// Lowers DISPATCH_LEVEL to PASSIVE_LEVEL.
		"KeLowerIrql": {wdm.DispatchLevel, func() { wdm.KeLowerIrql(wdm.PassiveLevel) }},
		// Raises PASSIVE_LEVEL to APC_LEVEL.
		"KeRaiseIrql": {wdm.PassiveLevel, func() {
			var old wdm.Irql
			wdm.KeRaiseIrql(wdm.ApcLevel, &old)
		}},
		// Raises PASSIVE_LEVEL to DISPATCH_LEVEL.
		"KeAcquireSpinLock": {wdm.PassiveLevel, func() {
			var old wdm.Irql
			wdm.KeAcquireSpinLock(&lock, &old)
		}},
	}
	for _, tc := range []struct {
		ddi      string
		effect   rules.IrqlEffect
		embedded bool
		mismatch bool
	}{
		{"KeGetCurrentIrql", rules.EffectQuery, true, false},
		{"KeGetCurrentIrql", rules.EffectNone, false, false},
		{"KeGetCurrentIrql", rules.EffectRequireDispatch, false, false},
		{"KeGetCurrentIrql", rules.EffectRestore, false, false},
		{"KeGetCurrentIrql", rules.EffectRaise, false, false},
		{"KeGetCurrentIrql", rules.EffectRaiseToDispatch, false, true},
		{"KeLowerIrql", rules.EffectRestore, true, false},
		{"KeLowerIrql", rules.EffectRequireDispatch, false, true},
		{"KeLowerIrql", rules.EffectQuery, false, true},
		{"KeLowerIrql", rules.EffectNone, false, true},
		{"KeLowerIrql", rules.EffectRaise, false, true},
		{"KeLowerIrql", rules.EffectRaiseToDispatch, false, true},
		{"KeRaiseIrql", rules.EffectRaise, true, false},
		{"KeRaiseIrql", rules.EffectRestore, false, true},
		{"KeRaiseIrql", rules.EffectNone, false, true},
		{"KeRaiseIrql", rules.EffectRaiseToDispatch, false, true},
		{"KeAcquireSpinLock", rules.EffectRaiseToDispatch, true, false},
		{"KeAcquireSpinLock", rules.EffectRaise, false, false},
		{"KeAcquireSpinLock", rules.EffectRequireDispatch, false, true},
		{"KeAcquireSpinLock", rules.EffectQuery, false, true},
	} {
		name := tc.ddi + "/" + string(tc.effect)
		if tc.effect == rules.EffectNone {
			name = tc.ddi + "/none"
		}
		t.Run(name, func(t *testing.T) {
			c := testCatalogue(t, func(c *rules.Catalogue) {
				setDDI(t, c, tc.ddi, func(d *rules.DDI) {
					if tc.embedded && d.Effect != tc.effect {
						t.Fatalf("the embedded effect of %s is %q, not %q", tc.ddi, d.Effect, tc.effect)
					}
					d.Effect = tc.effect
				})
			})
			opts := []ndistest.Option{ndistest.UseCatalogue(c), ndistest.KeepViolations()}
			if tc.embedded {
				opts = opts[1:] // the embedded catalogue itself
			}
			sys := ndistest.New(t, opts...)
			lock = wdm.KSpinLock{}
			m := models[tc.ddi]
			raiseTo(m.from)
			m.call()
			var want []string
			if tc.mismatch {
				want = []string{rules.RuleIrqlEffectMismatch}
			}
			if got := ruleIDs(sys); strings.Join(got, ",") != strings.Join(want, ",") {
				t.Errorf("violations %v, want %v:\n%v", got, want, sys.Violations())
			}
		})
	}
}
