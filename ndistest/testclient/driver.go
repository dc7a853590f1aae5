package testclient

import (
	"github.com/ndislint/ndislint/ndis"
)

// DriverEntry registers the client with NDIS (NdisRegisterProtocolDriver);
// NDIS calls its SetOptions handler, which registers the CoNDIS handlers.
func (c *Client) DriverEntry() ndis.Status {
	chars := &ndis.ProtocolDriverCharacteristics{
		MajorNdisVersion:              6,
		Name:                          c.opts.Name,
		SetOptionsHandler:             setOptions,
		BindAdapterHandlerEx:          bindAdapter,
		UnbindAdapterHandlerEx:        unbindAdapter,
		OpenAdapterCompleteHandlerEx:  openAdapterComplete,
		CloseAdapterCompleteHandlerEx: closeAdapterComplete,
	}
	return ndis.RegisterProtocolDriver(c, chars, &c.protocol)
}

// setOptions is the client's ProtocolSetOptions.
func setOptions(ndisDriverHandle ndis.Handle, driverContext ndis.Handle) ndis.Status {
	co := &ndis.ProtocolCoCharacteristics{
		CoStatusHandlerEx:                   coStatus,
		CoAfRegisterNotifyHandler:           afRegisterNotify,
		CoReceiveNetBufferListsHandler:      coReceive,
		CoSendNetBufferListsCompleteHandler: coSendComplete,
	}
	if st := ndis.SetOptionalHandlers(ndisDriverHandle, co); st != ndis.StatusSuccess {
		return st
	}
	return ndis.SetOptionalHandlers(ndisDriverHandle, &ndis.CoClientOptionalHandlers{
		ClCreateVcHandler:              clCreateVc,
		ClDeleteVcHandler:              clDeleteVc,
		ClOidRequestHandler:            clOidRequest,
		ClOidRequestCompleteHandler:    clOidRequestComplete,
		ClOpenAfCompleteHandlerEx:      clOpenAfComplete,
		ClCloseAfCompleteHandler:       clCloseAfComplete,
		ClRegisterSapCompleteHandler:   clRegisterSapComplete,
		ClDeregisterSapCompleteHandler: clDeregisterSapComplete,
		ClMakeCallCompleteHandler:      clMakeCallComplete,
		ClModifyCallQoSCompleteHandler: clModifyCallQoSComplete,
		ClCloseCallCompleteHandler:     clCloseCallComplete,
		ClAddPartyCompleteHandler:      clAddPartyComplete,
		ClDropPartyCompleteHandler:     clDropPartyComplete,
		ClIncomingCallHandler:          clIncomingCall,
		ClIncomingCallQoSChangeHandler: clIncomingCallQoSChange,
		ClIncomingCloseCallHandler:     clIncomingCloseCall,
		ClIncomingDropPartyHandler:     clIncomingDropParty,
		ClCallConnectedHandler:         clCallConnected,
		ClNotifyCloseAfHandler:         clNotifyCloseAf,
	})
}

// bindAdapter is ProtocolBindAdapterEx: it opens the adapter.
func bindAdapter(protocolDriverContext ndis.Handle, bindContext ndis.Handle, bindParameters *ndis.BindParameters) ndis.Status {
	c := protocolDriverContext.(*Client)
	b := &Binding{c: c, bindCtx: bindContext, adapter: bindParameters.AdapterName}
	c.log("PROTOCOL_BIND_ADAPTER_EX", nil, bindParameters.AdapterName)
	var idx uint32
	op := &ndis.OpenParameters{
		AdapterName:         bindParameters.AdapterName,
		MediumArray:         []ndis.Medium{ndis.MediumAtm, ndis.MediumCoWan, ndis.MediumWan},
		SelectedMediumIndex: &idx,
	}
	st := ndis.OpenAdapterEx(c.protocol, b, op, bindContext, &b.h)
	if st == ndis.StatusSuccess || st == ndis.StatusPending {
		c.bindings = append(c.bindings, b)
	}
	return st
}

// openAdapterComplete is ProtocolOpenAdapterCompleteEx: it completes the
// pended bind.
func openAdapterComplete(protocolBindingContext ndis.Handle, status ndis.Status) {
	b := protocolBindingContext.(*Binding)
	b.c.log("PROTOCOL_OPEN_ADAPTER_COMPLETE_EX", nil, status.String())
	ndis.CompleteBindAdapterEx(b.bindCtx, status)
}

// unbindAdapter is ProtocolUnbindAdapterEx: it closes every AF on the
// binding (which first closes its calls, VCs and SAPs), waits at
// PASSIVE_LEVEL until they are closed (NdisWaitEvent), then closes the
// binding.
func unbindAdapter(unbindContext ndis.Handle, protocolBindingContext ndis.Handle) ndis.Status {
	b := protocolBindingContext.(*Binding)
	b.c.log("PROTOCOL_UNBIND_ADAPTER_EX", nil, b.adapter)
	b.unbind = unbindContext
	ndis.InitializeEvent(&b.afsClosed)
	for _, a := range b.afs {
		if a.open && !a.closed {
			a.tearingDown = true
			a.step()
		}
	}
	if b.afsBusy() {
		b.waiting = true
		ndis.WaitEvent(&b.afsClosed, 0)
		b.waiting = false
	}
	return ndis.CloseAdapterEx(b.h)
}

// afsBusy reports whether an AF of the binding is still open.
func (b *Binding) afsBusy() bool {
	for _, a := range b.afs {
		if a.open && !a.closed {
			return true
		}
	}
	return false
}

// closeAdapterComplete is ProtocolCloseAdapterCompleteEx.
func closeAdapterComplete(protocolBindingContext ndis.Handle) {
	b := protocolBindingContext.(*Binding)
	b.c.log("PROTOCOL_CLOSE_ADAPTER_COMPLETE_EX", nil, "")
	ndis.CompleteUnbindAdapterEx(b.unbind)
}

// afRegisterNotify is ProtocolCoAfRegisterNotify: the client opens every AF
// it is offered.
func afRegisterNotify(protocolBindingContext ndis.Handle, addressFamily *ndis.CoAddressFamily) {
	b := protocolBindingContext.(*Binding)
	b.c.log("PROTOCOL_CO_AF_REGISTER_NOTIFY", nil, "")
	a := &Af{b: b, family: *addressFamily}
	b.afs = append(b.afs, a)
	st := ndis.ClOpenAddressFamilyEx(b.h, addressFamily, a, &a.h)
	if st != ndis.StatusPending {
		clOpenAfComplete(a, a.h, st)
	}
}

// clOpenAfComplete is ProtocolClOpenAfCompleteEx.
func clOpenAfComplete(protocolAfContext ndis.Handle, ndisAfHandle ndis.Handle, status ndis.Status) {
	a := protocolAfContext.(*Af)
	c := a.b.c
	c.log("PROTOCOL_CL_OPEN_AF_COMPLETE_EX", nil, status.String())
	if status != ndis.StatusSuccess {
		a.closed = true
		return
	}
	a.h, a.open = ndisAfHandle, true
	if c.opts.Sap != nil {
		c.RegisterSap(a, *c.opts.Sap)
	}
}

// coStatus is ProtocolCoStatusEx.
func coStatus(protocolBindingContext ndis.Handle, protocolVcContext ndis.Handle, statusIndication *ndis.StatusIndication) {
	b := protocolBindingContext.(*Binding)
	v, _ := protocolVcContext.(*VC)
	b.c.log("PROTOCOL_CO_STATUS_EX", v, statusIndication.StatusCode.String())
}

// coReceive is ProtocolCoReceiveNetBufferLists.
func coReceive(protocolBindingContext ndis.Handle, protocolVcContext ndis.Handle, netBufferLists *ndis.NetBufferList, numberOfNetBufferLists uint32, receiveFlags uint32) {
	b := protocolBindingContext.(*Binding)
	v := protocolVcContext.(*VC)
	b.c.log("PROTOCOL_CO_RECEIVE_NET_BUFFER_LISTS", v, "")
	for n := netBufferLists; n != nil; n = n.Next {
		v.received = append(v.received, n.Data)
	}
}

// coSendComplete is ProtocolCoSendNetBufferListsComplete.
func coSendComplete(protocolVcContext ndis.Handle, netBufferLists *ndis.NetBufferList, sendCompleteFlags uint32) {
	v := protocolVcContext.(*VC)
	v.c.log("PROTOCOL_CO_SEND_NET_BUFFER_LISTS_COMPLETE", v, "")
	for n := netBufferLists; n != nil; n = n.Next {
		v.sendsOut--
	}
}
