// Package vcstate: NdisClMakeCall and NdisClCloseCall in the states the
// client's VC lifetime allows them in, and in others.
package vcstate

import "github.com/ndislint/ndislint/ndis"

type vc struct {
	ndisVcHandle ndis.Handle
	params       ndis.CoCallParameters
	closing      bool
}

func newVc(binding, af ndis.Handle) *vc {
	v := &vc{}
	ndis.CoCreateVc(binding, af, v, &v.ndisVcHandle)
	return v
}

func clMakeCallComplete(status ndis.Status, protocolVcContext, ndisPartyHandle ndis.Handle, callParameters *ndis.CoCallParameters) {
	v := protocolVcContext.(*vc)
	if status == ndis.StatusSuccess {
		ndis.ClMakeCall(v.ndisVcHandle, &v.params, nil, nil) // want `NdisClMakeCall on a vc-client in state connected \(after ProtocolClMakeCallComplete with Status == NDIS_STATUS_SUCCESS\); only idle allows it \(vc-state\)`
		return
	}
	// The call failed: the VC is idle, a retry is fine.
	ndis.ClMakeCall(v.ndisVcHandle, &v.params, nil, nil)
}

// Whatever the status: one path allows it, the pass stays silent.
func clMakeCallComplete2(status ndis.Status, protocolVcContext, ndisPartyHandle ndis.Handle, callParameters *ndis.CoCallParameters) {
	v := protocolVcContext.(*vc)
	ndis.ClMakeCall(v.ndisVcHandle, &v.params, nil, nil)
}

// A second close while the first is pending.
func closeTwice(v *vc) {
	if ndis.ClCloseCall(v.ndisVcHandle, nil, nil, 0) == ndis.StatusPending {
		ndis.ClCloseCall(v.ndisVcHandle, nil, nil, 0) // want `NdisClCloseCall on a vc-client in state closing \(after NdisClCloseCall\); only connected or must-close or close-failed allows it \(vc-state\)`
	}
}

// The close's status not tested: some outcome allows another close (a
// refused close is not in the catalogue), the pass stays silent.
func closeAgain(v *vc) {
	ndis.ClCloseCall(v.ndisVcHandle, nil, nil, 0)
	ndis.ClCloseCall(v.ndisVcHandle, nil, nil, 0)
}

// One close per VC in a loop is not a second close.
func closeAll(vcs []*vc) {
	for _, v := range vcs {
		ndis.ClCloseCall(v.ndisVcHandle, nil, nil, 0)
	}
}

// A map of VCs: each iteration reads another VC.
func closeMap(vcs map[int]*vc) {
	for _, v := range vcs {
		ndis.ClCloseCall(v.ndisVcHandle, nil, nil, 0)
	}
}

// In the completion of a refused close the client may close again; a new
// call is vc-delete-on-failed-close's (vclifetime), not this rule's.
func clCloseCallComplete(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {
	v := protocolVcContext.(*vc)
	if status != ndis.StatusSuccess {
		ndis.ClCloseCall(v.ndisVcHandle, nil, nil, 0)
		ndis.ClMakeCall(v.ndisVcHandle, &v.params, nil, nil)
	}
}

// After a successful close nothing is left to close.
func clCloseCallComplete2(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {
	v := protocolVcContext.(*vc)
	if status == ndis.StatusSuccess {
		ndis.ClCloseCall(v.ndisVcHandle, nil, nil, 0) // want `NdisClCloseCall on a vc-client in state idle`
	}
}

// The incoming close is answered with a close: allowed.
func clIncomingCloseCall(closeStatus ndis.Status, protocolVcContext ndis.Handle, closeData []byte, size uint32) {
	v := protocolVcContext.(*vc)
	ndis.ClCloseCall(v.ndisVcHandle, nil, nil, 0)
}

var handlers = ndis.CoClientOptionalHandlers{
	ClMakeCallCompleteHandler:  clMakeCallComplete,
	ClCloseCallCompleteHandler: clCloseCallComplete,
	ClIncomingCloseCallHandler: clIncomingCloseCall,
}

var (
	_ ndis.ProtocolClMakeCallComplete  = clMakeCallComplete2
	_ ndis.ProtocolClCloseCallComplete = clCloseCallComplete2
)
