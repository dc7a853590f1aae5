// Package nondriver does not use the runtime; a function named like a DDI
// is not one.
package nondriver

type Handle any

func CoDeleteVc(h Handle) int { return 0 }

type vc struct{ ndisVcHandle Handle }

func clCloseCallComplete(status int, protocolVcContext, protocolPartyContext Handle) {
	v := protocolVcContext.(*vc)
	CoDeleteVc(v.ndisVcHandle)
}

var _ = clCloseCallComplete
