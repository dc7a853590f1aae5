package ndissim

import (
	"fmt"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

// setMiniportHandlers stores a miniport driver's CoNDIS handlers (and a
// miniport call manager's call-manager handlers).
func (w *world) setMiniportHandlers(d *miniportDriverBlock, h ndis.DriverOptionalHandlers) ndis.Status {
	const ddi = "NdisSetOptionalHandlers"
	if !d.inSetOptions {
		w.report(rules.RuleOptionalHandlersContext, "%s: %s registers %s outside its MiniportSetOptions handler", ddi, d.driverName(), handlersName(h))
		return ndis.StatusFailure
	}
	switch x := h.(type) {
	case *ndis.MiniportCoCharacteristics:
		c := *x
		d.mco = &c
	case *ndis.CoCallManagerOptionalHandlers:
		c := *x
		d.cm = &c
		w.missingSlots(ddi, d, h, true)
	default:
		w.report(rules.RuleOptionalHandlersContext, "%s: %s passes %s; a miniport driver registers NDIS_MINIPORT_CO_CHARACTERISTICS and, for a miniport call manager, NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS", ddi, d.driverName(), handlersName(h))
		return ndis.StatusFailure
	}
	return ndis.StatusSuccess
}

// registerMiniport registers a CoNDIS miniport driver: NDIS calls its
// SetOptions handler, then checks the CoNDIS characteristics.
func (w *world) registerMiniport(name string, ctx ndis.Handle, setOptions ndis.SetOptions) (*miniportDriverBlock, ndis.Status) {
	const ddi = "NdisMRegisterMiniportDriver"
	if name == "" {
		name = fmt.Sprintf("miniport%d", w.next("miniport"))
	}
	d := &miniportDriverBlock{issued: issued{w}, name: name, ctx: ctx}
	if setOptions != nil {
		d.inSetOptions = true
		st := w.callStatus("SET_OPTIONS", d, args(d, ctx), func() ndis.Status { return setOptions(d, ctx) })
		d.inSetOptions = false
		if st != ndis.StatusSuccess {
			return nil, st
		}
	}
	if d.mco == nil {
		w.report(rules.RuleMissingHandler, "%s: %s registered no NDIS_MINIPORT_CO_CHARACTERISTICS from MiniportSetOptions; a CoNDIS miniport must", ddi, d.driverName())
		return nil, ndis.StatusBadCharacteristics
	}
	w.missingSlots(ddi, d, d.mco, d.cm != nil)
	w.miniports = append(w.miniports, d)
	return d, ndis.StatusSuccess
}

// addAdapter starts an adapter of driver d: NDIS calls initialize (the
// CoNDIS part of MiniportInitializeEx) with the new NdisMiniportAdapterHandle.
func (w *world) addAdapter(d *miniportDriverBlock, name string, medium ndis.Medium, initialize func(ndis.Handle) (ndis.Handle, ndis.Status)) (*adapterBlock, ndis.Status) {
	a := &adapterBlock{issued: issued{w}, name: name, index: len(w.adapters) + 1, medium: medium, driver: d}
	w.adapters = append(w.adapters, a)
	st := ndis.StatusSuccess
	if initialize != nil {
		st = w.callStatus("MINIPORT_INITIALIZE", d, args(a), func() ndis.Status {
			ctx, s := initialize(a)
			a.ctx = ctx
			return s
		})
	}
	if st != ndis.StatusSuccess {
		a.halted = true
		return nil, st
	}
	a.ready = true
	d.adapters = append(d.adapters, a)
	return a, ndis.StatusSuccess
}
