package rules

import (
	"strings"
	"testing"
)

// TestLoadRejectsBrokenRoleData checks that Load names the entry and the
// field of each breakage of the role and handler-structure data the roles
// pass reads: driver kinds, sides, placeholders, conditional requirements.
func TestLoadRejectsBrokenRoleData(t *testing.T) {
	const client = "NDIS_CO_CLIENT_OPTIONAL_HANDLERS"
	cases := []struct {
		name  string
		spoil func(c *Catalogue)
		wants []string
	}{
		{"unknown driver kind", func(c *Catalogue) { c.Role("PROTOCOL_CO_CREATE_VC").Driver = "filterx" },
			[]string{`role "PROTOCOL_CO_CREATE_VC"`, "driver", "filterx"}},
		{"unknown side", func(c *Catalogue) { c.Struct(client).Side = "peer" },
			[]string{`struct "` + client + `"`, "side", "peer"}},
		{"side without a reason", func(c *Catalogue) { c.Struct(client).SideReason = "" },
			[]string{`struct "` + client + `"`, "sideReason"}},
		{"structure placeholder that pends", func(c *Catalogue) { c.Struct(client).Placeholder.Status = StatusPending },
			[]string{`struct "` + client + `"`, "placeholder", "status"}},
		{"structure placeholder without a reason", func(c *Catalogue) { c.Struct(client).Placeholder.Reason = "" },
			[]string{`struct "` + client + `"`, "placeholder", "reason"}},
		{"slot placeholder missing", func(c *Catalogue) { slot(c, client, "ClCreateVcHandler").Placeholder = nil },
			[]string{"slot ClCreateVcHandler", "placeholder", "NDIS_STATUS"}},
		{"slot placeholder for a VOID role", func(c *Catalogue) {
			slot(c, client, "ClCloseCallCompleteHandler").Placeholder = &Placeholder{Status: StatusSuccess, Reason: "r"}
		}, []string{"slot ClCloseCallCompleteHandler", "placeholder", "VOID"}},
		{"slot placeholder of any status", func(c *Catalogue) { slot(c, client, "ClCreateVcHandler").Placeholder.Status = StatusAny },
			[]string{"slot ClCreateVcHandler", "placeholder", "status"}},
		{"requiredWith naming no structure", func(c *Catalogue) {
			slot(c, "NDIS_PROTOCOL_CO_CHARACTERISTICS", "CoAfRegisterNotifyHandler").RequiredWith = "NDIS_NOPE"
		}, []string{"slot CoAfRegisterNotifyHandler", "requiredWith", "NDIS_NOPE"}},
		{"requiredWith without a reason", func(c *Catalogue) {
			slot(c, "NDIS_PROTOCOL_CO_CHARACTERISTICS", "CoAfRegisterNotifyHandler").RequiredWithReason = ""
		}, []string{"slot CoAfRegisterNotifyHandler", "requiredWithReason"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Load(mutate(t, tc.spoil))
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

// slot returns the slot called field of the structure called name.
func slot(c *Catalogue, name, field string) *Slot {
	s := c.Struct(name)
	for i := range s.Slots {
		if s.Slots[i].Field == field {
			return &s.Slots[i]
		}
	}
	panic("no slot " + name + "." + field)
}

// TestRoleDataDefaults checks the role data of the committed catalogue the
// roles pass relies on.
func TestRoleDataDefaults(t *testing.T) {
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]DriverKind{
		"PROTOCOL_CL_CLOSE_CALL_COMPLETE": DriverProtocol, "MINIPORT_CO_CREATE_VC": DriverMiniport,
		"SET_OPTIONS": DriverAny, "NDIS_TIMER_FUNCTION": DriverAny,
	} {
		if got := c.Role(name).Driver; got != want {
			t.Errorf("%s: driver %q, want %q", name, got, want)
		}
	}
	if c.Struct("NDIS_CO_CLIENT_OPTIONAL_HANDLERS").Side != SideClient || c.Struct("NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS").Side != SideCallManager {
		t.Error("the CoNDIS optional handler structures have no side")
	}
	for _, s := range []string{"NDIS_CO_CLIENT_OPTIONAL_HANDLERS", "NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS"} {
		if p := c.Struct(s).Placeholder; p == nil || p.Status != "NDIS_STATUS_NOT_SUPPORTED" {
			t.Errorf("%s: placeholder %+v", s, p)
		}
		// A placeholder ProtocolCoDeleteVc must not fail the deletion.
		for _, sl := range c.Struct(s).Slots {
			if sl.Role == "PROTOCOL_CO_DELETE_VC" && sl.Placeholder.Status != StatusSuccess {
				t.Errorf("%s.%s: placeholder %+v", s, sl.Field, sl.Placeholder)
			}
		}
	}
	if w := slot(c, "NDIS_PROTOCOL_CO_CHARACTERISTICS", "CoAfRegisterNotifyHandler").RequiredWith; w != "NDIS_CO_CLIENT_OPTIONAL_HANDLERS" {
		t.Errorf("CoAfRegisterNotifyHandler: requiredWith %q", w)
	}
}

// TestStatusNaming checks the naming rule of statuses both ways, and that
// names outside the rule are refused.
func TestStatusNaming(t *testing.T) {
	for ndisName, goName := range map[string]string{
		"NDIS_STATUS_SUCCESS": "StatusSuccess", "NDIS_STATUS_INVALID_OID": "StatusInvalidOid",
		"NDIS_STATUS_NOT_SUPPORTED": "StatusNotSupported",
	} {
		if got := StatusGoName(ndisName); got != goName {
			t.Errorf("StatusGoName(%s) = %s, want %s", ndisName, got, goName)
		}
		if got, ok := StatusName(goName); !ok || got != ndisName {
			t.Errorf("StatusName(%s) = %s, %t, want %s", goName, got, ok, ndisName)
		}
	}
	for _, bad := range []string{"Success", "Status_Pending", "status"} {
		if got, ok := StatusName(bad); ok {
			t.Errorf("StatusName(%s) = %s, accepted", bad, got)
		}
	}
}
