package ndissim_test

import (
	"testing"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/ndistest"
)

// TestProtocolCancelAndOids: a binding's NdisCancelSendNetBufferLists
// reaches the top module that takes cancellations (the lower one), whose
// aborted sends go back to the protocol; NdisCancelOidRequest reaches the
// upper module's FilterCancelOidRequest, which passes it down to the
// lower module holding the clone; a direct request no layer takes is
// NDIS_STATUS_NOT_SUPPORTED and cancelling it cancels nothing; a
// synchronous request passes the lower module's synchronous handlers.
func TestProtocolCancelAndOids(t *testing.T) {
	sys := ndistest.New(t)
	_, lower, upper, p := cfStack(t, sys, ndistest.MiniportScript{})
	p.Send([]byte("x"))
	ndis.CancelSendNetBufferLists(p.Handle(), cfCancelId)
	sys.Run()
	if got := p.Completed(); len(got) != 1 || got[0] != ndis.StatusSendAborted {
		t.Errorf("sends completed with %v, want one NDIS_STATUS_SEND_ABORTED", got)
	}
	req := &ndis.OidRequest{Oid: 0x00010101, RequestId: ndis.Handle("p1")}
	if _, ok := p.Oid(req); ok {
		t.Fatalf("the request completed while the lower module pends it")
	}
	ndis.CancelOidRequest(p.Handle(), req.RequestId)
	sys.Run()
	if len(upper.cancelled) != 1 || len(lower.cancelled) != 2 {
		t.Fatalf("cancel handlers: upper %v, lower %v", upper.cancelled, lower.cancelled)
	}
	if len(upper.completed) != 1 || upper.completed[0] != ndis.StatusRequestAborted || len(upper.clones) != 0 {
		t.Errorf("upper completions %v, clones left %d", upper.completed, len(upper.clones))
	}
	direct := &ndis.OidRequest{Oid: 5, RequestId: ndis.Handle("d1")}
	if s := ndis.DirectOidRequest(p.Handle(), direct); s != ndis.StatusNotSupported {
		t.Errorf("a direct request with no direct handler below: %s, want NDIS_STATUS_NOT_SUPPORTED", s)
	}
	ndis.CancelDirectOidRequest(p.Handle(), direct.RequestId)
	if s := ndis.SynchronousOidRequest(p.Handle(), &ndis.OidRequest{Oid: 6}); s != ndis.StatusNotSupported || len(lower.syncDone) != 1 {
		t.Errorf("synchronous request: %s, lower completions %v", s, lower.syncDone)
	}
}

// TestUnbindAdapter: NdisUnbindAdapter returns at once; NDIS's work item
// pauses the running binding and calls ProtocolUnbindAdapterEx, which
// closes it.
func TestUnbindAdapter(t *testing.T) {
	sys := ndistest.New(t, ndistest.KeepViolations())
	st := sys.AddStack("eth0", ndistest.MiniportScript{})
	p := st.BindProtocol(ndistest.ProtocolScript{})
	if !st.Restart() {
		t.Fatalf("restart: %v", st.Layers())
	}
	sim := current()
	proto := sim.Protocols()[0]
	if s := ndis.UnbindAdapter(p.Handle()); s != ndis.StatusSuccess {
		t.Fatalf("NdisUnbindAdapter: %s", s)
	}
	if !sim.Bound6(proto, st.Handle()) {
		t.Fatalf("unbound before NDIS's work item ran")
	}
	sys.Run()
	if sim.Bound6(proto, st.Handle()) {
		t.Errorf("still bound after NDIS's work item ran: %v", st.Layers())
	}
	if len(sys.Violations()) != 0 {
		t.Errorf("violations: %v", sys.Violations())
	}
}
