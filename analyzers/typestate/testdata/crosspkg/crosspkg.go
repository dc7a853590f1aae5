// Package crosspkg: helpers of another package reached from a dead and from
// a live context, through their facts.
package crosspkg

import (
	"example.com/t/helperlib"

	"github.com/ndislint/ndislint/ndis"
)

func clCloseAfComplete(status ndis.Status, protocolAfContext ndis.Handle) {
	a := protocolAfContext.(*helperlib.Af)
	if status != ndis.StatusSuccess {
		helperlib.Query(a) // refused: the AF is open
		return
	}
	helperlib.Mark(a)
	helperlib.Query(a) // want `helperlib.Query, which calls NdisCoOidRequest \(.*helperlib.go:\d+:\d+\) with NdisAfHandle after ProtocolClCloseAfComplete with Status == NDIS_STATUS_SUCCESS invalidated it \(af-use-after-close\)`
}

var handlers = ndis.CoClientOptionalHandlers{ClCloseAfCompleteHandler: clCloseAfComplete}
