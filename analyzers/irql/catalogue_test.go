package irql_test

import (
	"slices"
	"testing"

	"github.com/ndislint/ndislint/analyzers/internal/cattest"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/ndislint/ndislint/analyzers/irql"
	"github.com/ndislint/ndislint/rules"
)

// TestCatalogueDrivesThePass is the irql pass's half of issue 8's
// acceptance test: a DDI with a known effect added to the catalogue is
// honoured with no change to the pass, and a DDI is nothing to the pass
// but its entry. Each case runs a testdata package twice, against
// catalogues made from the embedded one: first with a DDI taken out, or
// kept with its effect or lock operation taken away (the name alone then
// decides nothing), then with the DDI written as a new entry, as
// rules/overlay.json would give it (or its lock operation given back),
// where the package's // want expectations must hold.
func TestCatalogueDrivesThePass(t *testing.T) {
	for _, tc := range []struct {
		name string
		pkg  string
		// without takes the DDI or its effect away; with, run after it,
		// describes the DDI again.
		without, with func(t *testing.T, c *rules.Catalogue)
		// withoutRules are the rules reported without it, in order.
		withoutRules []string
	}{{
		// Unknown, KeRaiseIrqlToDpcLevel changes nothing: its result is
		// an unknown IRQL, and the lower to it says nothing either.
		name:    "raise-to-dispatch",
		pkg:     "example.com/t/catalogue/raisetodispatch",
		without: remove("KeRaiseIrqlToDpcLevel"),
		with: add(rules.DDI{
			Name: "KeRaiseIrqlToDpcLevel", Package: "wdm", GoName: "KeRaiseIrqlToDpcLevel",
			Page: "nf-wdm-keraiseirqltodpclevel", Family: "irql", Returns: "KIRQL", GoReturns: "wdm.Irql",
			Irql:   rules.Irql{Kind: rules.IrqlMax, Level: "DISPATCH_LEVEL", Page: "<= DISPATCH_LEVEL"},
			Effect: rules.EffectRaiseToDispatch,
		}),
	}, {
		// With no effect, KeRaiseIrql changes nothing, and OldIrql holds
		// nothing the pass knows.
		name:    "raise",
		pkg:     "example.com/t/catalogue/raise",
		without: setEffect("KeRaiseIrql", rules.EffectNone),
		with: replace(rules.DDI{
			Name: "KeRaiseIrql", Package: "wdm", GoName: "KeRaiseIrql",
			Page: "nf-wdm-keraiseirql", Family: "irql", Returns: "VOID",
			Params: []rules.Param{
				{Name: "NewIrql", GoName: "newIrql", Dir: rules.In, CType: "KIRQL", GoType: "wdm.Irql"},
				{Name: "OldIrql", GoName: "oldIrql", Dir: rules.Out, CType: "PKIRQL", GoType: "*wdm.Irql"},
			},
			Irql:   rules.Irql{Kind: rules.IrqlAny, Page: "Any level"},
			Effect: rules.EffectRaise,
		}),
	}, {
		// Unknown, KeLowerIrql leaves the IRQL where KeRaiseIrql put it:
		// the sleep after it is reported, and so are both returns.
		name:    "restore",
		pkg:     "example.com/t/catalogue/restore",
		without: remove("KeLowerIrql"),
		with: add(rules.DDI{
			Name: "KeLowerIrql", Package: "wdm", GoName: "KeLowerIrql",
			Page: "nf-wdm-kelowerirql", Family: "irql", Returns: "VOID",
			Params: []rules.Param{{Name: "NewIrql", GoName: "newIrql", Dir: rules.In, CType: "KIRQL", GoType: "wdm.Irql"}},
			Irql:   rules.Irql{Kind: rules.IrqlAny, Page: "Any level"},
			Effect: rules.EffectRestore,
		}),
		withoutRules: []string{rules.RuleIrqlAboveMax, rules.RuleIrqlNotRestored, rules.RuleIrqlNotRestored},
	}, {
		// With no effect, KeGetCurrentIrql's result is no IRQL, and
		// testing it narrows nothing: the sleep may run at the role's
		// DISPATCH_LEVEL.
		name:    "query",
		pkg:     "example.com/t/catalogue/query",
		without: setEffect("KeGetCurrentIrql", rules.EffectNone),
		with: replace(rules.DDI{
			Name: "KeGetCurrentIrql", Package: "wdm", GoName: "KeGetCurrentIrql",
			Page: "nf-wdm-kegetcurrentirql", Family: "irql", Returns: "KIRQL", GoReturns: "wdm.Irql",
			Irql:   rules.Irql{Kind: rules.IrqlAny, Page: "Any level"},
			Effect: rules.EffectQuery,
		}),
		withoutRules: []string{rules.RuleIrqlAboveMax},
	}, {
		// With no lock operation, NdisAcquireSpinLock is a plain raise to
		// DISPATCH_LEVEL, and raising twice is no mistake.
		name:    "lock",
		pkg:     "example.com/t/catalogue/lock",
		without: setLock("NdisAcquireSpinLock", nil),
		with:    setLock("NdisAcquireSpinLock", &rules.Lock{Op: rules.LockAcquire, Param: "_SpinLock"}),
	}} {
		t.Run(tc.name, func(t *testing.T) {
			cattest.Use(t, tc.without)
			if got := reportedRules(t, tc.pkg); !slices.Equal(got, tc.withoutRules) {
				t.Errorf("without the entry: rules %q, want %q", got, tc.withoutRules)
			}
			cattest.Use(t, func(t *testing.T, c *rules.Catalogue) {
				tc.without(t, c)
				tc.with(t, c)
			})
			analysistest.Run(t, analysistest.TestData(), irql.Analyzer, tc.pkg)
		})
	}
}

// remove returns an edit that takes the DDI name out of the catalogue.
func remove(name string) func(t *testing.T, c *rules.Catalogue) {
	return func(t *testing.T, c *rules.Catalogue) {
		t.Helper()
		i := ddiIndex(t, c, name)
		c.DDIs = slices.Delete(c.DDIs, i, i+1)
	}
}

// add returns an edit that adds d to the catalogue.
func add(d rules.DDI) func(t *testing.T, c *rules.Catalogue) {
	return func(t *testing.T, c *rules.Catalogue) { c.DDIs = append(c.DDIs, d) }
}

// replace returns an edit that takes d's namesake out of the catalogue and
// adds d.
func replace(d rules.DDI) func(t *testing.T, c *rules.Catalogue) {
	return func(t *testing.T, c *rules.Catalogue) {
		t.Helper()
		remove(d.Name)(t, c)
		add(d)(t, c)
	}
}

// setEffect returns an edit that sets the IRQL effect of the DDI name.
func setEffect(name string, effect rules.IrqlEffect) func(t *testing.T, c *rules.Catalogue) {
	return func(t *testing.T, c *rules.Catalogue) {
		t.Helper()
		ddiOf(t, c, name).Effect = effect
	}
}

// setLock returns an edit that sets the lock operation of the DDI name.
func setLock(name string, lock *rules.Lock) func(t *testing.T, c *rules.Catalogue) {
	return func(t *testing.T, c *rules.Catalogue) {
		t.Helper()
		ddiOf(t, c, name).Lock = lock
	}
}

// ddiOf returns the entry of the DDI name in c.
func ddiOf(t *testing.T, c *rules.Catalogue, name string) *rules.DDI {
	t.Helper()
	return &c.DDIs[ddiIndex(t, c, name)]
}

// ddiIndex returns the index of the DDI name in c.DDIs.
func ddiIndex(t *testing.T, c *rules.Catalogue, name string) int {
	t.Helper()
	i := slices.IndexFunc(c.DDIs, func(d rules.DDI) bool { return d.Name == name })
	if i < 0 {
		t.Fatalf("the catalogue has no %s", name)
	}
	return i
}

// reportedRules runs the pass on the testdata package pkg and returns the
// rules of its findings there, in the order they are reported.
func reportedRules(t *testing.T, pkg string) []string {
	t.Helper()
	cfg := &packages.Config{Mode: packages.LoadAllSyntax, Dir: "testdata", Env: append(envNoWork(), "GOFLAGS=-mod=mod")}
	pkgs, err := packages.Load(cfg, pkg)
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatalf("%s does not load", pkg)
	}
	g, err := checker.Analyze([]*analysis.Analyzer{irql.Analyzer}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for act := range g.All() {
		if act.Err != nil {
			t.Fatalf("%s on %s: %v", act.Analyzer.Name, act.Package.PkgPath, act.Err)
		}
		if act.IsRoot && act.Analyzer == irql.Analyzer {
			for _, d := range act.Diagnostics {
				ids = append(ids, d.Category)
			}
		}
	}
	return ids
}
