// Package completers holds a client's AF helpers: one of them completes a // want package:`uses\(NdisClNotifyCloseAddressFamilyComplete\)`
// pended close notification.
package completers

import "github.com/ndislint/ndislint/ndis"

// Af is a client's AF context.
type Af struct {
	NdisAfHandle ndis.Handle
	Closing      bool
}

// Closed completes the close notification of a.
func Closed(a *Af) { // want Closed:`completes\(NdisClNotifyCloseAddressFamilyComplete p0.NdisAfHandle\)`
	ndis.ClNotifyCloseAddressFamilyComplete(a.NdisAfHandle, ndis.StatusSuccess)
}
