// Package shared holds helpers shared by the dial-out and the answer paths // want package:"vcfields\\{example.com/t/shared.vc.h=cm\\+client\\}"
// of a client: each is judged in the context of every callback that calls
// it, and a defect is reported at the call in the callback whose role makes
// it one, never at the DDI inside the helper.
package shared

import "github.com/ndislint/ndislint/ndis"

type vc struct {
	h       ndis.Handle
	binding ndis.Handle
	mine    bool
	params  ndis.CoCallParameters
	req     ndis.OidRequest
}

func clCreateVc(protocolAfContext, ndisVcHandle ndis.Handle, protocolVcContext *ndis.Handle) ndis.Status {
	*protocolVcContext = &vc{h: ndisVcHandle}
	return ndis.StatusSuccess
}

func dial(binding, af ndis.Handle) *vc {
	v := &vc{binding: binding, mine: true}
	if ndis.CoCreateVc(binding, af, v, &v.h) != ndis.StatusSuccess {
		return nil
	}
	return v
}

// teardown deletes the VC: right for the client's own VCs only.
func teardown(v *vc) {
	ndis.CoDeleteVc(v.h)
}

// query asks the miniport about the VC.
func query(v *vc) {
	ndis.CoOidRequest(v.binding, nil, v.h, nil, &v.req)
}

// hangup closes the call, completes a close that did not pend, and reports
// the call's end to the miniport with the VC's handle.
func hangup(v *vc) {
	st := ndis.ClCloseCall(v.h, nil, nil, 0)
	if st != ndis.StatusPending {
		clCloseCallComplete(st, v, nil)
	}
	ndis.CoOidRequest(v.binding, nil, v.h, nil, &v.req)
}

// clean: the dial-out path, on the client's own VC.
func clMakeCallComplete(status ndis.Status, protocolVcContext, ndisPartyHandle ndis.Handle, callParameters *ndis.CoCallParameters) {
	v := protocolVcContext.(*vc)
	if status != ndis.StatusSuccess {
		teardown(v)
		return
	}
	query(v)
	hangup(v)
}

// The answer path refuses an offer by tearing the VC down.
func clIncomingCall(protocolSapContext, protocolVcContext ndis.Handle, callParameters *ndis.CoCallParameters) ndis.Status {
	v := protocolVcContext.(*vc)
	if callParameters == nil {
		teardown(v) // want `NdisCoDeleteVc on a VC the call manager created in ProtocolClIncomingCall \(through teardown at .*shared.go:32:\d+\): only the creator may delete a VC \(vc-delete-cm-vc\)`
		return ndis.StatusFailure
	}
	query(v)
	return ndis.StatusSuccess
}

// clean: the close of either kind, with the creator flag tested before the
// shared teardown.
func clCloseCallComplete(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {
	v := protocolVcContext.(*vc)
	if status == ndis.StatusSuccess && v.mine {
		teardown(v)
	}
}

// The remote side hung up: for a VC the call manager created, the close
// that hangup completes synchronously kills the handle it then uses.
func clIncomingCloseCall(closeStatus ndis.Status, protocolVcContext ndis.Handle, closeData []byte, size uint32) {
	v := protocolVcContext.(*vc)
	if !v.mine {
		hangup(v) // want `NdisCoOidRequest with the NdisVcHandle of a VC the call manager created, after its close completed synchronously \(through hangup at .*shared.go:47:\d+\): the handle is invalid once the close completes \(vc-use-after-close\)`
	}
}

// clean: query on a connected incoming call.
func clCallConnected(protocolVcContext ndis.Handle) {
	query(protocolVcContext.(*vc))
}

var handlers = ndis.CoClientOptionalHandlers{
	ClCreateVcHandler:          clCreateVc,
	ClMakeCallCompleteHandler:  clMakeCallComplete,
	ClIncomingCallHandler:      clIncomingCall,
	ClCloseCallCompleteHandler: clCloseCallComplete,
	ClIncomingCloseCallHandler: clIncomingCloseCall,
	ClCallConnectedHandler:     clCallConnected,
}

var _ = dial
