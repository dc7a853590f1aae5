package ndissim_test

import (
	"testing"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/ndistest"
	"github.com/ndislint/ndislint/rules"
)

// cf is a filter driver for the tests of the filter DDIs: the lower one
// holds sends and pends OID requests until they are cancelled, answers
// synchronous OID requests and device events; the upper one clones the
// OID requests it passes down.
type cf struct {
	handle  ndis.Handle
	lower   bool
	syncSt  ndis.Status
	modules []*cfModule
}

// cfModule is a module of cf.
type cfModule struct {
	f          *cf
	h          ndis.Handle
	held       []*ndis.NetBufferList
	pended     []*ndis.OidRequest
	clones     map[*ndis.OidRequest]*ndis.OidRequest // clone -> original
	cancelled  []ndis.Handle
	devEvents  int
	netEvents  int
	syncCtx    ndis.Handle
	syncDone   []ndis.Status
	completed  []ndis.Status
	restarts   int
	setOptions int
}

func (f *cf) entry() ndistest.DriverEntry {
	return func(driverObject *ndis.DriverObject, registryPath *ndis.String) ndis.Status {
		chars := &ndis.FilterDriverCharacteristics{
			MajorNdisVersion: 6, MinorNdisVersion: 81,
			FriendlyName:  ndis.String("cancel filter " + driverObject.DriverName),
			AttachHandler: cfAttach,
			DetachHandler: func(ndis.Handle) {},
			RestartHandler: func(ctx ndis.Handle, _ *ndis.FilterRestartParameters) ndis.Status {
				ctx.(*cfModule).restarts++
				return ndis.StatusSuccess
			},
			PauseHandler:                  func(ndis.Handle, *ndis.FilterPauseParameters) ndis.Status { return ndis.StatusSuccess },
			SetFilterModuleOptionsHandler: func(ctx ndis.Handle) ndis.Status { ctx.(*cfModule).setOptions++; return ndis.StatusSuccess },
			SendNetBufferListsHandler:     cfSend,
			SendNetBufferListsCompleteHandler: func(ctx ndis.Handle, n *ndis.NetBufferList, flags uint32) {
				ndis.FSendNetBufferListsComplete(ctx.(*cfModule).h, n, flags)
			},
			OidRequestHandler:         cfOid,
			OidRequestCompleteHandler: cfOidComplete,
			NetPnPEventHandler: func(ctx ndis.Handle, n *ndis.NetPnpEventNotification) ndis.Status {
				m := ctx.(*cfModule)
				m.netEvents++
				return ndis.FNetPnPEvent(m.h, n)
			},
			DevicePnPEventNotifyHandler: func(ctx ndis.Handle, ev *ndis.NetDevicePnpEvent) {
				m := ctx.(*cfModule)
				m.devEvents++
				if !m.f.lower {
					ndis.FDevicePnPEventNotify(m.h, ev)
				}
			},
		}
		if !f.lower {
			// The upper module passes the cancellation of the requests it
			// cloned down, under the same RequestId.
			chars.CancelOidRequestHandler = func(ctx ndis.Handle, requestId ndis.Handle) {
				m := ctx.(*cfModule)
				m.cancelled = append(m.cancelled, requestId)
				ndis.FCancelOidRequest(m.h, requestId)
			}
		}
		if f.lower {
			chars.CancelSendNetBufferListsHandler = cfCancelSend
			chars.CancelOidRequestHandler = cfCancelOid
			chars.SynchronousOidRequestHandler = func(ctx ndis.Handle, req *ndis.OidRequest, callContext *ndis.Handle) ndis.Status {
				*callContext = ctx
				return ctx.(*cfModule).f.syncSt
			}
			chars.SynchronousOidRequestCompleteHandler = func(ctx ndis.Handle, req *ndis.OidRequest, st *ndis.Status, callContext ndis.Handle) {
				m := ctx.(*cfModule)
				m.syncCtx = callContext
				m.syncDone = append(m.syncDone, *st)
			}
		}
		return ndis.FRegisterFilterDriver(driverObject, f, chars, &f.handle)
	}
}

func cfAttach(h ndis.Handle, ctx ndis.Handle, _ *ndis.FilterAttachParameters) ndis.Status {
	f := ctx.(*cf)
	m := &cfModule{f: f, h: h, clones: map[*ndis.OidRequest]*ndis.OidRequest{}}
	f.modules = append(f.modules, m)
	return ndis.FSetAttributes(h, m, &ndis.FilterAttributes{})
}

func cfSend(ctx ndis.Handle, n *ndis.NetBufferList, port ndis.PortNumber, flags uint32) {
	m := ctx.(*cfModule)
	if m.f.lower {
		for n != nil {
			next := n.Next
			n.Next = nil
			m.held = append(m.held, n)
			n = next
		}
		return
	}
	// NDIS_SET_NET_BUFFER_LIST_CANCEL_ID: the upper module marks what it
	// passes down.
	for l := n; l != nil; l = l.Next {
		l.NetBufferListInfo[ndis.NetBufferListCancelId] = cfCancelId
	}
	ndis.FSendNetBufferLists(m.h, n, port, flags)
}

// cfCancelId is the CancelId the upper module gives the sends it passes.
var cfCancelId = ndis.Handle("cancel-1")

// cfCancelSend completes the held sends marked cancelId
// (NDIS_GET_NET_BUFFER_LIST_CANCEL_ID) with NDIS_STATUS_SEND_ABORTED.
func cfCancelSend(ctx ndis.Handle, cancelId ndis.Handle) {
	m := ctx.(*cfModule)
	m.cancelled = append(m.cancelled, cancelId)
	var keep []*ndis.NetBufferList
	for _, n := range m.held {
		if n.NetBufferListInfo[ndis.NetBufferListCancelId] != cancelId {
			keep = append(keep, n)
			continue
		}
		n.Status = ndis.StatusSendAborted
		ndis.FSendNetBufferListsComplete(m.h, n, 0)
	}
	m.held = keep
}

func cfOid(ctx ndis.Handle, req *ndis.OidRequest) ndis.Status {
	m := ctx.(*cfModule)
	if m.f.lower {
		m.pended = append(m.pended, req)
		return ndis.StatusPending
	}
	var clone *ndis.OidRequest
	if st := ndis.AllocateCloneOidRequest(m.h, req, 0x74736574, &clone); st != ndis.StatusSuccess {
		return st
	}
	m.clones[clone] = req
	st := ndis.FOidRequest(m.h, clone)
	if st != ndis.StatusPending {
		delete(m.clones, clone)
		ndis.FreeCloneOidRequest(m.h, clone)
	}
	return st
}

// cfCancelOid completes the pended request with that RequestId with
// NDIS_STATUS_REQUEST_ABORTED.
func cfCancelOid(ctx ndis.Handle, requestId ndis.Handle) {
	m := ctx.(*cfModule)
	m.cancelled = append(m.cancelled, requestId)
	for i, r := range m.pended {
		if r.RequestId == requestId {
			m.pended = append(m.pended[:i], m.pended[i+1:]...)
			ndis.FOidRequestComplete(m.h, r, ndis.StatusRequestAborted)
			return
		}
	}
}

func cfOidComplete(ctx ndis.Handle, req *ndis.OidRequest, st ndis.Status) {
	m := ctx.(*cfModule)
	m.completed = append(m.completed, st)
	orig := m.clones[req]
	if orig == nil {
		return // the module's own request
	}
	delete(m.clones, req)
	ndis.FreeCloneOidRequest(m.h, req)
	ndis.FOidRequestComplete(m.h, orig, st)
}

// cfStack builds a stack of the scripted miniport, the lower and the
// upper filter and a scripted protocol, Running.
func cfStack(t *testing.T, sys *ndistest.System, script ndistest.MiniportScript) (st *ndistest.Stack, lower, upper *cfModule, p *ndistest.Protocol) {
	t.Helper()
	lf, uf := &cf{lower: true, syncSt: ndis.StatusSuccess}, &cf{}
	ld := sys.LoadDriver("lowerf", lf.entry())
	ud := sys.LoadDriver("upperf", uf.entry())
	st = sys.AddStack("eth0", script)
	st.Attach(ld)
	st.Attach(ud)
	p = st.BindProtocol(ndistest.ProtocolScript{})
	if !st.Restart() {
		t.Fatalf("restart: %v", st.Layers())
	}
	return st, lf.modules[0], uf.modules[0], p
}

// TestFilterCancelSend: NdisFCancelSendNetBufferLists reaches the
// FilterCancelSendNetBufferLists of the next module down with the
// CancelId, which completes the held sends with NDIS_STATUS_SEND_ABORTED;
// they go back up to the protocol. With no module below that takes
// cancellations and a miniport without MiniportCancelSend, nothing runs.
func TestFilterCancelSend(t *testing.T) {
	sys := ndistest.New(t)
	_, lower, upper, p := cfStack(t, sys, ndistest.MiniportScript{})
	p.Send([]byte("a"), []byte("b"))
	if len(lower.held) != 2 {
		t.Fatalf("the lower module holds %d sends, want 2", len(lower.held))
	}
	ndis.FCancelSendNetBufferLists(upper.h, ndis.Handle("other"))
	if len(lower.held) != 2 {
		t.Fatalf("a cancellation of other sends completed %d", 2-len(lower.held))
	}
	id := cfCancelId
	ndis.FCancelSendNetBufferLists(upper.h, id)
	sys.Run()
	if len(lower.cancelled) != 2 || lower.cancelled[1] != id {
		t.Fatalf("FilterCancelSendNetBufferLists got %v, want [%v]", lower.cancelled, id)
	}
	got := p.Completed()
	if len(got) != 2 || got[0] != ndis.StatusSendAborted || got[1] != ndis.StatusSendAborted {
		t.Errorf("the protocol's sends completed with %v, want two NDIS_STATUS_SEND_ABORTED", got)
	}
	ndis.FCancelSendNetBufferLists(lower.h, id) // the scripted miniport has no MiniportCancelSend
	if len(lower.cancelled) != 2 {
		t.Errorf("the lower module's own cancellation came back to it")
	}
}

// TestFilterCancelOid: a request the upper module passed down as a clone
// and the lower one pended is cancelled by the lower module's
// FilterCancelOidRequest (NDIS_STATUS_REQUEST_ABORTED reaches the
// protocol, the clone is freed after its completion); a request NDIS
// queues for the busy miniport is aborted by NDIS itself; an unknown
// RequestId cancels nothing.
func TestFilterCancelOid(t *testing.T) {
	sys := ndistest.New(t)
	_, lower, upper, p := cfStack(t, sys, ndistest.MiniportScript{Oid: ndistest.Pend})
	req := &ndis.OidRequest{Oid: 0x00010101, RequestId: ndis.Handle("r1")}
	if _, ok := p.Oid(req); ok {
		t.Fatalf("the request completed while the lower module pends it")
	}
	if len(lower.pended) != 1 || len(upper.clones) != 1 {
		t.Fatalf("lower pends %d, upper has %d clones", len(lower.pended), len(upper.clones))
	}
	ndis.FCancelOidRequest(upper.h, ndis.Handle("nothing"))
	if len(lower.cancelled) != 0 {
		t.Fatalf("an unknown RequestId reached FilterCancelOidRequest")
	}
	ndis.FCancelOidRequest(upper.h, req.RequestId)
	sys.Run()
	if len(lower.cancelled) != 1 || len(upper.completed) != 1 || upper.completed[0] != ndis.StatusRequestAborted {
		t.Fatalf("cancelled %v, upper completions %v", lower.cancelled, upper.completed)
	}
	if len(upper.clones) != 0 {
		t.Errorf("the clone was not freed")
	}
	// The lower module's own requests: the first is the miniport's, the
	// second waits in NDIS's queue and NDIS aborts it.
	r1 := &ndis.OidRequest{Oid: 1, RequestId: ndis.Handle("own1")}
	r2 := &ndis.OidRequest{Oid: 2, RequestId: ndis.Handle("own2")}
	if ndis.FOidRequest(lower.h, r1) != ndis.StatusPending || ndis.FOidRequest(lower.h, r2) != ndis.StatusPending {
		t.Fatalf("the miniport's requests did not pend")
	}
	ndis.FCancelOidRequest(lower.h, r2.RequestId)
	if len(lower.completed) != 1 || lower.completed[0] != ndis.StatusRequestAborted {
		t.Fatalf("the queued request completed with %v, want NDIS_STATUS_REQUEST_ABORTED", lower.completed)
	}
	ndis.FCancelDirectOidRequest(lower.h, r1.RequestId) // not a direct request: nothing
	sys.Run()
	if len(lower.completed) != 2 || lower.completed[1] != ndis.StatusSuccess {
		t.Errorf("the miniport's request completed with %v", lower.completed)
	}
}

// TestOidCloneMisuse: freeing a clone still in flight, twice, or a
// request that is not a clone, is bad-parameter; a clone for a handle that
// is neither a module nor a binding fails with a NULL clone.
func TestOidCloneMisuse(t *testing.T) {
	sys := ndistest.New(t, ndistest.KeepViolations())
	_, lower, upper, _ := cfStack(t, sys, ndistest.MiniportScript{})
	var clone *ndis.OidRequest
	if st := ndis.AllocateCloneOidRequest(upper.h, &ndis.OidRequest{Oid: 7, RequestId: ndis.Handle("c")}, 0, &clone); st != ndis.StatusSuccess || clone == nil || clone.Oid != 7 {
		t.Fatalf("clone: %s %v", st, clone)
	}
	ndis.FOidRequest(upper.h, clone)
	ndis.FreeCloneOidRequest(upper.h, clone) // in flight: the lower module pends it
	ndis.FreeCloneOidRequest(lower.h, clone) // not the lower module's clone
	ndis.FCancelOidRequest(upper.h, clone.RequestId)
	sys.Run()
	ndis.FreeCloneOidRequest(upper.h, clone)
	ndis.FreeCloneOidRequest(upper.h, clone) // twice
	var bad *ndis.OidRequest = &ndis.OidRequest{}
	if st := ndis.AllocateCloneOidRequest(ndis.Handle("junk"), &ndis.OidRequest{}, 0, &bad); st != ndis.StatusInvalidParameter || bad != nil {
		t.Errorf("a clone for a junk handle: %s %v", st, bad)
	}
	want := []string{rules.RuleBadParameter, rules.RuleBadParameter, rules.RuleBadParameter, rules.RuleBadHandle}
	vs := sys.Violations()
	if len(vs) != len(want) {
		t.Fatalf("violations %v, want rules %v", vs, want)
	}
	for i, v := range vs {
		if v.Rule != want[i] {
			t.Errorf("violation %d is %s (%s), want %s", i, v.Rule, v.Message, want[i])
		}
	}
}

// TestFilterPnPRestartSync: NdisFDevicePnPEventNotify goes down to the
// next module's FilterDevicePnPEventNotify; NdisFNetPnPEvent goes up to
// the next module's FilterNetPnPEvent and from the top module to the
// protocol; NdisFRestartFilter pauses and restarts the module from the
// queue (FilterSetModuleOptions, FilterRestart) and fails for a module
// that is not Running; NdisFSynchronousOidRequest passes through the
// lower module's synchronous handlers to a miniport without
// MiniportSynchronousOidRequest (NDIS_STATUS_NOT_SUPPORTED), or stops at
// the module (NDIS_STATUS_ALREADY_COMPLETE is success).
func TestFilterPnPRestartSync(t *testing.T) {
	sys := ndistest.New(t)
	st, lower, upper, _ := cfStack(t, sys, ndistest.MiniportScript{})
	ndis.FDevicePnPEventNotify(upper.h, &ndis.NetDevicePnpEvent{DevicePnPEvent: 1})
	ndis.FDevicePnPEventNotify(lower.h, &ndis.NetDevicePnpEvent{DevicePnPEvent: 1}) // the miniport has no handler
	if lower.devEvents != 1 || upper.devEvents != 0 {
		t.Errorf("device events: lower %d upper %d, want 1 and 0", lower.devEvents, upper.devEvents)
	}
	n := &ndis.NetPnpEventNotification{NetPnPEvent: ndis.NetPnpEvent{NetEvent: ndis.NetEventSetPower}}
	if s := ndis.FNetPnPEvent(lower.h, n); s != ndis.StatusSuccess {
		t.Errorf("NdisFNetPnPEvent: %s", s)
	}
	if upper.netEvents != 1 {
		t.Errorf("the upper module got %d net events, want 1", upper.netEvents)
	}
	if s := ndis.FRestartFilter(lower.h); s != ndis.StatusSuccess {
		t.Fatalf("NdisFRestartFilter: %s", s)
	}
	if s := ndis.FRestartFilter(upper.h); s != ndis.StatusFailure {
		t.Errorf("a second restart while one is scheduled: %s, want NDIS_STATUS_FAILURE", s)
	}
	before := lower.restarts
	sys.Run()
	if lower.restarts != before+1 || lower.setOptions != 2 {
		t.Errorf("restarts %d (was %d), module options %d", lower.restarts, before, lower.setOptions)
	}
	if st.State() != "Running" {
		t.Errorf("stack %s after the module's restart", st.State())
	}
	req := &ndis.OidRequest{Oid: 3}
	if s := ndis.FSynchronousOidRequest(upper.h, req); s != ndis.StatusNotSupported {
		t.Errorf("synchronous request: %s, want NDIS_STATUS_NOT_SUPPORTED", s)
	}
	if len(lower.syncDone) != 1 || lower.syncDone[0] != ndis.StatusNotSupported || lower.syncCtx != ndis.Handle(lower) {
		t.Errorf("FilterSynchronousOidRequestComplete: %v, context %v", lower.syncDone, lower.syncCtx)
	}
	lower.f.syncSt = ndis.StatusAlreadyComplete
	if s := ndis.FSynchronousOidRequest(upper.h, req); s != ndis.StatusSuccess || len(lower.syncDone) != 1 {
		t.Errorf("a request the module completed: %s, completions %v", s, lower.syncDone)
	}
}

// TestFilterOidCompletedTwice: a filter module that pended an OID request
// completes it twice with NdisFOidRequestComplete (completed-twice, SDV
// DoubleComplete); the first completion reaches the module above.
func TestFilterOidCompletedTwice(t *testing.T) {
	sys := ndistest.New(t, ndistest.Expect(rules.RuleCompletedTwice))
	_, lower, upper, p := cfStack(t, sys, ndistest.MiniportScript{})
	p.Oid(&ndis.OidRequest{Oid: 5})
	if len(lower.pended) != 1 {
		t.Fatalf("the lower module pended %d requests, want 1", len(lower.pended))
	}
	r := lower.pended[0]
	ndis.FOidRequestComplete(lower.h, r, ndis.StatusSuccess)
	ndis.FOidRequestComplete(lower.h, r, ndis.StatusSuccess)
	sys.Run()
	if len(upper.completed) != 1 {
		t.Errorf("the upper module saw %d completions, want 1", len(upper.completed))
	}
}
