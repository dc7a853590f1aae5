package ndissim

import (
	"github.com/ndislint/ndislint/ndis"
)

// The Plug and Play handlers of NDIS_MINIPORT_PNP_CHARACTERISTICS: when the
// Plug and Play manager adds a device, NDIS calls MiniportAddDevice, then
// MiniportFilterResourceRequirements with IRP_MN_FILTER_RESOURCE_REQUIREMENTS
// and MiniportStartDevice with IRP_MN_START_DEVICE, before
// MiniportInitializeEx; when it removes the device, MiniportRemoveDevice
// after MiniportHaltEx.

const (
	// irpMnStartDevice and irpMnFilterResourceRequirements are wdm.h's
	// IRP_MN_START_DEVICE and IRP_MN_FILTER_RESOURCE_REQUIREMENTS.
	irpMnStartDevice                = 0x00
	irpMnFilterResourceRequirements = 0x0D
)

// pnp6 is an adapter's Plug and Play state.
type pnp6 struct {
	// inAdd is true while MiniportAddDevice runs; added once it succeeded,
	// ctx the MiniportAddDeviceContext it registered.
	inAdd, added bool
	ctx          ndis.Handle
}

// pnpHandlers returns the NDIS_MINIPORT_PNP_CHARACTERISTICS the driver
// registered from MiniportSetOptions, or nil.
func (d *mp6Driver) pnpHandlers() *ndis.MiniportPnpCharacteristics {
	for _, h := range d.optional {
		if p, ok := h.(*ndis.MiniportPnpCharacteristics); ok {
			return p
		}
	}
	return nil
}

// pnpOf returns adapter a's Plug and Play state.
func (w *world) pnpOf(a *adapter6) *pnp6 {
	x := w.extras()
	p := x.pnp[a]
	if p == nil {
		p = &pnp6{}
		x.pnp[a] = p
	}
	return p
}

// addDevice6 runs the Plug and Play handlers that precede
// MiniportInitializeEx for adapter a, if its driver registered any, and
// returns the MiniportAddDeviceContext for NDIS_MINIPORT_INIT_PARAMETERS
// and NDIS_STATUS_SUCCESS, or the failure that keeps the device from
// starting (after MiniportRemoveDevice when MiniportAddDevice succeeded).
func (w *world) addDevice6(a *adapter6) (ndis.Handle, ndis.Status) {
	h := a.drv.pnpHandlers()
	if h == nil {
		return nil, ndis.StatusSuccess
	}
	p := w.pnpOf(a)
	if h.MiniportAddDeviceHandler != nil {
		p.inAdd = true
		st := w.callStatus6("MINIPORT_ADD_DEVICE", a.drv, args(a.describe(), a.drv.ctx), func() ndis.Status {
			return h.MiniportAddDeviceHandler(a, a.drv.ctx)
		})
		p.inAdd = false
		if st != ndis.StatusSuccess {
			return nil, st
		}
		p.added = true
	}
	for _, step := range []struct {
		fn    ndis.MiniportPnpIrp
		minor uint8
	}{{h.MiniportFilterResourceRequirementsHandler, irpMnFilterResourceRequirements}, {h.MiniportStartDeviceHandler, irpMnStartDevice}} {
		if step.fn == nil {
			continue
		}
		irp := &ndis.Irp{MinorFunction: step.minor}
		st := w.callStatus6("MINIPORT_PNP_IRP", a.drv, args(p.ctx, "Irp"), func() ndis.Status { return step.fn(p.ctx, irp) })
		if st != ndis.StatusSuccess {
			w.removeDevice6(a)
			return nil, st
		}
	}
	return p.ctx, ndis.StatusSuccess
}

// removeDevice6 calls MiniportRemoveDevice for adapter a when its
// MiniportAddDevice succeeded, once.
func (w *world) removeDevice6(a *adapter6) {
	p := w.pnpOf(a)
	h := a.drv.pnpHandlers()
	if !p.added || h == nil || h.MiniportRemoveDeviceHandler == nil {
		return
	}
	p.added = false
	w.call("MINIPORT_REMOVE_DEVICE", a.drv, args(p.ctx), func() { h.MiniportRemoveDeviceHandler(p.ctx) })
}

// setAddDeviceContext takes NdisMSetMiniportAttributes while
// MiniportAddDevice runs as the NDIS_MINIPORT_ADD_DEVICE_REGISTRATION_ATTRIBUTES
// of adapter a (the model's MiniportAdapterContext is then its
// MiniportAddDeviceContext) and reports whether it did.
func (w *world) setAddDeviceContext(a *adapter6, attrs *ndis.MiniportAdapterAttributes) bool {
	p := w.extras().pnp[a]
	if p == nil || !p.inAdd {
		return false
	}
	p.ctx = attrs.MiniportAdapterContext
	return true
}
