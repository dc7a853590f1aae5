package testclient

import (
	"github.com/ndislint/ndislint/ndis"
)

// The client's requests, each written the documented way: a return other
// than NDIS_STATUS_PENDING is completed by calling the client's own
// completion handler (NOTES §11 shape 3).

// RegisterSap registers a SAP on af (NdisClRegisterSap).
func (c *Client) RegisterSap(a *Af, sap ndis.CoSap) (*Sap, ndis.Status) {
	s := &Sap{af: a, sap: sap}
	a.saps = append(a.saps, s)
	st := ndis.ClRegisterSap(a.h, s, &s.sap, &s.h)
	if st != ndis.StatusPending {
		clRegisterSapComplete(st, s, &s.sap, s.h)
	}
	return s, st
}

// DeregisterSap deregisters a SAP (NdisClDeregisterSap).
func (c *Client) DeregisterSap(s *Sap) ndis.Status {
	s.closing = true
	st := ndis.ClDeregisterSap(s.h)
	if st != ndis.StatusPending {
		clDeregisterSapComplete(st, s)
	}
	return st
}

// CreateVc creates a VC for an outgoing call on af (NdisCoCreateVc).
func (c *Client) CreateVc(a *Af) (*VC, ndis.Status) {
	v := &VC{c: c, af: a, state: "idle"}
	st := ndis.CoCreateVc(a.b.h, a.h, v, &v.h)
	if st == ndis.StatusSuccess {
		c.vcs = append(c.vcs, v)
	}
	return v, st
}

// DeleteVc deletes a VC (NdisCoDeleteVc); it does not check who created it.
func (c *Client) DeleteVc(v *VC) ndis.Status {
	st := ndis.CoDeleteVc(v.h)
	if st == ndis.StatusSuccess {
		v.deleted = true
	}
	return st
}

// MakeCall makes an outgoing call on v (NdisClMakeCall); multipoint passes a
// party context, making the call multipoint.
func (c *Client) MakeCall(v *VC, params *ndis.CoCallParameters, multipoint bool) ndis.Status {
	if params == nil {
		params = &ndis.CoCallParameters{}
	}
	v.params, v.state, v.multipoint = params, "calling", multipoint
	var partyCtx ndis.Handle
	var p *Party
	var ph ndis.Handle
	if multipoint {
		p = &Party{vc: v, state: "adding"}
		v.parties = append(v.parties, p)
		partyCtx = p
	}
	st := ndis.ClMakeCall(v.h, params, partyCtx, &ph)
	if p != nil {
		p.h = ph
	}
	if st != ndis.StatusPending {
		clMakeCallComplete(st, v, ph, params)
	}
	return st
}

// CloseCall closes the call on v (NdisClCloseCall), passing the last party
// of a multipoint call.
func (c *Client) CloseCall(v *VC) ndis.Status {
	var ph, partyCtx ndis.Handle
	if v.multipoint {
		if ps := v.Parties(); len(ps) > 0 {
			last := ps[len(ps)-1]
			ph, partyCtx = last.h, last
		}
	}
	v.state = "closing"
	v.remoteClose = false
	st := ndis.ClCloseCall(v.h, ph, nil, 0)
	if st != ndis.StatusPending {
		clCloseCallComplete(st, v, partyCtx)
	}
	return st
}

// ModifyQoS asks for new call parameters (NdisClModifyCallQoS).
func (c *Client) ModifyQoS(v *VC, params *ndis.CoCallParameters) ndis.Status {
	st := ndis.ClModifyCallQoS(v.h, params)
	if st != ndis.StatusPending {
		clModifyCallQoSComplete(st, v, params)
	}
	return st
}

// AddParty adds a party to v's multipoint call (NdisClAddParty).
func (c *Client) AddParty(v *VC, params *ndis.CoCallParameters) (*Party, ndis.Status) {
	if params == nil {
		params = &ndis.CoCallParameters{}
	}
	p := &Party{vc: v, state: "adding"}
	v.parties = append(v.parties, p)
	st := ndis.ClAddParty(v.h, p, params, &p.h)
	if st != ndis.StatusPending {
		clAddPartyComplete(st, p, p.h, params)
	}
	return p, st
}

// DropParty drops a party (NdisClDropParty).
func (c *Client) DropParty(p *Party) ndis.Status {
	p.state = "dropping"
	st := ndis.ClDropParty(p.h, nil, 0)
	if st != ndis.StatusPending {
		clDropPartyComplete(st, p)
	}
	return st
}

// Send sends payloads on v (NdisCoSendNetBufferLists), each in its own
// NET_BUFFER_LIST with SourceHandle set to the VC handle.
func (c *Client) Send(v *VC, payloads ...[]byte) {
	var head, tail *ndis.NetBufferList
	for _, p := range payloads {
		n := &ndis.NetBufferList{Data: p, SourceHandle: v.h}
		if head == nil {
			head = n
		} else {
			tail.Next = n
		}
		tail = n
		v.sendsOut++
	}
	ndis.CoSendNetBufferLists(v.h, head, 0)
}

// OidRequest sends an OID request: to the call manager when toCallManager,
// else to the miniport (NULL AF), about v if not nil.
func (c *Client) OidRequest(a *Af, v *VC, toCallManager bool, req *ndis.OidRequest) ndis.Status {
	var ah, vh ndis.Handle
	if toCallManager {
		ah = a.h
	}
	if v != nil {
		vh = v.h
	}
	req.RequestId = c
	st := ndis.CoOidRequest(a.b.h, ah, vh, nil, req)
	if st != ndis.StatusPending {
		c.oidResults = append(c.oidResults, st)
	}
	return st
}

// CloseAf tears down everything the client has on af (calls, its own VCs,
// SAPs) and closes it (NdisClCloseAddressFamily).
func (c *Client) CloseAf(a *Af) {
	a.tearingDown = true
	a.step()
}

// CompleteIncoming answers a call the client held (NdisClIncomingCallComplete).
func (c *Client) CompleteIncoming(v *VC, status ndis.Status) {
	if status == ndis.StatusSuccess {
		v.state = "accepted"
	} else {
		v.state = "idle"
	}
	ndis.ClIncomingCallComplete(status, v.h, v.params)
}

// CompleteNotifyCloseAf tears the AF down and, once it is closed, completes
// the held ProtocolClNotifyCloseAf (NdisClNotifyCloseAddressFamilyComplete).
func (c *Client) CompleteNotifyCloseAf(a *Af) {
	a.notifyPending = true
	a.tearingDown = true
	a.step()
}

// CompleteOids completes the OID requests the client held
// (NdisCoOidRequestComplete).
func (c *Client) CompleteOids(status ndis.Status) {
	held := c.heldOids
	c.heldOids = nil
	for _, o := range held {
		var vh ndis.Handle
		if o.v != nil {
			vh = o.v.h
		}
		ndis.CoOidRequestComplete(o.af.h, vh, nil, o.req, status)
	}
}

// step advances the teardown of an AF: close the calls, delete the client's
// own VCs, deregister the SAPs, then close the AF. It waits while a close is
// pending; the completion handlers call it again. A call made while it runs
// (a completion delivered inside one of its requests) makes it go round
// again instead of running twice at once.
func (a *Af) step() {
	if a.stepping {
		a.again = true
		return
	}
	a.stepping = true
	defer func() { a.stepping = false }()
	for {
		a.again = false
		a.stepOnce()
		if !a.again {
			return
		}
	}
}

// stepOnce is one round of step.
func (a *Af) stepOnce() {
	if !a.tearingDown || a.closing || a.closed {
		return
	}
	c := a.b.c
	for _, v := range c.vcs {
		if v.af != a || v.deleted {
			continue
		}
		switch v.state {
		case "closing", "calling":
			return
		case "connected", "accepted":
			if c.CloseCall(v) == ndis.StatusPending {
				return
			}
		}
		if !v.createdByCM && !v.deleted && (v.state == "idle" || v.state == "closed") {
			c.DeleteVc(v)
		}
	}
	for _, s := range a.saps {
		if s.closing && s.registered {
			return
		}
		if s.registered && c.DeregisterSap(s) == ndis.StatusPending {
			return
		}
	}
	a.closing = true
	st := ndis.ClCloseAddressFamily(a.h)
	if st != ndis.StatusPending {
		clCloseAfComplete(st, a)
	}
}
