// Package cmhelpers holds a call manager's completion helpers, used by // want package:`uses\(NdisCmOpenAddressFamilyComplete, NdisMCmMakeCallComplete\)`
// package crosspkg.
package cmhelpers

import "github.com/ndislint/ndislint/ndis"

// Vc is a call manager's VC context.
type Vc struct {
	NdisVcHandle ndis.Handle
	Params       *ndis.CoCallParameters
}

// Connected completes the make-call of v on every path.
func Connected(v *Vc) { // want Connected:`completes\(NdisMCmMakeCallComplete p0.NdisVcHandle\)`
	ndis.MCmMakeCallComplete(ndis.StatusSuccess, v.NdisVcHandle, nil, nil, v.Params)
}

// MaybeConnected completes on some paths only: no fact.
func MaybeConnected(v *Vc, ok bool) {
	if ok {
		ndis.MCmMakeCallComplete(ndis.StatusSuccess, v.NdisVcHandle, nil, nil, v.Params)
	}
}

// Opened completes the open of an AF by its handle.
func Opened(ndisAfHandle, callMgrAfContext ndis.Handle) { // want Opened:`completes\(NdisCmOpenAddressFamilyComplete p0\)`
	ndis.CmOpenAddressFamilyComplete(ndis.StatusSuccess, ndisAfHandle, callMgrAfContext)
}
