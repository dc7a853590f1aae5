package client

import "github.com/ndislint/ndislint/ndis"

// clCreateVc is the client's ProtocolCoCreateVc: the call manager created a
// VC for an incoming call. The client allocates its context, stores the
// NdisVcHandle in it, and marks it createdByCM so that it never deletes it.
// It never returns NDIS_STATUS_PENDING.
//
//ndis:role PROTOCOL_CO_CREATE_VC
func clCreateVc(protocolAfContext ndis.Handle, ndisVcHandle ndis.Handle, protocolVcContext *ndis.Handle) ndis.Status {
	a, ok := protocolAfContext.(*af)
	if !ok || protocolVcContext == nil {
		return ndis.StatusFailure
	}
	c := a.binding.client
	v := c.newVc(a, true)
	if v == nil {
		return ndis.StatusResources
	}
	v.ndisVcHandle = ndisVcHandle
	ndis.AcquireSpinLock(&c.lock)
	a.vcs = append(a.vcs, v)
	c.stats.CmVcsCreated++
	ndis.ReleaseSpinLock(&c.lock)
	*protocolVcContext = v
	return ndis.StatusSuccess
}

// clDeleteVc is the client's ProtocolCoDeleteVc: the call manager deleted a
// VC it created. This, not close completion, is where the client frees the
// context of a call manager's VC: until now the call manager could offer
// another call on it. It never returns NDIS_STATUS_PENDING.
//
//ndis:role PROTOCOL_CO_DELETE_VC
func clDeleteVc(protocolVcContext ndis.Handle) ndis.Status {
	v, ok := protocolVcContext.(*vc)
	if !ok {
		return ndis.StatusFailure
	}
	c := v.client()
	ndis.AcquireSpinLock(&c.lock)
	v.af.removeVc(v)
	v.state = CallDeleted
	c.stats.CmVcsDeleted++
	ndis.ReleaseSpinLock(&c.lock)
	v.free()
	return ndis.StatusSuccess
}

// createVc creates a VC of the client's own on a for an outgoing call.
func (c *Client) createVc(a *af) (*vc, ndis.Status) {
	v := c.newVc(a, false)
	if v == nil {
		return nil, ndis.StatusResources
	}
	st := ndis.CoCreateVc(a.binding.ndisBindingHandle, a.ndisAfHandle, v, &v.ndisVcHandle)
	if st != ndis.StatusSuccess {
		v.free()
		return nil, st
	}
	ndis.AcquireSpinLock(&c.lock)
	a.vcs = append(a.vcs, v)
	c.stats.VcsCreated++
	ndis.ReleaseSpinLock(&c.lock)
	return v, ndis.StatusSuccess
}

// deleteVc deletes a VC the client created, after its call closed
// successfully or failed to connect, and frees its context. The caller set
// the state to CallDeleting.
func (v *vc) deleteVc() {
	c := v.client()
	st := ndis.CoDeleteVc(v.ndisVcHandle)
	ndis.AcquireSpinLock(&c.lock)
	if st != ndis.StatusSuccess {
		v.state = CallStuck
		v.lastStatus = st
		ndis.ReleaseSpinLock(&c.lock)
		return
	}
	v.af.removeVc(v)
	v.state = CallDeleted
	c.stats.VcsDeleted++
	ndis.ReleaseSpinLock(&c.lock)
	v.free()
}
