package ndistest

import (
	"fmt"
	"time"

	"github.com/ndislint/ndislint/ndis"
)

// Stack is an NDIS 6 driver stack over one adapter: a miniport adapter
// (the driver under test's, from Driver.AddAdapter, or a scripted one, from
// System.AddStack), the filter modules attached to it, bottom first, and
// the protocol bindings on top. NDIS pauses and restarts the stack as a
// whole (Restart, Pause); a new stack is Paused.
type Stack struct {
	sys     *System
	name    string
	handle  ndis.Handle // the MiniportAdapterHandle
	mp      *scriptedAdapter
	modules []*FilterModule
	protos  []*Protocol
}

// Name returns the adapter's name.
func (st *Stack) Name() string { return st.name }

// Handle returns the adapter's MiniportAdapterHandle.
func (st *Stack) Handle() ndis.Handle { return st.handle }

// Layers returns the stack's layers, bottom first, with their states
// (Running, Paused, ...).
func (st *Stack) Layers() []Layer {
	l, err := st.sys.sim.Stack6(st.handle)
	if err != nil {
		st.sys.t.Errorf("ndistest: %v", err)
	}
	return l
}

// State returns the adapter's state (Paused, Running, Halted, ...).
func (st *Stack) State() string {
	l := st.Layers()
	if len(l) == 0 {
		return ""
	}
	return l[0].State
}

// Restart restarts the paused stack (MiniportRestart, FilterRestart from
// the bottom, NetEventRestart to the bindings), runs the queue (so
// pended restarts complete), and reports whether every layer restarted.
// It fails the test if the stack is not paused.
func (st *Stack) Restart() bool {
	st.sys.t.Helper()
	ok, done := false, false
	if err := st.sys.sim.Restart(st.handle, func(r bool) { ok, done = r, true }); err != nil {
		st.sys.t.Errorf("ndistest: %v", err)
		return false
	}
	st.sys.Run()
	return done && ok
}

// Pause pauses the running stack (NetEventPause to the bindings,
// FilterPause from the top, MiniportPause), runs the queue, and reports
// whether the pause completed. It fails the test if the stack is not
// running.
func (st *Stack) Pause() bool {
	st.sys.t.Helper()
	done := false
	if err := st.sys.sim.Pause(st.handle, func(bool) { done = true }); err != nil {
		st.sys.t.Errorf("ndistest: %v", err)
		return false
	}
	st.sys.Run()
	return done
}

// pauseIfRunning pauses a running stack before NDIS tears it down.
func (st *Stack) pauseIfRunning() {
	if st.State() == "Running" {
		st.Pause()
	}
}

// Reset calls the miniport's MiniportResetEx and returns its status; a
// pended reset completes with NdisMResetComplete (run the queue).
func (st *Stack) Reset() ndis.Status {
	st.sys.t.Helper()
	s, err := st.sys.sim.Reset(st.handle)
	if err != nil {
		st.sys.t.Errorf("ndistest: %v", err)
	}
	return s
}

// Halt halts the adapter the way NDIS does: it pauses a running stack,
// unbinds the protocols, detaches the filter modules and calls
// MiniportHaltEx.
func (st *Stack) Halt() {
	st.sys.t.Helper()
	st.pauseIfRunning()
	if err := st.sys.sim.Halt(st.handle); err != nil {
		st.sys.t.Errorf("ndistest: %v", err)
	}
	st.sys.Run()
}

// CheckForHang calls the miniport's MiniportCheckForHangEx, as NDIS does
// every few seconds, and its MiniportResetEx when it reports a hang; it
// returns what MiniportCheckForHangEx returned (false without one).
func (st *Stack) CheckForHang() bool {
	st.sys.t.Helper()
	hung, err := st.sys.sim.CheckForHang6(st.handle)
	if err != nil {
		st.sys.t.Errorf("ndistest: %v", err)
	}
	st.sys.Run()
	return hung
}

// Shutdown shuts the adapter down as at a system shutdown
// (MiniportShutdownEx); NDIS gives it no more requests, and it cannot be
// halted or restarted.
func (st *Stack) Shutdown() {
	st.sys.t.Helper()
	if err := st.sys.sim.Shutdown6(st.handle); err != nil {
		st.sys.t.Errorf("ndistest: %v", err)
	}
	st.sys.Run()
}

// Attach attaches a module of a filter driver under test (loaded with
// LoadDriver) at the top of the stack's filter modules: NDIS calls its
// FilterAttach, which must call NdisFSetAttributes. The stack must be
// paused (a new one is); a running one is paused first. It fails the test
// if the driver registered no filter or FilterAttach failed.
func (st *Stack) Attach(d *Driver) *FilterModule {
	st.sys.t.Helper()
	if d.filter == nil {
		st.sys.t.Fatalf("ndistest: Attach: %s registered no filter driver (NdisFRegisterFilterDriver)", d.name)
	}
	st.pauseIfRunning()
	h, s, err := st.sys.sim.Attach(d.filter, st.handle)
	if err != nil {
		st.sys.t.Fatalf("ndistest: %v", err)
	}
	if h == nil {
		st.sys.t.Fatalf("ndistest: FilterAttach of %s on %q failed with %s", d.name, st.name, s)
	}
	m := &FilterModule{stack: st, driver: d, handle: h}
	st.modules = append(st.modules, m)
	d.modules = append(d.modules, m)
	st.sys.Run()
	return m
}

// Bind binds the protocol drivers of a driver under test (loaded with
// LoadDriver) to the adapter: NDIS calls their ProtocolBindAdapterEx. The
// bindings are Paused until the stack restarts.
func (st *Stack) Bind(d *Driver) {
	st.sys.t.Helper()
	if len(d.protocols) == 0 {
		st.sys.t.Fatalf("ndistest: Bind: %s registered no protocol driver (NdisRegisterProtocolDriver)", d.name)
	}
	for _, p := range d.protocols {
		if _, err := st.sys.sim.Bind6(p, st.handle); err != nil {
			st.sys.t.Errorf("ndistest: %v", err)
		}
	}
	st.sys.Run()
}

// Unbind unbinds the protocol drivers of a driver under test from the
// adapter (ProtocolUnbindAdapterEx), pausing a running stack first.
func (st *Stack) Unbind(d *Driver) {
	st.sys.t.Helper()
	st.pauseIfRunning()
	for _, p := range d.protocols {
		if _, err := st.sys.sim.Unbind6(p, st.handle); err != nil {
			st.sys.t.Errorf("ndistest: %v", err)
		}
	}
	st.sys.Run()
}

// PnPEvent raises a Plug and Play or power event (NetEventSetPower,
// NetEventQueryPower, ...) on the bindings of a driver under test to the
// adapter (ProtocolNetPnPEvent) and returns the last handler's status.
// NetEventPause and NetEventRestart come with Pause and Restart.
func (st *Stack) PnPEvent(d *Driver, code ndis.NetPnpEventCode) ndis.Status {
	st.sys.t.Helper()
	s := ndis.StatusFailure
	for _, p := range d.protocols {
		var err error
		if s, err = st.sys.sim.PnPEvent6(p, st.handle, code); err != nil {
			st.sys.t.Errorf("ndistest: %v", err)
		}
	}
	st.sys.Run()
	return s
}

// FilterModule is one module of a filter driver under test, attached to a
// stack.
type FilterModule struct {
	stack    *Stack
	driver   *Driver
	handle   ndis.Handle
	detached bool
}

// Handle returns the module's NdisFilterHandle.
func (m *FilterModule) Handle() ndis.Handle { return m.handle }

// Detach detaches the module (FilterDetach), pausing a running stack
// first.
func (m *FilterModule) Detach() {
	m.stack.sys.t.Helper()
	m.stack.pauseIfRunning()
	if err := m.stack.sys.sim.Detach(m.handle); err != nil {
		m.stack.sys.t.Errorf("ndistest: %v", err)
	}
	m.detached = true
	m.stack.sys.Run()
}

// MiniportScript says how a scripted NDIS 6 miniport (System.AddStack)
// answers NDIS (the zero value answers everything synchronously with
// success, completes sends from the queue at once and indicates receives
// that protocols return later).
type MiniportScript struct {
	// Pause answers MiniportPause, Restart MiniportRestart (Fail(st) fails
	// the restart), Oid MiniportOidRequest (Oid.With(st) or Fail(st)
	// answers with st; OidStatus, if set, decides per request). A pause
	// while sends or receive indications are out always pends until they
	// are back, as the pages require.
	Pause, Restart, Oid Action
	// OidStatus answers each OID request with its status when not nil.
	OidStatus func(req *ndis.OidRequest) ndis.Status
	// SendDelay is how long after MiniportSendNetBufferLists the miniport
	// completes the sends (NdisMSendNetBufferListsComplete, from the queue).
	SendDelay time.Duration
	// HoldSends keeps the sends until Stack.CompleteSends. Sends held 22 s
	// of the virtual clock break Driver Verifier's NdisTimedDataHang, also
	// when the end of the run drains the queue: complete them.
	HoldSends bool
	// ReceiveFlags are the ReceiveFlags of Stack.Receive's indications
	// (ndis.ReceiveFlagsResources: the lists are the miniport's again when
	// the indication returns).
	ReceiveFlags uint32
}

// AddStack adds an adapter of the scripted NDIS 6 miniport (registered
// with NdisMRegisterMiniportDriver on first use): a stack for a filter or
// protocol driver under test. The stack is Paused: Attach filter modules,
// Bind protocols or BindProtocol scripted ones, then Restart.
func (s *System) AddStack(name string, script MiniportScript) *Stack {
	s.t.Helper()
	if s.mp6 == nil {
		s.mp6 = &scriptedMiniport{sys: s}
		if st := s.mp6.register(); st != ndis.StatusSuccess {
			s.t.Fatalf("ndistest: registering the scripted NDIS 6 miniport failed: %s", st)
		}
	}
	st := &Stack{sys: s, name: name}
	st.mp = &scriptedAdapter{stack: st, script: script}
	s.mp6.next = st.mp
	h, err := s.sim.AddAdapter6(s.mp6.handle, name, ndis.Medium802_3)
	s.mp6.next = nil
	if err != nil {
		s.t.Fatalf("ndistest: %v", err)
	}
	st.handle = h
	s.nAdapters++
	s.stacks6 = append(s.stacks6, st)
	return st
}

// scripted returns the stack's scripted miniport, failing the test when
// the stack's miniport is the driver under test.
func (st *Stack) scripted(op string) *scriptedAdapter {
	st.sys.t.Helper()
	if st.mp == nil {
		st.sys.t.Fatalf("ndistest: %s: %q is an adapter of the driver under test, not of the scripted miniport", op, st.name)
	}
	return st.mp
}

// Receive makes the scripted miniport indicate one NET_BUFFER_LIST per
// payload (NdisMIndicateReceiveNetBufferLists, with the script's
// ReceiveFlags).
func (st *Stack) Receive(payloads ...[]byte) {
	st.sys.t.Helper()
	mp := st.scripted("Receive")
	head := chain(nil, payloads)
	if mp.script.ReceiveFlags&ndis.ReceiveFlagsResources == 0 {
		mp.indicated += len(payloads)
	}
	ndis.MIndicateReceiveNetBufferLists(st.handle, head, 0, uint32(len(payloads)), mp.script.ReceiveFlags)
	st.sys.Run()
}

// Sent returns the payloads the scripted miniport was given to send, in
// order.
func (st *Stack) Sent() [][]byte { return append([][]byte(nil), st.scripted("Sent").sent...) }

// Oids returns the OIDs of the requests the scripted miniport received, in
// order.
func (st *Stack) Oids() []ndis.Oid { return append([]ndis.Oid(nil), st.scripted("Oids").oids...) }

// Returned returns how many received lists came back to the scripted
// miniport's MiniportReturnNetBufferLists.
func (st *Stack) Returned() int { return st.scripted("Returned").returned }

// CompleteSends makes the scripted miniport complete every send it holds
// (NdisMSendNetBufferListsComplete), with status st.
func (st *Stack) CompleteSends(status ndis.Status) {
	st.sys.t.Helper()
	mp := st.scripted("CompleteSends")
	held := mp.held
	mp.held = nil
	for _, h := range held {
		mp.complete(h, status)
	}
	st.sys.Run()
}

// IndicateStatus makes the scripted miniport indicate a status
// (NdisMIndicateStatusEx).
func (st *Stack) IndicateStatus(code ndis.Status) {
	st.scripted("IndicateStatus")
	ndis.MIndicateStatusEx(st.handle, &ndis.StatusIndication{SourceHandle: st.handle, StatusCode: code})
	st.sys.Run()
}

// scriptedMiniport is the scripted NDIS 6 miniport driver of a System.
type scriptedMiniport struct {
	sys    *System
	handle ndis.Handle
	next   *scriptedAdapter // the adapter MiniportInitializeEx initializes
}

// scriptedAdapter is the scripted miniport's context of one adapter.
type scriptedAdapter struct {
	stack     *Stack
	script    MiniportScript
	h         ndis.Handle
	sent      [][]byte
	oids      []ndis.Oid
	out       int // sends not yet completed
	held      []*ndis.NetBufferList
	indicated int // receive indications not yet returned
	returned  int
	pausing   bool // a pause waits for sends and receives to come back
}

// register registers the scripted miniport driver.
func (m *scriptedMiniport) register() ndis.Status {
	chars := &ndis.MiniportDriverCharacteristics{
		MajorNdisVersion:            6,
		MinorNdisVersion:            30,
		InitializeHandlerEx:         smInitialize,
		HaltHandlerEx:               func(ndis.Handle, ndis.HaltAction) {},
		PauseHandler:                smPause,
		RestartHandler:              smRestart,
		OidRequestHandler:           smOid,
		SendNetBufferListsHandler:   smSend,
		ReturnNetBufferListsHandler: smReturn,
		ShutdownHandlerEx:           func(ndis.Handle, ndis.ShutdownAction) {},
	}
	path := ndis.String(`\Registry\Machine\System\CurrentControlSet\Services\ndistest-miniport6`)
	return ndis.MRegisterMiniportDriver(&ndis.DriverObject{DriverName: "ndistest-miniport6"}, &path, m, chars, &m.handle)
}

// smInitialize is the scripted MiniportInitializeEx.
func smInitialize(ndisMiniportHandle ndis.Handle, miniportDriverContext ndis.Handle, miniportInitParameters *ndis.MiniportInitParameters) ndis.Status {
	m := miniportDriverContext.(*scriptedMiniport)
	a := m.next
	if a == nil {
		return ndis.StatusFailure
	}
	a.h = ndisMiniportHandle
	return ndis.MSetMiniportAttributes(ndisMiniportHandle, &ndis.MiniportAdapterAttributes{MiniportAdapterContext: a, MediaType: ndis.Medium802_3, MtuSize: 1500})
}

// answer runs action a for a request the scripted driver handles: it
// returns the handler's status and calls complete now (Nested) or from the
// queue (Pend) when the action pends.
func (s *System) answer(a Action, what string, complete func(ndis.Status)) ndis.Status {
	switch a.kind {
	case kindFail:
		return a.status
	case kindPend:
		s.st.Enqueue(what, 0, func() { complete(a.status) })
		return ndis.StatusPending
	case kindNested:
		complete(a.status)
		return ndis.StatusPending
	}
	return a.status
}

// smPause is the scripted MiniportPause.
func smPause(miniportAdapterContext ndis.Handle, pauseParameters *ndis.MiniportPauseParameters) ndis.Status {
	a := miniportAdapterContext.(*scriptedAdapter)
	if a.out > 0 || a.indicated > 0 {
		a.pausing = true
		return ndis.StatusPending
	}
	return a.stack.sys.answer(a.script.Pause, fmt.Sprintf("scripted miniport completes the pause of %q", a.stack.name), func(ndis.Status) {
		ndis.MPauseComplete(a.h)
	})
}

// drained completes a waiting pause once sends and receives are back.
func (a *scriptedAdapter) drained() {
	if a.pausing && a.out == 0 && a.indicated == 0 {
		a.pausing = false
		ndis.MPauseComplete(a.h)
	}
}

// smRestart is the scripted MiniportRestart.
func smRestart(miniportAdapterContext ndis.Handle, restartParameters *ndis.MiniportRestartParameters) ndis.Status {
	a := miniportAdapterContext.(*scriptedAdapter)
	return a.stack.sys.answer(a.script.Restart, fmt.Sprintf("scripted miniport completes the restart of %q", a.stack.name), func(st ndis.Status) {
		ndis.MRestartComplete(a.h, st)
	})
}

// smOid is the scripted MiniportOidRequest.
func smOid(miniportAdapterContext ndis.Handle, oidRequest *ndis.OidRequest) ndis.Status {
	a := miniportAdapterContext.(*scriptedAdapter)
	a.oids = append(a.oids, oidRequest.Oid)
	act := a.script.Oid
	if a.script.OidStatus != nil && act.kind != kindFail {
		act = act.With(a.script.OidStatus(oidRequest))
	}
	return a.stack.sys.answer(act, fmt.Sprintf("scripted miniport completes %s on %q", oidArg6(oidRequest), a.stack.name), func(st ndis.Status) {
		ndis.MOidRequestComplete(a.h, oidRequest, st)
	})
}

// oidArg6 names an OID request in the queue's trace.
func oidArg6(r *ndis.OidRequest) string { return fmt.Sprintf("OID 0x%08X", uint32(r.Oid)) }

// smSend is the scripted MiniportSendNetBufferLists: it completes the
// sends from the queue after SendDelay, or holds them (HoldSends).
func smSend(miniportAdapterContext ndis.Handle, netBufferList *ndis.NetBufferList, portNumber ndis.PortNumber, sendFlags uint32) {
	a := miniportAdapterContext.(*scriptedAdapter)
	n := 0
	for l := netBufferList; l != nil; l = l.Next {
		a.sent = append(a.sent, l.Data)
		n++
	}
	a.out += n
	if a.script.HoldSends {
		a.held = append(a.held, netBufferList)
		return
	}
	a.stack.sys.st.Enqueue(fmt.Sprintf("scripted miniport completes sends on %q", a.stack.name), int64(a.script.SendDelay/100), func() {
		a.complete(netBufferList, ndis.StatusSuccess)
	})
}

// complete completes a chain of sends with status st.
func (a *scriptedAdapter) complete(head *ndis.NetBufferList, st ndis.Status) {
	n := 0
	for l := head; l != nil; l = l.Next {
		l.Status = st
		n++
	}
	a.out -= n
	ndis.MSendNetBufferListsComplete(a.h, head, 0)
	a.drained()
}

// smReturn is the scripted MiniportReturnNetBufferLists.
func smReturn(miniportAdapterContext ndis.Handle, netBufferLists *ndis.NetBufferList, returnFlags uint32) {
	a := miniportAdapterContext.(*scriptedAdapter)
	for l := netBufferLists; l != nil; l = l.Next {
		a.returned++
		a.indicated--
	}
	a.drained()
}
