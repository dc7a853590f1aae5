package kernel

import (
	"testing"

	"github.com/ndislint/ndislint/rules"
)

// TestWithNDIS: Reset calls the attach function of WithNDIS once, with the
// new State after every other option is applied (whatever their order), and
// NDIS returns what it made; a run without WithNDIS has no NDIS.
func TestWithNDIS(t *testing.T) {
	def, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	type sim struct{ st *State }
	calls := 0
	var sawCat *rules.Catalogue
	attach := func(s *State) any {
		calls++
		sawCat = s.Catalogue()
		return &sim{st: s}
	}
	s := Reset(WithNDIS(attach), WithCatalogue(def))
	if calls != 1 {
		t.Fatalf("attach ran %d times, want 1", calls)
	}
	if sawCat != def {
		t.Errorf("attach ran before WithCatalogue was applied")
	}
	got, ok := s.NDIS().(*sim)
	if !ok || got.st != s {
		t.Errorf("NDIS() = %v, want the simulator attach made for this State", s.NDIS())
	}
	if Current().NDIS() != s.NDIS() {
		t.Errorf("the current State does not hold the run's NDIS")
	}
	if n := Reset().NDIS(); n != nil {
		t.Errorf("a run without WithNDIS has NDIS() = %v", n)
	}
}
