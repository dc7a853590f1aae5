package ndissim

import (
	"fmt"
	"strings"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

// NDIS 6 intermediate drivers (NdisIM*): a driver that registered a
// miniport edge (NdisMRegisterMiniportDriver) and a protocol edge
// (NdisRegisterProtocolDriver) tells NDIS they belong together with
// NdisIMAssociateMiniport, and starts its virtual miniports with
// NdisIMInitializeDeviceInstanceEx. NDIS starts the named instance later,
// from the event queue, as it does when the Plug and Play manager sends
// IRP_MN_START_DEVICE: it adds an NDIS 6 adapter of that name to the
// miniport driver (MiniportInitializeEx, as for any adapter). Until then
// NdisIMCancelInitializeDeviceInstance cancels the start. The
// DeviceContext goes to the protocols bound to the virtual miniport
// (NdisIMGetBindingContext); NdisIMDeInitializeDeviceInstance makes NDIS
// unbind them and call MiniportHaltEx, later, from the event queue.
//
// The simulated Plug and Play manager always starts the device: an
// instance whose start NDIS never receives is not modelled.

// Virtual miniport instance states.
const (
	imPending  = iota // NdisIMInitializeDeviceInstanceEx called, not started yet
	imStarted         // the adapter is up (MiniportInitializeEx succeeded)
	imStopping        // NdisIMDeInitializeDeviceInstance called
)

// imInstance is a virtual miniport NdisIMInitializeDeviceInstanceEx asked
// for.
type imInstance struct {
	drv     *mp6Driver
	name    string
	ctx     ndis.Handle // the DeviceContext
	state   int
	adapter *adapter6
}

// imRegistry is the run's record of intermediate drivers.
type imRegistry struct {
	// assoc is the protocol edge each miniport driver was associated with.
	assoc map[*mp6Driver]*protocolBlock
	// instances by lower-case name (registry key names are not case
	// sensitive).
	instances map[string]*imInstance
	byAdapter map[*adapter6]*imInstance
}

// ims returns the run's registry.
func (w *world) ims() *imRegistry {
	r := &w.imx
	if r.assoc == nil {
		r.assoc = map[*mp6Driver]*protocolBlock{}
		r.instances = map[string]*imInstance{}
		r.byAdapter = map[*adapter6]*imInstance{}
	}
	return r
}

// imDriverArg resolves the DriverHandle of an NdisIM* DDI: the handle of a
// miniport driver still registered.
func (w *world) imDriverArg(ddi string, h ndis.Handle) *mp6Driver {
	d, ok := handleOf[*mp6Driver](w, ddi, "DriverHandle", h, "the handle from NdisMRegisterMiniportDriver")
	if !ok {
		return nil
	}
	if d.deregistered {
		w.report(rules.RuleBadHandle, "%s: DriverHandle is %s, which is deregistered", ddi, d.driverName())
		return nil
	}
	return d
}

// IMAssociateMiniport runs NdisIMAssociateMiniport in the simulated NDIS:
// the miniport and protocol edges are recorded as one intermediate driver.
// Associating a miniport driver with a second protocol is a bad parameter
// (an intermediate driver has one of each).
func (w *world) IMAssociateMiniport(driverHandle ndis.Handle, protocolHandle ndis.Handle) {
	const ddi = "NdisIMAssociateMiniport"
	defer w.st.EnterDDI(ddi, args(driverHandle, protocolHandle))()
	d := w.imDriverArg(ddi, driverHandle)
	p, ok := handleOf[*protocolBlock](w, ddi, "ProtocolHandle", protocolHandle, "the handle from NdisRegisterProtocolDriver")
	if d == nil || !ok {
		return
	}
	r := w.ims()
	if q := r.assoc[d]; q != nil && q != p {
		w.report(rules.RuleBadParameter, "%s: %s is associated already with protocol %q, not %q", ddi, d.driverName(), q.name, p.name)
		return
	}
	r.assoc[d] = p
}

// IMInitializeDeviceInstanceEx runs NdisIMInitializeDeviceInstanceEx in
// the simulated NDIS: the instance is pending until NDIS starts it from the
// event queue. A name pending or up already is NDIS_STATUS_NOT_ACCEPTED.
func (w *world) IMInitializeDeviceInstanceEx(driverHandle ndis.Handle, driverInstance *ndis.String, deviceContext ndis.Handle) ndis.Status {
	const ddi = "NdisIMInitializeDeviceInstanceEx"
	defer w.st.EnterDDI(ddi, args(driverHandle, "DriverInstance", deviceContext))()
	d := w.imDriverArg(ddi, driverHandle)
	if d == nil || !w.needPtr(ddi, "DriverInstance", driverInstance == nil) {
		return ndis.StatusFailure
	}
	name := string(*driverInstance)
	r := w.ims()
	key := strings.ToLower(name)
	if old := r.instances[key]; old != nil {
		if old.adapter == nil || !w.gone6(old.adapter.life) {
			return ndis.StatusNotAccepted
		}
		// Halted otherwise than by NdisIMDeInitializeDeviceInstance (the
		// harness's Halt): the name is free again.
		delete(r.byAdapter, old.adapter)
	}
	inst := &imInstance{drv: d, name: name, ctx: deviceContext}
	r.instances[key] = inst
	w.st.Enqueue(fmt.Sprintf("NDIS starts virtual miniport %q (IRP_MN_START_DEVICE)", name), 0, func() { w.startIM(inst) })
	return ndis.StatusSuccess
}

// startIM starts a pending instance: an adapter of its miniport driver
// under its name. A cancelled instance, a deregistered driver or a name an
// adapter has already leave nothing started; nor does a failed
// MiniportInitializeEx, after which the name may be initialized again.
func (w *world) startIM(inst *imInstance) {
	r := w.ims()
	key := strings.ToLower(inst.name)
	if r.instances[key] != inst || inst.state != imPending {
		return
	}
	if inst.drv.deregistered || w.adapterNamed(inst.name) {
		delete(r.instances, key)
		return
	}
	a, _ := w.addAdapter6(inst.drv, inst.name, ndis.Medium802_3)
	if a == nil {
		delete(r.instances, key)
		return
	}
	inst.state, inst.adapter = imStarted, a
	r.byAdapter[a] = inst
}

// adapterNamed reports whether an adapter of that name exists.
func (w *world) adapterNamed(name string) bool {
	for _, b := range w.adapters {
		if b.name == name && !b.halted {
			return true
		}
	}
	return false
}

// IMCancelInitializeDeviceInstance runs
// NdisIMCancelInitializeDeviceInstance in the simulated NDIS: a pending
// instance of the driver is cancelled (NDIS_STATUS_SUCCESS); one NDIS has
// started, or none of that name, cannot be (NDIS_STATUS_FAILURE).
func (w *world) IMCancelInitializeDeviceInstance(driverHandle ndis.Handle, deviceInstance *ndis.String) ndis.Status {
	const ddi = "NdisIMCancelInitializeDeviceInstance"
	defer w.st.EnterDDI(ddi, args(driverHandle, "DeviceInstance"))()
	d := w.imDriverArg(ddi, driverHandle)
	if d == nil || !w.needPtr(ddi, "DeviceInstance", deviceInstance == nil) {
		return ndis.StatusFailure
	}
	r := w.ims()
	key := strings.ToLower(string(*deviceInstance))
	inst := r.instances[key]
	if inst == nil || inst.drv != d || inst.state != imPending {
		return ndis.StatusFailure
	}
	delete(r.instances, key)
	return ndis.StatusSuccess
}

// IMDeInitializeDeviceInstance runs NdisIMDeInitializeDeviceInstance in the
// simulated NDIS: NDIS pauses the virtual miniport's stack if it runs,
// unbinds the protocols and calls MiniportHaltEx, later, from the event
// queue (retrying while requests are outstanding); the instance's name is
// free again. An adapter no NdisIMInitializeDeviceInstanceEx started is a
// bad handle (NDIS_STATUS_FAILURE), as is one being torn down already.
func (w *world) IMDeInitializeDeviceInstance(ndisMiniportHandle ndis.Handle) ndis.Status {
	const ddi = "NdisIMDeInitializeDeviceInstance"
	defer w.st.EnterDDI(ddi, args(ndisMiniportHandle))()
	a := w.adapter6Arg(ddi, "NdisMiniportHandle", ndisMiniportHandle)
	if a == nil {
		return ndis.StatusFailure
	}
	inst := w.ims().byAdapter[a]
	switch {
	case inst == nil:
		w.report(rules.RuleBadHandle, "%s: NdisMiniportHandle is %s, not a virtual miniport NdisIMInitializeDeviceInstanceEx started", ddi, a.who())
		return ndis.StatusFailure
	case inst.state == imStopping:
		w.report(rules.RuleBadHandle, "%s: NdisMiniportHandle is %s, which NdisIMDeInitializeDeviceInstance is tearing down already", ddi, a.who())
		return ndis.StatusFailure
	}
	inst.state = imStopping
	w.deinitIMLater(inst, removeRetries)
	return ndis.StatusSuccess
}

// deinitIMLater queues the teardown of a virtual miniport, with tries
// attempts left.
func (w *world) deinitIMLater(inst *imInstance, tries int) {
	delay := int64(0)
	if tries < removeRetries {
		delay = removeRetryDelay
	}
	a := inst.adapter
	w.st.Enqueue(fmt.Sprintf("NDIS tears down %s (NdisIMDeInitializeDeviceInstance)", a.who()), delay, func() {
		done := func(ok bool) {
			if ok {
				r := w.ims()
				delete(r.byAdapter, a)
				delete(r.instances, strings.ToLower(inst.name))
			} else if tries > 1 {
				w.deinitIMLater(inst, tries-1)
			}
		}
		switch {
		case w.gone6(a.life):
			done(true)
		case w.can6(a.life, ev6("MINIPORT_PAUSE")):
			if w.pauseStack(a, func(ok bool) { done(ok && w.haltAdapter6(a) == nil) }) != nil {
				done(false)
			}
		default:
			done(w.haltAdapter6(a) == nil)
		}
	})
}

// IMGetBindingContext runs NdisIMGetBindingContext in the simulated NDIS:
// the DeviceContext the intermediate driver gave
// NdisIMInitializeDeviceInstanceEx for the virtual miniport the binding is
// to; NULL for a binding to another adapter, or when it gave none.
func (w *world) IMGetBindingContext(ndisBindingHandle ndis.Handle) ndis.Handle {
	const ddi = "NdisIMGetBindingContext"
	defer w.st.EnterDDI(ddi, args(ndisBindingHandle))()
	b := w.binding6Arg(ddi, "NdisBindingHandle", ndisBindingHandle)
	if b == nil {
		return nil
	}
	if inst := w.ims().byAdapter[b.adapter]; inst != nil {
		return inst.ctx
	}
	return nil
}
