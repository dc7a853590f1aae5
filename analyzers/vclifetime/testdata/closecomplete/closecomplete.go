// Package closecomplete exercises the ProtocolClCloseCallComplete rules with // want package:"vcfields\\{example.com/t/closecomplete.vc.ndisVcHandle=cm\\+client\\}"
// an owner enum, a flag bit and the status.
package closecomplete

import "github.com/ndislint/ndislint/ndis"

const (
	ownerClient = 1
	ownerCM     = 2
)

const vcFlagCM = 0x4

type vc struct {
	ndisVcHandle ndis.Handle
	binding      ndis.Handle
	owner        int
	flags        uint32
	req          ndis.OidRequest
}

func clCreateVc(protocolAfContext, ndisVcHandle ndis.Handle, protocolVcContext *ndis.Handle) ndis.Status {
	v := &vc{ndisVcHandle: ndisVcHandle, owner: ownerCM}
	v.flags |= vcFlagCM
	*protocolVcContext = v
	return ndis.StatusSuccess
}

func clDeleteVc(protocolVcContext ndis.Handle) ndis.Status {
	return ndis.StatusSuccess
}

func newVc(binding, af ndis.Handle) *vc {
	v := &vc{binding: binding, owner: ownerClient}
	ndis.CoCreateVc(binding, af, v, &v.ndisVcHandle)
	return v
}

// useAfterClose makes an OID request on a CM-created VC after the close.
func useAfterClose(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {
	v := protocolVcContext.(*vc)
	if v.owner == ownerCM {
		ndis.CoOidRequest(v.binding, nil, v.ndisVcHandle, nil, &v.req) // want `NdisCoOidRequest with the NdisVcHandle of a VC the call manager created, after ProtocolClCloseCallComplete: the handle is invalid from then on \(vc-use-after-close\)`
	}
}

// deleteOnFailure deletes a client VC whatever the status.
func deleteOnFailure(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {
	v := protocolVcContext.(*vc)
	if v.owner == ownerClient {
		ndis.CoDeleteVc(v.ndisVcHandle) // want `NdisCoDeleteVc in ProtocolClCloseCallComplete on a path where the status may not be NDIS_STATUS_SUCCESS: the client may delete or reuse its VC only after a successful close \(vc-delete-on-failed-close\)`
	}
}

// reuseOnFailure makes a new call on a client VC whatever the status.
func reuseOnFailure(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {
	v := protocolVcContext.(*vc)
	if v.flags&vcFlagCM == 0 {
		ndis.ClMakeCall(v.ndisVcHandle, &ndis.CoCallParameters{}, nil, nil) // want `NdisClMakeCall in ProtocolClCloseCallComplete on a path where the status may not be NDIS_STATUS_SUCCESS`
	}
}

// flagBitDelete tests the flag bit the wrong way round.
func flagBitDelete(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {
	v := protocolVcContext.(*vc)
	if status == ndis.StatusSuccess && v.flags&vcFlagCM != 0 {
		ndis.CoDeleteVc(v.ndisVcHandle) // want `NdisCoDeleteVc on a VC the call manager created in ProtocolClCloseCallComplete`
	}
}

// clean: early return on failure, then the owner test.
func cleanEarlyReturn(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {
	v := protocolVcContext.(*vc)
	if status != ndis.StatusSuccess {
		return
	}
	if v.owner != ownerClient {
		v.ndisVcHandle = nil // the call manager's VC: the handle is dead
		return
	}
	ndis.CoDeleteVc(v.ndisVcHandle)
}

// clean: the flag bit, tested right.
func cleanFlagBit(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {
	v := protocolVcContext.(*vc)
	if status == ndis.StatusSuccess && v.flags&vcFlagCM == 0 {
		ndis.ClMakeCall(v.ndisVcHandle, &ndis.CoCallParameters{}, nil, nil)
	}
}

// clean: a no-op close-complete.
func noop(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {}

var handlers = []ndis.CoClientOptionalHandlers{
	{ClCreateVcHandler: clCreateVc, ClDeleteVcHandler: clDeleteVc, ClCloseCallCompleteHandler: useAfterClose},
	{ClCloseCallCompleteHandler: deleteOnFailure},
	{ClCloseCallCompleteHandler: reuseOnFailure},
	{ClCloseCallCompleteHandler: flagBitDelete},
	{ClCloseCallCompleteHandler: cleanEarlyReturn},
	{ClCloseCallCompleteHandler: cleanFlagBit},
	{ClCloseCallCompleteHandler: noop},
}

var _ = newVc

// hangupThenQuery closes a CM-created call, completes the close itself when it
// did not pend, and then still uses the handle.
func hangupThenQuery(closeStatus ndis.Status, protocolVcContext ndis.Handle, closeData []byte, size uint32) {
	v := protocolVcContext.(*vc)
	if v.owner != ownerCM {
		return
	}
	st := ndis.ClCloseCall(v.ndisVcHandle, nil, nil, 0)
	if st != ndis.StatusPending {
		cleanEarlyReturn(st, v, nil)
	}
	ndis.CoOidRequest(v.binding, nil, v.ndisVcHandle, nil, &v.req) // want `NdisCoOidRequest with the NdisVcHandle of a VC the call manager created, after its close completed synchronously`
}

// cleanHangup closes a CM-created call the documented way and stops there.
func cleanHangup(closeStatus ndis.Status, protocolVcContext ndis.Handle, closeData []byte, size uint32) {
	v := protocolVcContext.(*vc)
	if st := ndis.ClCloseCall(v.ndisVcHandle, nil, nil, 0); st != ndis.StatusPending {
		cleanEarlyReturn(st, v, nil)
	}
}

var incoming = []ndis.CoClientOptionalHandlers{
	{ClIncomingCloseCallHandler: hangupThenQuery},
	{ClIncomingCloseCallHandler: cleanHangup},
}

// succeeded is a status predicate, as drivers write them.
func succeeded(st ndis.Status) bool { return st == ndis.StatusSuccess }

// isMine tests ownership through a method.
func (v *vc) isMine() bool { return v.owner == ownerClient }

// clean: the status is checked through a predicate the pass cannot read, so
// it says nothing rather than guess.
func cleanPredicate(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {
	v := protocolVcContext.(*vc)
	if !succeeded(status) || !v.isMine() {
		return
	}
	ndis.CoDeleteVc(v.ndisVcHandle)
}

var predicates = ndis.CoClientOptionalHandlers{ClCloseCallCompleteHandler: cleanPredicate}
