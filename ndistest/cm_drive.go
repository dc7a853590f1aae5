package ndistest

import (
	"github.com/ndislint/ndislint/ndis"
)

// The steps a test asks the scripted call manager to take, as the network
// would make it: offer calls, connect them, close them, drop parties, close
// the AF. A step on a VC in the wrong state fails the test with a message.

// sap returns the first registered SAP of an open AF, failing the test when
// there is none.
func (cm *CallManager) sap() *cmSap {
	for _, a := range cm.afs {
		if a.closed || a.closing {
			continue
		}
		for _, s := range a.saps {
			if !s.deregister {
				return s
			}
		}
	}
	return nil
}

// IncomingCall offers an incoming call to the client that registered a SAP:
// the call manager creates a VC on the client's AF (NdisCoCreateVc, the
// client's ProtocolCoCreateVc runs), activates it and dispatches the call
// (ProtocolClIncomingCall). It returns the VC; nil when the creation failed
// (the client's ProtocolCoCreateVc refused), or, after failing the test,
// when no client has a SAP registered.
func (cm *CallManager) IncomingCall(params *ndis.CoCallParameters) *VC {
	cm.sys.t.Helper()
	s := cm.sap()
	if s == nil {
		cm.sys.t.Errorf("ndistest: IncomingCall: no client registered a SAP with call manager %q", cm.name)
		return nil
	}
	if params == nil {
		params = &ndis.CoCallParameters{}
	}
	v := &VC{cm: cm, af: s.af, createdByCM: true}
	if st := cm.ops.createVc(cm, s.af, v); st != ndis.StatusSuccess {
		cm.sys.st.Tracef("ndistest: call manager %q could not create a VC for the incoming call: %s", cm.name, st)
		return nil
	}
	cm.vcs = append(cm.vcs, v)
	cm.offer(s, v, params)
	return v
}

// offer activates v and dispatches an incoming call on it to SAP s.
func (cm *CallManager) offer(s *cmSap, v *VC, params *ndis.CoCallParameters) {
	v.params = params
	cm.activate(v, params, func(st ndis.Status) {
		if st != ndis.StatusSuccess {
			v.state = vcIdle
			return
		}
		v.state = vcOffered
		if r := cm.ops.dispatchIncomingCall(s.h, v.h, params); r != ndis.StatusPending {
			cm.answered(v, r)
		}
	})
}

// ReofferOn offers a new incoming call on a VC the call manager created
// whose previous call closed (or was rejected).
func (cm *CallManager) ReofferOn(v *VC, params *ndis.CoCallParameters) {
	cm.sys.t.Helper()
	if !cm.check("ReofferOn", v, vcClosed, vcIdle) {
		return
	}
	if !v.createdByCM {
		cm.sys.t.Errorf("ndistest: ReofferOn: vc #%d was created by the client", v.Number())
		return
	}
	s := cm.sap()
	if s == nil {
		cm.sys.t.Errorf("ndistest: ReofferOn: no client registered a SAP with call manager %q", cm.name)
		return
	}
	if params == nil {
		params = &ndis.CoCallParameters{}
	}
	cm.offer(s, v, params)
}

// check fails the test unless v belongs to cm, is not deleted and its call
// is in one of the states.
func (cm *CallManager) check(step string, v *VC, states ...vcState) bool {
	cm.sys.t.Helper()
	switch {
	case v == nil:
		cm.sys.t.Errorf("ndistest: %s: nil VC", step)
		return false
	case v.cm != cm:
		cm.sys.t.Errorf("ndistest: %s: vc #%d belongs to call manager %q", step, v.Number(), v.cm.name)
		return false
	case v.deleted:
		cm.sys.t.Errorf("ndistest: %s: vc #%d was deleted", step, v.Number())
		return false
	}
	for _, s := range states {
		if v.state == s {
			return true
		}
	}
	cm.sys.t.Errorf("ndistest: %s: the call on vc #%d is %s; the step needs it %v", step, v.Number(), v.state, states)
	return false
}

// CallConnected tells the client an accepted incoming call is connected
// (NdisCmDispatchCallConnected).
func (cm *CallManager) CallConnected(v *VC) {
	cm.sys.t.Helper()
	if !cm.check("CallConnected", v, vcAccepted) {
		return
	}
	v.state = vcConnected
	cm.ops.dispatchCallConnected(v.h)
}

// CloseFromNetwork closes a call from the network: NDIS calls the client's
// ProtocolClIncomingCloseCall, and the client answers with NdisClCloseCall.
func (cm *CallManager) CloseFromNetwork(v *VC, closeStatus ndis.Status) {
	cm.sys.t.Helper()
	if !cm.check("CloseFromNetwork", v, vcAccepted, vcConnected) {
		return
	}
	cm.ops.dispatchIncomingClose(closeStatus, v.h)
}

// QoSChangeFromNetwork indicates a QoS change of a connected call
// (ProtocolClIncomingCallQoSChange).
func (cm *CallManager) QoSChangeFromNetwork(v *VC, params *ndis.CoCallParameters) {
	cm.sys.t.Helper()
	if !cm.check("QoSChangeFromNetwork", v, vcConnected) {
		return
	}
	cm.ops.dispatchQoSChange(v.h, params)
}

// DropPartyFromNetwork indicates that a remote party left a multipoint call
// (ProtocolClIncomingDropParty, or ProtocolClIncomingCloseCall for the last
// party).
func (cm *CallManager) DropPartyFromNetwork(p *Party, dropStatus ndis.Status) {
	cm.sys.t.Helper()
	if p == nil || p.dropped {
		cm.sys.t.Errorf("ndistest: DropPartyFromNetwork: the party is nil or dropped")
		return
	}
	if !cm.check("DropPartyFromNetwork", p.vc, vcConnected) {
		return
	}
	cm.ops.dispatchIncomingDrop(dropStatus, p.h)
}

// DeleteVc deletes a VC the call manager created (NdisCoDeleteVc or
// NdisMCmDeleteVc) and returns NDIS's answer.
func (cm *CallManager) DeleteVc(v *VC) ndis.Status {
	cm.sys.t.Helper()
	if v == nil || v.cm != cm || !v.createdByCM || v.deleted {
		cm.sys.t.Errorf("ndistest: DeleteVc: the VC is nil, was deleted, or is not one call manager %q created", cm.name)
		return ndis.StatusFailure
	}
	st := cm.ops.deleteVc(v.h)
	if st == ndis.StatusSuccess {
		v.deleted = true
	}
	return st
}

// Deactivate deactivates a VC (NdisCmDeactivateVc or NdisMCmDeactivateVc).
func (cm *CallManager) Deactivate(v *VC) {
	cm.sys.t.Helper()
	if v == nil || v.cm != cm || v.deleted {
		cm.sys.t.Errorf("ndistest: Deactivate: the VC is nil, deleted, or not call manager %q's", cm.name)
		return
	}
	cm.deactivate(v, func(ndis.Status) {})
}

// NotifyCloseAf asks every client with the AF open to close it
// (NdisCmNotifyCloseAddressFamily at PASSIVE_LEVEL) and returns NDIS's
// answers.
func (cm *CallManager) NotifyCloseAf() []ndis.Status {
	cm.sys.t.Helper()
	var out []ndis.Status
	for _, a := range cm.afs {
		if !a.closed {
			out = append(out, cm.ops.notifyCloseAf(a.h))
		}
	}
	if len(out) == 0 {
		cm.sys.t.Errorf("ndistest: NotifyCloseAf: no client has call manager %q's AF open", cm.name)
	}
	return out
}

// NotifyCloseAfCompleted returns how many ProtocolCmNotifyCloseAfComplete
// calls the call manager received.
func (cm *CallManager) NotifyCloseAfCompleted() int {
	n := 0
	for _, a := range cm.afs {
		if a.notifed {
			n++
		}
	}
	return n
}

// OidRequest sends an OID request to the client of the first open AF
// (NdisCoOidRequest or NdisMCmOidRequest), about v if v is not nil.
func (cm *CallManager) OidRequest(v *VC, req *ndis.OidRequest) ndis.Status {
	cm.sys.t.Helper()
	for _, a := range cm.afs {
		if a.closed {
			continue
		}
		var vh ndis.Handle
		if v != nil {
			vh = v.h
		}
		st := cm.ops.oidRequest(cm, a.h, vh, nil, req)
		if st != ndis.StatusPending {
			cm.oidResults = append(cm.oidResults, st)
		}
		return st
	}
	cm.sys.t.Errorf("ndistest: OidRequest: no client has call manager %q's AF open", cm.name)
	return ndis.StatusFailure
}

// SignalingVc creates a VC the call manager uses itself (NdisCoCreateVc with
// a NULL AF handle: no client shares it) and activates it. A miniport call
// manager's signalling VCs are internal to it, so this fails the test for one.
func (cm *CallManager) SignalingVc() *VC {
	cm.sys.t.Helper()
	if cm.mcm {
		cm.sys.t.Errorf("ndistest: SignalingVc: a miniport call manager's signalling VCs are opaque to NDIS")
		return nil
	}
	v := &VC{cm: cm, createdByCM: true}
	if st := ndis.CoCreateVc(cm.binding, nil, v, &v.h); st != ndis.StatusSuccess {
		cm.sys.t.Errorf("ndistest: SignalingVc: NdisCoCreateVc failed with %s", st)
		return nil
	}
	cm.vcs = append(cm.vcs, v)
	cm.activate(v, &ndis.CoCallParameters{}, func(ndis.Status) {})
	return v
}

// Send sends payloads on a VC the call manager uses itself
// (NdisCoSendNetBufferLists).
func (cm *CallManager) Send(v *VC, payloads ...[]byte) {
	cm.sys.t.Helper()
	if v == nil || v.deleted {
		cm.sys.t.Errorf("ndistest: Send: the VC is nil or deleted")
		return
	}
	ndis.CoSendNetBufferLists(v.h, chain(v.h, payloads), 0)
}

// Received returns what the call manager received on the VCs it uses
// itself (or, for a miniport call manager, was given to send).
func (cm *CallManager) Received() [][]byte { return append([][]byte(nil), cm.received...) }
