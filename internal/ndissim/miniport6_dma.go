package ndissim

import (
	"fmt"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
	"github.com/ndislint/ndislint/wdm"
)

// System DMA (a subordinate-DMA or ISA bus-master NIC): a channel of the
// system DMA controller moves one transfer at a time between host memory
// and the NIC, whose side the simulation keeps as a buffer of the
// channel's MaximumLength. And the MSI-X table of the virtual device.

const (
	// isaDmaChannels are the system DMA controller's channels (0-7), and
	// isaDmaMax the most one transfer moves (64 KiB).
	isaDmaChannels = 8
	isaDmaMax      = 0x10000
	// msixEntries is the size of the virtual device's MSI-X table.
	msixEntries = 16
)

// sysDma6 is a channel NdisMRegisterDmaChannel claimed.
type sysDma6 struct {
	h       *resourceHandle
	channel uint32
	device  []byte
	// xfer is the transfer NdisMSetupDmaTransfer set up and
	// NdisMCompleteDmaTransfer has not completed.
	xfer *dmaTransfer
}

// dmaTransfer is one system DMA transfer.
type dmaTransfer struct {
	b        *ndis.Mdl
	o, l     uint32
	toDevice bool
}

// msixEntry is an entry of the MSI-X table.
type msixEntry struct {
	masked  bool
	message uint32
}

// mdlLen is the number of bytes an MDL chain maps.
func mdlLen(b *ndis.Mdl) int {
	n := 0
	for ; b != nil; b = b.Next {
		n += len(b.Data)
	}
	return n
}

// mdlCopy copies n bytes between the MDL chain b at offset o and p: into
// p when out, from p otherwise.
func mdlCopy(b *ndis.Mdl, o uint32, p []byte, out bool) {
	at := 0
	for ; b != nil && len(p) > 0; b = b.Next {
		for i := range b.Data {
			if at >= int(o) && len(p) > 0 {
				if out {
					p[0] = b.Data[i]
				} else {
					b.Data[i] = p[0]
				}
				p = p[1:]
			}
			at++
		}
	}
}

// MRegisterDmaChannel runs NdisMRegisterDmaChannel in the simulated NDIS:
// it claims the channel DmaDescription names (DmaChannel is ignored, as the
// page says). A channel another NIC claimed is NDIS_STATUS_RESOURCE_CONFLICT,
// one the controller does not have NDIS_STATUS_FAILURE, a MaximumLength of 0
// or above 64 KiB NDIS_STATUS_RESOURCES.
func (w *world) MRegisterDmaChannel(miniportDmaHandle *ndis.Handle, miniportAdapterHandle ndis.Handle, dmaChannel uint32, dma32BitAddresses bool, dmaDescription *ndis.DmaDescription, maximumLength uint32) ndis.Status {
	const ddi = "NdisMRegisterDmaChannel"
	defer w.st.EnterDDI(ddi, args("MiniportDmaHandle", miniportAdapterHandle, dmaChannel, dma32BitAddresses, "DmaDescription", maximumLength))()
	if w.adapter6Arg(ddi, "MiniportAdapterHandle", miniportAdapterHandle) == nil || !w.needPtr(ddi, "MiniportDmaHandle", miniportDmaHandle == nil) || !w.needPtr(ddi, "DmaDescription", dmaDescription == nil) {
		return ndis.StatusFailure
	}
	ch := dmaDescription.DmaChannel
	if !dmaDescription.DmaChannelSpecified || ch >= isaDmaChannels {
		return ndis.StatusFailure
	}
	for _, d := range w.extras().sysdma {
		if d.channel == ch && !d.h.r.released {
			return ndis.StatusResourceConflict
		}
	}
	if maximumLength == 0 || maximumLength > isaDmaMax {
		return ndis.StatusResources
	}
	h := w.newResourceHandle(ddi, fmt.Sprintf("system DMA channel %d", ch))
	w.heldBy(h.r, miniportAdapterHandle)
	w.extras().sysdma[h] = &sysDma6{h: h, channel: ch, device: make([]byte, maximumLength)}
	*miniportDmaHandle = h
	return ndis.StatusSuccess
}

// MDeregisterDmaChannel runs NdisMDeregisterDmaChannel in the simulated
// NDIS: the claim is released.
func (w *world) MDeregisterDmaChannel(miniportDmaHandle ndis.Handle) {
	const ddi = "NdisMDeregisterDmaChannel"
	defer w.st.EnterDDI(ddi, args(describeResource(miniportDmaHandle)))()
	w.release(miniportDmaHandle, ddi, "MiniportDmaHandle")
}

// MReadDmaCounter runs NdisMReadDmaCounter in the simulated NDIS: the bytes
// left of the current transfer. The virtual NIC moves a transfer's bytes
// when it completes, so they are all of its Length until
// NdisMCompleteDmaTransfer, and 0 with none set up.
func (w *world) MReadDmaCounter(miniportDmaHandle ndis.Handle) uint32 {
	const ddi = "NdisMReadDmaCounter"
	defer w.st.EnterDDI(ddi, args(describeResource(miniportDmaHandle)))()
	d, ok := liveResource(w, ddi, "MiniportDmaHandle", miniportDmaHandle, w.extras().sysdma)
	if !ok || d.xfer == nil {
		return 0
	}
	return d.xfer.l
}

// MSetupDmaTransfer runs NdisMSetupDmaTransfer in the simulated NDIS: the
// channel takes the transfer; a channel busy with another, or a range that
// is empty, not within the buffer or longer than the channel's
// MaximumLength, is NDIS_STATUS_RESOURCES.
func (w *world) MSetupDmaTransfer(s *ndis.Status, h ndis.Handle, b *ndis.Mdl, o uint32, l uint32, m bool) {
	const ddi = "NdisMSetupDmaTransfer"
	defer w.st.EnterDDI(ddi, args("Status", describeResource(h), "Buffer", o, l, m))()
	if !w.needPtr(ddi, "Status", s == nil) {
		return
	}
	*s = ndis.StatusResources
	d, ok := liveResource(w, ddi, "MiniportDmaHandle", h, w.extras().sysdma)
	if !ok || !w.needPtr(ddi, "Buffer", b == nil) {
		return
	}
	if d.xfer != nil || l == 0 || uint64(o)+uint64(l) > uint64(mdlLen(b)) || int(l) > len(d.device) {
		return
	}
	d.xfer = &dmaTransfer{b: b, o: o, l: l, toDevice: m}
	*s = ndis.StatusSuccess
}

// MCompleteDmaTransfer runs NdisMCompleteDmaTransfer in the simulated
// NDIS: the data moves (to the NIC's side when WriteToDevice, else from
// it into the buffer) and the channel is free again. It must name the
// transfer NdisMSetupDmaTransfer set up.
func (w *world) MCompleteDmaTransfer(s *ndis.Status, h ndis.Handle, b *ndis.Mdl, o uint32, l uint32, m bool) {
	const ddi = "NdisMCompleteDmaTransfer"
	defer w.st.EnterDDI(ddi, args("Status", describeResource(h), "Buffer", o, l, m))()
	if !w.needPtr(ddi, "Status", s == nil) {
		return
	}
	*s = ndis.StatusResources
	d, ok := liveResource(w, ddi, "MiniportDmaHandle", h, w.extras().sysdma)
	if !ok {
		return
	}
	x := d.xfer
	if x == nil || x.b != b || x.o != o || x.l != l || x.toDevice != m {
		why := "no transfer is set up on it"
		if x != nil {
			why = "its transfer was set up with another Buffer, Offset, Length or WriteToDevice"
		}
		w.report(rules.RuleBadParameter, "%s: %s: %s; the parameters are the ones passed to NdisMSetupDmaTransfer", ddi, d.h.r.what, why)
		return
	}
	mdlCopy(b, o, d.device[:l], m)
	d.xfer = nil
	*s = ndis.StatusSuccess
}

// MConfigMSIXTableEntry runs NdisMConfigMSIXTableEntry in the simulated
// NDIS on the virtual device's MSI-X table of msixEntries entries: it maps
// an entry to a message, or masks or unmasks it. An entry or message the
// device does not have, or another operation, is
// NDIS_STATUS_INVALID_PARAMETER. NdisMSIXTableConfigSetTableEntry above
// DISPATCH_LEVEL breaks the page's IRQL rule for that operation.
func (w *world) MConfigMSIXTableEntry(ndisMiniportHandle ndis.Handle, msixConfigParameters *ndis.MsixConfigParameters) ndis.Status {
	const ddi = "NdisMConfigMSIXTableEntry"
	defer w.st.EnterDDI(ddi, args(ndisMiniportHandle, "MSIXConfigParameters"))()
	a := w.adapter6Arg(ddi, "NdisMiniportHandle", ndisMiniportHandle)
	if a == nil || !w.needPtr(ddi, "MSIXConfigParameters", msixConfigParameters == nil) {
		return ndis.StatusInvalidParameter
	}
	p := msixConfigParameters
	if p.TableEntry >= msixEntries {
		return ndis.StatusInvalidParameter
	}
	x := w.extras()
	if x.msix[a] == nil {
		x.msix[a] = make([]msixEntry, msixEntries)
		for i := range x.msix[a] {
			x.msix[a][i].message = uint32(i)
		}
	}
	e := &x.msix[a][p.TableEntry]
	switch p.ConfigOperation {
	case ndis.NdisMSIXTableConfigSetTableEntry:
		if lvl := wdm.Irql(w.st.Irql()); lvl > wdm.DispatchLevel {
			w.report(rules.RuleIrqlAboveMax, "%s: NdisMSIXTableConfigSetTableEntry at %s; for this operation callers must run at IRQL <= DISPATCH_LEVEL", ddi, lvl)
		}
		if p.MessageNumber >= msixEntries {
			return ndis.StatusInvalidParameter
		}
		e.message = p.MessageNumber
	case ndis.NdisMSIXTableConfigMaskTableEntry:
		e.masked = true
	case ndis.NdisMSIXTableConfigUnmaskTableEntry:
		e.masked = false
	default:
		return ndis.StatusInvalidParameter
	}
	return ndis.StatusSuccess
}
