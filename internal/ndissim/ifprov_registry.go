package ndissim

import (
	"fmt"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

// The NDIS network interfaces (NdisIf*): interface providers, the NET_LUID
// indexes NDIS allocates per interface type, the interfaces providers
// register (each given an interface index), and the interface stack table
// (RFC 2863's ifStackTable). NDIS itself registers an interface for each
// NDIS 6 miniport adapter (IF_TYPE_ETHERNET_CSMACD); the simulation
// registers it the first time NdisIfQueryBindingIfIndex asks for a binding
// to that adapter, and it is gone once the adapter halts.

// maxNetLuidIndex is the largest NET_LUID index (24 bits); the same bound
// holds for interface indexes.
const maxNetLuidIndex = 1<<24 - 1

// ifTypeEthernet is IF_TYPE_ETHERNET_CSMACD, the type of the interfaces
// NDIS registers for miniport adapters.
const ifTypeEthernet ndis.NetIftype = 6

// ifProvider is an interface provider NdisIfRegisterProvider registered.
type ifProvider struct {
	h     *resourceHandle
	chars ndis.IfProviderCharacteristics
	ctx   ndis.Handle
}

// netIf is one registered interface.
type netIf struct {
	index ndis.NetIfindex
	luid  ndis.NetLuid
	// prov is the provider that registered it; nil for an adapter's
	// interface, which NDIS registered.
	prov    *ifProvider
	ctx     ndis.Handle
	info    ndis.NetIfInformation
	adapter *adapter6
}

// ifStackEntry is one row of the interface stack table.
type ifStackEntry struct{ higher, lower ndis.NetIfindex }

// ifRegistry is the run's record of providers, NET_LUID indexes,
// interfaces and stack entries.
type ifRegistry struct {
	providers map[*resourceHandle]*ifProvider
	// luidIndexes are the allocated NET_LUID indexes per interface type;
	// nextLuid the next index to try per type.
	luidIndexes map[ndis.NetIftype]map[uint32]bool
	nextLuid    map[ndis.NetIftype]uint32
	byIndex     map[ndis.NetIfindex]*netIf
	byLuid      map[uint64]*netIf
	byAdapter   map[*adapter6]*netIf
	// released are the indexes of interfaces deregistered, to tell a
	// second deregistration from an index never handed out.
	released  map[ndis.NetIfindex]bool
	nextIndex ndis.NetIfindex
	stack     []ifStackEntry
}

// ifs returns the run's registry.
func (w *world) ifs() *ifRegistry {
	r := &w.ifx
	if r.providers == nil {
		r.providers = map[*resourceHandle]*ifProvider{}
		r.luidIndexes = map[ndis.NetIftype]map[uint32]bool{}
		r.nextLuid = map[ndis.NetIftype]uint32{}
		r.byIndex = map[ndis.NetIfindex]*netIf{}
		r.byLuid = map[uint64]*netIf{}
		r.byAdapter = map[*adapter6]*netIf{}
		r.released = map[ndis.NetIfindex]bool{}
	}
	return r
}

// makeNetLuid is NDIS_MAKE_NET_LUID: the index in bits 24-47, the type in
// bits 48-63.
func makeNetLuid(t ndis.NetIftype, index uint32) ndis.NetLuid {
	return ndis.NetLuid{Value: uint64(index&maxNetLuidIndex)<<24 | uint64(t)<<48}
}

// luidParts splits a NET_LUID into its interface type and NET_LUID index.
func luidParts(l ndis.NetLuid) (ndis.NetIftype, uint32) {
	return ndis.NetIftype(l.Value >> 48), uint32(l.Value>>24) & maxNetLuidIndex
}

// allocLuidIndex allocates the lowest free NET_LUID index of type t from
// nextLuid on (0 is not used); false when all 2^24-1 are taken.
func (r *ifRegistry) allocLuidIndex(t ndis.NetIftype) (uint32, bool) {
	used := r.luidIndexes[t]
	if used == nil {
		used = map[uint32]bool{}
		r.luidIndexes[t] = used
	}
	if len(used) >= maxNetLuidIndex {
		return 0, false
	}
	i := r.nextLuid[t]
	for {
		i = i%maxNetLuidIndex + 1
		if !used[i] {
			used[i] = true
			r.nextLuid[t] = i
			return i, true
		}
	}
}

// addIf registers an interface under a new interface index; zero when none
// is left.
func (r *ifRegistry) addIf(n *netIf) ndis.NetIfindex {
	if r.nextIndex >= maxNetLuidIndex {
		return 0
	}
	r.nextIndex++
	n.index = r.nextIndex
	r.byIndex[n.index] = n
	r.byLuid[n.luid.Value] = n
	return n.index
}

// adapterIf returns the interface NDIS registered for adapter a,
// registering it the first time.
func (w *world) adapterIf(a *adapter6) *netIf {
	r := w.ifs()
	if n := r.byAdapter[a]; n != nil {
		return n
	}
	idx, ok := r.allocLuidIndex(ifTypeEthernet)
	if !ok {
		return nil
	}
	n := &netIf{luid: makeNetLuid(ifTypeEthernet, idx), adapter: a, info: ndis.NetIfInformation{Flags: niifHardwareInterface}}
	if r.addIf(n) == 0 {
		return nil
	}
	r.byAdapter[a] = n
	return n
}

// niifHardwareInterface is NIIF_HARDWARE_INTERFACE.
const niifHardwareInterface = 0x00000001

// IfRegisterProvider runs NdisIfRegisterProvider in the simulated NDIS: the
// provider gets a handle until NdisIfDeregisterProvider.
func (w *world) IfRegisterProvider(providerCharacteristics *ndis.IfProviderCharacteristics, ifProviderContext ndis.Handle, pNdisIfProviderHandle *ndis.Handle) ndis.Status {
	const ddi = "NdisIfRegisterProvider"
	defer w.st.EnterDDI(ddi, args("ProviderCharacteristics", ifProviderContext, "pNdisIfProviderHandle"))()
	if !w.needPtr(ddi, "ProviderCharacteristics", providerCharacteristics == nil) || !w.needPtr(ddi, "pNdisIfProviderHandle", pNdisIfProviderHandle == nil) {
		return ndis.StatusInvalidParameter
	}
	h := w.newResourceHandle(ddi, "interface provider")
	w.ifs().providers[h] = &ifProvider{h: h, chars: *providerCharacteristics, ctx: ifProviderContext}
	*pNdisIfProviderHandle = h
	return ndis.StatusSuccess
}

// IfDeregisterProvider runs NdisIfDeregisterProvider in the simulated NDIS;
// a handle never handed out or deregistered already is a bad handle.
func (w *world) IfDeregisterProvider(ndisProviderHandle ndis.Handle) {
	const ddi = "NdisIfDeregisterProvider"
	defer w.st.EnterDDI(ddi, args(describeResource(ndisProviderHandle)))()
	p, ok := liveResource(w, ddi, "NdisProviderHandle", ndisProviderHandle, w.ifs().providers)
	if !ok {
		return
	}
	w.release(p.h, ddi, "NdisProviderHandle")
}

// IfAllocateNetLuidIndex runs NdisIfAllocateNetLuidIndex in the simulated
// NDIS: the lowest free 24-bit index of the type, after the last one
// handed out.
func (w *world) IfAllocateNetLuidIndex(ifType ndis.NetIftype, pNetLuidIndex *uint32) ndis.Status {
	const ddi = "NdisIfAllocateNetLuidIndex"
	defer w.st.EnterDDI(ddi, args(uint32(ifType), "pNetLuidIndex"))()
	if !w.needPtr(ddi, "pNetLuidIndex", pNetLuidIndex == nil) {
		return ndis.StatusResources
	}
	i, ok := w.ifs().allocLuidIndex(ifType)
	if !ok {
		return ndis.StatusResources
	}
	*pNetLuidIndex = i
	return ndis.StatusSuccess
}

// IfFreeNetLuidIndex runs NdisIfFreeNetLuidIndex in the simulated NDIS; an
// index NdisIfAllocateNetLuidIndex did not allocate for the type (or that
// was freed already) is a bad parameter.
func (w *world) IfFreeNetLuidIndex(ifType ndis.NetIftype, netLuidIndex uint32) ndis.Status {
	const ddi = "NdisIfFreeNetLuidIndex"
	defer w.st.EnterDDI(ddi, args(uint32(ifType), netLuidIndex))()
	used := w.ifs().luidIndexes[ifType]
	if !used[netLuidIndex] {
		w.report(rules.RuleBadParameter, "%s: NET_LUID index %d of interface type %d is not allocated (NdisIfAllocateNetLuidIndex did not return it, or it was freed)", ddi, netLuidIndex, ifType)
		return ndis.StatusSuccess
	}
	delete(used, netLuidIndex)
	return ndis.StatusSuccess
}

// IfRegisterInterface runs NdisIfRegisterInterface in the simulated NDIS:
// the interface gets the next interface index (never 0). A NET_LUID another
// registered interface has is NDIS_STATUS_DUPLICATE_OBJECTID; one whose
// NET_LUID index was not allocated for its type is a bad parameter
// (NDIS_STATUS_INVALID_PARAMETER).
func (w *world) IfRegisterInterface(ndisProviderHandle ndis.Handle, netLuid ndis.NetLuid, providerIfContext ndis.Handle, pIfInfo *ndis.NetIfInformation, pIfIndex *ndis.NetIfindex) ndis.Status {
	const ddi = "NdisIfRegisterInterface"
	defer w.st.EnterDDI(ddi, args(describeResource(ndisProviderHandle), fmt.Sprintf("NetLuid %#x", netLuid.Value), providerIfContext, "pIfInfo", "pIfIndex"))()
	p, ok := liveResource(w, ddi, "NdisProviderHandle", ndisProviderHandle, w.ifs().providers)
	if !ok {
		return ndis.StatusInvalidParameter
	}
	if !w.needPtr(ddi, "pIfInfo", pIfInfo == nil) || !w.needPtr(ddi, "pIfIndex", pIfIndex == nil) {
		return ndis.StatusInvalidParameter
	}
	r := w.ifs()
	t, idx := luidParts(netLuid)
	if !r.luidIndexes[t][idx] {
		w.report(rules.RuleBadParameter, "%s: NetLuid %#x holds NET_LUID index %d of interface type %d, which NdisIfAllocateNetLuidIndex did not allocate", ddi, netLuid.Value, idx, t)
		return ndis.StatusInvalidParameter
	}
	if r.byLuid[netLuid.Value] != nil {
		return ndis.StatusDuplicateObjectid
	}
	n := &netIf{luid: netLuid, prov: p, ctx: providerIfContext, info: *pIfInfo}
	if r.addIf(n) == 0 {
		return ndis.StatusResources
	}
	*pIfIndex = n.index
	return ndis.StatusSuccess
}

// IfDeregisterInterface runs NdisIfDeregisterInterface in the simulated
// NDIS: the interface and its stack entries go. An index no provider
// registered, or deregistered already, is a bad handle, as is the
// interface of an adapter (NDIS registered it).
func (w *world) IfDeregisterInterface(ifIndex ndis.NetIfindex) {
	const ddi = "NdisIfDeregisterInterface"
	defer w.st.EnterDDI(ddi, args(uint32(ifIndex)))()
	r := w.ifs()
	n := r.byIndex[ifIndex]
	switch {
	case n == nil && r.released[ifIndex]:
		w.report(rules.RuleBadHandle, "%s: interface index %d was deregistered already", ddi, ifIndex)
		return
	case n == nil:
		w.report(rules.RuleBadHandle, "%s: interface index %d is not one NdisIfRegisterInterface returned", ddi, ifIndex)
		return
	case n.prov == nil:
		w.report(rules.RuleBadHandle, "%s: interface index %d is the interface NDIS registered for adapter %q, not a provider's", ddi, ifIndex, n.adapter.name)
		return
	}
	delete(r.byIndex, ifIndex)
	delete(r.byLuid, n.luid.Value)
	r.released[ifIndex] = true
	kept := r.stack[:0]
	for _, e := range r.stack {
		if e.higher != ifIndex && e.lower != ifIndex {
			kept = append(kept, e)
		}
	}
	r.stack = kept
}

// IfGetInterfaceIndexFromNetLuid runs NdisIfGetInterfaceIndexFromNetLuid
// in the simulated NDIS.
func (w *world) IfGetInterfaceIndexFromNetLuid(netLuid ndis.NetLuid, pIfIndex *ndis.NetIfindex) ndis.Status {
	const ddi = "NdisIfGetInterfaceIndexFromNetLuid"
	defer w.st.EnterDDI(ddi, args(fmt.Sprintf("NetLuid %#x", netLuid.Value), "pIfIndex"))()
	if !w.needPtr(ddi, "pIfIndex", pIfIndex == nil) {
		return ndis.StatusInterfaceNotFound
	}
	n := w.ifs().live(w.ifs().byLuid[netLuid.Value])
	if n == nil {
		*pIfIndex = 0
		return ndis.StatusInterfaceNotFound
	}
	*pIfIndex = n.index
	return ndis.StatusSuccess
}

// IfGetNetLuidFromInterfaceIndex runs NdisIfGetNetLuidFromInterfaceIndex
// in the simulated NDIS.
func (w *world) IfGetNetLuidFromInterfaceIndex(ifIndex ndis.NetIfindex, pNetLuid *ndis.NetLuid) ndis.Status {
	const ddi = "NdisIfGetNetLuidFromInterfaceIndex"
	defer w.st.EnterDDI(ddi, args(uint32(ifIndex), "pNetLuid"))()
	if !w.needPtr(ddi, "pNetLuid", pNetLuid == nil) {
		return ndis.StatusInterfaceNotFound
	}
	n := w.ifs().live(w.ifs().byIndex[ifIndex])
	if n == nil {
		return ndis.StatusInterfaceNotFound
	}
	*pNetLuid = n.luid
	return ndis.StatusSuccess
}

// IfQueryBindingIfIndex runs NdisIfQueryBindingIfIndex in the simulated
// NDIS: the bound interface is the one NDIS registered for the binding's
// adapter; the lowest is reached from it down the interface stack table
// (the first lower entry of each layer), or is the bound one when it has
// none below.
func (w *world) IfQueryBindingIfIndex(ndisBindingHandle ndis.Handle, pBoundIfIndex *ndis.NetIfindex, pBoundIfNetLuid *ndis.NetLuid, pLowestIfIndex *ndis.NetIfindex, pLowestIfNetLuid *ndis.NetLuid) ndis.Status {
	const ddi = "NdisIfQueryBindingIfIndex"
	defer w.st.EnterDDI(ddi, args(ndisBindingHandle, "pBoundIfIndex", "pBoundIfNetLuid", "pLowestIfIndex", "pLowestIfNetLuid"))()
	b := w.binding6Arg(ddi, "NdisBindingHandle", ndisBindingHandle)
	if b == nil {
		return ndis.StatusInterfaceNotFound
	}
	if !w.needPtr(ddi, "pBoundIfIndex", pBoundIfIndex == nil) || !w.needPtr(ddi, "pBoundIfNetLuid", pBoundIfNetLuid == nil) ||
		!w.needPtr(ddi, "pLowestIfIndex", pLowestIfIndex == nil) || !w.needPtr(ddi, "pLowestIfNetLuid", pLowestIfNetLuid == nil) {
		return ndis.StatusInterfaceNotFound
	}
	top := w.adapterIf(b.adapter)
	if top == nil {
		return ndis.StatusInterfaceNotFound
	}
	low := w.ifs().lowest(top)
	*pBoundIfIndex, *pBoundIfNetLuid = top.index, top.luid
	*pLowestIfIndex, *pLowestIfNetLuid = low.index, low.luid
	return ndis.StatusSuccess
}

// live returns n unless it is nil or the interface of an adapter that was
// halted since (NDIS deregisters it with the adapter).
func (r *ifRegistry) live(n *netIf) *netIf {
	if n == nil || n.adapter != nil && n.adapter.by.gone6(n.adapter.life) {
		return nil
	}
	return n
}

// lowest follows the stack table down from n, stopping at a cycle.
func (r *ifRegistry) lowest(n *netIf) *netIf {
	seen := map[ndis.NetIfindex]bool{n.index: true}
	for {
		var next *netIf
		for _, e := range r.stack {
			if e.higher == n.index && r.live(r.byIndex[e.lower]) != nil && !seen[e.lower] {
				next = r.byIndex[e.lower]
				break
			}
		}
		if next == nil {
			return n
		}
		seen[next.index] = true
		n = next
	}
}

// IfAddIfStackEntry runs NdisIfAddIfStackEntry in the simulated NDIS: both
// indexes must name registered interfaces (else
// NDIS_STATUS_INTERFACE_NOT_FOUND); an entry already in the table stays
// once.
func (w *world) IfAddIfStackEntry(higherLayerIfIndex ndis.NetIfindex, lowerLayerIfIndex ndis.NetIfindex) ndis.Status {
	const ddi = "NdisIfAddIfStackEntry"
	defer w.st.EnterDDI(ddi, args(uint32(higherLayerIfIndex), uint32(lowerLayerIfIndex)))()
	r := w.ifs()
	if r.live(r.byIndex[higherLayerIfIndex]) == nil || r.live(r.byIndex[lowerLayerIfIndex]) == nil {
		return ndis.StatusInterfaceNotFound
	}
	e := ifStackEntry{higherLayerIfIndex, lowerLayerIfIndex}
	for _, x := range r.stack {
		if x == e {
			return ndis.StatusSuccess
		}
	}
	r.stack = append(r.stack, e)
	return ndis.StatusSuccess
}

// IfDeleteIfStackEntry runs NdisIfDeleteIfStackEntry in the simulated
// NDIS: as the page says, NDIS deletes the entry if it finds a matching
// one.
func (w *world) IfDeleteIfStackEntry(higherLayerIfIndex ndis.NetIfindex, lowerLayerIfIndex ndis.NetIfindex) {
	const ddi = "NdisIfDeleteIfStackEntry"
	defer w.st.EnterDDI(ddi, args(uint32(higherLayerIfIndex), uint32(lowerLayerIfIndex)))()
	r := w.ifs()
	e := ifStackEntry{higherLayerIfIndex, lowerLayerIfIndex}
	for i, x := range r.stack {
		if x == e {
			r.stack = append(r.stack[:i], r.stack[i+1:]...)
			return
		}
	}
}
