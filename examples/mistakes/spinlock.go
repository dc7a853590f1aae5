package mistakes

import "github.com/ndislint/ndislint/ndis"

// maxCalls is how many incoming calls the client takes.
const maxCalls = 1

// lockedClIncomingCall is a ProtocolClIncomingCall that refuses calls
// beyond maxCalls.
//
// MISTAKE: the early return leaves the spin lock held. NdisAcquireSpinLock
// (nf-ndis-ndisacquirespinlock) raises the IRQL to DISPATCH_LEVEL until the
// matching NdisReleaseSpinLock; a handler that returns with the lock held
// returns to NDIS at the wrong IRQL and deadlocks the next acquirer. The
// verifier reports spinlock-held-on-return.
//
//ndis:role PROTOCOL_CL_INCOMING_CALL
func lockedClIncomingCall(protocolSapContext ndis.Handle, protocolVcContext ndis.Handle, callParameters *ndis.CoCallParameters) ndis.Status {
	d := globals
	ndis.AcquireSpinLock(&d.lock)
	if d.calls >= maxCalls {
		return ndis.StatusNotAccepted
	}
	d.calls++
	ndis.ReleaseSpinLock(&d.lock)
	return ndis.StatusSuccess
}
