package client

import "github.com/ndislint/ndislint/ndis"

// Dial makes an outgoing call: the client creates a VC on the first open
// address family (NdisCoCreateVc) and calls NdisClMakeCall on it. A
// non-PENDING NdisClMakeCall is completed by calling
// ProtocolClMakeCallComplete. callParameters must stay valid until the call
// completes. Dial returns NDIS_STATUS_FAILURE when no address family is
// open.
func (c *Client) Dial(callParameters *ndis.CoCallParameters) (*Call, ndis.Status) {
	a := c.openAf()
	if a == nil || callParameters == nil {
		return nil, ndis.StatusFailure
	}
	v, st := c.createVc(a)
	if st != ndis.StatusSuccess {
		return nil, st
	}
	ndis.AcquireSpinLock(&c.lock)
	v.state = CallMaking
	v.callParameters = callParameters
	ndis.ReleaseSpinLock(&c.lock)
	st = ndis.ClMakeCall(v.ndisVcHandle, callParameters, nil, nil)
	if st != ndis.StatusPending {
		clMakeCallComplete(st, v, nil, callParameters)
	}
	return &Call{v: v, c: c}, st
}

// openAf returns the first address family that is open and not closing.
func (c *Client) openAf() *af {
	var found *af
	ndis.AcquireSpinLock(&c.lock)
	for _, b := range c.bindings {
		if a := b.af; a != nil && a.state == afOpen && !a.closing {
			found = a
			break
		}
	}
	ndis.ReleaseSpinLock(&c.lock)
	return found
}

// clMakeCallComplete is the client's ProtocolClMakeCallComplete (called by
// NDIS, or by Dial after a non-PENDING NdisClMakeCall). On success the call
// is up; on failure the client tears its VC down with NdisCoDeleteVc. If
// the address family is being closed meanwhile, the teardown closes the new
// call.
//
//ndis:role PROTOCOL_CL_MAKE_CALL_COMPLETE
func clMakeCallComplete(status ndis.Status, protocolVcContext ndis.Handle, ndisPartyHandle ndis.Handle, callParameters *ndis.CoCallParameters) {
	v, ok := protocolVcContext.(*vc)
	if !ok {
		return
	}
	b := v.af.binding
	c := b.client
	ndis.AcquireSpinLock(&c.lock)
	v.lastStatus = status
	v.callParameters = nil
	if status == ndis.StatusSuccess {
		v.state = CallConnected
		c.stats.OutgoingConnected++
		ndis.ReleaseSpinLock(&c.lock)
		b.progress()
		return
	}
	v.state = CallDeleting
	c.stats.OutgoingFailed++
	ndis.ReleaseSpinLock(&c.lock)
	v.deleteVc()
	b.progress()
}
