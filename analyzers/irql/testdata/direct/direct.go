// Package direct calls DDIs from roles: above the maximum, below the
// minimum, under a spin lock, after a raise, and the clean twins.
package direct

import (
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/wdm"
)

type client struct {
	lock    ndis.SpinLock
	binding ndis.Handle
	af      ndis.Handle
	event   ndis.Event
	count   int
}

type vc struct {
	c       *client
	lock    ndis.SpinLock
	closing bool
}

// clNotifyCloseAf runs at <= DISPATCH_LEVEL: reopening the AF here is a
// PASSIVE_LEVEL call (NOTES 7).
func clNotifyCloseAf(clientAfContext ndis.Handle) ndis.Status {
	c := clientAfContext.(*client)
	ndis.ClOpenAddressFamilyEx(c.binding, &ndis.CoAddressFamily{}, c, &c.af) // want `NdisClOpenAddressFamilyEx may be called at DISPATCH_LEVEL here: its page requires PASSIVE_LEVEL, and clNotifyCloseAf runs as ProtocolClNotifyCloseAf, which NDIS calls at <= DISPATCH_LEVEL \(irql-above-max\)`
	return ndis.StatusSuccess
}

// clOpenAfCompleteEx runs at PASSIVE_LEVEL: waiting is fine, but not
// under a spin lock.
func clOpenAfCompleteEx(protocolAfContext, ndisAfHandle ndis.Handle, status ndis.Status) {
	c := protocolAfContext.(*client)
	ndis.WaitEvent(&c.event, 0)
	ndis.AcquireSpinLock(&c.lock)
	c.af = ndisAfHandle
	ndis.WaitEvent(&c.event, 0) // want `NdisWaitEvent may be called at DISPATCH_LEVEL here: its page requires PASSIVE_LEVEL, and spin lock c.lock is held \(NdisAcquireSpinLock at line 37\) \(irql-above-max\)`
	ndis.ReleaseSpinLock(&c.lock)
	ndis.MSleep(10)
}

// clCallConnected may run at PASSIVE_LEVEL: the Dpr forms need
// DISPATCH_LEVEL.
func clCallConnected(protocolVcContext ndis.Handle) {
	v := protocolVcContext.(*vc)
	ndis.DprAcquireSpinLock(&v.lock) // want `NdisDprAcquireSpinLock may be called at PASSIVE_LEVEL here: its page requires DISPATCH_LEVEL, and clCallConnected runs as ProtocolClCallConnected, which NDIS calls at <= DISPATCH_LEVEL \(irql-below-min\)`
	v.closing = false
	ndis.DprReleaseSpinLock(&v.lock)
}

// clIncomingCloseCall tests the IRQL before sleeping: the clean twin.
func clIncomingCloseCall(closeStatus ndis.Status, protocolVcContext ndis.Handle, closeData []byte, size uint32) {
	if wdm.KeGetCurrentIrql() == wdm.PassiveLevel {
		ndis.MSleep(10)
	}
	if wdm.KeGetCurrentIrql() < wdm.DispatchLevel {
		ndis.MSleep(10)
	}
	if wdm.KeGetCurrentIrql() >= wdm.DispatchLevel {
		return
	}
	ndis.MSleep(10)
}

// clMakeCallComplete raises to DISPATCH_LEVEL itself and uses the Dpr
// forms: clean.
func clMakeCallComplete(status ndis.Status, protocolVcContext, ndisPartyHandle ndis.Handle, callParameters *ndis.CoCallParameters) {
	v := protocolVcContext.(*vc)
	var old wdm.Irql
	ndis.RaiseIrqlToDispatch(&old)
	ndis.DprAcquireSpinLock(&v.lock)
	v.closing = status != ndis.StatusSuccess
	ndis.DprReleaseSpinLock(&v.lock)
	ndis.MSleep(1) // want `NdisMSleep may be called at DISPATCH_LEVEL here: its page requires < DISPATCH_LEVEL, and NDIS_RAISE_IRQL_TO_DISPATCH raised the IRQL to DISPATCH_LEVEL at line 72 \(irql-above-max\)`
	ndis.LowerIrql(old, wdm.DispatchLevel)
}

// timerFired runs at DISPATCH_LEVEL.
func timerFired(systemSpecific1, functionContext, systemSpecific2, systemSpecific3 ndis.Handle) {
	ndis.MSleep(1) // want `NdisMSleep may be called at DISPATCH_LEVEL here: its page requires < DISPATCH_LEVEL, and timerFired runs as NdisTimerFunction, which NDIS calls at DISPATCH_LEVEL \(irql-above-max\)`
	c := functionContext.(*client)
	ndis.DprAcquireSpinLock(&c.lock)
	c.count++
	ndis.DprReleaseSpinLock(&c.lock)
}

// workItem runs at PASSIVE_LEVEL: sleeping is fine.
func workItem(workItemContext, ndisIoWorkItemHandle ndis.Handle) {
	ndis.MSleep(1000)
	c := workItemContext.(*client)
	ndis.ClOpenAddressFamilyEx(c.binding, &ndis.CoAddressFamily{}, c, &c.af)
}

// count may run at DISPATCH_LEVEL: its callers may hold a lock.
func count(c *client) { c.count++ }

// clCloseCallComplete holds a lock across a helper that allows
// DISPATCH_LEVEL, and releases through defer: clean.
func clCloseCallComplete(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {
	v := protocolVcContext.(*vc)
	ndis.AcquireSpinLock(&v.c.lock)
	defer ndis.ReleaseSpinLock(&v.c.lock)
	count(v.c)
	if status != ndis.StatusSuccess {
		return
	}
	ndis.QueueIoWorkItem(nil, workItem, v.c)
}

var handlers = ndis.CoClientOptionalHandlers{
	ClNotifyCloseAfHandler:     clNotifyCloseAf,
	ClOpenAfCompleteHandlerEx:  clOpenAfCompleteEx,
	ClCallConnectedHandler:     clCallConnected,
	ClIncomingCloseCallHandler: clIncomingCloseCall,
	ClMakeCallCompleteHandler:  clMakeCallComplete,
	ClCloseCallCompleteHandler: clCloseCallComplete,
}

var timer = ndis.TimerCharacteristics{TimerFunction: timerFired}

// clCoDeleteVc defers a wait: the deferred call is checked where it is
// written.
func clCoDeleteVc(protocolVcContext ndis.Handle) ndis.Status {
	c := protocolVcContext.(*client)
	defer ndis.WaitEvent(&c.event, 0) // want `NdisWaitEvent may be called at DISPATCH_LEVEL here: its page requires PASSIVE_LEVEL, and clCoDeleteVc runs as ProtocolCoDeleteVc, which NDIS calls at <= DISPATCH_LEVEL \(irql-above-max\)`
	return ndis.StatusSuccess
}

var cmHandlers = ndis.CoCallManagerOptionalHandlers{CmDeleteVcHandler: clCoDeleteVc}
