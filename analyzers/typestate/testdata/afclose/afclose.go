// Package afclose: a client's address family, before, at and after its close.
package afclose

import (
	"fmt"

	"github.com/ndislint/ndislint/ndis"
)

type binding struct {
	h ndis.Handle
}

type af struct {
	b            *binding
	ndisAfHandle ndis.Handle
	sap          ndis.Handle
	req          ndis.OidRequest
	notifyHeld   bool
}

func clOpenAfComplete(protocolAfContext, ndisAfHandle ndis.Handle, status ndis.Status) {
	a := protocolAfContext.(*af)
	if status == ndis.StatusSuccess {
		a.ndisAfHandle = ndisAfHandle
	}
}

// The done-when case: a use of the AF handle after a successful close.
func clCloseAfComplete(status ndis.Status, protocolAfContext ndis.Handle) {
	a := protocolAfContext.(*af)
	if status == ndis.StatusSuccess {
		ndis.CoOidRequest(a.b.h, a.ndisAfHandle, nil, nil, &a.req) // want `NdisCoOidRequest with NdisAfHandle after ProtocolClCloseAfComplete with Status == NDIS_STATUS_SUCCESS invalidated it \(af-use-after-close\)`
		return
	}
	// The failure branch: the close was refused, the AF is still open.
	ndis.CoOidRequest(a.b.h, a.ndisAfHandle, nil, nil, &a.req)
}

// The notify-complete is the page's exception: it takes the handle after the
// close.
func clCloseAfComplete2(status ndis.Status, protocolAfContext ndis.Handle) {
	a := protocolAfContext.(*af)
	if status != ndis.StatusSuccess {
		return
	}
	if a.notifyHeld {
		ndis.ClNotifyCloseAddressFamilyComplete(a.ndisAfHandle, ndis.StatusSuccess)
	}
}

// Unguarded: whatever the status, this runs when the close succeeded too.
func clCloseAfComplete3(status ndis.Status, protocolAfContext ndis.Handle) {
	a := protocolAfContext.(*af)
	ndis.ClRegisterSap(a.ndisAfHandle, a, &ndis.CoSap{}, &a.sap) // want `NdisClRegisterSap with NdisAfHandle after ProtocolClCloseAfComplete with Status == NDIS_STATUS_SUCCESS invalidated it`
}

// A use before the close in the same function is fine; after it is not.
func teardown(a *af) {
	ndis.CoOidRequest(a.b.h, a.ndisAfHandle, nil, nil, &a.req)
	ndis.ClCloseAddressFamily(a.ndisAfHandle)
	ndis.CoOidRequest(a.b.h, a.ndisAfHandle, nil, nil, &a.req) // want `NdisCoOidRequest with NdisAfHandle after NdisClCloseAddressFamily invalidated it`
}

// A close that did not pend: what it left is not in the catalogue, and the
// pass stays silent.
func teardownSync(a *af) {
	if st := ndis.ClCloseAddressFamily(a.ndisAfHandle); st != ndis.StatusPending {
		ndis.CoOidRequest(a.b.h, a.ndisAfHandle, nil, nil, &a.req)
		return
	}
	ndis.CoOidRequest(a.b.h, a.ndisAfHandle, nil, nil, &a.req) // want `after NdisClCloseAddressFamily invalidated it`
}

// The handle re-obtained after reopening the AF is a new one.
func reopen(a *af, family *ndis.CoAddressFamily) {
	ndis.ClCloseAddressFamily(a.ndisAfHandle)
	ndis.ClOpenAddressFamilyEx(a.b.h, family, a, &a.ndisAfHandle)
	ndis.CoOidRequest(a.b.h, a.ndisAfHandle, nil, nil, &a.req)
}

// The handle cleared and tested: nothing is known after the store.
func clearAndTest(a *af) {
	ndis.ClCloseAddressFamily(a.ndisAfHandle)
	a.ndisAfHandle = nil
	if a.ndisAfHandle != nil {
		ndis.CoOidRequest(a.b.h, a.ndisAfHandle, nil, nil, &a.req)
	}
}

// Closed on one path only: where the paths merge the state is not known.
func closeSometimes(a *af, now bool) {
	if now {
		ndis.ClCloseAddressFamily(a.ndisAfHandle)
	}
	ndis.CoOidRequest(a.b.h, a.ndisAfHandle, nil, nil, &a.req)
}

var handlers = ndis.CoClientOptionalHandlers{
	ClOpenAfCompleteHandlerEx: clOpenAfComplete,
	ClCloseAfCompleteHandler:  clCloseAfComplete,
}

var _ ndis.ProtocolClCloseAfComplete = clCloseAfComplete2
var _ ndis.ProtocolClCloseAfComplete = clCloseAfComplete3

// A status tested through a method the pass cannot read: either branch may
// be the failure one, the pass stays silent.
func clCloseAfComplete4(status ndis.Status, protocolAfContext ndis.Handle) {
	a := protocolAfContext.(*af)
	if status.IsError() {
		ndis.ClCloseAddressFamily(a.ndisAfHandle)
	}
}

// Logging in between changes nothing.
func teardownLogged(a *af) {
	ndis.ClCloseAddressFamily(a.ndisAfHandle)
	fmt.Println("closing", a)
	ndis.CoOidRequest(a.b.h, a.ndisAfHandle, nil, nil, &a.req) // want `after NdisClCloseAddressFamily invalidated it`
}

var _ ndis.ProtocolClCloseAfComplete = clCloseAfComplete4
