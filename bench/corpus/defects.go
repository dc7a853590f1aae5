package corpus

// An edit replaces the one occurrence of Old in a copied file by New.
type edit struct {
	File     string
	Old, New string
	// Import, when set, is a unit package ("timing") the file must import
	// after the edit.
	Import string
}

// A defect is a mistake seeded into a driver copy by exact edits of the
// example's source, with the findings ndislint is expected to report for
// it, by rule ID.
type defect struct {
	Name   string
	Driver string // "client" or "callmanager"
	Edits  []edit
	Expect map[string]int
}

// defects are the seeded mistakes. A defective unit carries all of them:
// each edits another function, so they do not interact.
var defects = []defect{
	{
		Name:   "lock kept on Hangup's early return",
		Driver: "client",
		Edits: []edit{{
			File: "close.go",
			Old:  "\tdefault:\n\t\tndis.ReleaseSpinLock(&c.lock)\n\t\treturn ndis.StatusFailure\n",
			New:  "\tdefault:\n\t\treturn ndis.StatusFailure\n",
		}},
		Expect: map[string]int{"spinlock-held-on-return": 1},
	},
	{
		Name:   "sleep through a helper package in ProtocolClCallConnected",
		Driver: "client",
		Edits: []edit{{
			File:   "incoming.go",
			Old:    "func clCallConnected(protocolVcContext ndis.Handle) {\n",
			New:    "func clCallConnected(protocolVcContext ndis.Handle) {\n\ttiming.Settle()\n",
			Import: "timing",
		}},
		Expect: map[string]int{"irql-above-max": 1},
	},
	{
		Name:   "ProtocolCoDeleteVc pends",
		Driver: "client",
		Edits: []edit{{
			File: "vc.go",
			Old:  "\tv.free()\n\treturn ndis.StatusSuccess\n}",
			New:  "\tv.free()\n\treturn ndis.StatusPending\n}",
		}},
		Expect: map[string]int{"vc-delete-handler-pends": 1},
	},
	{
		Name:   "NdisClCloseCall's status dropped in ProtocolClIncomingCloseCall",
		Driver: "client",
		Edits: []edit{{
			File: "close.go",
			Old:  "\tndis.ReleaseSpinLock(&c.lock)\n\tv.closeCall()\n}",
			New:  "\tndis.ReleaseSpinLock(&c.lock)\n\tndis.ClCloseCall(v.ndisVcHandle, nil, nil, 0)\n}",
		}},
		Expect: map[string]int{"vc-closecall-status-dropped": 1},
	},
	{
		Name:   "make-call completed with NDIS_STATUS_PENDING",
		Driver: "callmanager",
		Edits: []edit{{
			File: "makecall.go",
			Old:  "\tndis.CmMakeCallComplete(status, v.ndisVcHandle, nil, nil, params)\n}",
			New:  "\tndis.CmMakeCallComplete(ndis.StatusPending, v.ndisVcHandle, nil, nil, params)\n}",
		}},
		Expect: map[string]int{"complete-with-pending": 1},
	},
	{
		Name:   "sleep in ProtocolCmCloseCall",
		Driver: "callmanager",
		Edits: []edit{{
			File: "closecall.go",
			Old:  "\tcm := v.callManager()\n\tndis.AcquireSpinLock(&cm.lock)\n\tv.state = vcClosing\n",
			New:  "\tndis.MSleep(10)\n\tcm := v.callManager()\n\tndis.AcquireSpinLock(&cm.lock)\n\tv.state = vcClosing\n",
		}},
		Expect: map[string]int{"irql-above-max": 1},
	},
}

// defective reports whether unit i carries the seeded defects: the first
// unit and every eighth after it.
func defective(i int) bool {
	return i%8 == 0
}

// defectRules returns the rule IDs the defects expect, for checks that the
// catalogue knows them.
func defectRules() []string {
	var ids []string
	for _, d := range defects {
		for id := range d.Expect {
			ids = append(ids, id)
		}
	}
	return ids
}
