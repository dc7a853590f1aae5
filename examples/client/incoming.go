package client

import "github.com/ndislint/ndislint/ndis"

// clIncomingCall is the client's ProtocolClIncomingCall: the call manager
// offers a call on a VC it created. The client answers as configured: at
// once (NDIS_STATUS_SUCCESS, or NDIS_STATUS_NOT_ACCEPTED to reject), or
// later (NDIS_STATUS_PENDING, then NdisClIncomingCallComplete from its
// timer). While its address family is closing it rejects every offer.
//
//ndis:role PROTOCOL_CL_INCOMING_CALL
func clIncomingCall(protocolSapContext ndis.Handle, protocolVcContext ndis.Handle, callParameters *ndis.CoCallParameters) ndis.Status {
	v, ok := protocolVcContext.(*vc)
	if !ok {
		return ndis.StatusFailure
	}
	b := v.af.binding
	c := b.client
	ndis.AcquireSpinLock(&c.lock)
	answer := c.cfg.Answer
	if v.af.closing {
		answer = RejectNow
	}
	switch answer {
	case AcceptNow:
		v.state = CallAccepted
		v.lastStatus = ndis.StatusSuccess
		c.stats.IncomingAccepted++
		ndis.ReleaseSpinLock(&c.lock)
		return ndis.StatusSuccess
	case RejectNow:
		v.state = CallIdle
		v.lastStatus = ndis.StatusNotAccepted
		c.stats.IncomingRejected++
		ndis.ReleaseSpinLock(&c.lock)
		return ndis.StatusNotAccepted
	}
	v.state = CallOffered
	v.answer = answer
	v.callParameters = callParameters
	b.answerQueue = append(b.answerQueue, v)
	timer := b.answerTimer
	ndis.ReleaseSpinLock(&c.lock)
	ndis.SetTimerObject(timer, -int64(c.cfg.AnswerDelay/100), 0, nil)
	return ndis.StatusPending
}

// pendedAnswer is one answer the timer gives.
type pendedAnswer struct {
	status         ndis.Status
	ndisVcHandle   ndis.Handle
	callParameters *ndis.CoCallParameters
}

// clAnswerTimer is the client's NDIS_TIMER_FUNCTION: it answers the calls
// it pended with NdisClIncomingCallComplete (rejecting them if the address
// family is closing meanwhile). The state is set before the answer: the
// call manager may report the call connected, or delete a rejected VC,
// before NdisClIncomingCallComplete returns.
//
//ndis:role NDIS_TIMER_FUNCTION
func clAnswerTimer(systemSpecific1 ndis.Handle, functionContext ndis.Handle, systemSpecific2 ndis.Handle, systemSpecific3 ndis.Handle) {
	b, ok := functionContext.(*binding)
	if !ok {
		return
	}
	c := b.client
	var answers []pendedAnswer
	ndis.AcquireSpinLock(&c.lock)
	for _, v := range b.answerQueue {
		ans := pendedAnswer{status: ndis.StatusSuccess, ndisVcHandle: v.ndisVcHandle, callParameters: v.callParameters}
		if v.answer == AcceptLater && !v.af.closing {
			v.state = CallAccepted
			c.stats.IncomingAccepted++
		} else {
			ans.status = ndis.StatusNotAccepted
			v.state = CallIdle
			c.stats.IncomingRejected++
		}
		v.lastStatus = ans.status
		v.callParameters = nil
		answers = append(answers, ans)
	}
	b.answerQueue = nil
	ndis.ReleaseSpinLock(&c.lock)
	for _, ans := range answers {
		ndis.ClIncomingCallComplete(ans.status, ans.ndisVcHandle, ans.callParameters)
	}
	b.progress()
}

// clCallConnected is the client's ProtocolClCallConnected: an incoming call
// it accepted is up; data may flow from now on.
//
//ndis:role PROTOCOL_CL_CALL_CONNECTED
func clCallConnected(protocolVcContext ndis.Handle) {
	v, ok := protocolVcContext.(*vc)
	if !ok {
		return
	}
	b := v.af.binding
	c := b.client
	ndis.AcquireSpinLock(&c.lock)
	if v.state == CallAccepted {
		v.state = CallConnected
		c.stats.IncomingConnected++
	}
	ndis.ReleaseSpinLock(&c.lock)
	b.progress()
}
