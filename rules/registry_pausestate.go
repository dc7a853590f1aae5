package rules

// PassPausestate is the name of the pausestate pass (analyzers/pausestate).
const PassPausestate = "pausestate"

// The rule IDs of the pausestate pass. The verifier reports the same
// defects at run time as adapter-state and filter-state.
const (
	RuleSendReceiveWhilePaused = "send-receive-while-paused"
)

// The rules of the pausestate pass.
var pausestateRules = []*Rule{
	{
		ID:    RuleSendReceiveWhilePaused,
		Pass:  PassPausestate,
		Title: "a send, receive indication or request in a state of the adapter, filter module or binding that forbids it",
		Text: `The catalogue's state machines (Catalogue.States, from the NDIS 6 pages) say which DDIs a driver
must not call while its object is in a state, and what puts it there: a miniport adapter is Paused once
NdisMPauseComplete returns ("In the Paused state, the adapter does not indicate received network data"),
so NdisMIndicateReceiveNetBufferLists is forbidden after it, and in MiniportInitializeEx (Initializing); a
filter module is Attaching in FilterAttach (no send, indication, OID request or status indication),
Pausing from the start of FilterPause (it "should not originate any new send requests" or receive
indications, so NdisFSendNetBufferLists and NdisFIndicateReceiveNetBufferLists of a list it allocated
itself are forbidden there) and Paused once NdisFPauseComplete returns (no send or receive at all); a
binding is Pausing in ProtocolNetPnPEvent where the notification's NetPnPEvent.NetEvent is NetEventPause
(the transition's value condition), and "should not initiate any new send requests". The pass reports a
forbidden call in the body of the role that enters the state, in the blocks of the role's handler
dominated by the branch where the value condition holds (an if or switch case comparing that field with
that constant), and one that every path from the DDI that enters it reaches, also through helpers of the
package that call the DDI on every path. What the pages require or allow in those states is not reported: a miniport
indicates receives and completes sends (NdisMSendNetBufferListsComplete) while Pausing; a filter module
completes new sends with NdisFSendNetBufferListsComplete and returns new receives with
NdisFReturnNetBufferLists. A state kept in the driver's context and checked in another callback is the
verifier's (adapter-state, filter-state).`,
		Page: "miniport-adapter-states-and-operations",
		Wrong: `type adapter struct {
	handle ndis.Handle
	rx     *ndis.NetBufferList
}

func finishPause(a *adapter) {
	ndis.MPauseComplete(a.handle)
	ndis.MIndicateReceiveNetBufferLists(a.handle, a.rx, 0, 1, 0) // the adapter is Paused now
}`,
		Right: `type adapter struct {
	handle ndis.Handle
	rx     *ndis.NetBufferList
}

func finishPause(a *adapter) {
	ndis.MIndicateReceiveNetBufferLists(a.handle, a.rx, 0, 1, 0) // still Pausing: allowed
	ndis.MPauseComplete(a.handle)
}`,
	},
}
