package rules

// PassNblown is the name of the nblown pass (analyzers/nblown).
const PassNblown = "nblown"

// The rule IDs of the nblown pass.
const (
	RuleNblUseAfterHandoff = "nbl-use-after-handoff"
)

// The rules of the nblown pass.
var nblownRules = []*Rule{
	{
		ID:    RuleNblUseAfterHandoff,
		Pass:  PassNblown,
		Title: "a NET_BUFFER_LIST used after a DDI handed it to NDIS or released it",
		Text: `Once a driver passes NET_BUFFER_LISTs to NdisSendNetBufferLists, NdisFSendNetBufferLists,
NdisMIndicateReceiveNetBufferLists or NdisFIndicateReceiveNetBufferLists, they are not the driver's until
NDIS gives them back through the role the catalogue names (ProtocolSendNetBufferListsComplete,
FilterSendNetBufferListsComplete, MiniportReturnNetBufferLists, FilterReturnNetBufferLists); once it
passes them to NdisMSendNetBufferListsComplete, NdisFSendNetBufferListsComplete, NdisReturnNetBufferLists,
NdisFReturnNetBufferLists or NdisFreeNetBufferList, they are not its at all. NDIS may complete a send
before the call returns, so even reading the list's Next field after the send reads memory another
driver may already own. The pass reports any later touch of the same list on a path from the call in
the same function: a field read or written, the list passed to any call (a DDI, a helper, the same send
again). An indication whose ReceiveFlags constant has NDIS_RECEIVE_FLAGS_RESOURCES set leaves the
lists the driver's when it returns; with flags the pass cannot read it stays silent. A helper that
hands its parameter off on every path is seen at its callers, in the package and, through a fact, in
other packages. Comparing the pointer with nil is not a touch. Read the next list before the send.`,
		Page: "nf-ndis-ndissendnetbufferlists",
		Wrong: `func sendAll(binding ndis.Handle, nbl *ndis.NetBufferList) {
	for nbl != nil {
		ndis.SendNetBufferLists(binding, nbl, 0, 0)
		nbl = nbl.Next // NDIS owns the list now: its Next may already be gone
	}
}`,
		Right: `func sendAll(binding ndis.Handle, nbl *ndis.NetBufferList) {
	for nbl != nil {
		next := nbl.Next // read before the send
		nbl.Next = nil
		ndis.SendNetBufferLists(binding, nbl, 0, 0)
		nbl = next
	}
}`,
	},
}
