package kernel

import (
	"encoding/json"
	"testing"

	"github.com/ndislint/ndislint/rules"
)

// TestWithCatalogue: a run reads the catalogue Reset was given, and only
// that run: the next Reset without one is back on the embedded catalogue.
func TestWithCatalogue(t *testing.T) {
	def, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	data, err := json.Marshal(def)
	if err != nil {
		t.Fatal(err)
	}
	var edited rules.Catalogue
	if err := json.Unmarshal(data, &edited); err != nil {
		t.Fatal(err)
	}
	const role = "PROTOCOL_CL_CALL_CONNECTED"
	found := false
	for i := range edited.Roles {
		if edited.Roles[i].Name == role {
			edited.Roles[i].Irql = rules.Irql{Kind: rules.IrqlExact, Level: "PASSIVE_LEVEL", Page: "PASSIVE_LEVEL"}
			found = true
		}
	}
	if !found {
		t.Fatalf("no %s in the catalogue", role)
	}
	data, _ = json.Marshal(&edited)
	c, err := rules.Load(data)
	if err != nil {
		t.Fatal(err)
	}

	s := Reset(WithCatalogue(c))
	if s.Catalogue() != c {
		t.Error("the run does not read the catalogue it was given")
	}
	if l := s.RoleLevel(role); l != rules.PassiveLevel {
		t.Errorf("RoleLevel(%s) = %d with the edited catalogue, want PASSIVE_LEVEL", role, l)
	}
	s = Reset()
	if s.Catalogue() != def {
		t.Error("a run without WithCatalogue does not read the embedded catalogue")
	}
	if l := s.RoleLevel(role); l != rules.DispatchLevel {
		t.Errorf("RoleLevel(%s) = %d with the embedded catalogue, want DISPATCH_LEVEL", role, l)
	}
	if s = Reset(WithCatalogue(nil)); s.Catalogue() != def {
		t.Error("WithCatalogue(nil) does not keep the embedded catalogue")
	}
}
