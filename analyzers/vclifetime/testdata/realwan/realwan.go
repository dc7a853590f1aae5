// Package realwan is a CoNDIS client written from the conceptual pages // want package:"vcfields\\{example.com/t/realwan.link.vcHandle=cm\\+client\\}"
// (making-outgoing-calls.md, accepting-incoming-calls.md,
// client-initiated-request-to-close-a-call.md,
// incoming-request-to-close-a-call.md, deleting-a-vc.md), the way an
// NDISWAN-like link layer is written: one link context serves both the VCs
// the client creates for outgoing calls and those the call manager creates
// for incoming ones. A teardown helper is shared by the dial-out failure and
// the close of an outgoing call; the links are kept in a package-level table
// keyed by VC handle; a work item reports a connected link to the upper
// layer. The code is correct but for one defect planted on purpose (the
// busy-line reject in clIncomingCall).
package realwan

import "github.com/ndislint/ndislint/ndis"

// The link states.
const (
	linkIdle = iota
	linkDialing
	linkOffered
	linkUp
	linkClosing
	linkCloseFailed
)

// link is the client's context for one VC, whoever created it.
type link struct {
	lock     ndis.SpinLock
	vcHandle ndis.Handle
	binding  ndis.Handle
	refs     int
	state    int
	outgoing bool // the client created the VC (dial)
	params   ndis.CoCallParameters
	workItem ndis.Handle
	tapiID   ndis.VarString
	mem      []byte
}

// adapter is the client's binding context.
type adapter struct {
	binding  ndis.Handle
	af       ndis.Handle
	maxLinks int
	lock     ndis.SpinLock
}

// links are the adapter's links by VC handle, for the upper layer's
// requests.
var (
	links     = map[ndis.Handle]*link{}
	linksLock ndis.SpinLock
	theAd     adapter
)

// addLink enters l in the table.
func addLink(l *link) {
	ndis.AcquireSpinLock(&linksLock)
	links[l.vcHandle] = l
	ndis.ReleaseSpinLock(&linksLock)
}

// removeLink takes l out of the table.
func removeLink(l *link) {
	ndis.AcquireSpinLock(&linksLock)
	delete(links, l.vcHandle)
	ndis.ReleaseSpinLock(&linksLock)
}

// linkDeref drops a reference; the last one frees the context.
func linkDeref(l *link) {
	ndis.AcquireSpinLock(&l.lock)
	l.refs--
	last := l.refs == 0
	ndis.ReleaseSpinLock(&l.lock)
	if last {
		ndis.FreeMemory(l.mem, 0, 0)
	}
}

// clCreateVc is ProtocolCoCreateVc: the call manager created a VC for an
// incoming call. NDIS holds a reference until ProtocolCoDeleteVc.
//
//ndis:role PROTOCOL_CO_CREATE_VC
func clCreateVc(protocolAfContext, ndisVcHandle ndis.Handle, protocolVcContext *ndis.Handle) ndis.Status {
	ad := protocolAfContext.(*adapter)
	l := &link{vcHandle: ndisVcHandle, binding: ad.binding, refs: 1}
	l.mem = ndis.AllocateMemoryWithTagPriority(ad.binding, 64, 0x6c77616e, ndis.NormalPoolPriority)
	if l.mem == nil {
		return ndis.StatusResources
	}
	l.workItem = ndis.AllocateIoWorkItem(ad.binding)
	addLink(l)
	*protocolVcContext = l
	return ndis.StatusSuccess
}

// dial creates a VC and makes an outgoing call on it (making-outgoing-calls.md).
func dial(ad *adapter) *link {
	l := &link{binding: ad.binding, refs: 1, outgoing: true, state: linkDialing}
	l.workItem = ndis.AllocateIoWorkItem(ad.binding)
	if ndis.CoCreateVc(ad.binding, ad.af, l, &l.vcHandle) != ndis.StatusSuccess {
		return nil
	}
	addLink(l)
	if st := ndis.ClMakeCall(l.vcHandle, &l.params, nil, nil); st != ndis.StatusPending {
		clMakeCallComplete(st, l, nil, &l.params)
	}
	return l
}

// teardownOutgoing deletes a VC the client created, once its call is over
// (deleting-a-vc.md): after a failed make-call, or a successful close.
func teardownOutgoing(l *link) {
	removeLink(l)
	if ndis.CoDeleteVc(l.vcHandle) == ndis.StatusSuccess {
		l.vcHandle = nil
		linkDeref(l)
	}
}

// clMakeCallComplete is ProtocolClMakeCallComplete. On failure the VC the
// client created for the call is torn down; no creator test is needed:
// NDIS calls this only for a call the client made on its own VC.
//
//ndis:role PROTOCOL_CL_MAKE_CALL_COMPLETE
func clMakeCallComplete(status ndis.Status, protocolVcContext, ndisPartyHandle ndis.Handle, callParameters *ndis.CoCallParameters) {
	l := protocolVcContext.(*link)
	if status != ndis.StatusSuccess {
		teardownOutgoing(l)
		return
	}
	l.state = linkUp
	ndis.QueueIoWorkItem(l.workItem, reportLinkUp, l)
}

// clIncomingCall is ProtocolClIncomingCall: accept the offer while lines
// are free.
//
//ndis:role PROTOCOL_CL_INCOMING_CALL
func clIncomingCall(protocolSapContext, protocolVcContext ndis.Handle, callParameters *ndis.CoCallParameters) ndis.Status {
	l := protocolVcContext.(*link)
	ad := protocolSapContext.(*adapter)
	if len(links) > ad.maxLinks {
		// The planted defect: the line is busy and the link is torn down
		// as if it were an outgoing one, deleting the call manager's VC.
		teardownOutgoing(l) // want `NdisCoDeleteVc on a VC the call manager created in ProtocolClIncomingCall \(through teardownOutgoing at .*realwan.go:\d+:\d+\): only the creator may delete a VC \(vc-delete-cm-vc\)`
		return ndis.StatusResources
	}
	l.state = linkOffered
	return ndis.StatusSuccess
}

// clCallConnected is ProtocolClCallConnected: the incoming call is up.
//
//ndis:role PROTOCOL_CL_CALL_CONNECTED
func clCallConnected(protocolVcContext ndis.Handle) {
	l := protocolVcContext.(*link)
	l.state = linkUp
	ndis.QueueIoWorkItem(l.workItem, reportLinkUp, l)
}

// reportLinkUp runs as a work item: it fetches the TAPI call ID of the
// connected VC for the upper layer (making-outgoing-calls.md).
//
//ndis:role NDIS_IO_WORKITEM_FUNCTION
func reportLinkUp(workItemContext, ndisIoWorkItemHandle ndis.Handle) {
	l := workItemContext.(*link)
	ndis.CoGetTapiCallId(l.vcHandle, &l.tapiID)
}

// hangup closes the call on l; a close that does not pend is completed here.
func hangup(l *link) {
	l.state = linkClosing
	if st := ndis.ClCloseCall(l.vcHandle, nil, nil, 0); st != ndis.StatusPending {
		clCloseCallComplete(st, l, nil)
	}
}

// clIncomingCloseCall is ProtocolClIncomingCloseCall: the remote side hung
// up (incoming-request-to-close-a-call.md).
//
//ndis:role PROTOCOL_CL_INCOMING_CLOSE_CALL
func clIncomingCloseCall(closeStatus ndis.Status, protocolVcContext ndis.Handle, closeData []byte, size uint32) {
	hangup(protocolVcContext.(*link))
}

// clCloseCallComplete is ProtocolClCloseCallComplete: an outgoing link's VC
// is deleted; an incoming link's handle is dead, its context lives until
// ProtocolCoDeleteVc.
//
//ndis:role PROTOCOL_CL_CLOSE_CALL_COMPLETE
func clCloseCallComplete(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {
	l := protocolVcContext.(*link)
	if status != ndis.StatusSuccess {
		l.state = linkCloseFailed
		return
	}
	if l.outgoing {
		teardownOutgoing(l)
		return
	}
	removeLink(l)
	l.vcHandle = nil
	l.state = linkIdle
}

// clDeleteVc is ProtocolCoDeleteVc: the call manager deleted its VC.
//
//ndis:role PROTOCOL_CO_DELETE_VC
func clDeleteVc(protocolVcContext ndis.Handle) ndis.Status {
	l := protocolVcContext.(*link)
	ndis.FreeIoWorkItem(l.workItem)
	linkDeref(l)
	return ndis.StatusSuccess
}

// dropLine is the upper layer's request to hang up the link on handle h.
func dropLine(h ndis.Handle) {
	ndis.AcquireSpinLock(&linksLock)
	l := links[h]
	ndis.ReleaseSpinLock(&linksLock)
	if l != nil && l.state == linkUp {
		hangup(l)
	}
}

var handlers = ndis.CoClientOptionalHandlers{
	ClCreateVcHandler:          clCreateVc,
	ClDeleteVcHandler:          clDeleteVc,
	ClMakeCallCompleteHandler:  clMakeCallComplete,
	ClIncomingCallHandler:      clIncomingCall,
	ClCallConnectedHandler:     clCallConnected,
	ClIncomingCloseCallHandler: clIncomingCloseCall,
	ClCloseCallCompleteHandler: clCloseCallComplete,
}

var _ = []any{dial, dropLine}
