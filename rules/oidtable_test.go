package rules_test

import (
	"go/constant"
	"go/types"
	"strings"
	"testing"

	"github.com/ndislint/ndislint/rules"
)

// TestOidConstantsAreTheCatalogues checks the model's OID constants both
// ways: every OID of the catalogue's table is a constant of the table's Go
// type in package ndis with the catalogue's value, and every constant of
// that type the model exports is an OID of the table.
func TestOidConstantsAreTheCatalogues(t *testing.T) {
	m := loadModel(t)
	c, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	tab := c.OidStatuses
	if tab == nil || len(tab.Oids) == 0 {
		t.Fatal("the catalogue has no OID table")
	}
	pkgName, typeName, _ := strings.Cut(tab.GoType, ".")
	pkg := m.pkgs[pkgName]
	if pkg == nil || pkg.Scope().Lookup(typeName) == nil {
		t.Fatalf("the model has no %s", tab.GoType)
	}
	oidType := pkg.Scope().Lookup(typeName).Type()
	for _, o := range tab.Oids {
		k, ok := pkg.Scope().Lookup(o.GoName).(*types.Const)
		if !ok {
			t.Errorf("%s: the model has no constant %s.%s", o.Name, pkgName, o.GoName)
			continue
		}
		v, exact := constant.Uint64Val(k.Val())
		if !types.Identical(k.Type(), oidType) || !exact || v != uint64(o.Value) {
			t.Errorf("%s: %s.%s is %s %s, the catalogue says %s %#x", o.Name, pkgName, o.GoName, k.Type(), k.Val().ExactString(), tab.GoType, o.Value)
		}
	}
	for _, name := range pkg.Scope().Names() {
		k, ok := pkg.Scope().Lookup(name).(*types.Const)
		if !ok || !k.Exported() || !types.Identical(k.Type(), oidType) {
			continue
		}
		found := false
		for _, o := range tab.Oids {
			found = found || o.GoName == name
		}
		if !found {
			t.Errorf("%s.%s is a %s the catalogue's OID table does not have", pkgName, name, tab.GoType)
		}
	}
}

// TestOidRows checks what the table says of a status: a return outside
// the first table's row that the role's page allows is the table's to
// report, one the page does not allow is role-bad-status's; a completion's
// NDIS_STATUS_PENDING is complete-with-pending's.
func TestOidRows(t *testing.T) {
	c, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	tab := c.OidStatuses
	row := tab.Oid(0xFD010101)
	if row == nil || row.Name != "OID_PNP_SET_POWER" || tab.Oid(5) != nil {
		t.Fatalf("Oid(0xFD010101) = %v, Oid(5) = %v", row, tab.Oid(5))
	}
	r := c.Role(tab.Roles[0])
	for _, x := range []struct {
		status           string
		badRet, badCompl bool
	}{
		{"NDIS_STATUS_SUCCESS", false, false},
		{"NDIS_STATUS_PENDING", false, false},
		{"NDIS_STATUS_INVALID_DATA", true, true},
		{"NDIS_STATUS_REQUEST_ABORTED", true, true},
		{"NDIS_STATUS_FAILURE", false, true},
	} {
		if got := row.BadReturn(r, x.status); got != x.badRet {
			t.Errorf("BadReturn(%s) = %v", x.status, got)
		}
		if got := row.BadCompletion(x.status); got != x.badCompl {
			t.Errorf("BadCompletion(%s) = %v", x.status, got)
		}
	}
	if !tab.ChecksRole("MINIPORT_OID_REQUEST") || tab.ChecksRole("MINIPORT_DIRECT_OID_REQUEST") || !tab.ChecksDDI("NdisMOidRequestComplete") {
		t.Errorf("roles %v, DDIs %v", tab.Roles, tab.DDIs)
	}
}
