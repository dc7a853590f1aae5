package ndistest

import (
	"fmt"

	"github.com/ndislint/ndislint/ndis"
)

// ProtocolScript says how a scripted NDIS 6 protocol (Stack.BindProtocol)
// answers NDIS (the zero value answers everything synchronously with
// success and returns received lists from the queue right after their
// indication).
type ProtocolScript struct {
	// Pause answers ProtocolNetPnPEvent's NetEventPause, Restart its
	// NetEventRestart (NdisCompleteNetPnPEvent completes a pended one). A
	// pause while sends are out always pends until they are back, as the
	// pages require.
	Pause, Restart Action
	// HoldReceives keeps received lists until Protocol.ReturnReceived
	// (NdisReturnNetBufferLists); otherwise the protocol returns them from
	// the queue. Lists indicated with NDIS_RECEIVE_FLAGS_RESOURCES are
	// copied and never returned.
	HoldReceives bool
}

// Protocol is a scripted NDIS 6 protocol driver bound to one stack: it
// sends (NdisSendNetBufferLists), receives (ProtocolReceiveNetBufferLists)
// and makes OID requests (NdisOidRequest) when the test asks.
type Protocol struct {
	stack     *Stack
	name      string
	script    ProtocolScript
	handle    ndis.Handle // NdisProtocolHandle
	binding   ndis.Handle
	bindCtx   ndis.Handle
	unbindCtx ndis.Handle
	out       int // sends not yet completed
	pausing   *ndis.NetPnpEventNotification
	received  [][]byte
	held      []*ndis.NetBufferList
	completed []ndis.Status
	oidDone   map[*ndis.OidRequest]ndis.Status
}

// BindProtocol registers a scripted NDIS 6 protocol driver
// (NdisRegisterProtocolDriver) and binds it to the stack's adapter
// (ProtocolBindAdapterEx, NdisOpenAdapterEx). The binding is Paused until
// the stack restarts.
func (st *Stack) BindProtocol(script ProtocolScript) *Protocol {
	st.sys.t.Helper()
	st.sys.nProtos++
	p := &Protocol{stack: st, name: fmt.Sprintf("ndistest-protocol%d", st.sys.nProtos), script: script, oidDone: map[*ndis.OidRequest]ndis.Status{}}
	chars := &ndis.ProtocolDriverCharacteristics{
		MajorNdisVersion:                  6,
		MinorNdisVersion:                  30,
		Name:                              ndis.String(p.name),
		BindAdapterHandlerEx:              spBind,
		UnbindAdapterHandlerEx:            spUnbind,
		OpenAdapterCompleteHandlerEx:      spOpenComplete,
		CloseAdapterCompleteHandlerEx:     spCloseComplete,
		NetPnPEventHandler:                spPnP,
		OidRequestCompleteHandler:         spOidComplete,
		StatusHandlerEx:                   func(ndis.Handle, *ndis.StatusIndication) {},
		ReceiveNetBufferListsHandler:      spReceive,
		SendNetBufferListsCompleteHandler: spSendComplete,
	}
	if s := ndis.RegisterProtocolDriver(p, chars, &p.handle); s != ndis.StatusSuccess {
		st.sys.t.Fatalf("ndistest: registering a scripted NDIS 6 protocol failed: %s", s)
	}
	if _, err := st.sys.sim.Bind6(p.handle, st.handle); err != nil {
		st.sys.t.Fatalf("ndistest: %v", err)
	}
	st.sys.Run()
	if p.binding == nil {
		st.sys.t.Fatalf("ndistest: the scripted protocol could not open %q", st.name)
	}
	st.protos = append(st.protos, p)
	return p
}

// Handle returns the protocol's NdisBindingHandle.
func (p *Protocol) Handle() ndis.Handle { return p.binding }

// Send sends one NET_BUFFER_LIST per payload (NdisSendNetBufferLists).
func (p *Protocol) Send(payloads ...[]byte) {
	p.stack.sys.t.Helper()
	head := chain(p.binding, payloads)
	p.out += len(payloads)
	ndis.SendNetBufferLists(p.binding, head, 0, 0)
	p.stack.sys.Run()
}

// Completed returns the statuses of the sends that came back
// (ProtocolSendNetBufferListsComplete), in order.
func (p *Protocol) Completed() []ndis.Status { return append([]ndis.Status(nil), p.completed...) }

// Outstanding returns how many of its sends have not come back.
func (p *Protocol) Outstanding() int { return p.out }

// Received returns the payloads the protocol received, in order.
func (p *Protocol) Received() [][]byte { return append([][]byte(nil), p.received...) }

// ReturnReceived returns the received lists the protocol holds
// (NdisReturnNetBufferLists; HoldReceives).
func (p *Protocol) ReturnReceived() {
	p.stack.sys.t.Helper()
	held := p.held
	p.held = nil
	for _, h := range held {
		ndis.ReturnNetBufferLists(p.binding, h, 0)
	}
	p.stack.sys.Run()
}

// Oid makes an OID request (NdisOidRequest) and runs the queue; it returns
// the request's final status: NdisOidRequest's, or the one
// ProtocolOidRequestComplete delivered. ok is false if the request is
// still pending.
func (p *Protocol) Oid(req *ndis.OidRequest) (st ndis.Status, ok bool) {
	p.stack.sys.t.Helper()
	s := ndis.NdisOidRequest(p.binding, req)
	if s != ndis.StatusPending {
		return s, true
	}
	p.stack.sys.Run()
	st, ok = p.oidDone[req]
	if !ok {
		return ndis.StatusPending, false
	}
	return st, true
}

// spBind is the scripted ProtocolBindAdapterEx: it opens only its stack's
// adapter.
func spBind(protocolDriverContext ndis.Handle, bindContext ndis.Handle, bindParameters *ndis.BindParameters) ndis.Status {
	p := protocolDriverContext.(*Protocol)
	if string(bindParameters.AdapterName) != p.stack.name {
		return ndis.StatusNotSupported
	}
	p.bindCtx = bindContext
	var idx uint32
	op := &ndis.OpenParameters{AdapterName: bindParameters.AdapterName, MediumArray: []ndis.Medium{bindParameters.MediaType}, SelectedMediumIndex: &idx}
	return ndis.OpenAdapterEx(p.handle, p, op, bindContext, &p.binding)
}

// spOpenComplete finishes a pended open.
func spOpenComplete(protocolBindingContext ndis.Handle, status ndis.Status) {
	p := protocolBindingContext.(*Protocol)
	ndis.CompleteBindAdapterEx(p.bindCtx, status)
}

// spUnbind is the scripted ProtocolUnbindAdapterEx.
func spUnbind(unbindContext ndis.Handle, protocolBindingContext ndis.Handle) ndis.Status {
	p := protocolBindingContext.(*Protocol)
	p.unbindCtx = unbindContext
	return ndis.CloseAdapterEx(p.binding)
}

// spCloseComplete finishes a pended close.
func spCloseComplete(protocolBindingContext ndis.Handle) {
	p := protocolBindingContext.(*Protocol)
	ndis.CompleteUnbindAdapterEx(p.unbindCtx)
}

// spPnP is the scripted ProtocolNetPnPEvent.
func spPnP(protocolBindingContext ndis.Handle, netPnPEventNotification *ndis.NetPnpEventNotification) ndis.Status {
	p := protocolBindingContext.(*Protocol)
	a := Sync
	switch netPnPEventNotification.NetPnPEvent.NetEvent {
	case ndis.NetEventPause:
		if p.out > 0 {
			p.pausing = netPnPEventNotification
			return ndis.StatusPending
		}
		a = p.script.Pause
	case ndis.NetEventRestart:
		a = p.script.Restart
	}
	return p.stack.sys.answer(a, fmt.Sprintf("scripted protocol completes a PnP event on %q", p.stack.name), func(st ndis.Status) {
		p.stack.sys.sim.CompleteNetPnPEvent(p.binding, netPnPEventNotification, st)
	})
}

// spSendComplete is the scripted ProtocolSendNetBufferListsComplete.
func spSendComplete(protocolBindingContext ndis.Handle, netBufferList *ndis.NetBufferList, sendCompleteFlags uint32) {
	p := protocolBindingContext.(*Protocol)
	for l := netBufferList; l != nil; l = l.Next {
		p.completed = append(p.completed, l.Status)
		p.out--
	}
	if p.pausing != nil && p.out == 0 {
		// NdisCompleteNetPnPEvent runs at PASSIVE_LEVEL: the protocol
		// completes the pause from a worker, not from this handler.
		n := p.pausing
		p.pausing = nil
		p.stack.sys.st.Enqueue(fmt.Sprintf("scripted protocol completes its pause on %q", p.stack.name), 0, func() {
			p.stack.sys.sim.CompleteNetPnPEvent(p.binding, n, ndis.StatusSuccess)
		})
	}
}

// spReceive is the scripted ProtocolReceiveNetBufferLists.
func spReceive(protocolBindingContext ndis.Handle, netBufferLists *ndis.NetBufferList, portNumber ndis.PortNumber, numberOfNetBufferLists uint32, receiveFlags uint32) {
	p := protocolBindingContext.(*Protocol)
	for l := netBufferLists; l != nil; l = l.Next {
		p.received = append(p.received, append([]byte(nil), l.Data...))
	}
	if receiveFlags&ndis.ReceiveFlagsResources != 0 {
		return
	}
	if p.script.HoldReceives {
		p.held = append(p.held, netBufferLists)
		return
	}
	p.stack.sys.st.Enqueue(fmt.Sprintf("scripted protocol returns received lists on %q", p.stack.name), 0, func() {
		ndis.ReturnNetBufferLists(p.binding, netBufferLists, 0)
	})
}

// spOidComplete is the scripted ProtocolOidRequestComplete.
func spOidComplete(protocolBindingContext ndis.Handle, oidRequest *ndis.OidRequest, status ndis.Status) {
	p := protocolBindingContext.(*Protocol)
	p.oidDone[oidRequest] = status
}
