// Package handlerpkg declares handlers that another package registers.
package handlerpkg

import "github.com/ndislint/ndislint/ndis"

// DropPartyComplete is written for PROTOCOL_CL_DROP_PARTY_COMPLETE.
//
//ndis:role PROTOCOL_CL_DROP_PARTY_COMPLETE
func DropPartyComplete(status ndis.Status, protocolPartyContext ndis.Handle) {} // want DropPartyComplete:`roles\{declared PROTOCOL_CL_DROP_PARTY_COMPLETE\}`

// CloseAfComplete is written for PROTOCOL_CL_CLOSE_AF_COMPLETE.
//
//ndis:role PROTOCOL_CL_CLOSE_AF_COMPLETE
func CloseAfComplete(status ndis.Status, protocolAfContext ndis.Handle) {} // want CloseAfComplete:`roles\{declared PROTOCOL_CL_CLOSE_AF_COMPLETE\}`

// Undeclared declares no role.
func Undeclared(status ndis.Status, protocolSapContext ndis.Handle) {}

// Used is used here as PROTOCOL_CL_DEREGISTER_SAP_COMPLETE.
func Used(status ndis.Status, protocolSapContext ndis.Handle) {} // want Used:`roles\{used PROTOCOL_CL_DEREGISTER_SAP_COMPLETE\}`

var _ = ndis.ProtocolClDeregisterSapComplete(Used)

// Later may pend.
func Later(h ndis.Handle) ndis.Status {
	if h == nil {
		return ndis.StatusPending
	}
	return ndis.StatusSuccess
}

// Driver has method handlers.
type Driver struct{ Closes int }

// CloseCallComplete is a method handler.
//
//ndis:role PROTOCOL_CL_CLOSE_CALL_COMPLETE
func (d *Driver) CloseCallComplete(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) { // want CloseCallComplete:`roles\{declared PROTOCOL_CL_CLOSE_CALL_COMPLETE\}`
	d.Closes++
}
