// Package indirect reaches VC handles indirectly: through package-level // want package:"vcfields\\{example.com/t/indirect.call.h=cm example.com/t/indirect.conn.h=cm\\+client example.com/t/indirect.rec.h=cm example.com/t/indirect.session.h=cm\\+client\\}"
// maps keyed by the VC context or by the handle, through work-item closures
// and timers queued from a callback, and through reference counts whose last
// release deletes the VC.
package indirect

import "github.com/ndislint/ndislint/ndis"

// call is the state of an incoming call, found by its VC context (a
// cookie) in a package-level table.
type call struct {
	h   ndis.Handle
	req ndis.OidRequest
}

var (
	calls   = map[ndis.Handle]*call{}
	binding ndis.Handle
	next    int
)

func clCreateVc(protocolAfContext, ndisVcHandle ndis.Handle, protocolVcContext *ndis.Handle) ndis.Status {
	next++
	calls[next] = &call{h: ndisVcHandle}
	*protocolVcContext = next
	return ndis.StatusSuccess
}

// The call manager's VC, reached through the table, is deleted.
func clCloseCallComplete(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {
	c := calls[protocolVcContext]
	ndis.CoDeleteVc(c.h) // want `NdisCoDeleteVc on a VC the call manager created in ProtocolClCloseCallComplete: only the creator may delete a VC \(vc-delete-cm-vc\)`
}

// clean: a lookup with the comma-ok form, and a use the handle allows.
func clCallConnected(protocolVcContext ndis.Handle) {
	c, ok := calls[protocolVcContext]
	if !ok {
		return
	}
	ndis.CoOidRequest(binding, nil, c.h, nil, &c.req)
}

var handlers = ndis.CoClientOptionalHandlers{
	ClCreateVcHandler:          clCreateVc,
	ClCloseCallCompleteHandler: clCloseCallComplete,
	ClCallConnectedHandler:     clCallConnected,
}

// rec is a record kept by VC handle.
type rec struct {
	h   ndis.Handle
	req ndis.OidRequest
}

// conn is a VC context of both kinds, with a creator flag.
type conn struct {
	h        ndis.Handle
	byCM     bool
	workItem ndis.Handle
	timer    ndis.Handle
	req      ndis.OidRequest
}

var byHandle = map[ndis.Handle]*rec{}

func cnCreateVc(protocolAfContext, ndisVcHandle ndis.Handle, protocolVcContext *ndis.Handle) ndis.Status {
	cn := &conn{h: ndisVcHandle, byCM: true}
	byHandle[ndisVcHandle] = &rec{h: ndisVcHandle}
	chars := ndis.TimerCharacteristics{TimerFunction: statsTimer}
	ndis.AllocateTimerObject(binding, &chars, &cn.timer)
	*protocolVcContext = cn
	return ndis.StatusSuccess
}

func cnDial(af ndis.Handle) *conn {
	cn := &conn{}
	if ndis.CoCreateVc(binding, af, cn, &cn.h) != ndis.StatusSuccess {
		return nil
	}
	return cn
}

// statsTimer asks for the VC's statistics when its timer fires.
func statsTimer(systemSpecific1, functionContext, systemSpecific2, systemSpecific3 ndis.Handle) {
	cn := functionContext.(*conn)
	ndis.CoOidRequest(binding, nil, cn.h, nil, &cn.req) // want `NdisCoOidRequest with the NdisVcHandle of a VC the call manager created, after ProtocolClCloseCallComplete \(through statsTimer\) in the routine queued by NdisSetTimerObject at .*indirect.go:\d+:\d+: the handle is invalid from then on \(vc-use-after-close\)`
}

// After the close of a call manager's VC: a record found by the dead
// handle, a work-item closure and a timer all use it.
func cnCloseCallComplete(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {
	cn := protocolVcContext.(*conn)
	if !cn.byCM {
		return
	}
	r := byHandle[cn.h]
	ndis.CoOidRequest(binding, nil, r.h, nil, &r.req) // want `NdisCoOidRequest with the NdisVcHandle of a VC the call manager created, after ProtocolClCloseCallComplete: the handle is invalid from then on \(vc-use-after-close\)`
	ndis.QueueIoWorkItem(cn.workItem, func(workItemContext, ndisIoWorkItemHandle ndis.Handle) {
		ndis.CoSendNetBufferLists(cn.h, nil, 0) // want `NdisCoSendNetBufferLists with the NdisVcHandle of a VC the call manager created, after ProtocolClCloseCallComplete \(through cnCloseCallComplete\$1\) in the routine queued by NdisQueueIoWorkItem at .*indirect.go:\d+:\d+: the handle is invalid from then on \(vc-use-after-close\)`
	}, nil)
	ndis.SetTimerObject(cn.timer, -10000000, 0, cn)
}

// clean: the same closure and timer while the call is up.
func cnCallConnected(protocolVcContext ndis.Handle) {
	cn := protocolVcContext.(*conn)
	ndis.QueueIoWorkItem(cn.workItem, func(workItemContext, ndisIoWorkItemHandle ndis.Handle) {
		ndis.CoSendNetBufferLists(cn.h, nil, 0)
	}, nil)
	ndis.SetTimerObject(cn.timer, -10000000, 0, cn)
}

var cnHandlers = ndis.CoClientOptionalHandlers{
	ClCreateVcHandler:          cnCreateVc,
	ClCloseCallCompleteHandler: cnCloseCallComplete,
	ClCallConnectedHandler:     cnCallConnected,
}

var _ = cnDial

// session is a VC context of both kinds, reference counted: NDIS's
// reference on a call manager's VC is dropped in ProtocolCoDeleteVc.
type session struct {
	lock ndis.SpinLock
	h    ndis.Handle
	refs int
	mine bool
}

func ssCreateVc(protocolAfContext, ndisVcHandle ndis.Handle, protocolVcContext *ndis.Handle) ndis.Status {
	*protocolVcContext = &session{h: ndisVcHandle, refs: 2}
	return ndis.StatusSuccess
}

func ssDial(af ndis.Handle) *session {
	s := &session{refs: 1, mine: true}
	if ndis.CoCreateVc(binding, af, s, &s.h) != ndis.StatusSuccess {
		return nil
	}
	return s
}

// release drops a reference; the last one deletes the VC, whoever created
// it.
func release(s *session) {
	ndis.AcquireSpinLock(&s.lock)
	s.refs--
	last := s.refs == 0
	ndis.ReleaseSpinLock(&s.lock)
	if last {
		ndis.CoDeleteVc(s.h)
	}
}

// releaseOwn is release guarded by the creator.
func releaseOwn(s *session) {
	ndis.AcquireSpinLock(&s.lock)
	s.refs--
	last := s.refs == 0
	ndis.ReleaseSpinLock(&s.lock)
	if last && s.mine {
		ndis.CoDeleteVc(s.h)
	}
}

// clean: for the call manager's VC the last reference is not this one.
func ssCloseCallComplete(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {
	s := protocolVcContext.(*session)
	if status == ndis.StatusSuccess {
		release(s)
	}
}

// The last release of a call manager's VC happens here, and deletes it.
func ssDeleteVc(protocolVcContext ndis.Handle) ndis.Status {
	release(protocolVcContext.(*session)) // want `NdisCoDeleteVc on a VC the call manager created in ProtocolCoDeleteVc \(through release at .*indirect.go:\d+:\d+\): only the creator may delete a VC \(vc-delete-cm-vc\)`
	return ndis.StatusSuccess
}

// clean: the reference count guarded by the creator.
func ssDeleteVcOwn(protocolVcContext ndis.Handle) ndis.Status {
	releaseOwn(protocolVcContext.(*session))
	return ndis.StatusSuccess
}

var ssHandlers = []ndis.CoClientOptionalHandlers{
	{ClCreateVcHandler: ssCreateVc, ClCloseCallCompleteHandler: ssCloseCallComplete, ClDeleteVcHandler: ssDeleteVc},
	{ClDeleteVcHandler: ssDeleteVcOwn},
}

var _ = ssDial
