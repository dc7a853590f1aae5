package ndissim

import (
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

// SDV NdisOidComplete at run time (oid-bad-status, the static rule's ID):
// a request of an OID of the catalogue's OID table (Catalogue.OidStatuses)
// ends, by the return of a role the table applies to or by a DDI it applies
// to, only with a status of the OID's row. As statically, a return the
// role's page does not allow at all is role-bad-status's, and a completion
// with NDIS_STATUS_PENDING complete-with-pending's.

// oidReturned judges the status st that who's handler of role returned for
// req.
func (w *world) oidReturned(who, role string, req *ndis.OidRequest, st ndis.Status) {
	c := w.st.Catalogue()
	if c == nil || req == nil || !c.OidStatuses.ChecksRole(role) {
		return
	}
	row := c.OidStatuses.Oid(uint32(req.Oid))
	r := c.Role(role)
	if row == nil || r == nil || !row.BadReturn(r, st.String()) {
		return
	}
	w.report(rules.RuleOidBadStatus, "%s's %s returned %s for %s, whose requests end only with %s (%s)",
		who, r.Callback, st, row.Name, row.Allowed(false), c.OidStatuses.Page)
}

// oidCompleted judges the status a DDI completes req with.
func (w *world) oidCompleted(ddi string, req *ndis.OidRequest, st ndis.Status) {
	c := w.st.Catalogue()
	if c == nil || req == nil || !c.OidStatuses.ChecksDDI(ddi) {
		return
	}
	row := c.OidStatuses.Oid(uint32(req.Oid))
	if row == nil || !row.BadCompletion(st.String()) {
		return
	}
	w.report(rules.RuleOidBadStatus, "%s called with %s for %s, whose requests complete only with %s (%s)",
		ddi, st, row.Name, row.Allowed(true), c.OidStatuses.Page)
}
