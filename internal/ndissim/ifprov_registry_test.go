package ndissim

import (
	"testing"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

// ifProvider registers a provider and returns its handle.
func ifTestProvider(t *testing.T) ndis.Handle {
	t.Helper()
	var h ndis.Handle
	chars := &ndis.IfProviderCharacteristics{
		QueryObjectHandler: func(ndis.Handle, ndis.NetIfObjectId, *uint32, []byte) ndis.Status { return ndis.StatusSuccess },
		SetObjectHandler:   func(ndis.Handle, ndis.NetIfObjectId, uint32, []byte) ndis.Status { return ndis.StatusSuccess },
	}
	if st := ndis.IfRegisterProvider(chars, "provider", &h); st != ndis.StatusSuccess || h == nil {
		t.Fatalf("NdisIfRegisterProvider = %s", st)
	}
	return h
}

// TestInterfaceRegistry: NET_LUID indexes are handed out per type and
// reused once freed; interfaces get indexes from 1 and are found by index
// and NET_LUID until deregistered; a NET_LUID registered twice is
// NDIS_STATUS_DUPLICATE_OBJECTID; stack entries need both interfaces and
// go with them.
func TestInterfaceRegistry(t *testing.T) {
	s := reset()
	prov := ifTestProvider(t)
	var i1, i2 uint32
	if ndis.IfAllocateNetLuidIndex(71, &i1) != ndis.StatusSuccess || ndis.IfAllocateNetLuidIndex(71, &i2) != ndis.StatusSuccess || i1 != 1 || i2 != 2 {
		t.Fatalf("NET_LUID indexes %d, %d, want 1, 2", i1, i2)
	}
	luid1 := makeNetLuid(71, i1)
	luid2 := makeNetLuid(71, i2)
	var x1, x2 ndis.NetIfindex
	info := &ndis.NetIfInformation{}
	if st := ndis.IfRegisterInterface(prov, luid1, "if1", info, &x1); st != ndis.StatusSuccess || x1 != 1 {
		t.Fatalf("NdisIfRegisterInterface = %s, index %d", st, x1)
	}
	if st := ndis.IfRegisterInterface(prov, luid1, "again", info, &x2); st != ndis.StatusDuplicateObjectid {
		t.Fatalf("a second registration of the NET_LUID = %s", st)
	}
	if st := ndis.IfRegisterInterface(prov, luid2, "if2", info, &x2); st != ndis.StatusSuccess || x2 != 2 {
		t.Fatalf("NdisIfRegisterInterface = %s, index %d", st, x2)
	}
	var got ndis.NetIfindex
	var gotLuid ndis.NetLuid
	if ndis.IfGetInterfaceIndexFromNetLuid(luid2, &got) != ndis.StatusSuccess || got != x2 {
		t.Fatalf("index of NET_LUID 2 = %d", got)
	}
	if ndis.IfGetNetLuidFromInterfaceIndex(x1, &gotLuid) != ndis.StatusSuccess || gotLuid != luid1 {
		t.Fatalf("NET_LUID of index 1 = %#x", gotLuid.Value)
	}
	if ndis.IfAddIfStackEntry(x1, x2) != ndis.StatusSuccess || ndis.IfAddIfStackEntry(x1, x2) != ndis.StatusSuccess {
		t.Fatalf("stack entry refused")
	}
	if ndis.IfAddIfStackEntry(x1, 99) != ndis.StatusInterfaceNotFound {
		t.Fatalf("a stack entry with an unknown interface was taken")
	}
	w := of(s)
	if n := len(w.ifs().stack); n != 1 {
		t.Fatalf("stack entries %d, want 1", n)
	}
	if low := w.ifs().lowest(w.ifs().byIndex[x1]); low.index != x2 {
		t.Fatalf("lowest below %d is %d, want %d", x1, low.index, x2)
	}
	ndis.IfDeleteIfStackEntry(x2, x1) // no such entry: nothing happens
	ndis.IfDeleteIfStackEntry(x1, x2)
	if n := len(w.ifs().stack); n != 0 {
		t.Fatalf("stack entries %d after the delete, want 0", n)
	}
	ndis.IfAddIfStackEntry(x2, x1)
	ndis.IfDeregisterInterface(x1)
	if n := len(w.ifs().stack); n != 0 {
		t.Fatalf("stack entries %d after the interface went, want 0", n)
	}
	if ndis.IfGetInterfaceIndexFromNetLuid(luid1, &got) != ndis.StatusInterfaceNotFound || ndis.IfGetNetLuidFromInterfaceIndex(x1, &gotLuid) != ndis.StatusInterfaceNotFound {
		t.Fatalf("a deregistered interface is still found")
	}
	ndis.IfDeregisterInterface(x2)
	if ndis.IfFreeNetLuidIndex(71, i1) != ndis.StatusSuccess {
		t.Fatalf("NdisIfFreeNetLuidIndex failed")
	}
	var i3 uint32
	if ndis.IfAllocateNetLuidIndex(72, &i3); i3 != 1 {
		t.Fatalf("the first index of another type is %d, want 1", i3)
	}
	ndis.IfDeregisterProvider(prov)
	ksExpect(t, s)
}

// TestInterfaceMisuse: double deregistrations, unknown indexes and
// handles, unallocated NET_LUID indexes and NULL pointers are reported.
func TestInterfaceMisuse(t *testing.T) {
	s := reset()
	prov := ifTestProvider(t)
	var idx uint32
	ndis.IfAllocateNetLuidIndex(6, &idx)
	var x ndis.NetIfindex
	if st := ndis.IfRegisterInterface(prov, makeNetLuid(6, idx+5), nil, &ndis.NetIfInformation{}, &x); st != ndis.StatusInvalidParameter {
		t.Fatalf("a NET_LUID of an unallocated index = %s", st)
	}
	ndis.IfRegisterInterface(prov, makeNetLuid(6, idx), nil, nil, &x) // no pIfInfo
	ndis.IfRegisterInterface(prov, makeNetLuid(6, idx), nil, &ndis.NetIfInformation{}, &x)
	ndis.IfDeregisterInterface(x)
	ndis.IfDeregisterInterface(x)   // twice
	ndis.IfDeregisterInterface(777) // never handed out
	ndis.IfFreeNetLuidIndex(6, idx)
	ndis.IfFreeNetLuidIndex(6, idx) // freed already
	ndis.IfAllocateNetLuidIndex(6, nil)
	ndis.IfGetInterfaceIndexFromNetLuid(ndis.NetLuid{}, nil)
	ndis.IfGetNetLuidFromInterfaceIndex(1, nil)
	ndis.IfRegisterProvider(nil, nil, nil)
	ndis.IfDeregisterProvider(prov)
	ndis.IfDeregisterProvider(prov) // twice
	ndis.IfRegisterInterface(prov, makeNetLuid(6, idx), nil, &ndis.NetIfInformation{}, &x)
	ksExpect(t, s,
		rules.RuleBadParameter, rules.RuleBadParameter,
		rules.RuleBadHandle, rules.RuleBadHandle,
		rules.RuleBadParameter,
		rules.RuleBadParameter, rules.RuleBadParameter, rules.RuleBadParameter, rules.RuleBadParameter,
		rules.RuleBadHandle, rules.RuleBadHandle)
}
