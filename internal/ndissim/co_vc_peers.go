package ndissim

import "github.com/ndislint/ndislint/ndis"

// The handlers NDIS runs synchronously while a VC is created or deleted: the
// other protocol's ProtocolCoCreateVc/ProtocolCoDeleteVc and the miniport's
// MiniportCoCreateVc/MiniportCoDeleteVc.

// protocolSide returns the driver and handlers of one protocol side of v.
func (v *vcBlock) protocolDriver(s side) driverRef {
	if s == sideClient {
		if v.clientOpen == nil {
			return nil
		}
		return v.clientOpen.protocol
	}
	return v.cm.driver()
}

// peerCreateVc runs side s's ProtocolCoCreateVc for v. A PENDING answer is
// forbidden and NDIS treats it as a failure.
func (w *world) peerCreateVc(v *vcBlock, s side) ndis.Status {
	drv := v.protocolDriver(s)
	var fn ndis.ProtocolCoCreateVc
	var afCtx ndis.Handle
	if s == sideClient {
		if cl := v.clientOpen.protocol.cl; cl != nil {
			fn = cl.ClCreateVcHandler
		}
		afCtx = v.af.clientCtx
	} else {
		if h := v.cm.handlers(); h != nil {
			fn = h.CmCreateVcHandler
		}
		afCtx = v.af.cmCtx
	}
	vh := v.handleFor(s)
	var t *transition
	if s == sideClient {
		t = w.begin(v.life, on("PROTOCOL_CO_CREATE_VC"))
	}
	st := w.callStatus("PROTOCOL_CO_CREATE_VC", drv, args(afCtx, vh, "ProtocolVcContext"), func() ndis.Status {
		if fn == nil {
			w.noHandler(drv, "PROTOCOL_CO_CREATE_VC")
			return ndis.StatusNotSupported
		}
		var ctx ndis.Handle
		r := fn(afCtx, vh, &ctx)
		if s == sideClient {
			v.clientCtx = ctx
		} else {
			v.cmCtx = ctx
		}
		return r
	})
	if t != nil {
		t.end(st)
	}
	if st == ndis.StatusPending {
		return ndis.StatusFailure
	}
	return st
}

// peerDeleteVc runs side s's ProtocolCoDeleteVc for v.
func (w *world) peerDeleteVc(v *vcBlock, s side) {
	drv := v.protocolDriver(s)
	if drv == nil {
		return
	}
	var fn ndis.ProtocolCoDeleteVc
	if s == sideClient {
		if cl := v.clientOpen.protocol.cl; cl != nil {
			fn = cl.ClDeleteVcHandler
		}
	} else if h := v.cm.handlers(); h != nil {
		fn = h.CmDeleteVcHandler
	}
	ctx := v.ctxFor(s)
	if s == sideClient {
		w.step(v.life, on(deleteVcRole))
	}
	w.callStatus(deleteVcRole, drv, args(ctx), func() ndis.Status {
		if fn == nil {
			w.noHandler(drv, "PROTOCOL_CO_DELETE_VC")
			return ndis.StatusSuccess
		}
		return fn(ctx)
	})
}

// miniportCreateVc runs the miniport's MiniportCoCreateVc for v (not for a
// miniport call manager, which has none).
func (w *world) miniportCreateVc(v *vcBlock) ndis.Status {
	a := v.adapter
	mco := a.driver.mco
	return w.callStatus("MINIPORT_CO_CREATE_VC", a.driver, args(a.ctx, v.mpH, "MiniportVcContext"), func() ndis.Status {
		if mco.CoCreateVcHandler == nil {
			w.noHandler(a.driver, "MINIPORT_CO_CREATE_VC")
			return ndis.StatusSuccess
		}
		var ctx ndis.Handle
		r := mco.CoCreateVcHandler(a.ctx, v.mpH, &ctx)
		v.miniportCtx = ctx
		return r
	})
}

// miniportDeleteVc runs the miniport's MiniportCoDeleteVc for v.
func (w *world) miniportDeleteVc(v *vcBlock) {
	a := v.adapter
	mco := a.driver.mco
	w.callStatus("MINIPORT_CO_DELETE_VC", a.driver, args(v.miniportCtx), func() ndis.Status {
		if mco.CoDeleteVcHandler == nil {
			w.noHandler(a.driver, "MINIPORT_CO_DELETE_VC")
			return ndis.StatusSuccess
		}
		return mco.CoDeleteVcHandler(v.miniportCtx)
	})
}
