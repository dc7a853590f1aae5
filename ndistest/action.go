package ndistest

import (
	"fmt"

	"github.com/ndislint/ndislint/ndis"
)

// Action says how the scripted call manager answers one kind of request.
// The zero Action is Sync.
type Action struct {
	kind   actionKind
	status ndis.Status
}

// actionKind is the shape of an answer.
type actionKind uint8

// The answer shapes.
const (
	kindSync actionKind = iota
	kindPend
	kindNested
	kindFail
)

var (
	// Sync completes the request inside the handler and returns its status.
	Sync = Action{kind: kindSync}
	// Pend returns NDIS_STATUS_PENDING and completes the request later, from
	// the event queue (sys.Run delivers it).
	Pend = Action{kind: kindPend}
	// Nested completes the request inside the handler (the completion reaches
	// the requester before its DDI returns) and then returns
	// NDIS_STATUS_PENDING.
	Nested = Action{kind: kindNested}
)

// Fail fails the request synchronously with st.
func Fail(st ndis.Status) Action { return Action{kind: kindFail, status: st} }

// With returns the action completing with st instead of NDIS_STATUS_SUCCESS
// (Pend.With(ndis.StatusFailure) pends, then completes with a failure).
func (a Action) With(st ndis.Status) Action {
	a.status = st
	return a
}

// String names the action.
func (a Action) String() string {
	names := [...]string{"Sync", "Pend", "Nested", "Fail"}
	s := names[a.kind]
	if a.status != ndis.StatusSuccess {
		s += fmt.Sprintf("(%s)", a.status)
	}
	return s
}

// DeleteMode says when the scripted call manager deletes a VC it created
// once the call on it closed (or the client rejected it).
type DeleteMode uint8

// The delete modes.
const (
	// DeleteNever keeps the VC (the test deletes it with DeleteVc or offers a
	// new call on it with ReofferOn) until the client closes the AF: the
	// call manager deletes its VCs on an AF before the close completes.
	DeleteNever DeleteMode = iota
	// DeleteNested deletes it right after completing the close, in the same
	// context: inside its ProtocolCmCloseCall, so inside the client's
	// NdisClCloseCall, when the close is Nested.
	DeleteNested
	// DeleteLater deletes it from the event queue.
	DeleteLater
)

// run answers a request with action a. prepare is what the call manager does
// before it completes with success (activate or deactivate the VC); it calls
// next with the outcome, now or later. complete calls the NdisCm*Complete
// function. run returns what the handler returns.
func (cm *CallManager) run(a Action, what string, prepare func(next func(ndis.Status)), complete func(ndis.Status)) ndis.Status {
	final := a.status
	if a.kind == kindFail {
		return final
	}
	start := func(next func(ndis.Status)) {
		if final != ndis.StatusSuccess || prepare == nil {
			next(final)
			return
		}
		prepare(next)
	}
	switch a.kind {
	case kindPend:
		cm.sys.st.Enqueue(fmt.Sprintf("call manager %q completes %s", cm.name, what), 0, func() { start(complete) })
		return ndis.StatusPending
	case kindNested:
		start(complete)
		return ndis.StatusPending
	}
	var (
		got    bool
		res    ndis.Status
		inline = true
	)
	start(func(st ndis.Status) {
		if inline {
			got, res = true, st
			return
		}
		complete(st)
	})
	inline = false
	if got {
		return res
	}
	return ndis.StatusPending
}
