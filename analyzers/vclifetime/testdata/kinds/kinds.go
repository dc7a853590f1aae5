// Package kinds shows that the role a callback runs as tells which VC it is // want package:"vcfields\\{example.com/t/kinds.flagged.h=cm\\+client example.com/t/kinds.link.h=cm\\+client\\}"
// on. One context type, link, serves both kinds of VC and carries no flag
// that tells them apart: ProtocolClMakeCallComplete runs only for a call the
// client made on a VC it created (PROTOCOL_CL_MAKE_CALL_COMPLETE is an edge
// of vc-client only), ProtocolClIncomingCall and ProtocolCoDeleteVc only for
// the call manager's (edges of vc-cm only); ProtocolClCloseCallComplete and
// ProtocolClIncomingCloseCall run for both.
package kinds

import "github.com/ndislint/ndislint/ndis"

// link is the context of every VC, whoever created it.
type link struct {
	h      ndis.Handle
	params ndis.CoCallParameters
}

func clCreateVc(protocolAfContext, ndisVcHandle ndis.Handle, protocolVcContext *ndis.Handle) ndis.Status {
	*protocolVcContext = &link{h: ndisVcHandle}
	return ndis.StatusSuccess
}

func dial(binding, af ndis.Handle) *link {
	l := &link{}
	if ndis.CoCreateVc(binding, af, l, &l.h) != ndis.StatusSuccess {
		return nil
	}
	if st := ndis.ClMakeCall(l.h, &l.params, nil, nil); st != ndis.StatusPending {
		clMakeCallComplete(st, l, nil, &l.params)
	}
	return l
}

// clean: after a failed make-call the VC is the client's, whatever else the
// context type holds.
func clMakeCallComplete(status ndis.Status, protocolVcContext, ndisPartyHandle ndis.Handle, callParameters *ndis.CoCallParameters) {
	l := protocolVcContext.(*link)
	if status != ndis.StatusSuccess {
		ndis.CoDeleteVc(l.h)
	}
}

// The same delete after a successful close: this runs for the calls the
// client answered too, on the call manager's VCs.
func clCloseCallComplete(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {
	l := protocolVcContext.(*link)
	if status == ndis.StatusSuccess {
		ndis.CoDeleteVc(l.h) // want `NdisCoDeleteVc on a VC the call manager created in ProtocolClCloseCallComplete \(its context holds VCs of both creators, and nothing on the way tells them apart\): only the creator may delete a VC \(vc-delete-cm-vc\)`
	}
}

// An offer refused by deleting the VC: it is the call manager's.
func clIncomingCall(protocolSapContext, protocolVcContext ndis.Handle, callParameters *ndis.CoCallParameters) ndis.Status {
	l := protocolVcContext.(*link)
	if callParameters == nil {
		ndis.CoDeleteVc(l.h) // want `NdisCoDeleteVc on a VC the call manager created in ProtocolClIncomingCall: only the creator may delete a VC \(vc-delete-cm-vc\)`
		return ndis.StatusFailure
	}
	return ndis.StatusSuccess
}

// ProtocolCoDeleteVc runs only for the call manager's VCs.
func clDeleteVc(protocolVcContext ndis.Handle) ndis.Status {
	l := protocolVcContext.(*link)
	if l.h != nil {
		ndis.CoDeleteVc(l.h) // want `NdisCoDeleteVc on a VC the call manager created in ProtocolCoDeleteVc: only the creator may delete a VC \(vc-delete-cm-vc\)`
	}
	return ndis.StatusSuccess
}

// clean: a call that makes sense on a connected VC of either kind.
func clCallConnected(protocolVcContext ndis.Handle) {
	l := protocolVcContext.(*link)
	ndis.CoSendNetBufferLists(l.h, nil, 0)
}

var handlers = ndis.CoClientOptionalHandlers{
	ClCreateVcHandler:          clCreateVc,
	ClDeleteVcHandler:          clDeleteVc,
	ClMakeCallCompleteHandler:  clMakeCallComplete,
	ClCloseCallCompleteHandler: clCloseCallComplete,
	ClIncomingCallHandler:      clIncomingCall,
	ClCallConnectedHandler:     clCallConnected,
}

var _ = dial

// flagged is a context for both kinds with a creator flag.
type flagged struct {
	h      ndis.Handle
	byCM   bool
	params ndis.CoCallParameters
}

func flCreateVc(protocolAfContext, ndisVcHandle ndis.Handle, protocolVcContext *ndis.Handle) ndis.Status {
	*protocolVcContext = &flagged{h: ndisVcHandle, byCM: true}
	return ndis.StatusSuccess
}

func flDial(binding, af ndis.Handle) *flagged {
	f := &flagged{}
	if ndis.CoCreateVc(binding, af, f, &f.h) != ndis.StatusSuccess {
		return nil
	}
	return f
}

// clean: the creator flag tested.
func flCloseCallComplete(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {
	f := protocolVcContext.(*flagged)
	if status == ndis.StatusSuccess && !f.byCM {
		ndis.CoDeleteVc(f.h)
	}
}

// clean: the flag tested in a role that runs only for the client's VCs
// anyway (the test is redundant, not wrong).
func flMakeCallComplete(status ndis.Status, protocolVcContext, ndisPartyHandle ndis.Handle, callParameters *ndis.CoCallParameters) {
	f := protocolVcContext.(*flagged)
	if status != ndis.StatusSuccess && !f.byCM {
		ndis.CoDeleteVc(f.h)
	}
}

// The flag tested the wrong way round, in a role of both kinds.
func flIncomingCloseCall(closeStatus ndis.Status, protocolVcContext ndis.Handle, closeData []byte, size uint32) {
	f := protocolVcContext.(*flagged)
	if f.byCM {
		ndis.CoDeleteVc(f.h) // want `NdisCoDeleteVc on a VC the call manager created in ProtocolClIncomingCloseCall: only the creator may delete a VC \(vc-delete-cm-vc\)`
	}
}

var flHandlers = ndis.CoClientOptionalHandlers{
	ClCreateVcHandler:          flCreateVc,
	ClMakeCallCompleteHandler:  flMakeCallComplete,
	ClCloseCallCompleteHandler: flCloseCallComplete,
	ClIncomingCloseCallHandler: flIncomingCloseCall,
}

var _ = flDial
