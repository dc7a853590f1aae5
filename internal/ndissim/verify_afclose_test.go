package ndissim_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/ndistest"
	"github.com/ndislint/ndislint/ndistest/testclient"
	"github.com/ndislint/ndislint/rules"
)

// closeAfMode is how handCM answers ProtocolCmCloseAf.
type closeAfMode uint8

// The ways handCM answers ProtocolCmCloseAf.
const (
	// keepSync returns NDIS_STATUS_SUCCESS with its VC on the AF alive.
	keepSync closeAfMode = iota
	// keepPended returns NDIS_STATUS_PENDING; finishClose then calls
	// NdisCmCloseAddressFamilyComplete with success, the VC still alive.
	keepPended
	// deleteSync deletes its VC (NdisCoDeleteVc), then returns success.
	deleteSync
	// deletePended returns NDIS_STATUS_PENDING; finishClose deletes the VC,
	// then completes the close.
	deletePended
)

// handCM is a minimal stand-alone call manager written directly against
// package ndis (the scripted call manager of ndistest deletes its VCs before
// a close of the AF succeeds, so it cannot break the rule): it registers an
// AF on its binding, creates one VC on the client's open of the AF, and
// answers ProtocolCmCloseAf as mode says. Calls and SAPs are not supported.
type handCM struct {
	t        *testing.T
	mode     closeAfMode
	protocol ndis.Handle
	binding  ndis.Handle
	afH      ndis.Handle
	vc       ndis.Handle
	deleted  bool
}

// newHandCM registers the call manager.
func newHandCM(t *testing.T, mode closeAfMode) *handCM {
	t.Helper()
	cm := &handCM{t: t, mode: mode}
	chars := &ndis.ProtocolDriverCharacteristics{
		MajorNdisVersion:       6,
		Name:                   "handcm",
		SetOptionsHandler:      handCMSetOptions,
		BindAdapterHandlerEx:   cm.bind,
		UnbindAdapterHandlerEx: cm.unbind,
	}
	if st := ndis.RegisterProtocolDriver(cm, chars, &cm.protocol); st != ndis.StatusSuccess {
		t.Fatalf("NdisRegisterProtocolDriver: %s", st)
	}
	return cm
}

// handCMSetOptions registers the CoNDIS handlers; the call-related ones are
// stubs that refuse.
func handCMSetOptions(ndisDriverHandle ndis.Handle, driverContext ndis.Handle) ndis.Status {
	cm := driverContext.(*handCM)
	st := ndis.SetOptionalHandlers(ndisDriverHandle, &ndis.ProtocolCoCharacteristics{
		CoStatusHandlerEx:                   func(ndis.Handle, ndis.Handle, *ndis.StatusIndication) {},
		CoAfRegisterNotifyHandler:           func(ndis.Handle, *ndis.CoAddressFamily) {},
		CoReceiveNetBufferListsHandler:      func(ndis.Handle, ndis.Handle, *ndis.NetBufferList, uint32, uint32) {},
		CoSendNetBufferListsCompleteHandler: func(ndis.Handle, *ndis.NetBufferList, uint32) {},
	})
	if st != ndis.StatusSuccess {
		return st
	}
	return ndis.SetOptionalHandlers(ndisDriverHandle, &ndis.CoCallManagerOptionalHandlers{
		CmCreateVcHandler: func(ndis.Handle, ndis.Handle, *ndis.Handle) ndis.Status { return ndis.StatusNotSupported },
		CmDeleteVcHandler: func(ndis.Handle) ndis.Status { return ndis.StatusSuccess },
		CmOpenAfHandler: func(_ ndis.Handle, _ *ndis.CoAddressFamily, ndisAfHandle ndis.Handle, callMgrAfContext *ndis.Handle) ndis.Status {
			cm.afH = ndisAfHandle
			*callMgrAfContext = cm
			return ndis.StatusSuccess
		},
		CmCloseAfHandler: func(ndis.Handle) ndis.Status { return cm.closeAf() },
		CmRegisterSapHandler: func(ndis.Handle, *ndis.CoSap, ndis.Handle, *ndis.Handle) ndis.Status {
			return ndis.StatusNotSupported
		},
		CmDeregisterSapHandler: func(ndis.Handle) ndis.Status { return ndis.StatusNotSupported },
		CmMakeCallHandler: func(ndis.Handle, *ndis.CoCallParameters, ndis.Handle, *ndis.Handle) ndis.Status {
			return ndis.StatusNotSupported
		},
		CmCloseCallHandler:            func(ndis.Handle, ndis.Handle, []byte, uint32) ndis.Status { return ndis.StatusNotSupported },
		CmIncomingCallCompleteHandler: func(ndis.Status, ndis.Handle, *ndis.CoCallParameters) {},
		CmAddPartyHandler: func(ndis.Handle, *ndis.CoCallParameters, ndis.Handle, *ndis.Handle) ndis.Status {
			return ndis.StatusNotSupported
		},
		CmDropPartyHandler:            func(ndis.Handle, []byte, uint32) ndis.Status { return ndis.StatusNotSupported },
		CmActivateVcCompleteHandler:   func(ndis.Status, ndis.Handle, *ndis.CoCallParameters) {},
		CmDeactivateVcCompleteHandler: func(ndis.Status, ndis.Handle) {},
		CmModifyCallQoSHandler:        func(ndis.Handle, *ndis.CoCallParameters) ndis.Status { return ndis.StatusNotSupported },
		CmOidRequestHandler: func(ndis.Handle, ndis.Handle, ndis.Handle, *ndis.OidRequest) ndis.Status {
			return ndis.StatusNotSupported
		},
		CmOidRequestCompleteHandler:    func(ndis.Handle, ndis.Handle, ndis.Handle, *ndis.OidRequest, ndis.Status) {},
		CmNotifyCloseAfCompleteHandler: func(ndis.Handle, ndis.Status) {},
	})
}

// bind opens the adapter and registers the AF.
func (cm *handCM) bind(_ ndis.Handle, bindContext ndis.Handle, bp *ndis.BindParameters) ndis.Status {
	var idx uint32
	op := &ndis.OpenParameters{AdapterName: bp.AdapterName, MediumArray: []ndis.Medium{bp.MediaType}, SelectedMediumIndex: &idx}
	if st := ndis.OpenAdapterEx(cm.protocol, cm, op, bindContext, &cm.binding); st != ndis.StatusSuccess {
		return st
	}
	af := q2931
	return ndis.CmRegisterAddressFamilyEx(cm.binding, &af)
}

// unbind closes the binding (the tests do not unbind).
func (cm *handCM) unbind(ndis.Handle, ndis.Handle) ndis.Status {
	return ndis.CloseAdapterEx(cm.binding)
}

// createVc creates the call manager's VC on the client's AF (the client's
// ProtocolCoCreateVc runs).
func (cm *handCM) createVc() {
	cm.t.Helper()
	if st := ndis.CoCreateVc(cm.binding, cm.afH, cm, &cm.vc); st != ndis.StatusSuccess {
		cm.t.Fatalf("NdisCoCreateVc: %s", st)
	}
}

// deleteVc deletes the call manager's VC.
func (cm *handCM) deleteVc() {
	if cm.deleted {
		return
	}
	if st := ndis.CoDeleteVc(cm.vc); st != ndis.StatusSuccess {
		cm.t.Errorf("NdisCoDeleteVc: %s", st)
		return
	}
	cm.deleted = true
}

// closeAf is the call manager's ProtocolCmCloseAf.
func (cm *handCM) closeAf() ndis.Status {
	switch cm.mode {
	case keepSync:
		return ndis.StatusSuccess
	case deleteSync:
		cm.deleteVc()
		return ndis.StatusSuccess
	}
	return ndis.StatusPending
}

// finishClose completes a pended close (deleting the VC first in
// deletePended).
func (cm *handCM) finishClose() {
	if cm.mode == deletePended {
		cm.deleteVc()
	}
	ndis.CmCloseAddressFamilyComplete(ndis.StatusSuccess, cm.afH)
}

// TestCloseAfWithVcs: a call manager lets a client's close of an AF succeed
// while its VC on the AF still exists, by its ProtocolCmCloseAf's return or
// by NdisCmCloseAddressFamilyComplete; the twins delete the VC first and are
// clean, and the client sees its ProtocolCoDeleteVc before its
// ProtocolClCloseAfComplete.
func TestCloseAfWithVcs(t *testing.T) {
	for _, tc := range []struct {
		name string
		mode closeAfMode
		// words the violation names; none for the clean twins.
		words []string
	}{
		{"sync-return", keepSync, []string{`protocol "handcm"'s PROTOCOL_CM_CLOSE_AF returned NDIS_STATUS_SUCCESS`, "af #1", "vc #1", "NdisCoDeleteVc"}},
		{"complete", keepPended, []string{"NdisCmCloseAddressFamilyComplete called with NDIS_STATUS_SUCCESS", "af #1", "vc #1", "NdisCoDeleteVc"}},
		{"sync-return-after-delete", deleteSync, nil},
		{"complete-after-delete", deletePended, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sys := ndistest.New(t, ndistest.KeepViolations())
			sys.AddAdapter("atm0", ndis.MediumAtm)
			cm := newHandCM(t, tc.mode)
			c := testclient.New(testclient.Options{})
			sys.Load(c.DriverEntry)
			sys.Bind()
			af := c.Af()
			if af == nil || cm.afH == nil {
				t.Fatalf("no AF open; events %v", c.Events)
			}
			cm.createVc()
			c.CloseAf(af)
			if tc.mode == keepPended || tc.mode == deletePended {
				if slices.Contains(c.Events, "PROTOCOL_CL_CLOSE_AF_COMPLETE NDIS_STATUS_SUCCESS") {
					t.Fatalf("the close completed before the call manager completed it; events %v", c.Events)
				}
				cm.finishClose()
			}
			closed := slices.Index(c.Events, "PROTOCOL_CL_CLOSE_AF_COMPLETE NDIS_STATUS_SUCCESS")
			if closed < 0 {
				t.Fatalf("the client's close did not complete; events %v", c.Events)
			}
			if tc.words == nil {
				clean(t, sys)
				deleted := slices.IndexFunc(c.Events, func(e string) bool { return strings.HasPrefix(e, "PROTOCOL_CO_DELETE_VC") })
				if deleted < 0 || deleted > closed {
					t.Errorf("the client's PROTOCOL_CO_DELETE_VC did not run before its PROTOCOL_CL_CLOSE_AF_COMPLETE; events %v", c.Events)
				}
				return
			}
			expect(t, sys, rules.RuleAfCloseWithVcs, tc.words...)
			if n := len(sys.ViolationsOf(rules.RuleAfCloseWithVcs)); n != 1 {
				t.Errorf("%d %s reports, want 1", n, rules.RuleAfCloseWithVcs)
			}
			// What the rule prevents: deleting the VC now reaches the
			// client's ProtocolCoDeleteVc after its AF closed.
			cm.deleteVc()
			only(t, sys, rules.RuleAfCloseWithVcs)
		})
	}
}
