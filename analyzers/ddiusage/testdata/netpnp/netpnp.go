// Package netpnp checks NdisReEnumerateProtocolBindings in ProtocolNetPnPEvent:
// allowed only while ProtocolBindingContext is NULL (an event for all
// bindings).
package netpnp

import "github.com/ndislint/ndislint/ndis"

type protocol struct {
	handle ndis.Handle
	item   ndis.Handle
}

var driver protocol

// Failing cases.

//ndis:role PROTOCOL_NET_PNP_EVENT
func always(protocolBindingContext ndis.Handle, n *ndis.NetPnpEventNotification) ndis.Status {
	ndis.ReEnumerateProtocolBindings(driver.handle) // want `NdisReEnumerateProtocolBindings is called in the context of ProtocolNetPnPEvent whatever its ProtocolBindingContext \(on every path, so also when NDIS passes one\); its page allows it there only when ProtocolBindingContext is NULL \(sdv/ndis-ndisreenumerateprotocolbindings\)`
	return ndis.StatusSuccess
}

//ndis:role PROTOCOL_NET_PNP_EVENT
func onBinding(protocolBindingContext ndis.Handle, n *ndis.NetPnpEventNotification) ndis.Status {
	if protocolBindingContext != nil && n.NetPnPEvent.NetEvent == ndis.NetEventReconfigure {
		ndis.ReEnumerateProtocolBindings(driver.handle) // want `NdisReEnumerateProtocolBindings is called in the context of ProtocolNetPnPEvent where its ProtocolBindingContext is not NULL`
	}
	return ndis.StatusSuccess
}

//ndis:role PROTOCOL_NET_PNP_EVENT
func afterGlobalReturn(protocolBindingContext ndis.Handle, n *ndis.NetPnpEventNotification) ndis.Status {
	if protocolBindingContext == nil {
		return ndis.StatusSuccess
	}
	ndis.ReEnumerateProtocolBindings(driver.handle) // want `where its ProtocolBindingContext is not NULL`
	return ndis.StatusSuccess
}

// rebind calls the DDI on every path: its callers' context decides.
func rebind() {
	ndis.ReEnumerateProtocolBindings(driver.handle) // want `whatever its ProtocolBindingContext` `where its ProtocolBindingContext is not NULL`
}

//ndis:role PROTOCOL_NET_PNP_EVENT
func throughHelper(protocolBindingContext ndis.Handle, n *ndis.NetPnpEventNotification) ndis.Status {
	rebind()
	return ndis.StatusSuccess
}

//ndis:role PROTOCOL_NET_PNP_EVENT
func throughHelperOnBinding(protocolBindingContext ndis.Handle, n *ndis.NetPnpEventNotification) ndis.Status {
	if protocolBindingContext != nil {
		rebind()
	}
	return ndis.StatusSuccess
}

//ndis:role PROTOCOL_NET_PNP_EVENT
func deferred(protocolBindingContext ndis.Handle, n *ndis.NetPnpEventNotification) ndis.Status {
	defer ndis.ReEnumerateProtocolBindings(driver.handle) // want `whatever its ProtocolBindingContext`
	return ndis.StatusSuccess
}

type binding struct{ open ndis.Handle }

// pnp is a method bound as the handler: the receiver is not the role's
// first parameter.
//
//ndis:role PROTOCOL_NET_PNP_EVENT
func (p *protocol) pnp(protocolBindingContext ndis.Handle, n *ndis.NetPnpEventNotification) ndis.Status {
	if b, ok := protocolBindingContext.(*binding); ok && b != nil {
		_ = b
	}
	if protocolBindingContext != nil {
		ndis.ReEnumerateProtocolBindings(p.handle) // want `where its ProtocolBindingContext is not NULL`
	}
	return ndis.StatusSuccess
}

// Clean twins.

//ndis:role PROTOCOL_NET_PNP_EVENT
func global(protocolBindingContext ndis.Handle, n *ndis.NetPnpEventNotification) ndis.Status {
	if protocolBindingContext == nil {
		ndis.ReEnumerateProtocolBindings(driver.handle) // clean: an event for all bindings
	}
	return ndis.StatusSuccess
}

//ndis:role PROTOCOL_NET_PNP_EVENT
func globalReconfigure(protocolBindingContext ndis.Handle, n *ndis.NetPnpEventNotification) ndis.Status {
	if n.NetPnPEvent.NetEvent == ndis.NetEventReconfigure && protocolBindingContext == nil {
		ndis.ReEnumerateProtocolBindings(driver.handle) // clean: the page's own advice for intermediate drivers
	}
	return ndis.StatusSuccess
}

//ndis:role PROTOCOL_NET_PNP_EVENT
func earlyReturn(protocolBindingContext ndis.Handle, n *ndis.NetPnpEventNotification) ndis.Status {
	if protocolBindingContext != nil {
		return ndis.StatusSuccess
	}
	ndis.ReEnumerateProtocolBindings(driver.handle) // clean: binding events returned above
	return ndis.StatusSuccess
}

//ndis:role PROTOCOL_NET_PNP_EVENT
func byEvent(protocolBindingContext ndis.Handle, n *ndis.NetPnpEventNotification) ndis.Status {
	switch n.NetPnPEvent.NetEvent {
	case ndis.NetEventBindsComplete:
		// clean: NDIS indicates NetEventBindsComplete only with a NULL
		// ProtocolBindingContext; the pass cannot tell, and a call that is
		// conditional on anything but the parameter is left alone.
		ndis.ReEnumerateProtocolBindings(driver.handle)
	}
	return ndis.StatusSuccess
}

// maybeRebind tests its own argument; the pass does not relate it to the
// handler's parameter.
func maybeRebind(ctx ndis.Handle) {
	if ctx == nil {
		ndis.ReEnumerateProtocolBindings(driver.handle)
	}
}

//ndis:role PROTOCOL_NET_PNP_EVENT
func helperTests(protocolBindingContext ndis.Handle, n *ndis.NetPnpEventNotification) ndis.Status {
	maybeRebind(protocolBindingContext) // clean: the helper calls it only with a NULL context
	return ndis.StatusSuccess
}

//ndis:role PROTOCOL_NET_PNP_EVENT
func helperUnderNull(protocolBindingContext ndis.Handle, n *ndis.NetPnpEventNotification) ndis.Status {
	if protocolBindingContext == nil {
		rebind() // clean: the helper runs only for an event for all bindings
	}
	return ndis.StatusSuccess
}

func lookup(n *ndis.NetPnpEventNotification) ndis.Handle { return nil }

//ndis:role PROTOCOL_NET_PNP_EVENT
func reassigned(protocolBindingContext ndis.Handle, n *ndis.NetPnpEventNotification) ndis.Status {
	protocolBindingContext = lookup(n)
	if protocolBindingContext != nil {
		// clean: the variable no longer holds what NDIS passed; the pass
		// cannot tell.
		ndis.ReEnumerateProtocolBindings(driver.handle)
	}
	return ndis.StatusSuccess
}

//ndis:role PROTOCOL_NET_PNP_EVENT
func queued(protocolBindingContext ndis.Handle, n *ndis.NetPnpEventNotification) ndis.Status {
	// clean: the work item runs later, in no handler's context.
	ndis.QueueIoWorkItem(driver.item, func(workItemContext, ndisIoWorkItemHandle ndis.Handle) {
		ndis.ReEnumerateProtocolBindings(driver.handle)
	}, nil)
	return ndis.StatusSuccess
}

//ndis:role PROTOCOL_UNINSTALL
func uninstall() {
	ndis.ReEnumerateProtocolBindings(driver.handle) // clean: no restriction outside bind, unbind and binding events
}

// Helpers given the handler's parameter: their tests of it count.

// rebindOnBinding calls the DDI only for an event on a binding.
func rebindOnBinding(ctx ndis.Handle) {
	if ctx != nil {
		ndis.ReEnumerateProtocolBindings(driver.handle) // want `where its ProtocolBindingContext is not NULL`
	}
}

// rebindUnlessGlobal returns for an event for all bindings.
func rebindUnlessGlobal(ctx ndis.Handle) {
	if ctx == nil {
		return
	}
	ndis.ReEnumerateProtocolBindings(driver.handle) // want `where its ProtocolBindingContext is not NULL`
}

//ndis:role PROTOCOL_NET_PNP_EVENT
func helpersOnBinding(protocolBindingContext ndis.Handle, n *ndis.NetPnpEventNotification) ndis.Status {
	rebindOnBinding(protocolBindingContext)
	rebindUnlessGlobal(protocolBindingContext)
	return ndis.StatusSuccess
}

//ndis:role PROTOCOL_NET_PNP_EVENT
func helperContradicted(protocolBindingContext ndis.Handle, n *ndis.NetPnpEventNotification) ndis.Status {
	if protocolBindingContext != nil {
		maybeRebind(protocolBindingContext) // clean: the helper calls it only with a NULL context
	}
	return ndis.StatusSuccess
}

//ndis:role PROTOCOL_NET_PNP_EVENT
func helperOtherArgument(protocolBindingContext ndis.Handle, n *ndis.NetPnpEventNotification) ndis.Status {
	maybeRebind(lookup(n))     // clean: the helper tests another value than the handler's parameter
	rebindOnBinding(lookup(n)) // clean: likewise; the pass cannot tell
	return ndis.StatusSuccess
}

func keep(p *ndis.Handle) {}

//ndis:role PROTOCOL_NET_PNP_EVENT
func escapes(protocolBindingContext ndis.Handle, n *ndis.NetPnpEventNotification) ndis.Status {
	keep(&protocolBindingContext)
	if protocolBindingContext == nil {
		ndis.ReEnumerateProtocolBindings(driver.handle) // clean: the parameter escapes; the pass cannot tell, and the call is conditional
	}
	return ndis.StatusSuccess
}

//ndis:role PROTOCOL_NET_PNP_EVENT
func typeSwitch(protocolBindingContext ndis.Handle, n *ndis.NetPnpEventNotification) ndis.Status {
	switch protocolBindingContext.(type) {
	case nil:
		ndis.ReEnumerateProtocolBindings(driver.handle) // clean: the nil case of a type switch tests the parameter against nil
	case *binding:
		ndis.ReEnumerateProtocolBindings(driver.handle) // want `where its ProtocolBindingContext is not NULL`
	}
	return ndis.StatusSuccess
}
