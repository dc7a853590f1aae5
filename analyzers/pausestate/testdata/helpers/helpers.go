// Package helpers pauses through helpers of the package: a helper that
// calls a DDI on every path does at its call what the DDI does.
package helpers

import "github.com/ndislint/ndislint/ndis"

type module struct {
	handle ndis.Handle
	pool   ndis.Handle
	queued *ndis.NetBufferList
	up     bool
}

type adapter struct {
	handle ndis.Handle
	rx     *ndis.NetBufferList
	last   bool
}

// sendKeepAlive originates a send on every path.
func sendKeepAlive(m *module) {
	ka := ndis.AllocateNetBufferAndNetBufferList(m.pool, 0, 0, nil, 0, 64)
	ndis.FSendNetBufferLists(m.handle, ka, 0, 0)
}

// maybeKeepAlive originates one on some paths only.
func maybeKeepAlive(m *module) {
	if m.up {
		sendKeepAlive(m)
	}
}

// passOn sends a list that came from above.
func passOn(m *module, nbl *ndis.NetBufferList) {
	ndis.FSendNetBufferLists(m.handle, nbl, 0, 0)
}

//ndis:role FILTER_PAUSE
func filterPause(filterModuleContext ndis.Handle, pauseParameters *ndis.FilterPauseParameters) ndis.Status {
	m := filterModuleContext.(*module)
	sendKeepAlive(m) // want `sendKeepAlive \(through NdisFSendNetBufferLists\) of a list the driver allocated while the filter module is Pausing \(in FilterPause\)`
	maybeKeepAlive(m)
	if m.queued != nil {
		passOn(m, m.queued)
	}
	return ndis.StatusSuccess
}

// finishPause completes the pause on every path.
func finishPause(a *adapter) {
	ndis.MPauseComplete(a.handle)
}

// maybeFinish completes it on one path.
func maybeFinish(a *adapter) {
	if a.last {
		ndis.MPauseComplete(a.handle)
	}
}

// indicate indicates on every path.
func indicate(a *adapter) {
	ndis.MIndicateReceiveNetBufferLists(a.handle, a.rx, 0, 1, ndis.ReceiveFlagsResources)
}

func afterHelper(a *adapter) {
	finishPause(a)
	ndis.MIndicateReceiveNetBufferLists(a.handle, a.rx, 0, 1, ndis.ReceiveFlagsResources) // want `NdisMIndicateReceiveNetBufferLists while the adapter is Paused \(after finishPause \(through NdisMPauseComplete\)\)`
}

func helperAfter(a *adapter) {
	ndis.MPauseComplete(a.handle)
	indicate(a) // want `indicate \(through NdisMIndicateReceiveNetBufferLists\) while the adapter is Paused \(after NdisMPauseComplete\)`
}

// Clean twin: the pause may not be complete.
func afterMaybe(a *adapter) {
	maybeFinish(a)
	indicate(a)
}

// Recursive helpers do not loop the pass.
func ping(a *adapter, n int) {
	if n > 0 {
		pong(a, n-1)
		return
	}
	indicate(a)
}

func pong(a *adapter, n int) { ping(a, n) }

// A helper's pause of another adapter says nothing of this one.
func otherThroughHelper(a, b *adapter) {
	finishPause(b)
	indicate(a)
}
