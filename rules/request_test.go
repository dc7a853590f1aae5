package rules

import (
	"strings"
	"testing"
)

// TestEveryPairHasRequest checks that every role whose handler may pend and
// that a DDI completes ties the request to its completion (Role.Request),
// for the plain and the MCM form alike, and that the two parameters carry
// the same object: the same kind, or the object's context on the role's
// side and its handle on the DDI's.
func TestEveryPairHasRequest(t *testing.T) {
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for i := range c.Roles {
		r := &c.Roles[i]
		if !r.MayPend || r.CompletedBy == "" {
			if r.Request != nil {
				t.Errorf("%s: a request, but the role does not pend", r.Name)
			}
			continue
		}
		if r.Request == nil {
			t.Errorf("%s: pends and is completed by %s, but has no request (overlay.json roles.%s.request)", r.Name, r.CompletedBy, r.Name)
			continue
		}
		for _, name := range []string{r.CompletedBy, r.CompletedByMCM} {
			if name == "" {
				continue
			}
			d := c.DDI(name)
			rp, dp, ok := c.RequestParams(r, d)
			if !ok {
				t.Errorf("%s/%s: RequestParams: not ok", r.Name, name)
				continue
			}
			n++
			if !sameObject(r.Params[rp], d.Params[dp]) {
				t.Errorf("%s/%s: %s (%s) and %s (%s) do not carry one object", r.Name, name,
					r.Params[rp].Name, r.Params[rp].Kind, d.Params[dp].Name, d.Params[dp].Kind)
			}
		}
	}
	if n < 20 {
		t.Errorf("only %d completion pairs tied; the catalogue lists more", n)
	}
}

// sameObject reports whether a role's parameter and a DDI's can name one
// object: the same Go type and kind, or a context and its handle
// (vc-context and vc-handle).
func sameObject(role, ddi Param) bool {
	if role.Kind == ddi.Kind {
		return role.GoType == ddi.GoType
	}
	obj := strings.TrimSuffix(string(role.Kind), "-context")
	return obj != string(role.Kind) && string(ddi.Kind) == obj+"-handle"
}

// TestRequestParamsRejects checks the answers for what is no pair.
func TestRequestParamsRejects(t *testing.T) {
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	mk := c.Role("PROTOCOL_CM_MAKE_CALL")
	if _, _, ok := c.RequestParams(mk, c.DDI("NdisCmCloseCallComplete")); ok {
		t.Error("NdisCmCloseCallComplete does not complete PROTOCOL_CM_MAKE_CALL")
	}
	if _, _, ok := c.RequestParams(nil, c.DDI("NdisCmMakeCallComplete")); ok {
		t.Error("no role")
	}
	rp, dp, ok := c.RequestParams(mk, c.DDI("NdisMCmMakeCallComplete"))
	if !ok || mk.Params[rp].Name != "CallMgrVcContext" || c.DDI("NdisMCmMakeCallComplete").Params[dp].Kind != KindVcHandle {
		t.Errorf("NdisMCmMakeCallComplete: %d %d %v", rp, dp, ok)
	}
}
