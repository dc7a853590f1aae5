package vclifetime

import (
	"reflect"
	"testing"
)

// TestMergeIsOrderFree checks that what the pass keeps of a field does not
// depend on the order creation sites or imported facts are seen in.
func TestMergeIsOrderFree(t *testing.T) {
	a := []Discr{{Field: "createdByCM", Val: "true"}, {Field: "flags", Val: "4", Bits: true}}
	b := []Discr{{Field: "createdByCM", Val: "true"}, {Field: "flags", Val: "8", Bits: true}}
	var none []Discr
	for _, pair := range [][2][]Discr{{a, b}, {a, none}, {none, b}} {
		ab := mergeDiscr(mergeDiscr(nil, pair[0], false), pair[1], true)
		ba := mergeDiscr(mergeDiscr(nil, pair[1], false), pair[0], true)
		if !reflect.DeepEqual(ab, ba) {
			t.Errorf("mergeDiscr(%v, %v) = %v, but the other order gives %v", pair[0], pair[1], ab, ba)
		}
	}
	x := FieldProv{Key: "p.vc.h", Creators: ByCM, CMSite: "x.go:1:1", CMVals: a}
	y := FieldProv{Key: "p.vc.h", Creators: ByCM | ByClient, CMSite: "y.go:1:1", CMVals: b, ClientSite: "y.go:2:1"}
	merged := func(fs ...FieldProv) FieldProv {
		p := &provenance{byKey: map[string]*FieldProv{}}
		for _, f := range fs {
			p.merge(f)
		}
		return *p.byKey["p.vc.h"]
	}
	xy, yx := merged(x, y), merged(y, x)
	if xy.Creators != yx.Creators || !reflect.DeepEqual(xy.CMVals, yx.CMVals) || xy.ClientSite != yx.ClientSite {
		t.Errorf("merge depends on order: %+v, %+v", xy, yx)
	}
}
