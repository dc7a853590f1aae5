package mistakes

import "github.com/ndislint/ndislint/ndis"

// The I/O port range portsInitializeEx claims (an ISA-style NIC's).
const (
	portBase  uint32 = 0x300
	portCount uint32 = 0x20
)

// portsInitializeEx is the base MiniportInitializeEx that also claims the
// device's I/O ports, which it does first, to probe the hardware before it
// builds the adapter.
//
// MISTAKE: the ports are registered before NdisMSetMiniportAttributes
// (which newAdapter calls). "MiniportInitializeEx must call
// NdisMSetMiniportAttributes before calling NdisMRegisterIoPortRange"
// (nf-ndis-ndismregisterioportrange; SDV NdisMRegisterIoPortRange): the
// registration attributes describe the adapter whose resources are
// claimed. ndislint reports ddi-order, and the verifier reports it when
// the call runs.
//
//ndis:role MINIPORT_INITIALIZE
func portsInitializeEx(ndisMiniportHandle ndis.Handle, miniportDriverContext ndis.Handle, miniportInitParameters *ndis.MiniportInitParameters) ndis.Status {
	var ports ndis.Handle
	if ndis.MRegisterIoPortRange(&ports, ndisMiniportHandle, portBase, portCount) != ndis.StatusSuccess {
		return ndis.StatusResources
	}
	a, st := newAdapter(ndisMiniportHandle)
	if st != ndis.StatusSuccess {
		ndis.MDeregisterIoPortRange(ndisMiniportHandle, portBase, portCount, ports)
		return st
	}
	a.ports = ports
	return ndis.StatusSuccess
}

// portsHaltEx deregisters the ports portsInitializeEx claimed, then frees
// the adapter (MiniportHaltEx).
//
//ndis:role MINIPORT_HALT
func portsHaltEx(miniportAdapterContext ndis.Handle, haltAction ndis.HaltAction) {
	a := miniportAdapterContext.(*adapter)
	ndis.MDeregisterIoPortRange(a.miniportAdapterHandle, portBase, portCount, a.ports)
	mpHaltEx(a, haltAction)
}
