package ndissim_test

import (
	"testing"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/ndistest"
	"github.com/ndislint/ndislint/rules"
)

// TestQueryBindingIfIndex: a binding's bound interface is the one NDIS
// registered for its adapter; with a provider's interface stacked below it,
// that is the lowest; the adapter's interface is NDIS's, so a driver's
// NdisIfDeregisterInterface of it is a bad handle.
func TestQueryBindingIfIndex(t *testing.T) {
	sys := ndistest.New(t, ndistest.KeepViolations())
	st := sys.AddStack("eth0", ndistest.MiniportScript{})
	p := st.BindProtocol(ndistest.ProtocolScript{})
	if !st.Restart() {
		t.Fatalf("restart: %v", st.Layers())
	}
	var bound, lowest ndis.NetIfindex
	var boundLuid, lowestLuid ndis.NetLuid
	if s := ndis.IfQueryBindingIfIndex(p.Handle(), &bound, &boundLuid, &lowest, &lowestLuid); s != ndis.StatusSuccess {
		t.Fatalf("NdisIfQueryBindingIfIndex = %s", s)
	}
	if bound == 0 || lowest != bound || lowestLuid != boundLuid || boundLuid.Value>>48 != 6 {
		t.Fatalf("bound %d (%#x), lowest %d (%#x)", bound, boundLuid.Value, lowest, lowestLuid.Value)
	}
	var found ndis.NetIfindex
	if ndis.IfGetInterfaceIndexFromNetLuid(boundLuid, &found) != ndis.StatusSuccess || found != bound {
		t.Fatalf("the adapter's interface is not found by its NET_LUID")
	}
	var prov ndis.Handle
	ndis.IfRegisterProvider(&ndis.IfProviderCharacteristics{}, nil, &prov)
	var idx uint32
	ndis.IfAllocateNetLuidIndex(131, &idx) // IF_TYPE_TUNNEL
	var tunnel ndis.NetIfindex
	luid := ndis.NetLuid{Value: uint64(idx)<<24 | 131<<48}
	if s := ndis.IfRegisterInterface(prov, luid, nil, &ndis.NetIfInformation{}, &tunnel); s != ndis.StatusSuccess {
		t.Fatalf("NdisIfRegisterInterface = %s", s)
	}
	ndis.IfAddIfStackEntry(bound, tunnel)
	var again ndis.NetIfindex
	ndis.IfQueryBindingIfIndex(p.Handle(), &again, &boundLuid, &lowest, &lowestLuid)
	if again != bound || lowest != tunnel || lowestLuid != luid {
		t.Fatalf("bound %d, lowest %d, want %d, %d", again, lowest, bound, tunnel)
	}
	ndis.IfDeregisterInterface(bound) // NDIS's, not the driver's
	st.Halt()
	if ndis.IfGetInterfaceIndexFromNetLuid(boundLuid, &found) != ndis.StatusInterfaceNotFound || ndis.IfAddIfStackEntry(tunnel, bound) != ndis.StatusInterfaceNotFound {
		t.Fatalf("the interface of a halted adapter is still found")
	}
	ndis.IfDeregisterInterface(tunnel)
	ndis.IfDeregisterProvider(prov)
	if v := sys.Violations(); len(v) != 1 || v[0].Rule != rules.RuleBadHandle {
		t.Fatalf("violations: %v", v)
	}
}
