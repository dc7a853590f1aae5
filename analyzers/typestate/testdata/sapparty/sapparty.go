// Package sapparty: a client's SAPs and parties around their deregistration
// and drop.
package sapparty

import "github.com/ndislint/ndislint/ndis"

type sap struct {
	ndisSapHandle ndis.Handle
}

type party struct {
	vc              ndis.Handle
	ndisPartyHandle ndis.Handle
	req             ndis.OidRequest
}

func clRegisterSapComplete(status ndis.Status, protocolSapContext ndis.Handle, coSap *ndis.CoSap, ndisSapHandle ndis.Handle) {
	s := protocolSapContext.(*sap)
	s.ndisSapHandle = ndisSapHandle
}

func clDeregisterSapComplete(status ndis.Status, protocolSapContext ndis.Handle) {
	s := protocolSapContext.(*sap)
	switch status {
	case ndis.StatusSuccess:
		ndis.ClDeregisterSap(s.ndisSapHandle) // want `NdisClDeregisterSap with NdisSapHandle after ProtocolClDeregisterSapComplete with Status == NDIS_STATUS_SUCCESS invalidated it \(sap-use-after-deregister\)`
	default:
		// The call manager refused: the SAP is still registered.
		ndis.ClDeregisterSap(s.ndisSapHandle)
	}
}

// A second deregistration is a use of the dead handle.
func deregisterTwice(s *sap) {
	ndis.ClDeregisterSap(s.ndisSapHandle)
	ndis.ClDeregisterSap(s.ndisSapHandle) // want `NdisClDeregisterSap with NdisSapHandle after NdisClDeregisterSap invalidated it`
}

func clAddPartyComplete(status ndis.Status, protocolPartyContext, ndisPartyHandle ndis.Handle, callParameters *ndis.CoCallParameters) {
	p := protocolPartyContext.(*party)
	if status == ndis.StatusSuccess {
		p.ndisPartyHandle = ndisPartyHandle
	}
}

func clDropPartyComplete(status ndis.Status, protocolPartyContext ndis.Handle) {
	p := protocolPartyContext.(*party)
	if status != ndis.StatusSuccess {
		// The last party: the client drops it with NdisClCloseCall.
		ndis.CoOidRequest(nil, nil, p.vc, p.ndisPartyHandle, &p.req)
		return
	}
	ndis.CoOidRequest(nil, nil, p.vc, p.ndisPartyHandle, &p.req) // want `NdisCoOidRequest with NdisPartyHandle after ProtocolClDropPartyComplete with Status == NDIS_STATUS_SUCCESS invalidated it \(party-use-after-drop\)`
}

// After NdisClDropParty pended the handle is dead, before the completion.
func dropThenQuery(p *party) {
	if ndis.ClDropParty(p.ndisPartyHandle, nil, 0) == ndis.StatusPending {
		ndis.CoOidRequest(nil, nil, p.vc, p.ndisPartyHandle, &p.req) // want `after NdisClDropParty invalidated it`
	}
}

// A party added and then queried: alive.
func addThenQuery(p *party, params *ndis.CoCallParameters) {
	ndis.ClAddParty(p.vc, p, params, &p.ndisPartyHandle)
	ndis.CoOidRequest(nil, nil, p.vc, p.ndisPartyHandle, &p.req)
}

var handlers = ndis.CoClientOptionalHandlers{
	ClRegisterSapCompleteHandler:   clRegisterSapComplete,
	ClDeregisterSapCompleteHandler: clDeregisterSapComplete,
	ClAddPartyCompleteHandler:      clAddPartyComplete,
	ClDropPartyCompleteHandler:     clDropPartyComplete,
}
