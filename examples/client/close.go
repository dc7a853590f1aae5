package client

import "github.com/ndislint/ndislint/ndis"

// Hangup closes a connected (or accepted, or failed-to-close) call from the
// client's side. It returns NDIS_STATUS_FAILURE when the call is in no
// state to be closed, else what NdisClCloseCall returned. After it returns,
// even with NDIS_STATUS_PENDING, the VC of an incoming call may already be
// gone: the call manager can complete the close and delete its VC before
// NdisClCloseCall returns.
func (c *Client) Hangup(k *Call) ndis.Status {
	if k == nil {
		return ndis.StatusFailure
	}
	v := k.v
	ndis.AcquireSpinLock(&c.lock)
	switch v.state {
	case CallConnected, CallAccepted, CallCloseFailed:
		v.state = CallClosing
	default:
		ndis.ReleaseSpinLock(&c.lock)
		return ndis.StatusFailure
	}
	ndis.ReleaseSpinLock(&c.lock)
	return v.closeCall()
}

// closeCall calls NdisClCloseCall on v, whose state the caller set to
// CallClosing. A non-PENDING return is completed by calling the client's
// own ProtocolClCloseCallComplete: NDIS will not call it.
func (v *vc) closeCall() ndis.Status {
	st := ndis.ClCloseCall(v.ndisVcHandle, nil, nil, 0)
	if st != ndis.StatusPending {
		clCloseCallComplete(st, v, nil)
	}
	return st
}

// clCloseCallComplete is the client's ProtocolClCloseCallComplete (called by
// NDIS, or by closeCall after a non-PENDING NdisClCloseCall).
//
// For a VC the call manager created, the client's NdisVcHandle is dead from
// here on: no more NdisCl*/NdisCo* calls with it, no NdisCoDeleteVc; the
// context stays allocated until ProtocolCoDeleteVc, because the call
// manager may offer another call on the VC. For a VC the client created, a
// successful close lets the client delete it, which it does.
//
//ndis:role PROTOCOL_CL_CLOSE_CALL_COMPLETE
func clCloseCallComplete(status ndis.Status, protocolVcContext ndis.Handle, protocolPartyContext ndis.Handle) {
	v, ok := protocolVcContext.(*vc)
	if !ok {
		return
	}
	b := v.af.binding
	c := b.client
	ndis.AcquireSpinLock(&c.lock)
	v.lastStatus = status
	c.stats.ClosesCompleted++
	if status != ndis.StatusSuccess {
		c.stats.CloseFailures++
	}
	switch {
	case v.createdByCM:
		v.state = CallClosed
		ndis.ReleaseSpinLock(&c.lock)
	case status != ndis.StatusSuccess:
		v.state = CallCloseFailed
		ndis.ReleaseSpinLock(&c.lock)
	default:
		v.state = CallDeleting
		ndis.ReleaseSpinLock(&c.lock)
		v.deleteVc()
	}
	b.progress()
}

// clIncomingCloseCall is the client's ProtocolClIncomingCloseCall: the
// remote party or the call manager closed the call. The client answers with
// NdisClCloseCall (and returns); unless a close of its own is already in
// flight, which answers it. Deleting its own VC waits for the close to
// complete successfully (clCloseCallComplete).
//
//ndis:role PROTOCOL_CL_INCOMING_CLOSE_CALL
func clIncomingCloseCall(closeStatus ndis.Status, protocolVcContext ndis.Handle, closeData []byte, size uint32) {
	v, ok := protocolVcContext.(*vc)
	if !ok {
		return
	}
	c := v.client()
	ndis.AcquireSpinLock(&c.lock)
	v.remoteClosed = true
	c.stats.IncomingCloses++
	switch v.state {
	case CallConnected, CallAccepted, CallCloseFailed:
		v.state = CallClosing
	default:
		ndis.ReleaseSpinLock(&c.lock)
		return
	}
	ndis.ReleaseSpinLock(&c.lock)
	v.closeCall()
}
