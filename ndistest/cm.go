package ndistest

import (
	"fmt"

	"github.com/ndislint/ndislint/ndis"
)

// CMScript says how the scripted call manager answers each kind of request
// (the zero value answers everything synchronously with success).
type CMScript struct {
	// OpenAf answers ProtocolCmOpenAf; CloseAf answers ProtocolCmCloseAf.
	// Before a close of the AF succeeds the call manager deletes the VCs it
	// created on it; when one is still being activated or deactivated, the
	// close waits for that (a Sync close then returns NDIS_STATUS_PENDING and
	// completes once the VC is deleted).
	OpenAf, CloseAf Action
	// RegisterSap and DeregisterSap answer the SAP requests.
	RegisterSap, DeregisterSap Action
	// MakeCall answers ProtocolCmMakeCall; the call manager activates the VC
	// (NdisCmActivateVc) before it completes with success.
	MakeCall Action
	// CloseCall answers ProtocolCmCloseCall; the call manager deactivates
	// the VC (NdisCmDeactivateVc) before it completes with success.
	CloseCall Action
	// ModifyQoS answers ProtocolCmModifyCallQoS (reactivating the VC with
	// the new parameters on success).
	ModifyQoS Action
	// AddParty and DropParty answer the party requests.
	AddParty, DropParty Action
	// OidRequest answers the client's OID requests (ProtocolCoOidRequest).
	OidRequest Action
	// AutoConnect makes the call manager dispatch CallConnected as soon as
	// the client accepts an incoming call; otherwise the test calls
	// CallConnected.
	AutoConnect bool
	// DeleteVcAfterClose says when the call manager deletes a VC it created
	// after the call on it closed or was rejected.
	DeleteVcAfterClose DeleteMode
}

// CallManager is a scripted call manager: a real protocol driver (or, from
// AddMCM, a miniport call manager) registered with the simulated NDIS that
// answers requests as its CMScript says and offers incoming calls when the
// test asks.
type CallManager struct {
	sys           *System
	name          string
	af            ndis.CoAddressFamily
	script        CMScript
	ops           cmOps
	mcm           bool
	adapter       *Adapter
	adapterName   string
	protocol      ndis.Handle
	binding       ndis.Handle
	adapterHandle ndis.Handle
	bindCtx       ndis.Handle
	unbindCtx     ndis.Handle
	afsClosed     ndis.Event
	waiting       bool
	afs           []*cmAf
	vcs           []*VC
	oidsIn        []ndis.Oid
	oidResults    []ndis.Status
	received      [][]byte
}

// cmAf is the call manager's context for one client's open of its AF.
type cmAf struct {
	cm      *CallManager
	h       ndis.Handle
	saps    []*cmSap
	closing bool
	closed  bool
	notify  ndis.Status
	notifed bool
}

// cmSap is the call manager's context for one SAP.
type cmSap struct {
	af         *cmAf
	h          ndis.Handle
	sap        *ndis.CoSap
	deregister bool
}

// vcState is the call manager's view of the call on a VC.
type vcState uint8

// The call manager's call states.
const (
	vcIdle vcState = iota
	vcOffered
	vcAccepted
	vcConnected
	vcOutgoing
	vcClosed
)

// String names the state for harness errors.
func (s vcState) String() string {
	return [...]string{"idle", "offered", "accepted", "connected", "outgoing", "closed"}[s]
}

// VC is a VC as the call manager sees it: one it created for an incoming
// call, or one a client created for an outgoing call.
type VC struct {
	cm            *CallManager
	af            *cmAf
	h             ndis.Handle
	createdByCM   bool
	state         vcState
	deleted       bool
	params        *ndis.CoCallParameters
	parties       []*Party
	onActivated   func(ndis.Status)
	onDeactivated func(ndis.Status)
}

// Party is one party of a multipoint call as the call manager sees it.
type Party struct {
	vc      *VC
	h       ndis.Handle
	dropped bool
}

// Number returns the VC's stable number in the run (vc #3), 0 if NDIS does
// not know it.
func (v *VC) Number() int {
	if v == nil {
		return 0
	}
	info, _ := v.cm.sys.sim.Vc(v.h)
	return info.Number
}

// Info returns what NDIS knows of the VC.
func (v *VC) Info() VcInfo {
	info, _ := v.cm.sys.sim.Vc(v.h)
	return info
}

// Handle returns the call manager's NdisVcHandle of the VC.
func (v *VC) Handle() ndis.Handle { return v.h }

// CreatedByCallManager reports whether the call manager created the VC.
func (v *VC) CreatedByCallManager() bool { return v.createdByCM }

// Deleted reports whether the VC was deleted.
func (v *VC) Deleted() bool { return v.deleted }

// Parties returns the parties of the call on the VC not dropped.
func (v *VC) Parties() []*Party {
	var out []*Party
	for _, p := range v.parties {
		if !p.dropped {
			out = append(out, p)
		}
	}
	return out
}

// AddCallManager registers a scripted stand-alone call manager (a protocol
// driver with NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS) that binds to ad and
// registers af there (NdisCmRegisterAddressFamilyEx) when Bind runs.
func (s *System) AddCallManager(ad *Adapter, af ndis.CoAddressFamily, script CMScript) *CallManager {
	s.t.Helper()
	if ad == nil {
		s.t.Fatalf("ndistest: AddCallManager with a nil adapter")
	}
	cm := &CallManager{sys: s, name: fmt.Sprintf("cm%d", len(s.cms)+1), af: af, script: script, ops: cmFuncs{}, adapter: ad, adapterName: ad.name}
	chars := &ndis.ProtocolDriverCharacteristics{
		MajorNdisVersion:              6,
		Name:                          cm.name,
		SetOptionsHandler:             cmSetOptions,
		BindAdapterHandlerEx:          cmBind,
		UnbindAdapterHandlerEx:        cmUnbind,
		OpenAdapterCompleteHandlerEx:  cmOpenAdapterComplete,
		CloseAdapterCompleteHandlerEx: cmCloseAdapterComplete,
	}
	if st := ndis.RegisterProtocolDriver(cm, chars, &cm.protocol); st != ndis.StatusSuccess {
		s.t.Fatalf("ndistest: registering call manager %q failed: %s", cm.name, st)
	}
	s.cms = append(s.cms, cm)
	return cm
}

// Name returns the call manager's driver name.
func (cm *CallManager) Name() string { return cm.name }

// Protocol returns the call manager's NdisProtocolHandle (nil for a
// miniport call manager).
func (cm *CallManager) Protocol() ndis.Handle { return cm.protocol }

// Script returns a pointer to the call manager's script, so a test can
// change how later requests are answered.
func (cm *CallManager) Script() *CMScript { return &cm.script }

// VCs returns every VC the call manager knows, in creation order.
func (cm *CallManager) VCs() []*VC { return append([]*VC(nil), cm.vcs...) }

// Oids returns the OIDs of the client requests the call manager received.
func (cm *CallManager) Oids() []ndis.Oid { return append([]ndis.Oid(nil), cm.oidsIn...) }

// OidResults returns the final statuses of the call manager's own OID
// requests, in completion order.
func (cm *CallManager) OidResults() []ndis.Status {
	return append([]ndis.Status(nil), cm.oidResults...)
}

// OpenAfs returns how many clients have the call manager's AF open.
func (cm *CallManager) OpenAfs() int {
	n := 0
	for _, a := range cm.afs {
		if !a.closed {
			n++
		}
	}
	return n
}

// cmSetOptions is the call manager's SetOptions: it registers its CoNDIS
// handlers with NdisSetOptionalHandlers.
func cmSetOptions(ndisDriverHandle ndis.Handle, driverContext ndis.Handle) ndis.Status {
	cm := driverContext.(*CallManager)
	if st := ndis.SetOptionalHandlers(ndisDriverHandle, cm.coCharacteristics()); st != ndis.StatusSuccess {
		return st
	}
	return ndis.SetOptionalHandlers(ndisDriverHandle, cmHandlers())
}

// coCharacteristics returns the call manager's NDIS_PROTOCOL_CO_CHARACTERISTICS.
func (cm *CallManager) coCharacteristics() *ndis.ProtocolCoCharacteristics {
	return &ndis.ProtocolCoCharacteristics{
		CoStatusHandlerEx:                   func(ndis.Handle, ndis.Handle, *ndis.StatusIndication) {},
		CoAfRegisterNotifyHandler:           func(ndis.Handle, *ndis.CoAddressFamily) {},
		CoReceiveNetBufferListsHandler:      cmReceive,
		CoSendNetBufferListsCompleteHandler: func(ndis.Handle, *ndis.NetBufferList, uint32) {},
	}
}

// cmBind is the call manager's ProtocolBindAdapterEx: it binds only to its
// adapter, then registers its AF.
func cmBind(protocolDriverContext ndis.Handle, bindContext ndis.Handle, bindParameters *ndis.BindParameters) ndis.Status {
	cm := protocolDriverContext.(*CallManager)
	if bindParameters.AdapterName != cm.adapterName {
		return ndis.StatusNotSupported
	}
	cm.bindCtx = bindContext
	var idx uint32
	op := &ndis.OpenParameters{AdapterName: bindParameters.AdapterName, MediumArray: []ndis.Medium{bindParameters.MediaType}, SelectedMediumIndex: &idx}
	st := ndis.OpenAdapterEx(cm.protocol, cm, op, bindContext, &cm.binding)
	if st == ndis.StatusPending {
		return ndis.StatusPending
	}
	if st != ndis.StatusSuccess {
		return st
	}
	return ndis.CmRegisterAddressFamilyEx(cm.binding, &cm.af)
}

// cmOpenAdapterComplete finishes a pended bind.
func cmOpenAdapterComplete(protocolBindingContext ndis.Handle, status ndis.Status) {
	cm := protocolBindingContext.(*CallManager)
	if status == ndis.StatusSuccess {
		status = ndis.CmRegisterAddressFamilyEx(cm.binding, &cm.af)
	}
	ndis.CompleteBindAdapterEx(cm.bindCtx, status)
}

// cmUnbind is the call manager's ProtocolUnbindAdapterEx: it asks every
// client to close its AF (NdisCmNotifyCloseAddressFamily), waits at
// PASSIVE_LEVEL until they all did (NdisWaitEvent), then closes the binding.
func cmUnbind(unbindContext ndis.Handle, protocolBindingContext ndis.Handle) ndis.Status {
	cm := protocolBindingContext.(*CallManager)
	cm.unbindCtx = unbindContext
	ndis.InitializeEvent(&cm.afsClosed)
	for _, a := range cm.afs {
		if !a.closed {
			ndis.CmNotifyCloseAddressFamily(a.h)
		}
	}
	if cm.OpenAfs() > 0 {
		cm.waiting = true
		ndis.WaitEvent(&cm.afsClosed, 0)
		cm.waiting = false
	}
	return ndis.CloseAdapterEx(cm.binding)
}

// afClosed wakes a waiting unbind when the last client closed its AF.
func (cm *CallManager) afClosed() {
	if cm.waiting && cm.OpenAfs() == 0 {
		ndis.SetEvent(&cm.afsClosed)
	}
}

// cmCloseAdapterComplete finishes a pended NdisCloseAdapterEx.
func cmCloseAdapterComplete(protocolBindingContext ndis.Handle) {
	cm := protocolBindingContext.(*CallManager)
	ndis.CompleteUnbindAdapterEx(cm.unbindCtx)
}

// cmReceive is the call manager's ProtocolCoReceiveNetBufferLists (for VCs
// it uses itself).
func cmReceive(protocolBindingContext ndis.Handle, protocolVcContext ndis.Handle, netBufferLists *ndis.NetBufferList, numberOfNetBufferLists uint32, receiveFlags uint32) {
	cm, ok := protocolBindingContext.(*CallManager)
	if !ok {
		return
	}
	for n := netBufferLists; n != nil; n = n.Next {
		cm.received = append(cm.received, n.Data)
	}
}

// Handle returns the call manager's NdisPartyHandle of the party.
func (p *Party) Handle() ndis.Handle { return p.h }
