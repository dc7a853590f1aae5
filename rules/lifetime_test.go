package rules

import (
	"reflect"
	"strings"
	"testing"
)

// TestParseWhen checks every form of an edge's When.
func TestParseWhen(t *testing.T) {
	for _, tc := range []struct {
		when   string
		want   *Cond
		opaque bool
	}{
		{"", nil, false},
		{"any Status", nil, false},
		{"returns NDIS_STATUS_PENDING", &Cond{Of: CondReturn, Op: "==", Values: []string{"NDIS_STATUS_PENDING"}}, false},
		{"returns anything other than NDIS_STATUS_PENDING", &Cond{Of: CondReturn, Op: "!=", Values: []string{"NDIS_STATUS_PENDING"}}, false},
		{"returns an error status", &Cond{Of: CondReturn, Op: "!=", Values: []string{"NDIS_STATUS_SUCCESS", "NDIS_STATUS_PENDING"}}, false},
		{"Status != NDIS_STATUS_SUCCESS", &Cond{Of: "Status", Op: "!=", Values: []string{"NDIS_STATUS_SUCCESS"}}, false},
		{"ProtocolPartyContext != NULL", &Cond{Of: "ProtocolPartyContext", Op: "!=", Values: []string{"NULL"}}, false},
		{"NdisPartyHandle is the last party", nil, true},
		{"returns something", nil, true},
	} {
		got, opaque := ParseWhen(tc.when)
		if !reflect.DeepEqual(got, tc.want) || opaque != tc.opaque {
			t.Errorf("ParseWhen(%q) = %+v, %v; want %+v, %v", tc.when, got, opaque, tc.want, tc.opaque)
		}
	}
}

// TestCondAdmits checks both operators and the nil condition.
func TestCondAdmits(t *testing.T) {
	eq := &Cond{Of: CondReturn, Op: "==", Values: []string{"NDIS_STATUS_SUCCESS"}}
	ne := &Cond{Of: CondReturn, Op: "!=", Values: []string{"NDIS_STATUS_SUCCESS", "NDIS_STATUS_PENDING"}}
	var none *Cond
	if !eq.Admits("NDIS_STATUS_SUCCESS") || eq.Admits("NDIS_STATUS_PENDING") {
		t.Error("== admits the wrong values")
	}
	if ne.Admits("NDIS_STATUS_PENDING") || !ne.Admits("NDIS_STATUS_FAILURE") {
		t.Error("!= admits the wrong values")
	}
	if !none.Admits("NDIS_STATUS_PENDING") {
		t.Error("a nil condition must admit everything")
	}
}

// TestLifetimeQueries checks the lookups the vclifetime pass relies on
// against the committed catalogue.
func TestLifetimeQueries(t *testing.T) {
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	cm, client := c.Lifetime(ObjectVcCM), c.Lifetime(ObjectVcClient)
	if cm == nil || client == nil || c.Lifetime("nope") != nil {
		t.Fatal("Lifetime does not find the VC lifetimes")
	}
	byOf := func(es []*Edge) []string {
		var out []string
		for _, e := range es {
			out = append(out, e.By)
		}
		return out
	}
	for _, tc := range []struct {
		what string
		got  []string
		want []string
	}{
		{"vc-cm creation", byOf(cm.Creation()), []string{"PROTOCOL_CO_CREATE_VC"}},
		{"vc-client creation", byOf(client.Creation()), []string{"NdisCoCreateVc"}},
		{"vc-cm handle killed by a role", byOf(cm.Invalidating(KindVcHandle, EventRole)), []string{"PROTOCOL_CL_CLOSE_CALL_COMPLETE"}},
		{"vc-cm handle killed by a DDI", byOf(cm.Invalidating(KindVcHandle, EventDDI)), []string{"NdisClCloseCall"}},
		{"vc-cm context ended", byOf(cm.Invalidating(KindVcContext, EventRole)), []string{"PROTOCOL_CO_DELETE_VC"}},
		{"vc-client delete", byOf(client.Invalidating(KindVcHandle, EventDDI)), []string{"NdisCoDeleteVc"}},
	} {
		if !reflect.DeepEqual(tc.got, tc.want) {
			t.Errorf("%s: %v, want %v", tc.what, tc.got, tc.want)
		}
	}
	if !cm.InvalidFor("condis-client") || !cm.InvalidFor("condis-common") || cm.InvalidFor("condis-cm") {
		t.Errorf("vc-cm invalid for %v", cm.Invalid)
	}
	if e := cm.EdgesBy("PROTOCOL_CO_DELETE_VC"); len(e) != 1 || !e[0].Leaves("handle-dead") || e[0].Leaves("dead") {
		t.Errorf("PROTOCOL_CO_DELETE_VC edges %+v", e)
	}
}

// TestLoadRejectsBrokenLifetimes checks the validation of the lifetime
// fields and of the edges' derived fields.
func TestLoadRejectsBrokenLifetimes(t *testing.T) {
	cases := []struct {
		name  string
		f     func(c *Catalogue)
		wants []string
	}{
		{"unknown object", func(c *Catalogue) { c.Lifetimes[0].Object = "vc-nope" }, []string{"object", "vc-nope"}},
		{"initial state no edge leaves", func(c *Catalogue) { c.Lifetime(ObjectVcCM).Initial = "limbo" }, []string{`lifetime "vc-cm"`, "initial", "limbo"}},
		{"unknown handle kind", func(c *Catalogue) { c.Lifetime(ObjectVcCM).Handle = "vc-thing" }, []string{"handle", "vc-thing"}},
		{"invalid without a reason", func(c *Catalogue) { c.Lifetime(ObjectVcCM).Invalid.Reason = "" }, []string{"invalid", "reason"}},
		{"invalid family that takes no VC handle", func(c *Catalogue) {
			c.Lifetime(ObjectVcCM).Invalid.Families = []string{"memory"}
		}, []string{"invalid", "memory"}},
		{"event kind that is not the entry's", func(c *Catalogue) { c.Lifetime(ObjectVcCM).Edges[0].Event = EventDDI }, []string{"edge 0", "event"}},
		{"cond that does not match when", func(c *Catalogue) { c.Lifetime(ObjectVcCM).Edges[0].Cond.Op = "!=" }, []string{"edge 0", "cond", "when"}},
		{"cond on no parameter", func(c *Catalogue) {
			e := &c.Lifetime(ObjectVcClient).Edges[4]
			e.When, e.Cond = "Nope == NDIS_STATUS_SUCCESS", &Cond{Of: "Nope", Op: "==", Values: []string{"NDIS_STATUS_SUCCESS"}}
		}, []string{"edge 4", "cond", "Nope"}},
		{"invalidatesKind that is not the parameter's", func(c *Catalogue) {
			c.Lifetime(ObjectVcClient).Invalidating(KindVcHandle, EventDDI)[0].InvalidatesKind = KindAfHandle
		}, []string{"invalidatesKind", "NdisVcHandle"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Load(mutate(t, tc.f))
			if err == nil {
				t.Fatal("Load accepted the broken catalogue")
			}
			for _, w := range tc.wants {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
		})
	}
}
