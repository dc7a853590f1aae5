package rules

import (
	"encoding/json"
	"strings"
	"testing"
)

// mutate loads the embedded catalogue, lets f break it and returns the JSON.
func mutate(t *testing.T, f func(c *Catalogue)) []byte {
	t.Helper()
	c, err := Load(embedded)
	if err != nil {
		t.Fatalf("the embedded catalogue does not load: %v", err)
	}
	f(c)
	b, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestLoadRejectsBrokenCatalogues checks that Load names the entry and the
// field of each kind of breakage.
func TestLoadRejectsBrokenCatalogues(t *testing.T) {
	cases := []struct {
		name  string
		data  func(t *testing.T) []byte
		wants []string
	}{
		{"malformed JSON", func(*testing.T) []byte { return []byte(`{"ddis": [`) }, []string{"parsing catalogue"}},
		{"wrong JSON type", func(*testing.T) []byte { return []byte(`{"ddis": {"a": 1}}`) }, []string{"parsing catalogue"}},
		{"bad IRQL level", func(t *testing.T) []byte {
			return mutate(t, func(c *Catalogue) { c.DDI("NdisClCloseCall").Irql.Level = "DISPATCH" })
		}, []string{`ddi "NdisClCloseCall"`, "irql", "level", "DISPATCH"}},
		{"bad IRQL kind", func(t *testing.T) []byte {
			return mutate(t, func(c *Catalogue) { c.Role("PROTOCOL_CO_CREATE_VC").Irql.Kind = "atmost" })
		}, []string{`role "PROTOCOL_CO_CREATE_VC"`, "irql", "kind"}},
		{"see Remarks without a reason", func(t *testing.T) []byte {
			return mutate(t, func(c *Catalogue) { c.DDI("NdisFreeMemory").Irql.Reason = "" })
		}, []string{`ddi "NdisFreeMemory"`, "irql", "reason"}},
		{"unknown role in a slot", func(t *testing.T) []byte {
			return mutate(t, func(c *Catalogue) {
				c.Struct("NDIS_CO_CLIENT_OPTIONAL_HANDLERS").Slots[0].Role = "PROTOCOL_CL_NOPE"
			})
		}, []string{`struct "NDIS_CO_CLIENT_OPTIONAL_HANDLERS"`, "slot ClCreateVcHandler", "role", "PROTOCOL_CL_NOPE"}},
		{"unknown role in completedBy", func(t *testing.T) []byte {
			return mutate(t, func(c *Catalogue) { c.DDI("NdisClCloseCall").CompletedBy = "PROTOCOL_CL_NOPE" })
		}, []string{`ddi "NdisClCloseCall"`, "completedBy", "PROTOCOL_CL_NOPE"}},
		{"completion pair not pointing back (role side)", func(t *testing.T) []byte {
			return mutate(t, func(c *Catalogue) { c.Role("PROTOCOL_CL_CLOSE_CALL_COMPLETE").Completes = nil })
		}, []string{`ddi "NdisClCloseCall"`, "completedBy", "PROTOCOL_CL_CLOSE_CALL_COMPLETE"}},
		{"completion pair not pointing back (ddi side)", func(t *testing.T) []byte {
			return mutate(t, func(c *Catalogue) { c.DDI("NdisCmMakeCallComplete").Completes = "" })
		}, []string{`role "PROTOCOL_CM_MAKE_CALL"`, "completedBy", "NdisCmMakeCallComplete"}},
		{"param without direction", func(t *testing.T) []byte {
			return mutate(t, func(c *Catalogue) { c.DDI("NdisCoDeleteVc").Params[0].Dir = "" })
		}, []string{`ddi "NdisCoDeleteVc"`, "param NdisVcHandle", "dir"}},
		{"duplicate ddi", func(t *testing.T) []byte {
			return mutate(t, func(c *Catalogue) { c.DDIs = append(c.DDIs, *c.DDI("NdisCoDeleteVc")) })
		}, []string{`ddi "NdisCoDeleteVc"`, "duplicate"}},
		{"duplicate role", func(t *testing.T) []byte {
			return mutate(t, func(c *Catalogue) { c.Roles = append(c.Roles, *c.Role("PROTOCOL_CO_DELETE_VC")) })
		}, []string{`role "PROTOCOL_CO_DELETE_VC"`, "duplicate"}},
		{"ddi Go name breaking the rule", func(t *testing.T) []byte {
			return mutate(t, func(c *Catalogue) { c.DDI("NdisClCloseCall").GoName = "CloseCall" })
		}, []string{`ddi "NdisClCloseCall"`, "goName", "ClCloseCall"}},
		{"role Go name breaking the rule", func(t *testing.T) []byte {
			return mutate(t, func(c *Catalogue) { c.Role("PROTOCOL_CO_DELETE_VC").GoName = "CoDeleteVc" })
		}, []string{`role "PROTOCOL_CO_DELETE_VC"`, "goName"}},
		{"param Go name breaking the rule", func(t *testing.T) []byte {
			return mutate(t, func(c *Catalogue) { c.DDI("NdisCoDeleteVc").Params[0].GoName = "vc" })
		}, []string{`ddi "NdisCoDeleteVc"`, "param NdisVcHandle", "goName", "ndisVcHandle"}},
		{"lock on a parameter that does not exist", func(t *testing.T) []byte {
			return mutate(t, func(c *Catalogue) { c.DDI("NdisAcquireSpinLock").Lock.Param = "Lock" })
		}, []string{`ddi "NdisAcquireSpinLock"`, "lock", "param"}},
		{"lifetime edge by an unknown entry", func(t *testing.T) []byte {
			return mutate(t, func(c *Catalogue) { c.Lifetimes[0].Edges[0].By = "NdisNope" })
		}, []string{"lifetime", "edge 0", "by", "NdisNope"}},
		{"companion failure condition on a parameter the DDI does not have", func(t *testing.T) []byte {
			return mutate(t, func(c *Catalogue) { c.Companions[0].FailsWhen.Param = "VirtualAddresses" })
		}, []string{"companion NdisMAllocateSharedMemory/NdisWriteErrorLogEntry", "failsWhen", "no parameter", "VirtualAddresses"}},
		{"companion failure condition on an in parameter", func(t *testing.T) []byte {
			return mutate(t, func(c *Catalogue) { c.Companions[0].FailsWhen.Param = "Length" })
		}, []string{"companion NdisMAllocateSharedMemory/NdisWriteErrorLogEntry", "failsWhen", "param Length", "direction"}},
		{"companion failure condition on an out parameter that cannot be nil", func(t *testing.T) []byte {
			return mutate(t, func(c *Catalogue) { c.Companions[0].FailsWhen.Param = "PhysicalAddress" })
		}, []string{"companion NdisMAllocateSharedMemory/NdisWriteErrorLogEntry", "failsWhen", "param PhysicalAddress", "Go type"}},
		{"companion failure condition with another value than NULL", func(t *testing.T) []byte {
			return mutate(t, func(c *Catalogue) { c.Companions[0].FailsWhen.Is = "0" })
		}, []string{"companion NdisMAllocateSharedMemory/NdisWriteErrorLogEntry", "failsWhen", "is"}},
		{"companion failure condition without a reason", func(t *testing.T) []byte {
			return mutate(t, func(c *Catalogue) { c.Companions[0].FailsWhen.Reason = "" })
		}, []string{"companion NdisMAllocateSharedMemory/NdisWriteErrorLogEntry", "failsWhen", "reason"}},
		{"nullOnly on a parameter the role does not have", func(t *testing.T) []byte {
			return mutate(t, func(c *Catalogue) {
				c.DDI("NdisReEnumerateProtocolBindings").Context.NullOnly[0].Param = "BindingContext"
			})
		}, []string{`ddi "NdisReEnumerateProtocolBindings"`, "nullOnly", "no parameter", "BindingContext"}},
		{"nullOnly on a parameter that cannot be NULL", func(t *testing.T) []byte {
			return mutate(t, func(c *Catalogue) {
				x := c.DDI("NdisReEnumerateProtocolBindings").Context
				x.NullOnly = []RoleParam{{Role: "MINIPORT_HALT", Param: "HaltAction"}}
			})
		}, []string{`ddi "NdisReEnumerateProtocolBindings"`, "nullOnly", "HaltAction", "never NULL"}},
		{"nullOnly on a role the context forbids", func(t *testing.T) []byte {
			return mutate(t, func(c *Catalogue) {
				x := c.DDI("NdisReEnumerateProtocolBindings").Context
				x.NullOnly = []RoleParam{{Role: "PROTOCOL_BIND_ADAPTER_EX", Param: "BindContext"}}
			})
		}, []string{`ddi "NdisReEnumerateProtocolBindings"`, "nullOnly", "PROTOCOL_BIND_ADAPTER_EX", "not allowed"}},
		{"nullOnly on an unknown role", func(t *testing.T) []byte {
			return mutate(t, func(c *Catalogue) {
				c.DDI("NdisReEnumerateProtocolBindings").Context.NullOnly[0].Role = "PROTOCOL_NOPE"
			})
		}, []string{`ddi "NdisReEnumerateProtocolBindings"`, "nullOnly", "PROTOCOL_NOPE"}},
		{"may pend although PENDING is forbidden", func(t *testing.T) []byte {
			return mutate(t, func(c *Catalogue) { c.Role("PROTOCOL_CO_CREATE_VC").MayPend = true })
		}, []string{`role "PROTOCOL_CO_CREATE_VC"`, "mayPend"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Load(tc.data(t))
			if err == nil {
				t.Fatal("Load accepted a broken catalogue")
			}
			for _, w := range tc.wants {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
		})
	}
}

// TestDefaultLoads checks the committed catalogue and its lookups.
func TestDefaultLoads(t *testing.T) {
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	d := c.DDI("NdisClCloseCall")
	if d == nil || c.DDIByGo("ndis", "ClCloseCall") != d {
		t.Fatal("NdisClCloseCall is missing or not found by its Go name")
	}
	if d.CompletedBy != "PROTOCOL_CL_CLOSE_CALL_COMPLETE" || d.Irql.Kind != IrqlMax || d.Irql.Level != "DISPATCH_LEVEL" {
		t.Errorf("NdisClCloseCall: completedBy %q, irql %+v", d.CompletedBy, d.Irql)
	}
	r := c.RoleByGo("ProtocolClCloseCallComplete")
	if r == nil || r != c.Role("PROTOCOL_CL_CLOSE_CALL_COMPLETE") {
		t.Fatal("PROTOCOL_CL_CLOSE_CALL_COMPLETE is missing or not found by its Go name")
	}
	for _, f := range []string{"PROTOCOL_CO_CREATE_VC", "PROTOCOL_CO_DELETE_VC"} {
		if !contains(c.Role(f).Forbidden, "NDIS_STATUS_PENDING") {
			t.Errorf("%s: NDIS_STATUS_PENDING is not forbidden", f)
		}
	}
	if got := c.DDI("NdisCoCreateVc").Invokes; !contains(got, "PROTOCOL_CO_CREATE_VC") {
		t.Errorf("NdisCoCreateVc invokes %v", got)
	}
}
