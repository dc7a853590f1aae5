package ndissim

import (
	"fmt"

	"github.com/ndislint/ndislint/ndis"
)

// pnpEvent calls a binding's ProtocolNetPnPEvent with event; a PENDING
// answer is owed NdisCompleteNetPnPEvent.
func (w *world) pnpEvent(o *openBlock, code ndis.NetPnpEventCode) ndis.Status {
	const role = "PROTOCOL_NET_PNP_EVENT"
	p := o.protocol
	n := &ndis.NetPnpEventNotification{NetPnPEvent: ndis.NetPnpEvent{NetEvent: code}}
	what := fmt.Sprintf("%s (event %d) of %s", role, code, o.who())
	return w.forward(reqKey{"pnp", n}, what, w.completer(role, false), func() ndis.Status {
		return w.callStatusWith(role, p, args(o.ctx, fmt.Sprintf("event %d", code)), w.roleNulls(role, o.ctx, n), func() ndis.Status {
			if p.chars.NetPnPEventHandler == nil {
				return ndis.StatusSuccess
			}
			return p.chars.NetPnPEventHandler(o.ctx, n)
		})
	})
}

// globalPnPEvent calls p's ProtocolNetPnPEvent with a NULL
// ProtocolBindingContext: an event for all bindings. A PENDING answer is
// returned and nothing is owed: NdisCompleteNetPnPEvent takes a binding's
// handle, and the simulation does not model completing an event that has
// none.
func (w *world) globalPnPEvent(p *protocolBlock, code ndis.NetPnpEventCode) ndis.Status {
	const role = "PROTOCOL_NET_PNP_EVENT"
	n := &ndis.NetPnpEventNotification{NetPnPEvent: ndis.NetPnpEvent{NetEvent: code}}
	return w.callStatusWith(role, p, args(nil, fmt.Sprintf("event %d", code)), w.roleNulls(role, nil, n), func() ndis.Status {
		if p.chars.NetPnPEventHandler == nil {
			return ndis.StatusSuccess
		}
		return p.chars.NetPnPEventHandler(nil, n)
	})
}

// CompleteNetPnPEvent runs NdisCompleteNetPnPEvent in the simulated NDIS.
func (w *world) CompleteNetPnPEvent(ndisBindingHandle ndis.Handle, netPnPEventNotification *ndis.NetPnpEventNotification, status ndis.Status) {
	defer w.st.EnterDDI("NdisCompleteNetPnPEvent", args(ndisBindingHandle, "NetPnPEventNotification", status))()
	const ddi = "NdisCompleteNetPnPEvent"
	o := w.openArg(ddi, "NdisBindingHandle", ndisBindingHandle)
	if o == nil || !w.needPtr(ddi, "NetPnPEventNotification", netPnPEventNotification == nil) {
		return
	}
	if w.complete(reqKey{"pnp", netPnPEventNotification}, ddi, "PROTOCOL_NET_PNP_EVENT of "+o.who(), status) {
		w.pnpCompleted(o, netPnPEventNotification, status)
	}
}
