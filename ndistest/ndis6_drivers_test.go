package ndistest_test

import (
	"github.com/ndislint/ndislint/ndis"
)

// Small NDIS 6 drivers written against package ndis for the harness's
// tests: a miniport (tm*), a filter (tf*) and a protocol (tp*). Their knobs
// make them correct by default and wrong on purpose where a test says.

// testMiniport is the miniport's driver state.
type testMiniport struct {
	handle ndis.Handle
	// Knobs.
	pausePends, restartPends, oidPends bool
	noAttributes                       bool
	holdSends                          bool
	noPause                            bool
	withReset, direct                  bool
	pauseStatus                        ndis.Status
	sharedMemory, logFailure           bool // allocate shared memory in MiniportInitializeEx; log its failure
	// oid, when set, is the MiniportOidRequest handler instead of tmOid.
	oid       ndis.MiniportOidRequest
	oidStatus ndis.Status // what MiniportOidRequest returns, if not 0
	// State.
	adapters []*tmAdapter
	unloaded bool
}

// tmAdapter is the miniport's adapter context.
type tmAdapter struct {
	mp        *testMiniport
	h         ndis.Handle
	sends     []*ndis.NetBufferList
	oid       *ndis.OidRequest
	directReq *ndis.OidRequest
	sendFlags uint32
	returned  int
	halted    bool
	shared    []byte
	sharedPA  ndis.PhysicalAddress
}

// outOfResources is NDIS_ERROR_CODE_OUT_OF_RESOURCES.
const outOfResources = 0xC0001389

// entry returns the miniport's DriverEntry.
func (mp *testMiniport) entry() func(*ndis.DriverObject, *ndis.String) ndis.Status {
	return func(driverObject *ndis.DriverObject, registryPath *ndis.String) ndis.Status {
		chars := &ndis.MiniportDriverCharacteristics{
			MajorNdisVersion:            6,
			MinorNdisVersion:            30,
			InitializeHandlerEx:         tmInitialize,
			HaltHandlerEx:               tmHalt,
			UnloadHandler:               func(*ndis.DriverObject) { ndis.MDeregisterMiniportDriver(mp.handle); mp.unloaded = true },
			PauseHandler:                tmPause,
			RestartHandler:              tmRestart,
			OidRequestHandler:           tmOid,
			SendNetBufferListsHandler:   tmSend,
			ReturnNetBufferListsHandler: tmReturn,
			ShutdownHandlerEx:           func(ndis.Handle, ndis.ShutdownAction) {},
		}
		if mp.noPause {
			chars.PauseHandler = nil
		}
		if mp.oid != nil {
			chars.OidRequestHandler = mp.oid
		}
		if mp.withReset {
			chars.ResetHandlerEx = func(ndis.Handle, *bool) ndis.Status { return ndis.StatusPending }
			chars.CheckForHangHandlerEx = func(ndis.Handle) bool { return true }
		}
		if mp.direct {
			chars.DirectOidRequestHandler = func(ctx ndis.Handle, req *ndis.OidRequest) ndis.Status {
				ctx.(*tmAdapter).directReq = req
				return ndis.StatusPending
			}
		}
		return ndis.MRegisterMiniportDriver(driverObject, registryPath, mp, chars, &mp.handle)
	}
}

func tmInitialize(ndisMiniportHandle ndis.Handle, miniportDriverContext ndis.Handle, miniportInitParameters *ndis.MiniportInitParameters) ndis.Status {
	mp := miniportDriverContext.(*testMiniport)
	a := &tmAdapter{mp: mp, h: ndisMiniportHandle}
	mp.adapters = append(mp.adapters, a)
	if mp.sharedMemory {
		ndis.MAllocateSharedMemory(ndisMiniportHandle, 4096, false, &a.shared, &a.sharedPA)
		if a.shared == nil {
			if mp.logFailure {
				ndis.WriteErrorLogEntry(ndisMiniportHandle, outOfResources, 1, 4096)
			}
			return ndis.StatusResources
		}
	}
	if mp.noAttributes {
		return ndis.StatusSuccess
	}
	return ndis.MSetMiniportAttributes(ndisMiniportHandle, &ndis.MiniportAdapterAttributes{MiniportAdapterContext: a})
}

func tmHalt(miniportAdapterContext ndis.Handle, haltAction ndis.HaltAction) {
	a := miniportAdapterContext.(*tmAdapter)
	a.halted = true
	if a.shared != nil {
		ndis.MFreeSharedMemory(a.h, 4096, false, a.shared, a.sharedPA)
	}
}

func tmPause(miniportAdapterContext ndis.Handle, pauseParameters *ndis.MiniportPauseParameters) ndis.Status {
	a := miniportAdapterContext.(*tmAdapter)
	if a.mp.pauseStatus != 0 {
		return a.mp.pauseStatus
	}
	if a.mp.pausePends {
		return ndis.StatusPending
	}
	return ndis.StatusSuccess
}

func tmRestart(miniportAdapterContext ndis.Handle, restartParameters *ndis.MiniportRestartParameters) ndis.Status {
	a := miniportAdapterContext.(*tmAdapter)
	if a.mp.restartPends {
		return ndis.StatusPending
	}
	return ndis.StatusSuccess
}

func tmOid(miniportAdapterContext ndis.Handle, oidRequest *ndis.OidRequest) ndis.Status {
	a := miniportAdapterContext.(*tmAdapter)
	if a.mp.oidPends {
		a.oid = oidRequest
		return ndis.StatusPending
	}
	if a.mp.oidStatus != 0 {
		return a.mp.oidStatus
	}
	return ndis.StatusSuccess
}

func tmSend(miniportAdapterContext ndis.Handle, netBufferList *ndis.NetBufferList, portNumber ndis.PortNumber, sendFlags uint32) {
	a := miniportAdapterContext.(*tmAdapter)
	a.sendFlags = sendFlags
	if a.mp.holdSends {
		a.sends = append(a.sends, netBufferList)
		return
	}
	for l := netBufferList; l != nil; l = l.Next {
		l.Status = ndis.StatusSuccess
	}
	ndis.MSendNetBufferListsComplete(a.h, netBufferList, ndis.SendCompleteFlagsDispatchLevel)
}

func tmReturn(miniportAdapterContext ndis.Handle, netBufferLists *ndis.NetBufferList, returnFlags uint32) {
	a := miniportAdapterContext.(*tmAdapter)
	for l := netBufferLists; l != nil; l = l.Next {
		a.returned++
	}
}

// completeSends completes the sends the adapter holds.
func (a *tmAdapter) completeSends() {
	for _, l := range a.sends {
		ndis.MSendNetBufferListsComplete(a.h, l, 0)
	}
	a.sends = nil
}

// testFilter is the filter's driver state.
type testFilter struct {
	handle ndis.Handle
	// Knobs.
	pausePends     bool
	pauseStatus    ndis.Status // FilterPause returns it when not NDIS_STATUS_SUCCESS
	noAttributes   bool
	holdReceives   bool
	holdSends      bool
	dropResources  bool
	statusInAttach bool
	oidInAttach    bool
	sendInAttach   bool
	// State.
	modules []*tfModule
}

// tfModule is the filter's module context.
type tfModule struct {
	f          *testFilter
	h          ndis.Handle
	sent       int
	got        int
	oids       int
	running    bool
	held       []*ndis.NetBufferList
	own        map[*ndis.NetBufferList]bool // lists the module sent itself
	directDone ndis.Status
}

func (f *testFilter) entry() func(*ndis.DriverObject, *ndis.String) ndis.Status {
	return func(driverObject *ndis.DriverObject, registryPath *ndis.String) ndis.Status {
		chars := &ndis.FilterDriverCharacteristics{
			MajorNdisVersion:                  6,
			MinorNdisVersion:                  30,
			FriendlyName:                      ndis.String("test filter " + driverObject.DriverName),
			AttachHandler:                     tfAttach,
			DetachHandler:                     func(ndis.Handle) {},
			RestartHandler:                    tfRestart,
			PauseHandler:                      tfPause,
			SendNetBufferListsHandler:         tfSend,
			SendNetBufferListsCompleteHandler: tfSendComplete,
			ReceiveNetBufferListsHandler:      tfReceive,
			ReturnNetBufferListsHandler:       tfReturn,
			OidRequestHandler:                 tfOid,
			OidRequestCompleteHandler:         tfOidComplete,
			StatusHandler: func(ctx ndis.Handle, si *ndis.StatusIndication) {
				ndis.FIndicateStatus(ctx.(*tfModule).h, si)
			},
			DirectOidRequestCompleteHandler: func(ctx ndis.Handle, req *ndis.OidRequest, st ndis.Status) {
				ctx.(*tfModule).directDone = st
			},
		}
		return ndis.FRegisterFilterDriver(driverObject, f, chars, &f.handle)
	}
}

func tfAttach(ndisFilterHandle ndis.Handle, filterDriverContext ndis.Handle, attachParameters *ndis.FilterAttachParameters) ndis.Status {
	f := filterDriverContext.(*testFilter)
	m := &tfModule{f: f, h: ndisFilterHandle}
	f.modules = append(f.modules, m)
	if f.statusInAttach {
		ndis.FIndicateStatus(ndisFilterHandle, &ndis.StatusIndication{})
	}
	if f.oidInAttach {
		ndis.FOidRequest(ndisFilterHandle, &ndis.OidRequest{Oid: 1})
	}
	if f.sendInAttach {
		n := &ndis.NetBufferList{}
		m.own = map[*ndis.NetBufferList]bool{n: true}
		ndis.FSendNetBufferLists(ndisFilterHandle, n, 0, 0)
	}
	if f.noAttributes {
		return ndis.StatusSuccess
	}
	return ndis.FSetAttributes(ndisFilterHandle, m, &ndis.FilterAttributes{})
}

func tfRestart(filterModuleContext ndis.Handle, restartParameters *ndis.FilterRestartParameters) ndis.Status {
	filterModuleContext.(*tfModule).running = true
	return ndis.StatusSuccess
}

func tfPause(filterModuleContext ndis.Handle, pauseParameters *ndis.FilterPauseParameters) ndis.Status {
	m := filterModuleContext.(*tfModule)
	m.running = false
	if m.f.pausePends {
		return ndis.StatusPending
	}
	if m.f.pauseStatus != ndis.StatusSuccess {
		return m.f.pauseStatus
	}
	return ndis.StatusSuccess
}

func tfSend(filterModuleContext ndis.Handle, netBufferList *ndis.NetBufferList, portNumber ndis.PortNumber, sendFlags uint32) {
	m := filterModuleContext.(*tfModule)
	m.sent++
	if m.f.holdSends {
		return
	}
	ndis.FSendNetBufferLists(m.h, netBufferList, portNumber, sendFlags)
}

func tfSendComplete(filterModuleContext ndis.Handle, netBufferList *ndis.NetBufferList, sendCompleteFlags uint32) {
	m := filterModuleContext.(*tfModule)
	if m.own[netBufferList] {
		return
	}
	ndis.FSendNetBufferListsComplete(m.h, netBufferList, sendCompleteFlags)
}

func tfReceive(filterModuleContext ndis.Handle, netBufferLists *ndis.NetBufferList, portNumber ndis.PortNumber, numberOfNetBufferLists uint32, receiveFlags uint32) {
	m := filterModuleContext.(*tfModule)
	m.got += int(numberOfNetBufferLists)
	if m.f.holdReceives {
		m.held = append(m.held, netBufferLists)
		return
	}
	if m.f.dropResources {
		receiveFlags &^= ndis.ReceiveFlagsResources
	}
	ndis.FIndicateReceiveNetBufferLists(m.h, netBufferLists, portNumber, numberOfNetBufferLists, receiveFlags)
}

func tfReturn(filterModuleContext ndis.Handle, netBufferLists *ndis.NetBufferList, returnFlags uint32) {
	m := filterModuleContext.(*tfModule)
	ndis.FReturnNetBufferLists(m.h, netBufferLists, returnFlags)
}

func tfOid(filterModuleContext ndis.Handle, oidRequest *ndis.OidRequest) ndis.Status {
	m := filterModuleContext.(*tfModule)
	m.oids++
	// A real filter clones the request (NdisAllocateCloneOidRequest); this
	// one passes it on, which the simulation allows.
	return ndis.FOidRequest(m.h, oidRequest)
}

func tfOidComplete(filterModuleContext ndis.Handle, oidRequest *ndis.OidRequest, status ndis.Status) {
	m := filterModuleContext.(*tfModule)
	ndis.FOidRequestComplete(m.h, oidRequest, status)
}

// testProtocol is an NDIS 6 protocol driver.
type testProtocol struct {
	handle    ndis.Handle
	binding   ndis.Handle
	bindCtx   ndis.Handle
	completed int
	received  int
	oidStatus ndis.Status
	oidDone   bool
	recvFlags uint32
	// Knobs.
	sendWhilePaused bool
	holdReceives    bool
	held            []*ndis.NetBufferList
}

func (p *testProtocol) entry() func(*ndis.DriverObject, *ndis.String) ndis.Status {
	return func(driverObject *ndis.DriverObject, registryPath *ndis.String) ndis.Status {
		chars := &ndis.ProtocolDriverCharacteristics{
			MajorNdisVersion:                  6,
			MinorNdisVersion:                  30,
			Name:                              "test protocol",
			BindAdapterHandlerEx:              tpBind,
			UnbindAdapterHandlerEx:            tpUnbind,
			NetPnPEventHandler:                tpPnP,
			OidRequestCompleteHandler:         tpOidComplete,
			ReceiveNetBufferListsHandler:      tpReceive,
			SendNetBufferListsCompleteHandler: tpSendComplete,
		}
		return ndis.RegisterProtocolDriver(p, chars, &p.handle)
	}
}

func tpBind(protocolDriverContext ndis.Handle, bindContext ndis.Handle, bindParameters *ndis.BindParameters) ndis.Status {
	p := protocolDriverContext.(*testProtocol)
	var idx uint32
	op := &ndis.OpenParameters{AdapterName: bindParameters.AdapterName, MediumArray: []ndis.Medium{bindParameters.MediaType}, SelectedMediumIndex: &idx}
	return ndis.OpenAdapterEx(p.handle, p, op, bindContext, &p.binding)
}

func tpUnbind(unbindContext ndis.Handle, protocolBindingContext ndis.Handle) ndis.Status {
	p := protocolBindingContext.(*testProtocol)
	return ndis.CloseAdapterEx(p.binding)
}

func tpPnP(protocolBindingContext ndis.Handle, netPnPEventNotification *ndis.NetPnpEventNotification) ndis.Status {
	p := protocolBindingContext.(*testProtocol)
	if p.sendWhilePaused && netPnPEventNotification.NetPnPEvent.NetEvent == ndis.NetEventPause {
		ndis.SendNetBufferLists(p.binding, &ndis.NetBufferList{Data: []byte("late")}, 0, 0)
	}
	return ndis.StatusSuccess
}

func tpOidComplete(protocolBindingContext ndis.Handle, oidRequest *ndis.OidRequest, status ndis.Status) {
	p := protocolBindingContext.(*testProtocol)
	p.oidStatus, p.oidDone = status, true
}

func tpReceive(protocolBindingContext ndis.Handle, netBufferLists *ndis.NetBufferList, portNumber ndis.PortNumber, numberOfNetBufferLists uint32, receiveFlags uint32) {
	p := protocolBindingContext.(*testProtocol)
	p.received += int(numberOfNetBufferLists)
	p.recvFlags = receiveFlags
	if p.holdReceives {
		p.held = append(p.held, netBufferLists)
		return
	}
	if receiveFlags&ndis.ReceiveFlagsResources == 0 {
		ndis.ReturnNetBufferLists(p.binding, netBufferLists, ndis.ReturnFlagsDispatchLevel)
	}
}

func tpSendComplete(protocolBindingContext ndis.Handle, netBufferList *ndis.NetBufferList, sendCompleteFlags uint32) {
	p := protocolBindingContext.(*testProtocol)
	for l := netBufferList; l != nil; l = l.Next {
		p.completed++
	}
}

// send sends one list per payload.
func (p *testProtocol) send(payloads ...string) {
	var head, tail *ndis.NetBufferList
	for _, s := range payloads {
		n := &ndis.NetBufferList{Data: []byte(s), SourceHandle: p.binding}
		if head == nil {
			head = n
		} else {
			tail.Next = n
		}
		tail = n
	}
	ndis.SendNetBufferLists(p.binding, head, 0, 0)
}
