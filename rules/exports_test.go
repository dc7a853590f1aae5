package rules_test

import (
	"go/token"
	"go/types"
	"sort"
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/ndislint/ndislint/rules"
)

// This file checks the catalogue against the Go model itself: every
// function package wdm or ndis exports is a DDI of the catalogue or listed
// in Catalogue.Uncatalogued with its reason, every DDI's parameters are the
// Go function's, and every value-dependent bound compares a constant the
// model has. The exports are found with go/types, not by a hand list.

// modelPackages are the import paths of the Go model of ndis.h and wdm.h.
var modelPackages = []string{"github.com/ndislint/ndislint/wdm", "github.com/ndislint/ndislint/ndis"}

// model is the type-checked model.
type model struct {
	fset *token.FileSet
	pkgs map[string]*types.Package // by package name: wdm, ndis
}

// loadModel type-checks wdm and ndis.
func loadModel(t *testing.T) *model {
	t.Helper()
	m := &model{fset: token.NewFileSet(), pkgs: map[string]*types.Package{}}
	cfg := &packages.Config{Mode: packages.NeedName | packages.NeedTypes, Fset: m.fset}
	pkgs, err := packages.Load(cfg, modelPackages...)
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 || len(pkgs) != len(modelPackages) {
		t.Fatalf("loading %v failed", modelPackages)
	}
	for _, p := range pkgs {
		m.pkgs[p.Types.Name()] = p.Types
	}
	return m
}

// fn returns the exported function pkg.name of the model, or nil.
func (m *model) fn(pkg, name string) *types.Func {
	p := m.pkgs[pkg]
	if p == nil {
		return nil
	}
	f, _ := p.Scope().Lookup(name).(*types.Func)
	return f
}

// unaccounted returns the exported functions of the model that are neither
// a DDI of c nor listed in c.Uncatalogued, as pkg.Name, sorted.
func unaccounted(c *rules.Catalogue, m *model) []string {
	listed := map[string]bool{}
	for _, u := range c.Uncatalogued {
		listed[u.Package+"."+u.GoName] = true
	}
	var out []string
	for name, p := range m.pkgs {
		for _, n := range p.Scope().Names() {
			if f, ok := p.Scope().Lookup(n).(*types.Func); !ok || !f.Exported() {
				continue
			}
			if c.DDIByGo(name, n) == nil && !listed[name+"."+n] {
				out = append(out, name+"."+n)
			}
		}
	}
	sort.Strings(out)
	return out
}

// TestEveryModelExportIsCatalogued fails on an exported function of wdm or
// ndis that is neither a DDI nor listed with a reason, on a listed one that
// the model does not export, and on a DDI the model lacks.
func TestEveryModelExportIsCatalogued(t *testing.T) {
	m := loadModel(t)
	c, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range unaccounted(c, m) {
		t.Errorf("%s is exported, but is no DDI of the catalogue and is not in overlay.json's uncatalogued (with the reason)", n)
	}
	for _, u := range c.Uncatalogued {
		if m.fn(u.Package, u.GoName) == nil {
			t.Errorf("uncatalogued %s.%s: the model exports no such function", u.Package, u.GoName)
		}
	}
	for i := range c.DDIs {
		d := &c.DDIs[i]
		f := m.fn(d.Package, d.GoName)
		if f == nil {
			t.Errorf("%s: the model has no function %s.%s", d.Name, d.Package, d.GoName)
			continue
		}
		checkGoSignature(t, d, f.Signature())
	}
}

// TestUnaccountedSeesEachKindOfGap shows the check fails when an export
// loses its DDI entry or its listing.
func TestUnaccountedSeesEachKindOfGap(t *testing.T) {
	m := loadModel(t)
	cases := []struct {
		name string
		edit func(c *rules.Catalogue)
		want string
	}{
		{"listing removed", func(c *rules.Catalogue) { c.Uncatalogued = nil }, "wdm.IrqlByName"},
		{"DDI removed", func(c *rules.Catalogue) { c.DDIs = withoutDDI(c.DDIs, "KeSetEvent") }, "wdm.KeSetEvent"},
	}
	for _, tc := range cases {
		data, err := rules.EditDefault(tc.edit)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		c, err := rules.Load(data)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if got := unaccounted(c, m); len(got) != 1 || got[0] != tc.want {
			t.Errorf("%s: unaccounted = %v, want [%s]", tc.name, got, tc.want)
		}
	}
}

// withoutDDI returns ddis minus the one called name.
func withoutDDI(ddis []rules.DDI, name string) []rules.DDI {
	var out []rules.DDI
	for _, d := range ddis {
		if d.Name != name {
			out = append(out, d)
		}
	}
	return out
}

// qualifier writes types as the catalogue does: package-qualified by name.
func qualifier(p *types.Package) string { return p.Name() }

// checkGoSignature compares a DDI's parameters (page order, Go names and
// types) and result with the model's function.
func checkGoSignature(t *testing.T, d *rules.DDI, sig *types.Signature) {
	t.Helper()
	if sig.Params().Len() != len(d.Params) {
		t.Errorf("%s: %d params, the model's %s has %d", d.Name, len(d.Params), d.GoName, sig.Params().Len())
		return
	}
	for i, p := range d.Params {
		v := sig.Params().At(i)
		typ := types.TypeString(v.Type(), qualifier)
		if s, ok := v.Type().(*types.Slice); ok && sig.Variadic() && i == len(d.Params)-1 {
			typ = "..." + types.TypeString(s.Elem(), qualifier) // a page's "..." parameter
		}
		if v.Name() != p.GoName || typ != p.GoType {
			t.Errorf("%s: param %d is %s %s, the model's is %s %s", d.Name, i, p.GoName, p.GoType, v.Name(), typ)
		}
	}
	got := ""
	if sig.Results().Len() == 1 {
		got = types.TypeString(sig.Results().At(0).Type(), qualifier)
	}
	if got != d.GoReturns {
		t.Errorf("%s: returns %q, the model's %s returns %q", d.Name, d.GoReturns, d.GoName, got)
	}
}

// TestWhenValuesAreModelConstants type-checks every value-dependent
// bound's GoValue in the model's package against the Go type of the value
// the condition is on.
func TestWhenValuesAreModelConstants(t *testing.T) {
	m := loadModel(t)
	c, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for i := range c.DDIs {
		d := &c.DDIs[i]
		for _, w := range d.Irql.When {
			n++
			target := whenTarget(t, m, c, d, w)
			if target == nil {
				continue
			}
			if msg := constantFits(m, d.Package, w.GoValue, target); msg != "" {
				t.Errorf("%s: when %s %s %s: goValue %s %s", d.Name, w.Param, w.Op, w.Value, w.GoValue, msg)
			}
		}
	}
	if n == 0 {
		t.Error("no value-dependent bound in the catalogue")
	}
}

// whenTarget is the model's type of the value w's condition is on.
func whenTarget(t *testing.T, m *model, c *rules.Catalogue, d *rules.DDI, w rules.IrqlWhen) types.Type {
	t.Helper()
	owner, param := d, w.Param
	if w.Of != nil {
		owner, param = c.DDI(w.Of.DDI), w.Of.Param
	}
	f := m.fn(owner.Package, owner.GoName)
	i := owner.ParamIndex(param)
	if f == nil || i < 0 {
		t.Errorf("%s: when on %s.%s, which the model does not have", d.Name, owner.Name, param)
		return nil
	}
	typ := f.Signature().Params().At(i).Type()
	if w.Deref {
		ptr, ok := typ.Underlying().(*types.Pointer)
		if !ok {
			t.Errorf("%s: when derefs %s, a %s", d.Name, param, typ)
			return nil
		}
		typ = ptr.Elem()
	}
	return typ
}

// constantFits says why the Go expression value, evaluated in the model's
// package pkg, is not a constant (or nil) of type target; "" if it is.
func constantFits(m *model, pkg, value string, target types.Type) string {
	tv, err := types.Eval(m.fset, m.pkgs[pkg], token.NoPos, value)
	if err != nil {
		return "does not type-check: " + err.Error()
	}
	if tv.IsNil() {
		switch target.Underlying().(type) {
		case *types.Pointer, *types.Interface:
			return ""
		}
		return "is nil, but the value is a " + target.String()
	}
	if tv.Value == nil {
		return "is no constant"
	}
	if !types.AssignableTo(tv.Type, target) {
		return "is not assignable to " + target.String()
	}
	return ""
}

// TestConstantFitsRejectsWrongConstants shows the check fails on a value of
// the wrong type and on a name the model does not have.
func TestConstantFitsRejectsWrongConstants(t *testing.T) {
	m := loadModel(t)
	i32 := types.Typ[types.Int32]
	ptr := types.NewPointer(types.Typ[types.Int64])
	for _, c := range []struct {
		value  string
		target types.Type
		ok     bool
	}{
		{"0", i32, true},
		{"nil", ptr, true},
		{"true", types.Typ[types.Bool], true},
		{"true", i32, false},
		{"nil", types.Typ[types.Bool], false},
		{"NoSuchConstant", i32, false},
		{"KeGetCurrentIrql()", types.Typ[types.Uint8], false},
	} {
		if msg := constantFits(m, "wdm", c.value, c.target); (msg == "") != c.ok {
			t.Errorf("constantFits(%s, %s) = %q, want ok=%v", c.value, c.target, msg, c.ok)
		}
	}
}
