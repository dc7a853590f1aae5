package mistakes

import "github.com/ndislint/ndislint/ndis"

// stallingRestart waits for the virtual PHY before restarting.
//
// MISTAKE: "NdisStallExecution must never be called by using a value for
// MicrosecondsToStall that is greater than 50 microseconds" (SDV
// NdisStallExecution_Delay): it busy-waits the processor. MiniportRestart
// runs at PASSIVE_LEVEL and can sleep with NdisMSleep. ndislint reports
// ddi-argument-limit.
//
//ndis:role MINIPORT_RESTART
func stallingRestart(miniportAdapterContext ndis.Handle, restartParameters *ndis.MiniportRestartParameters) ndis.Status {
	ndis.StallExecution(1000)
	return mpRestart(miniportAdapterContext, restartParameters)
}
