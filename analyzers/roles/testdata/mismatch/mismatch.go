// Package mismatch has functions declared for one role and used in another.
package mismatch

import "github.com/ndislint/ndislint/ndis"

type af struct{ closing bool }

// clDropPartyComplete is written for PROTOCOL_CL_DROP_PARTY_COMPLETE.
//
//ndis:role PROTOCOL_CL_DROP_PARTY_COMPLETE
func clDropPartyComplete(status ndis.Status, protocolPartyContext ndis.Handle) {}

// clDeregisterSapComplete declares its role in the Go spelling.
//
//ndis:role ProtocolClDeregisterSapComplete
func clDeregisterSapComplete(status ndis.Status, protocolSapContext ndis.Handle) {}

// clCloseAfComplete is declared with a role-typed variable.
func clCloseAfComplete(status ndis.Status, protocolAfContext ndis.Handle) {
	protocolAfContext.(*af).closing = false
}

var _ ndis.ProtocolClCloseAfComplete = clCloseAfComplete

var handlers = ndis.CoClientOptionalHandlers{
	ClCloseAfCompleteHandler:       clDropPartyComplete,     // want `^clDropPartyComplete is declared PROTOCOL_CL_DROP_PARTY_COMPLETE but stored in ClCloseAfCompleteHandler, a PROTOCOL_CL_CLOSE_AF_COMPLETE slot: the roles share a signature, not a contract \(role-mismatch\)$`
	ClDeregisterSapCompleteHandler: clDeregisterSapComplete, // clean: declared in the Go spelling
	ClDropPartyCompleteHandler:     clCloseAfComplete,       // want `clCloseAfComplete is declared PROTOCOL_CL_CLOSE_AF_COMPLETE but stored in ClDropPartyCompleteHandler, a PROTOCOL_CL_DROP_PARTY_COMPLETE slot`
}

// A conversion is a use too.
var converted = ndis.ProtocolClDeregisterSapComplete(clDropPartyComplete) // want `clDropPartyComplete is declared PROTOCOL_CL_DROP_PARTY_COMPLETE but converted to PROTOCOL_CL_DEREGISTER_SAP_COMPLETE`

// client is a driver whose handlers are methods.
type client struct{ afs int }

// closeAfComplete is a method handler.
//
//ndis:role PROTOCOL_CL_CLOSE_AF_COMPLETE
func (c *client) closeAfComplete(status ndis.Status, protocolAfContext ndis.Handle) { c.afs-- }

// dropPartyComplete is a method handler.
//
//ndis:role PROTOCOL_CL_DROP_PARTY_COMPLETE
func (c *client) dropPartyComplete(status ndis.Status, protocolPartyContext ndis.Handle) {}

func (c *client) register(h *ndis.CoClientOptionalHandlers) {
	h.ClCloseAfCompleteHandler = c.closeAfComplete         // clean: a method value in its role
	h.ClDropPartyCompleteHandler = c.closeAfComplete       // want `client.closeAfComplete is declared PROTOCOL_CL_CLOSE_AF_COMPLETE but stored in ClDropPartyCompleteHandler`
	h.ClDeregisterSapCompleteHandler = c.dropPartyComplete // want `client.dropPartyComplete is declared PROTOCOL_CL_DROP_PARTY_COMPLETE but stored in ClDeregisterSapCompleteHandler`
}

// A closure stored through a variable keeps the role of its variable.
func closures(h *ndis.CoClientOptionalHandlers) {
	var done ndis.ProtocolClDropPartyComplete = func(status ndis.Status, protocolPartyContext ndis.Handle) {}
	h.ClDropPartyCompleteHandler = done                               // clean: same role
	h.ClCloseAfCompleteHandler = ndis.ProtocolClCloseAfComplete(done) // want `the function literal is declared PROTOCOL_CL_DROP_PARTY_COMPLETE but stored in ClCloseAfCompleteHandler`
}
