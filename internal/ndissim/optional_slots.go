package ndissim

import (
	"reflect"
	"strings"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

// Mandatory handler slots come from the catalogue (HandlerStruct.Slots[],
// Required): "all" is mandatory for every driver that registers the
// structure; a condition that leaves miniport call managers out ("CoNDIS
// miniports that are not MCMs") is mandatory for the other drivers. Other
// conditions ("clients"), "unstated" and "" are not checked at run time.

// slotRequired reports whether the catalogue makes slot sl mandatory for a
// driver that registers its structure; mcm is true for a miniport call
// manager.
func slotRequired(sl rules.Slot, mcm bool) bool {
	switch {
	case sl.Required == "all":
		return true
	case strings.Contains(sl.Required, "not MCMs"):
		return !mcm
	}
	return false
}

// missingSlots reports every mandatory handler slot of the structure s (a
// pointer to a handler structure) that is NULL, naming the slot and its role.
// mcm is true when the driver is a miniport call manager.
func (w *world) missingSlots(ddi string, drv driverRef, s ndis.DriverOptionalHandlers, mcm bool) {
	cname := handlersName(s)
	c := w.st.Catalogue()
	if c == nil {
		return
	}
	hs := c.Struct(cname)
	if hs == nil {
		return
	}
	rv := reflect.ValueOf(s).Elem()
	for _, sl := range hs.Slots {
		if !slotRequired(sl, mcm) {
			continue
		}
		f := rv.FieldByName(sl.Field)
		if !f.IsValid() || f.Kind() != reflect.Func || !f.IsNil() {
			continue
		}
		if !w.once("missing:" + drv.driverName() + ":" + cname + "." + sl.Field) {
			continue
		}
		w.report(rules.RuleMissingHandler, "%s: %s registered %s with %s NULL; NDIS calls this %s handler, so every driver that registers the structure must supply it (a stub that returns NDIS_STATUS_NOT_SUPPORTED where the feature is not supported)",
			ddi, drv.driverName(), cname, sl.Field, sl.Role)
	}
}

// handlersName names the handler structure h points to, in NDIS spelling
// (what the structure's unexported optionalHandlers method says in package
// ndis).
func handlersName(h ndis.DriverOptionalHandlers) string {
	switch h.(type) {
	case *ndis.ProtocolCoCharacteristics:
		return "NDIS_PROTOCOL_CO_CHARACTERISTICS"
	case *ndis.CoClientOptionalHandlers:
		return "NDIS_CO_CLIENT_OPTIONAL_HANDLERS"
	case *ndis.CoCallManagerOptionalHandlers:
		return "NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS"
	case *ndis.MiniportCoCharacteristics:
		return "NDIS_MINIPORT_CO_CHARACTERISTICS"
	case *ndis.MiniportPnpCharacteristics:
		return "NDIS_MINIPORT_PNP_CHARACTERISTICS"
	case *ndis.MiniportSsCharacteristics:
		return "NDIS_MINIPORT_SS_CHARACTERISTICS"
	}
	return "NULL"
}
