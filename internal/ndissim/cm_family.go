package ndissim

import (
	"strings"

	"github.com/ndislint/ndislint/rules"
)

// Stand-alone call managers call NdisCm*, miniport call managers the
// NdisMCm* counterparts; the two share one implementation here, which knows
// by the DDI's name which family was called.

// isMCMDDI reports whether ddi is a miniport call manager's NdisMCm* (or
// NdisMCo*) function.
func isMCMDDI(ddi string) bool { return strings.HasPrefix(ddi, "NdisMCm") }

// counterpart returns the other family's name for a DDI: NdisMCmX for NdisCmX
// and the reverse, NdisMCmOidRequestComplete for NdisCoOidRequestComplete.
func counterpart(ddi string) string {
	switch {
	case ddi == "NdisCoOidRequestComplete":
		return "NdisMCmOidRequestComplete"
	case ddi == "NdisMCmOidRequestComplete":
		return "NdisCoOidRequestComplete"
	case strings.HasPrefix(ddi, "NdisMCm"):
		return "NdisCm" + strings.TrimPrefix(ddi, "NdisMCm")
	case strings.HasPrefix(ddi, "NdisCm"):
		return "NdisMCm" + strings.TrimPrefix(ddi, "NdisCm")
	}
	return ddi
}

// checkFamily reports a call manager calling the other family's DDI: an MCM
// calling NdisCm* (or NdisCoOidRequestComplete) or a stand-alone call
// manager calling NdisMCm*.
func (w *world) checkFamily(ddi string, cm cmRef) bool {
	if isMCMDDI(ddi) == cm.isMCM() {
		return true
	}
	kind := "stand-alone call managers (protocol drivers)"
	if isMCMDDI(ddi) {
		kind = "miniport call managers"
	}
	w.report(rules.RuleBadHandle, "%s: the object belongs to %s, which calls %s; only %s call %s", ddi, cm.who(), counterpart(ddi), kind, ddi)
	return false
}

// noHandler reports, once per driver and role, a NULL handler NDIS needed.
func (w *world) noHandler(drv driverRef, role string) {
	if w.once("nohandler:" + drv.driverName() + ":" + role) {
		w.report(rules.RuleMissingHandler, "%s has no %s handler, which NDIS needs now", drv.driverName(), role)
	}
}
