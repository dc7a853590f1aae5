package ndissim

// oidRecord is an OID request in flight: who asked, about what, and who
// completes it.
type oidRecord struct {
	requester   side
	drv         driverRef
	open        *openBlock
	af          *afBlock
	vc          *vcBlock
	party       *partyBlock
	toMiniport  bool
	completedBy string
	key         reqKey
	what        string
	mcm         bool
}

// sendRecord is a NET_BUFFER_LIST a driver sent and NDIS has not returned.
type sendRecord struct {
	vc     *vcBlock
	sender side
	key    reqKey
}
