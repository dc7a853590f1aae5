package helpers

import "github.com/ndislint/ndislint/ndis"

// MapRegisters maps the adapter's registers.
func MapRegisters(h ndis.Handle, regs *[]byte) ndis.Status { // want MapRegisters:`reaches\(NdisMMapIoSpace\)`
	return ndis.MMapIoSpace(regs, h, 0, 64)
}

// ClaimPorts registers the adapter's I/O ports.
func ClaimPorts(h ndis.Handle, ports *ndis.Handle) ndis.Status { // want ClaimPorts:`reaches\(NdisMRegisterIoPortRange\)`
	return ndis.MRegisterIoPortRange(ports, h, 0x300, 8)
}

// SetAttributes sets the adapter's registration attributes.
func SetAttributes(h ndis.Handle) ndis.Status { // want SetAttributes:`reaches\(NdisMSetMiniportAttributes\)`
	return ndis.MSetMiniportAttributes(h, &ndis.MiniportAdapterAttributes{MiniportAdapterContext: h})
}

// SetUp sets the attributes, then registers the ports: which comes first
// is inside it.
func SetUp(h ndis.Handle, ports *ndis.Handle) ndis.Status { // want SetUp:`reaches\(NdisMRegisterIoPortRange, NdisMSetMiniportAttributes\)`
	if st := SetAttributes(h); st != ndis.StatusSuccess {
		return st
	}
	return ClaimPorts(h, ports)
}

// FreeMdl frees the MDL it is given, on every path.
func FreeMdl(m *ndis.Mdl) { // want FreeMdl:`reaches\(NdisFreeMdl\) releases\(param 0: NdisFreeMdl's Mdl\)`
	ndis.FreeMdl(m)
}

func isr(synchronizeContext ndis.Handle) bool { return true }

// SyncWhen synchronizes with the interrupt it is given when sync is true.
func SyncWhen(ctx, interrupt ndis.Handle, sync bool) bool { // want SyncWhen:`reaches\(NdisMSynchronizeWithInterruptEx\) uses\(param 1: NdisMSynchronizeWithInterruptEx's NdisInterruptHandle\)`
	if sync {
		return ndis.MSynchronizeWithInterruptEx(interrupt, 0, isr, ctx)
	}
	return false
}
