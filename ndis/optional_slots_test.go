package ndis

import (
	"strings"
	"testing"
)

// TestRoleName checks the fallback that derives a slot's role typedef from
// its Go type when the catalogue has no slot entry, against the catalogue's
// own roles of the kinds slots hold.
func TestRoleName(t *testing.T) {
	c, err := catalogue()
	if err != nil {
		t.Fatalf("catalogue: %v", err)
	}
	n := 0
	for _, r := range c.Roles {
		if !strings.HasPrefix(r.Name, "PROTOCOL_") && !strings.HasPrefix(r.Name, "MINIPORT_") && r.Name != "SET_OPTIONS" {
			continue
		}
		if got := roleName(r.GoName); got != r.Name {
			t.Errorf("roleName(%q) = %q, want %q", r.GoName, got, r.Name)
		}
		n++
	}
	if n == 0 {
		t.Fatal("the catalogue has no roles")
	}
}
