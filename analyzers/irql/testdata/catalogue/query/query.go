// Package query tests the IRQL with KeGetCurrentIrql, for the test that
// the pass follows the catalogue, not names: when the catalogue describes
// KeGetCurrentIrql as the query of the current IRQL, the test narrows the
// IRQL and this package is clean; when KeGetCurrentIrql's entry has no
// effect, the test tells the pass nothing, and the sleep is reported.
package query

import (
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/wdm"
)

// clCallConnected runs at <= DISPATCH_LEVEL and sleeps only at
// PASSIVE_LEVEL.
func clCallConnected(protocolVcContext ndis.Handle) {
	if wdm.KeGetCurrentIrql() == wdm.PassiveLevel {
		ndis.MSleep(1)
	}
}

var handlers = ndis.CoClientOptionalHandlers{ClCallConnectedHandler: clCallConnected}
