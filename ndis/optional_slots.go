package ndis

import (
	"reflect"
	"strings"
	"unicode"
)

// Mandatory handler slots. The catalogue says which slots a driver must fill
// (HandlerStruct.Slots[].Required == "all"); until it does, every Cl*/Cm*
// slot is mandatory (their pages: every member must be non-NULL, unsupported
// features get a stub), as are the four NDIS_PROTOCOL_CO_CHARACTERISTICS
// handlers and a CoNDIS miniport's six (a miniport call manager supplies no
// MiniportCoCreateVc/DeleteVc/ActivateVc/DeactivateVc).

// missingSlots reports every mandatory handler slot of the structure s (a
// pointer to a handler structure) that is NULL, naming the slot and its role.
// skip lists slots not mandatory for this driver.
func (w *world) missingSlots(ddi string, drv driverRef, s DriverOptionalHandlers, skip map[string]bool) {
	cname := s.optionalHandlers()
	rv := reflect.ValueOf(s).Elem()
	rt := rv.Type()
	for i := 0; i < rt.NumField(); i++ {
		f := rt.Field(i)
		if f.Type.Kind() != reflect.Func || !rv.Field(i).IsNil() || skip[f.Name] {
			continue
		}
		role, required := slotRule(cname, f.Name, f.Type.Name())
		if !required {
			continue
		}
		if !w.once("missing:" + drv.driverName() + ":" + cname + "." + f.Name) {
			continue
		}
		w.report(RuleMissingHandler, "%s: %s registered %s with %s NULL; NDIS calls this %s handler, so every driver that registers the structure must supply it (a stub that returns NDIS_STATUS_NOT_SUPPORTED where the feature is not supported)",
			ddi, drv.driverName(), cname, f.Name, role)
	}
}

// slotRule returns the role of a slot and whether it is mandatory.
func slotRule(cname, field, goType string) (role string, required bool) {
	if c, err := catalogue(); err == nil {
		if hs := c.Struct(cname); hs != nil {
			for _, sl := range hs.Slots {
				if sl.Field == field {
					// "CoNDIS miniports that are not MCMs": the caller
					// skips those slots for a miniport call manager.
					return sl.Role, sl.Required == "all" || strings.Contains(sl.Required, "not MCMs")
				}
			}
		}
	}
	return roleName(goType), true
}

// roleName derives the role typedef of a handler slot from its Go type name
// by the naming rule (ProtocolClCloseCallComplete is
// PROTOCOL_CL_CLOSE_CALL_COMPLETE), with the two typedefs whose page names
// the callback differently. Slots only hold PROTOCOL_*, MINIPORT_* and
// SET_OPTIONS roles.
func roleName(goType string) string {
	switch goType {
	case "ProtocolCmRegisterSap":
		return "PROTOCOL_CM_REG_SAP"
	case "ProtocolCmModifyCallQoS":
		return "PROTOCOL_CM_MODIFY_QOS_CALL"
	}
	s := strings.ReplaceAll(strings.ReplaceAll(goType, "QoS", "Qos"), "PnP", "Pnp")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && unicode.IsUpper(r) {
			b.WriteByte('_')
		}
		b.WriteRune(unicode.ToUpper(r))
	}
	return b.String()
}
