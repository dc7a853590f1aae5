package ndissim

import (
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

// SR-IOV (NDIS 6.30): the virtual PCI device of each adapter is a Physical
// Function with up to totalVFs Virtual Functions, each with a configuration
// space of its own once NdisMEnableVirtualization enables them; VF
// configuration blocks are the PF/VF backchannel.

const (
	// totalVFs is the TotalVFs of the virtual device's SR-IOV capability.
	totalVFs = 8
	// vfDeviceID is the device ID of its Virtual Functions.
	vfDeviceID = 0x0200
	// pciType0Addresses is PCI_TYPE0_ADDRESSES, the number of BARs of a
	// type 0 header.
	pciType0Addresses = 6
	// pciSegment and pciBus are where the virtual device sits; its VFs
	// follow the PF's function 0.
	pciSegment = 0
	pciBusNum  = 3
)

// sriov6 is an adapter's SR-IOV state.
type sriov6 struct {
	enabled bool
	vfs     []*[configSpaceSize]byte
	// blocks are the VF configuration blocks by BlockId; invalid the
	// blocks NdisMInvalidateConfigBlock reported changed, per VF, ORed as
	// the virtualization stack caches them.
	blocks  map[uint32][]byte
	invalid map[ndis.SriovFunctionId]uint64
}

// sriovOf returns adapter a's SR-IOV state.
func (w *world) sriovOf(a *adapter6) *sriov6 {
	x := w.extras()
	v := x.sriov[a]
	if v == nil {
		v = &sriov6{blocks: map[uint32][]byte{}, invalid: map[ndis.SriovFunctionId]uint64{}}
		x.sriov[a] = v
	}
	return v
}

// shortBuffer reports (bad-parameter) a buffer smaller than the Length the
// caller passed with it.
func (w *world) shortBuffer(ddi string, buffer []byte, length uint32) bool {
	if uint32(len(buffer)) < length {
		w.report(rules.RuleBadParameter, "%s: Buffer holds %d bytes; it must be at least as large as Length (%d)", ddi, len(buffer), length)
		return true
	}
	return false
}

// MEnableVirtualization runs NdisMEnableVirtualization in the simulated
// NDIS: it sets or clears VF Enable and NumVFs in the device's SR-IOV
// capability. EnableVFMigration and EnableMigrationInterrupt are reserved
// (FALSE), and NumVFs must be 0 to disable (NDIS_STATUS_INVALID_PARAMETER);
// more VFs than the device has, or enabling twice, fail.
func (w *world) MEnableVirtualization(ndisMiniportHandle ndis.Handle, numVFs uint16, enableVFMigration bool, enableMigrationInterrupt bool, enableVirtualization bool) ndis.Status {
	const ddi = "NdisMEnableVirtualization"
	defer w.st.EnterDDI(ddi, args(ndisMiniportHandle, uint32(numVFs), enableVFMigration, enableMigrationInterrupt, enableVirtualization))()
	a := w.adapter6Arg(ddi, "NdisMiniportHandle", ndisMiniportHandle)
	if a == nil {
		return ndis.StatusFailure
	}
	why := ""
	switch {
	case enableVFMigration || enableMigrationInterrupt:
		why = "EnableVFMigration and EnableMigrationInterrupt are reserved for NDIS and must be FALSE"
	case !enableVirtualization && numVFs != 0:
		why = "NumVFs must be zero when EnableVirtualization is FALSE"
	}
	if why != "" {
		w.report(rules.RuleBadParameter, "%s: %s", ddi, why)
		return ndis.StatusInvalidParameter
	}
	v := w.sriovOf(a)
	if !enableVirtualization {
		v.enabled, v.vfs = false, nil
		return ndis.StatusSuccess
	}
	if v.enabled || numVFs > totalVFs {
		return ndis.StatusFailure
	}
	v.enabled = true
	v.vfs = make([]*[configSpaceSize]byte, numVFs)
	for i := range v.vfs {
		cs := &[configSpaceSize]byte{}
		cs[0x00], cs[0x01] = 0x14, 0x14
		cs[0x02], cs[0x03] = byte(vfDeviceID&0xff), byte(vfDeviceID>>8)
		cs[0x0B] = 0x02
		v.vfs[i] = cs
	}
	return ndis.StatusSuccess
}

// vfSpace returns the configuration space of VF vfID of adapter h after
// checking the access; nil when the read or write fails (virtualization
// not enabled, no such VF, an offset past the end), with the adapter
// reported already when it is not one.
func (w *world) vfSpace(ddi string, h ndis.Handle, vfID ndis.SriovFunctionId, buffer []byte, offset, length uint32) (*[configSpaceSize]byte, uint32) {
	a := w.adapter6Arg(ddi, "NdisMiniportHandle", h)
	if a == nil || w.shortBuffer(ddi, buffer, length) {
		return nil, 0
	}
	v := w.sriovOf(a)
	if !v.enabled || int(vfID) >= len(v.vfs) || offset >= configSpaceSize {
		return nil, 0
	}
	return v.vfs[vfID], min(length, configSpaceSize-offset)
}

// MGetVirtualFunctionBusData runs NdisMGetVirtualFunctionBusData in the
// simulated NDIS: it reads the VF's configuration space and returns the
// bytes read, zero when the read fails.
func (w *world) MGetVirtualFunctionBusData(ndisMiniportHandle ndis.Handle, vfId ndis.SriovFunctionId, buffer []byte, offset uint32, length uint32) uint32 {
	const ddi = "NdisMGetVirtualFunctionBusData"
	defer w.st.EnterDDI(ddi, args(ndisMiniportHandle, uint32(vfId), "Buffer", offset, length))()
	cs, n := w.vfSpace(ddi, ndisMiniportHandle, vfId, buffer, offset, length)
	if cs == nil {
		return 0
	}
	copy(buffer[:n], cs[offset:offset+n])
	return n
}

// MSetVirtualFunctionBusData runs NdisMSetVirtualFunctionBusData in the
// simulated NDIS: it writes the VF's configuration space (its read-only
// header registers drop writes) and returns the bytes written, zero when
// the write fails.
func (w *world) MSetVirtualFunctionBusData(ndisMiniportHandle ndis.Handle, vfId ndis.SriovFunctionId, buffer []byte, offset uint32, length uint32) uint32 {
	const ddi = "NdisMSetVirtualFunctionBusData"
	defer w.st.EnterDDI(ddi, args(ndisMiniportHandle, uint32(vfId), "Buffer", offset, length))()
	cs, n := w.vfSpace(ddi, ndisMiniportHandle, vfId, buffer, offset, length)
	if cs == nil {
		return 0
	}
	for i := uint32(0); i < n; i++ {
		if !readOnlyConfig(offset + i) {
			cs[offset+i] = buffer[i]
		}
	}
	return n
}

// MGetVirtualFunctionLocation runs NdisMGetVirtualFunctionLocation in the
// simulated NDIS: VF n is function n+1 on the PF's bus and segment. The DDI
// returns nothing; for a VF the device has not enabled (virtualization off,
// or VFId past NumVFs) it writes zeros, a location no VF has.
func (w *world) MGetVirtualFunctionLocation(ndisMiniportHandle ndis.Handle, vfId ndis.SriovFunctionId, segmentNumber *uint16, busNumber *uint8, functionNumber *uint8) {
	const ddi = "NdisMGetVirtualFunctionLocation"
	defer w.st.EnterDDI(ddi, args(ndisMiniportHandle, uint32(vfId), "SegmentNumber", "BusNumber", "FunctionNumber"))()
	a := w.adapter6Arg(ddi, "NdisMiniportHandle", ndisMiniportHandle)
	if a == nil || !w.needPtr(ddi, "SegmentNumber", segmentNumber == nil) || !w.needPtr(ddi, "BusNumber", busNumber == nil) || !w.needPtr(ddi, "FunctionNumber", functionNumber == nil) {
		return
	}
	v := w.sriovOf(a)
	if !v.enabled || int(vfId) >= len(v.vfs) {
		*segmentNumber, *busNumber, *functionNumber = 0, 0, 0
		return
	}
	*segmentNumber, *busNumber, *functionNumber = pciSegment, pciBusNum, uint8(vfId)+1
}

// MWriteConfigBlock runs NdisMWriteConfigBlock in the simulated NDIS: the
// PF side of the backchannel stores Length bytes as block BlockId.
func (w *world) MWriteConfigBlock(ndisMiniportHandle ndis.Handle, blockId uint32, buffer []byte, length uint32) ndis.Status {
	const ddi = "NdisMWriteConfigBlock"
	defer w.st.EnterDDI(ddi, args(ndisMiniportHandle, blockId, "Buffer", length))()
	a := w.adapter6Arg(ddi, "NdisMiniportHandle", ndisMiniportHandle)
	if a == nil || w.shortBuffer(ddi, buffer, length) {
		return ndis.StatusFailure
	}
	w.sriovOf(a).blocks[blockId] = append([]byte(nil), buffer[:length]...)
	return ndis.StatusSuccess
}

// MReadConfigBlock runs NdisMReadConfigBlock in the simulated NDIS: the PF
// side of the backchannel returns block BlockId; a block never written, or
// shorter than Length, cannot be read (NDIS_STATUS_FAILURE).
func (w *world) MReadConfigBlock(ndisMiniportHandle ndis.Handle, blockId uint32, buffer []byte, length uint32) ndis.Status {
	const ddi = "NdisMReadConfigBlock"
	defer w.st.EnterDDI(ddi, args(ndisMiniportHandle, blockId, "Buffer", length))()
	a := w.adapter6Arg(ddi, "NdisMiniportHandle", ndisMiniportHandle)
	if a == nil || w.shortBuffer(ddi, buffer, length) {
		return ndis.StatusFailure
	}
	b, ok := w.sriovOf(a).blocks[blockId]
	if !ok || uint32(len(b)) < length {
		return ndis.StatusFailure
	}
	copy(buffer, b[:length])
	return ndis.StatusSuccess
}

// MInvalidateConfigBlock runs NdisMInvalidateConfigBlock in the simulated
// NDIS: the virtualization stack ORs BlockMask into what it caches for
// the VF.
func (w *world) MInvalidateConfigBlock(ndisMiniportHandle ndis.Handle, vfId ndis.SriovFunctionId, blockMask uint64) {
	const ddi = "NdisMInvalidateConfigBlock"
	defer w.st.EnterDDI(ddi, args(ndisMiniportHandle, uint32(vfId), blockMask))()
	a := w.adapter6Arg(ddi, "NdisMiniportHandle", ndisMiniportHandle)
	if a == nil {
		return
	}
	w.sriovOf(a).invalid[vfId] |= blockMask
}

// MQueryProbedBars runs NdisMQueryProbedBars in the simulated NDIS: the
// values the PCI bus driver read back when it sized the BARs (all ones
// written): BAR 0, a 32-bit memory BAR of barSize bytes, reads as its size
// mask; the device implements no other BAR. BaseRegisterValues must hold
// PCI_TYPE0_ADDRESSES values.
func (w *world) MQueryProbedBars(ndisMiniportHandle ndis.Handle, baseRegisterValues []uint32) ndis.Status {
	const ddi = "NdisMQueryProbedBars"
	defer w.st.EnterDDI(ddi, args(ndisMiniportHandle, "BaseRegisterValues"))()
	a := w.adapter6Arg(ddi, "NdisMiniportHandle", ndisMiniportHandle)
	if a == nil {
		return ndis.StatusFailure
	}
	if len(baseRegisterValues) < pciType0Addresses {
		w.report(rules.RuleBadParameter, "%s: BaseRegisterValues holds %d values; it receives PCI_TYPE0_ADDRESSES (%d)", ddi, len(baseRegisterValues), pciType0Addresses)
		return ndis.StatusFailure
	}
	for i := range baseRegisterValues[:pciType0Addresses] {
		baseRegisterValues[i] = 0
	}
	baseRegisterValues[0] = ^uint32(barSize - 1)
	return ndis.StatusSuccess
}
