package rules

import (
	"strings"

	"github.com/pkg/errors"
)

// OidTable is Static Driver Verifier's NdisOidComplete rule as data: for
// each OID its page names, the statuses a request for that OID may end
// with. The generator reads the rows from the SDV page
// (sdv/ndis-ndisoidcomplete) and each OID's value from overlay.json, which
// says in which public ntddndis.h it was confirmed (the reference has no OID
// pages, so no values).
type OidTable struct {
	// Page is the SDV page the rows come from (sdv/ndis-ndisoidcomplete).
	Page string `json:"page"`
	// SDV is the SDV rule's name (NdisOidComplete).
	SDV string `json:"sdv"`
	// GoType is the model's type of an OID value (ndis.Oid, NDIS_OID).
	GoType string `json:"goType"`
	// Roles are the roles of the page's "Applies to" list whose return ends
	// a request (MINIPORT_OID_REQUEST): a return is judged by Returned.
	Roles []string `json:"roles"`
	// DDIs are the DDIs of the "Applies to" list: their status argument
	// ends a pended request and is judged by Completed.
	DDIs []string `json:"ddis"`
	// Unchecked are the callbacks of the "Applies to" list that neither
	// return a status nor complete a request (MiniportDevicePnPEventNotify):
	// nothing of theirs is judged, with Reason saying why.
	Unchecked       []string `json:"unchecked,omitempty"`
	UncheckedReason string   `json:"uncheckedReason,omitempty"`
	// Oids are the page's rows, one per OID, in page order.
	Oids []OidStatuses `json:"oids"`
}

// OidStatuses is one OID of the table.
type OidStatuses struct {
	// Name is the OID's name (OID_PNP_SET_POWER).
	Name string `json:"name"`
	// GoName is the model's constant (OidPnpSetPower; docs/model.md).
	GoName string `json:"goName"`
	// Value is ntddndis.h's value.
	Value uint32 `json:"value"`
	// Source says which public header the value was confirmed in, with
	// the overlay's reason.
	Source string `json:"source"`
	// Returned are the statuses the page's first table allows: what a
	// role of Roles may return for a request of this OID (PENDING
	// included).
	Returned []string `json:"returned"`
	// Completed are the statuses the page's second table allows: what a
	// DDI of DDIs may complete a request of this OID with.
	Completed []string `json:"completed"`
}

// Oid returns the table's row for an OID value, or nil (also for a nil
// table).
func (t *OidTable) Oid(value uint32) *OidStatuses {
	if t == nil {
		return nil
	}
	for i := range t.Oids {
		if t.Oids[i].Value == value {
			return &t.Oids[i]
		}
	}
	return nil
}

// ChecksRole reports whether returns of the role called name are judged.
func (t *OidTable) ChecksRole(name string) bool { return t != nil && contains(t.Roles, name) }

// ChecksDDI reports whether the status argument of the DDI called name is
// judged.
func (t *OidTable) ChecksDDI(name string) bool { return t != nil && contains(t.DDIs, name) }

// BadReturn reports whether a handler of role r that returns status for a
// request of o's OID breaks the table. A status r's own page does not
// allow is role-bad-status's to report, so it is not one here: each
// defect is reported once.
func (o *OidStatuses) BadReturn(r *Role, status string) bool {
	if contains(o.Returned, status) {
		return false
	}
	return r == nil || len(r.Statuses) == 0 || contains(r.Statuses, StatusAny) || contains(r.Statuses, status)
}

// BadCompletion reports whether completing a request of o's OID with
// status breaks the table. NDIS_STATUS_PENDING is complete-with-pending's.
func (o *OidStatuses) BadCompletion(status string) bool {
	return status != StatusPending && !contains(o.Completed, status)
}

// Allowed returns the row's statuses for a return or a completion, joined
// for a message.
func (o *OidStatuses) Allowed(completion bool) string {
	if completion {
		return strings.Join(o.Completed, ", ")
	}
	return strings.Join(o.Returned, ", ")
}

// oidGoPrefix starts the Go name of every OID constant: OID_ in CamelCase.
const oidGoPrefix = "Oid"

// OidGoName is the Go name of the model's constant of an OID, by the
// naming rule (docs/model.md): OID_PNP_SET_POWER -> OidPnpSetPower,
// OID_802_3_DELETE_MULTICAST_ADDRESS -> Oid8023DeleteMulticastAddress.
func OidGoName(name string) string { return camelTypedef(name) }

// validateOids checks the OID table: known roles and DDIs, each OID named
// by the naming rule, once, with a value, a source and its statuses.
func (c *Catalogue) validateOids() error {
	t := c.OidStatuses
	if t == nil {
		return nil
	}
	if t.Page == "" || t.SDV == "" || t.GoType == "" {
		return errors.New("oidStatuses: page, sdv and goType are required")
	}
	for _, r := range t.Roles {
		if c.Role(r) == nil {
			return errors.Errorf("oidStatuses: roles: %q is no catalogued role", r)
		}
	}
	for _, d := range t.DDIs {
		if c.DDI(d) == nil {
			return errors.Errorf("oidStatuses: ddis: %q is no catalogued DDI", d)
		}
	}
	seen := map[uint32]string{}
	for _, o := range t.Oids {
		if err := o.validate(); err != nil {
			return errors.Wrapf(err, "oidStatuses: oid %q", o.Name)
		}
		if other, dup := seen[o.Value]; dup {
			return errors.Errorf("oidStatuses: oid %q: value %#x is also %q", o.Name, o.Value, other)
		}
		seen[o.Value] = o.Name
	}
	return nil
}

// validate checks one row.
func (o *OidStatuses) validate() error {
	switch {
	case !strings.HasPrefix(o.Name, "OID_"):
		return errors.New("name: not an OID_ name")
	case o.GoName != OidGoName(o.Name) || !strings.HasPrefix(o.GoName, oidGoPrefix):
		return errors.Errorf("goName: %q, the naming rule says %q", o.GoName, OidGoName(o.Name))
	case o.Value == 0 || o.Source == "":
		return errors.New("value and source are required")
	case len(o.Returned) == 0 || len(o.Completed) == 0:
		return errors.New("returned and completed are required")
	}
	return nil
}
