package ndissim

import (
	"testing"

	"github.com/ndislint/ndislint/internal/kernel"
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

// lifeWorld returns a simulated NDIS on a fresh run with the embedded
// catalogue, for driving lives by hand.
func lifeWorld(t *testing.T) *world {
	t.Helper()
	c, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	return newWorld(kernel.Reset(kernel.WithCatalogue(c)))
}

// wantState fails the test unless l is in state, with its handle dead or
// not as dead says.
func wantState(t *testing.T, l *life, state string, dead bool) {
	t.Helper()
	if l.state != state || l.dead != dead {
		t.Fatalf("%s: state %q (dead %v), want %q (dead %v)", l.object, l.state, l.dead, state, dead)
	}
}

// TestLifeMovesByEdges drives a VC the call manager created through the
// client's lifetime: the result of a callback picks the edge, a completion
// with any status kills the handle for the DDIs of the Invalid families, and
// a new incoming call on the VC (an entry edge, then the handler's result)
// revives it.
func TestLifeMovesByEdges(t *testing.T) {
	w := lifeWorld(t)
	l := w.newLife(rules.ObjectVcCM)
	w.begin(l, on("PROTOCOL_CO_CREATE_VC")).end(ndis.StatusSuccess)
	wantState(t, l, "offered", false)
	w.begin(l, on("PROTOCOL_CL_INCOMING_CALL")).end(ndis.StatusSuccess)
	wantState(t, l, "accepted", false)
	w.step(l, on("PROTOCOL_CL_CALL_CONNECTED"))
	wantState(t, l, "connected", false)
	w.begin(l, on("NdisClCloseCall")).end(ndis.StatusPending)
	wantState(t, l, "closing", false)
	w.step(l, w.onStatus("PROTOCOL_CL_CLOSE_CALL_COMPLETE", ndis.StatusFailure))
	wantState(t, l, "handle-dead", true)
	if l.killer != "PROTOCOL_CL_CLOSE_CALL_COMPLETE" {
		t.Errorf("killer %q", l.killer)
	}
	for ddi, ok := range map[string]bool{
		"NdisCoSendNetBufferLists": false, // condis-common
		"NdisClMakeCall":           false, // condis-client
		"NdisCmActivateVc":         true,  // not a family the Invalid names
	} {
		if got := w.usable(l, ddi); got != ok {
			t.Errorf("usable(%s) = %v after the close, want %v", ddi, got, ok)
		}
	}
	if w.allows(l, on("NdisClCloseCall")) {
		t.Error("a second NdisClCloseCall is allowed on a VC whose close completed")
	}
	w.begin(l, on("PROTOCOL_CL_INCOMING_CALL")).end(ndis.StatusPending)
	wantState(t, l, "offering", false)
	if !w.allows(l, w.onStatus("NdisClIncomingCallComplete", ndis.StatusSuccess)) {
		t.Error("NdisClIncomingCallComplete is not allowed on a pended incoming call")
	}
}

// TestLifePendingAndSynchronousResults: a request whose edges are decided by
// its result is pending while it runs, so a completion that arrives nested
// finds it pending and the PENDING result then changes nothing; a result
// other than NDIS_STATUS_PENDING undoes that step and takes the result's
// edge, or, with none, the completion's edge for that status (NOTES §1).
func TestLifePendingAndSynchronousResults(t *testing.T) {
	w := lifeWorld(t)

	nested := w.newLife(rules.ObjectVcClient)
	w.begin(nested, on("NdisCoCreateVc")).end(ndis.StatusSuccess)
	tr := w.begin(nested, on("NdisClMakeCall"))
	wantState(t, nested, "making-call", false)
	w.step(nested, w.onStatus("PROTOCOL_CL_MAKE_CALL_COMPLETE", ndis.StatusSuccess))
	tr.end(ndis.StatusPending)
	wantState(t, nested, "connected", false)

	failed := w.newLife(rules.ObjectVcClient)
	w.begin(failed, on("NdisCoCreateVc")).end(ndis.StatusSuccess)
	w.begin(failed, on("NdisClMakeCall")).end(ndis.StatusFailure)
	wantState(t, failed, "idle", false)

	// No NdisClOpenAddressFamilyEx edge decides NDIS_STATUS_SUCCESS: the
	// result is the completion's.
	af := w.newLife(rules.ObjectAf)
	w.step(af, on("PROTOCOL_CO_AF_REGISTER_NOTIFY"))
	opened := af.clone()
	w.begin(opened, on("NdisClOpenAddressFamilyEx")).end(ndis.StatusSuccess)
	wantState(t, opened, "open", false)
	refused := af.clone()
	w.begin(refused, on("NdisClOpenAddressFamilyEx")).end(ndis.StatusResources)
	wantState(t, refused, "advertised", false)
	if !w.gone(refused) || w.gone(af) || w.gone(opened) {
		t.Errorf("gone: refused open %v, advertisement %v, open AF %v; want true, false, false", w.gone(refused), w.gone(af), w.gone(opened))
	}

	// An entry edge that invalidates the handle, then a result that
	// leaves the object as it was: the handle lives again.
	tr = w.begin(opened, on("NdisClCloseAddressFamily"))
	wantState(t, opened, "closing", true)
	tr.end(ndis.StatusFailure)
	wantState(t, opened, "open", false)
	w.begin(opened, on("NdisClCloseAddressFamily")).end(ndis.StatusSuccess)
	wantState(t, opened, "closed", true)
	if !w.gone(opened) {
		t.Error("a closed AF is not gone")
	}
	if w.usable(opened, "NdisClRegisterSap") || !w.usable(opened, "NdisClNotifyCloseAddressFamilyComplete") {
		t.Error("after the close the AF handle must be refused to NdisClRegisterSap and allowed to NdisClNotifyCloseAddressFamilyComplete (Invalid.Except)")
	}
}

// TestLifeWithoutCatalogue: a run whose catalogue has no lifetimes checks
// nothing and moves nothing.
func TestLifeWithoutCatalogue(t *testing.T) {
	def, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	c := *def
	c.Lifetimes = nil
	w := newWorld(kernel.Reset(kernel.WithCatalogue(&c)))
	l := w.newLife(rules.ObjectVcClient)
	if !w.allows(l, on("NdisCoDeleteVc")) || !w.usable(l, "NdisClMakeCall") || w.gone(l) {
		t.Error("a life with no lifetime constrains something")
	}
	w.begin(l, on("NdisCoCreateVc")).end(ndis.StatusSuccess)
	if l.state != "" {
		t.Errorf("a life with no lifetime moved to %q", l.state)
	}
}
