package ndissim

import (
	"fmt"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

// RegisterProtocolDriver runs NdisRegisterProtocolDriver in the simulated NDIS.
func (w *world) RegisterProtocolDriver(protocolDriverContext ndis.Handle, protocolCharacteristics *ndis.ProtocolDriverCharacteristics, ndisProtocolHandle *ndis.Handle) ndis.Status {
	defer w.st.EnterDDI("NdisRegisterProtocolDriver", args(protocolDriverContext, "ProtocolCharacteristics", "NdisProtocolHandle"))()
	const ddi = "NdisRegisterProtocolDriver"
	if !w.needPtr(ddi, "ProtocolCharacteristics", protocolCharacteristics == nil) || !w.needPtr(ddi, "NdisProtocolHandle", ndisProtocolHandle == nil) {
		return ndis.StatusInvalidParameter
	}
	chars := *protocolCharacteristics
	if chars.MajorNdisVersion < 6 {
		return ndis.StatusBadVersion
	}
	name := chars.Name
	if name == "" {
		name = fmt.Sprintf("protocol%d", w.next("protocol"))
	}
	p := &protocolBlock{issued: issued{w}, name: name, ctx: protocolDriverContext, chars: chars}
	if chars.BindAdapterHandlerEx == nil || chars.UnbindAdapterHandlerEx == nil {
		w.report(rules.RuleMissingHandler, "%s: %s registered NDIS_PROTOCOL_DRIVER_CHARACTERISTICS without BindAdapterHandlerEx or UnbindAdapterHandlerEx (PROTOCOL_BIND_ADAPTER_EX, PROTOCOL_UNBIND_ADAPTER_EX), which every protocol driver supplies", ddi, p.driverName())
		return ndis.StatusBadCharacteristics
	}
	if chars.SetOptionsHandler != nil {
		p.inSetOptions = true
		st := w.callStatus("SET_OPTIONS", p, args(p, protocolDriverContext), func() ndis.Status {
			return chars.SetOptionsHandler(p, protocolDriverContext)
		})
		p.inSetOptions = false
		if st != ndis.StatusSuccess {
			w.st.Tracef("%s: %s's SetOptions failed with %s; the driver is not registered", ddi, p.driverName(), st)
			return st
		}
	}
	if (p.cl != nil || p.cm != nil) && p.co == nil {
		w.report(rules.RuleMissingHandler, "%s: %s registered CoNDIS client or call manager handlers without NDIS_PROTOCOL_CO_CHARACTERISTICS, which every CoNDIS protocol driver passes to NdisSetOptionalHandlers from its SetOptions handler", ddi, p.driverName())
	}
	if p.cl != nil && p.co != nil && p.co.CoAfRegisterNotifyHandler == nil {
		w.report(rules.RuleMissingHandler, "%s: %s registered client handlers with NDIS_PROTOCOL_CO_CHARACTERISTICS.CoAfRegisterNotifyHandler (PROTOCOL_CO_AF_REGISTER_NOTIFY) NULL; a client learns of call managers only through it", ddi, p.driverName())
	}
	p.registered = true
	w.protocols = append(w.protocols, p)
	*ndisProtocolHandle = p
	return ndis.StatusSuccess
}

// DeregisterProtocolDriver runs NdisDeregisterProtocolDriver in the simulated NDIS.
func (w *world) DeregisterProtocolDriver(ndisProtocolHandle ndis.Handle) {
	defer w.st.EnterDDI("NdisDeregisterProtocolDriver", args(ndisProtocolHandle))()
	p, ok := handleOf[*protocolBlock](w, "NdisDeregisterProtocolDriver", "NdisProtocolHandle", ndisProtocolHandle, "the handle from NdisRegisterProtocolDriver")
	if !ok {
		return
	}
	if p.deregistered || !p.registered {
		w.report(rules.RuleBadHandle, "NdisDeregisterProtocolDriver: %s is not registered", p.driverName())
		return
	}
	for _, o := range append([]*openBlock(nil), p.opens...) {
		if !o.closed {
			w.unbind(o)
		}
	}
	p.deregistered = true
	for i, q := range w.protocols {
		if q == p {
			w.protocols = append(w.protocols[:i], w.protocols[i+1:]...)
			break
		}
	}
}

// SetOptionalHandlers runs NdisSetOptionalHandlers in the simulated NDIS.
func (w *world) SetOptionalHandlers(ndisHandle ndis.Handle, optionalHandlers ndis.DriverOptionalHandlers) ndis.Status {
	defer w.st.EnterDDI("NdisSetOptionalHandlers", args(ndisHandle, structName(optionalHandlers)))()
	const ddi = "NdisSetOptionalHandlers"
	if isNilHandlers(optionalHandlers) {
		w.report(rules.RuleBadParameter, "%s: OptionalHandlers is NULL", ddi)
		return ndis.StatusInvalidParameter
	}
	if w.foreign(ddi, "NdisHandle", ndisHandle) {
		return ndis.StatusInvalidParameter
	}
	switch d := ndisHandle.(type) {
	case *protocolBlock:
		if d == nil {
			break
		}
		return w.setProtocolHandlers(d, optionalHandlers)
	case *miniportDriverBlock:
		if d == nil {
			break
		}
		return w.setMiniportHandlers(d, optionalHandlers)
	case *mp6Driver:
		if d == nil {
			break
		}
		return w.setMiniport6Handlers(d, optionalHandlers)
	case *openBlock:
		w.report(rules.RuleOptionalHandlersContext, "%s: %s is passed with a binding handle; CoNDIS drivers register it with the NdisDriverHandle their SetOptions handler receives", ddi, handlersName(optionalHandlers))
		return ndis.StatusFailure
	}
	w.nullOrWrong(ddi, "NdisHandle", ndisHandle, "the NdisDriverHandle passed to the driver's SetOptions handler")
	return ndis.StatusInvalidParameter
}

// structName names the structure passed, or NULL.
func structName(h ndis.DriverOptionalHandlers) string {
	if isNilHandlers(h) {
		return "NULL"
	}
	return handlersName(h)
}

// isNilHandlers reports a nil interface or a nil pointer in it.
func isNilHandlers(h ndis.DriverOptionalHandlers) bool {
	switch x := h.(type) {
	case nil:
		return true
	case *ndis.ProtocolCoCharacteristics:
		return x == nil
	case *ndis.CoClientOptionalHandlers:
		return x == nil
	case *ndis.CoCallManagerOptionalHandlers:
		return x == nil
	case *ndis.MiniportCoCharacteristics:
		return x == nil
	case *ndis.MiniportPnpCharacteristics:
		return x == nil
	case *ndis.MiniportSsCharacteristics:
		return x == nil
	}
	return false
}

// setProtocolHandlers stores a protocol driver's CoNDIS handlers.
func (w *world) setProtocolHandlers(p *protocolBlock, h ndis.DriverOptionalHandlers) ndis.Status {
	const ddi = "NdisSetOptionalHandlers"
	if !p.inSetOptions {
		w.report(rules.RuleOptionalHandlersContext, "%s: %s registers %s outside its SetOptions handler; NDIS accepts CoNDIS handlers only from SET_OPTIONS, which NdisRegisterProtocolDriver calls", ddi, p.driverName(), handlersName(h))
		return ndis.StatusFailure
	}
	switch x := h.(type) {
	case *ndis.ProtocolCoCharacteristics:
		c := *x
		p.co = &c
	case *ndis.CoClientOptionalHandlers:
		c := *x
		p.cl = &c
	case *ndis.CoCallManagerOptionalHandlers:
		c := *x
		p.cm = &c
	default:
		w.report(rules.RuleOptionalHandlersContext, "%s: %s passes %s; a protocol driver registers NDIS_PROTOCOL_CO_CHARACTERISTICS and client or call manager handlers", ddi, p.driverName(), handlersName(h))
		return ndis.StatusFailure
	}
	w.missingSlots(ddi, p, h, false)
	return ndis.StatusSuccess
}
