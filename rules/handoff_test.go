package rules_test

import (
	"go/constant"
	"go/types"
	"testing"

	"github.com/ndislint/ndislint/rules"
)

// TestKeepIfValuesAreModelConstants checks every Handoff's KeepIf against
// the model: the constant the naming rule gives its Flag
// (NDIS_RECEIVE_FLAGS_RESOURCES -> ndis.ReceiveFlagsResources) exists in the
// DDI's package, is an integer constant assignable to the type of the
// flags parameter, and has the value KeepIf.Value says.
func TestKeepIfValuesAreModelConstants(t *testing.T) {
	m := loadModel(t)
	c, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for i := range c.DDIs {
		d := &c.DDIs[i]
		for _, p := range d.Params {
			if p.Handoff == nil || p.Handoff.KeepIf == nil {
				continue
			}
			n++
			if msg := keepIfMismatch(m, d, p.Handoff.KeepIf); msg != "" {
				t.Errorf("%s: %s keepIf %s: %s", d.Name, p.Name, p.Handoff.KeepIf.Flag, msg)
			}
		}
	}
	if n == 0 {
		t.Error("no Handoff in the catalogue has a KeepIf")
	}
}

// keepIfMismatch says why k does not match the model's constant for its
// flag, in the package of d and for d's flags parameter; "" when it does.
func keepIfMismatch(m *model, d *rules.DDI, k *rules.FlagCond) string {
	i := d.ParamIndex(k.Param)
	f := m.fn(d.Package, d.GoName)
	if i < 0 || f == nil {
		return "the flags parameter " + k.Param + " is not the model's"
	}
	target := f.Signature().Params().At(i).Type()
	obj, ok := m.pkgs[d.Package].Scope().Lookup(k.GoName()).(*types.Const)
	if !ok {
		return "the model has no constant " + d.Package + "." + k.GoName()
	}
	if !types.AssignableTo(obj.Type(), target) {
		return d.Package + "." + k.GoName() + " is a " + obj.Type().String() + ", not assignable to " + target.String()
	}
	v, exact := constant.Uint64Val(constant.ToInt(obj.Val()))
	if !exact || v != uint64(k.Value) {
		return d.Package + "." + k.GoName() + " is " + obj.Val().ExactString() + ", not the catalogue's value"
	}
	return ""
}

// TestKeepIfMismatchSeesEachKindOfGap shows the check fails on a wrong
// value, a flag the model has no constant for, and a parameter the DDI
// does not have.
func TestKeepIfMismatchSeesEachKindOfGap(t *testing.T) {
	m := loadModel(t)
	c, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	var d *rules.DDI
	var k rules.FlagCond
	for i := range c.DDIs {
		for _, p := range c.DDIs[i].Params {
			if p.Handoff != nil && p.Handoff.KeepIf != nil && d == nil {
				d, k = &c.DDIs[i], *p.Handoff.KeepIf
			}
		}
	}
	if d == nil {
		t.Fatal("no Handoff in the catalogue has a KeepIf")
	}
	if msg := keepIfMismatch(m, d, &k); msg != "" {
		t.Fatalf("%s: the catalogue's own KeepIf does not match: %s", d.Name, msg)
	}
	wrongValue, unknownFlag, noParam := k, k, k
	wrongValue.Value ^= 0x80
	unknownFlag.Flag = "NDIS_RECEIVE_FLAGS_NO_SUCH_FLAG"
	noParam.Param = "NoSuchParam"
	for name, bad := range map[string]*rules.FlagCond{"wrong value": &wrongValue, "unknown flag": &unknownFlag, "no such parameter": &noParam} {
		if keepIfMismatch(m, d, bad) == "" {
			t.Errorf("%s: keepIfMismatch found nothing wrong", name)
		}
	}
}
