// Package helpers: a helper reached from a context where the handle is live
// and from one where it is dead is reported at the dead call only.
package helpers

import "github.com/ndislint/ndislint/ndis"

type af struct {
	binding      ndis.Handle
	ndisAfHandle ndis.Handle
	req          ndis.OidRequest
}

func clOpenAfComplete(protocolAfContext, ndisAfHandle ndis.Handle, status ndis.Status) {
	a := protocolAfContext.(*af)
	a.ndisAfHandle = ndisAfHandle
	query(a) // live: silent
}

// query uses the AF's handle; on its own it is fine.
func query(a *af) {
	ndis.CoOidRequest(a.binding, a.ndisAfHandle, nil, nil, &a.req)
}

// report goes through another helper.
func report(a *af) {
	query(a)
}

func clCloseAfComplete(status ndis.Status, protocolAfContext ndis.Handle) {
	a := protocolAfContext.(*af)
	if status != ndis.StatusSuccess {
		query(a) // refused: the AF is open
		return
	}
	report(a) // want `report, which calls query, which calls NdisCoOidRequest with NdisAfHandle after ProtocolClCloseAfComplete with Status == NDIS_STATUS_SUCCESS invalidated it \(af-use-after-close\)`
}

// closeAf closes; its caller's later use is reported in the caller.
func closeAf(a *af) ndis.Status {
	return ndis.ClCloseAddressFamily(a.ndisAfHandle)
}

func unbind(a *af) {
	if closeAf(a) == ndis.StatusPending {
		return
	}
	query(a)
}

func unbind2(a *af) {
	closeAf(a)
	query(a) // want `query, which calls NdisCoOidRequest with NdisAfHandle after NdisClCloseAddressFamily invalidated it`
}

// A closure called at once sees the caller's states.
func unbind3(a *af) {
	ndis.ClCloseAddressFamily(a.ndisAfHandle)
	func() { // want `unbind3\$1, which calls NdisCoOidRequest with NdisAfHandle after NdisClCloseAddressFamily`
		ndis.CoOidRequest(a.binding, a.ndisAfHandle, nil, nil, &a.req)
	}()
}

// A call the pass does not follow may have reopened the AF.
func unbind4(a *af, reopen func(*af)) {
	ndis.ClCloseAddressFamily(a.ndisAfHandle)
	reopen(a)
	query(a)
}

var handlers = ndis.CoClientOptionalHandlers{
	ClOpenAfCompleteHandlerEx: clOpenAfComplete,
	ClCloseAfCompleteHandler:  clCloseAfComplete,
}

// The status passed to a helper that tests it: the helper's branch refines
// the caller's possibilities.
func clCloseAfComplete2(status ndis.Status, protocolAfContext ndis.Handle) {
	a := protocolAfContext.(*af)
	finish(status, a) // want `finish, which calls query, which calls NdisCoOidRequest with NdisAfHandle after ProtocolClCloseAfComplete with Status == NDIS_STATUS_SUCCESS`
}

// finish retries on a refused close (fine) and queries after a successful
// one (not fine).
func finish(st ndis.Status, a *af) {
	if st != ndis.StatusSuccess {
		ndis.ClCloseAddressFamily(a.ndisAfHandle)
		return
	}
	query(a)
}

var _ ndis.ProtocolClCloseAfComplete = clCloseAfComplete2
