package mistakes

import "github.com/ndislint/ndislint/ndis"

// Mistake selects the classic mistake the driver makes.
type Mistake int

// The mistakes, one per file.
const (
	// None makes no mistake.
	None Mistake = iota
	// DeleteCmVcOnCloseComplete: seed.go.
	DeleteCmVcOnCloseComplete
	// SleepAtDispatch: irql.go.
	SleepAtDispatch
	// SpinLockHeldOnEarlyReturn: spinlock.go.
	SpinLockHeldOnEarlyReturn
	// SendAfterClose: useafterclose.go.
	SendAfterClose
	// DeleteWithCallActive: deleteactive.go.
	DeleteWithCallActive
	// PendingFromDeleteVc: deletevcpending.go.
	PendingFromDeleteVc
	// IncomingCloseUnanswered: unanswered.go.
	IncomingCloseUnanswered
)

// Driver is the client's global state.
type Driver struct {
	mistake            Mistake
	addressFamily      ndis.CoAddressFamily
	sap                ndis.CoSap
	ndisProtocolHandle ndis.Handle
	ndisBindingHandle  ndis.Handle
	ndisAfHandle       ndis.Handle
	ndisSapHandle      ndis.Handle
	// bindContext and unbindContext are the contexts of a bind or unbind
	// whose NdisOpenAdapterEx or NdisCloseAdapterEx pended.
	bindContext, unbindContext ndis.Handle
	// lock protects calls and toClose.
	lock  ndis.SpinLock
	calls int
	// toClose are calls the upper layer is to close (unanswered.go).
	toClose []*vc
}

// globals is the driver's global block, as a C driver has one.
var globals *Driver

// DriverEntry registers the client; it opens addressFamily when a call
// manager advertises it and registers sap there.
func DriverEntry(mistake Mistake, addressFamily ndis.CoAddressFamily, sap ndis.CoSap) ndis.Status {
	d := &Driver{mistake: mistake, addressFamily: addressFamily, sap: sap}
	globals = d
	ndis.AllocateSpinLock(&d.lock)
	chars := ndis.ProtocolDriverCharacteristics{
		MajorNdisVersion:              6,
		Name:                          "mistakes",
		SetOptionsHandler:             setOptions,
		BindAdapterHandlerEx:          bindAdapter,
		UnbindAdapterHandlerEx:        unbindAdapter,
		OpenAdapterCompleteHandlerEx:  openAdapterComplete,
		CloseAdapterCompleteHandlerEx: closeAdapterComplete,
	}
	return ndis.RegisterProtocolDriver(d, &chars, &d.ndisProtocolHandle)
}

// setOptions registers the CoNDIS handlers; the mistake decides which
// handler fills one slot.
//
//ndis:role SET_OPTIONS
func setOptions(ndisDriverHandle ndis.Handle, driverContext ndis.Handle) ndis.Status {
	d := driverContext.(*Driver)
	co := ndis.ProtocolCoCharacteristics{
		CoStatusHandlerEx:                   coStatus,
		CoAfRegisterNotifyHandler:           afRegisterNotify,
		CoReceiveNetBufferListsHandler:      coReceive,
		CoSendNetBufferListsCompleteHandler: coSendComplete,
	}
	if st := ndis.SetOptionalHandlers(ndisDriverHandle, &co); st != ndis.StatusSuccess {
		return st
	}
	cl := ndis.CoClientOptionalHandlers{
		ClCreateVcHandler:              clCreateVc,
		ClDeleteVcHandler:              clDeleteVc,
		ClOidRequestHandler:            clOidRequest,
		ClOidRequestCompleteHandler:    clOidRequestComplete,
		ClOpenAfCompleteHandlerEx:      clOpenAfComplete,
		ClCloseAfCompleteHandler:       clCloseAfComplete,
		ClRegisterSapCompleteHandler:   clRegisterSapComplete,
		ClDeregisterSapCompleteHandler: clDeregisterSapComplete,
		ClMakeCallCompleteHandler:      clMakeCallComplete,
		ClModifyCallQoSCompleteHandler: clModifyCallQoSComplete,
		ClCloseCallCompleteHandler:     clCloseCallComplete,
		ClAddPartyCompleteHandler:      clAddPartyComplete,
		ClDropPartyCompleteHandler:     clDropPartyComplete,
		ClIncomingCallHandler:          clIncomingCall,
		ClIncomingCallQoSChangeHandler: clIncomingCallQoSChange,
		ClIncomingCloseCallHandler:     clIncomingCloseCall,
		ClIncomingDropPartyHandler:     clIncomingDropParty,
		ClCallConnectedHandler:         clCallConnected,
		ClNotifyCloseAfHandler:         clNotifyCloseAf,
	}
	switch d.mistake {
	case DeleteCmVcOnCloseComplete:
		cl.ClCloseCallCompleteHandler = seedClCloseCallComplete
	case SleepAtDispatch:
		cl.ClCallConnectedHandler = sleepyClCallConnected
	case SpinLockHeldOnEarlyReturn:
		cl.ClIncomingCallHandler = lockedClIncomingCall
	case PendingFromDeleteVc:
		cl.ClDeleteVcHandler = pendingClDeleteVc
	case SendAfterClose:
		cl.ClIncomingCloseCallHandler = politeClIncomingCloseCall
	case IncomingCloseUnanswered:
		cl.ClIncomingCloseCallHandler = lazyClIncomingCloseCall
	}
	return ndis.SetOptionalHandlers(ndisDriverHandle, &cl)
}

// bindAdapter opens the adapter (ProtocolBindAdapterEx).
//
//ndis:role PROTOCOL_BIND_ADAPTER_EX
func bindAdapter(protocolDriverContext ndis.Handle, bindContext ndis.Handle, bindParameters *ndis.BindParameters) ndis.Status {
	d := protocolDriverContext.(*Driver)
	var index uint32
	params := ndis.OpenParameters{AdapterName: bindParameters.AdapterName, MediumArray: []ndis.Medium{ndis.MediumAtm, ndis.MediumCoWan}, SelectedMediumIndex: &index}
	d.bindContext = bindContext
	return ndis.OpenAdapterEx(d.ndisProtocolHandle, d, &params, bindContext, &d.ndisBindingHandle)
}

// openAdapterComplete finishes a bind whose NdisOpenAdapterEx pended
// (ProtocolOpenAdapterCompleteEx).
//
//ndis:role PROTOCOL_OPEN_ADAPTER_COMPLETE_EX
func openAdapterComplete(protocolBindingContext ndis.Handle, status ndis.Status) {
	d := protocolBindingContext.(*Driver)
	ndis.CompleteBindAdapterEx(d.bindContext, status)
}

// unbindAdapter closes the adapter (ProtocolUnbindAdapterEx); the tests
// close the AF first.
//
//ndis:role PROTOCOL_UNBIND_ADAPTER_EX
func unbindAdapter(unbindContext ndis.Handle, protocolBindingContext ndis.Handle) ndis.Status {
	d := protocolBindingContext.(*Driver)
	d.unbindContext = unbindContext
	return ndis.CloseAdapterEx(d.ndisBindingHandle)
}

// closeAdapterComplete finishes an unbind whose NdisCloseAdapterEx pended
// (ProtocolCloseAdapterCompleteEx).
//
//ndis:role PROTOCOL_CLOSE_ADAPTER_COMPLETE_EX
func closeAdapterComplete(protocolBindingContext ndis.Handle) {
	d := protocolBindingContext.(*Driver)
	ndis.CompleteUnbindAdapterEx(d.unbindContext)
}

// afRegisterNotify opens the AF (ProtocolCoAfRegisterNotify, PASSIVE_LEVEL).
//
//ndis:role PROTOCOL_CO_AF_REGISTER_NOTIFY
func afRegisterNotify(protocolBindingContext ndis.Handle, addressFamily *ndis.CoAddressFamily) {
	d := protocolBindingContext.(*Driver)
	if addressFamily.AddressFamily != d.addressFamily.AddressFamily {
		return
	}
	st := ndis.ClOpenAddressFamilyEx(d.ndisBindingHandle, addressFamily, d, &d.ndisAfHandle)
	if st != ndis.StatusPending {
		clOpenAfComplete(d, d.ndisAfHandle, st)
	}
}

// clOpenAfComplete registers the SAP once the AF is open
// (ProtocolClOpenAfCompleteEx).
//
//ndis:role PROTOCOL_CL_OPEN_AF_COMPLETE_EX
func clOpenAfComplete(protocolAfContext ndis.Handle, ndisAfHandle ndis.Handle, status ndis.Status) {
	d := protocolAfContext.(*Driver)
	if status != ndis.StatusSuccess {
		return
	}
	d.ndisAfHandle = ndisAfHandle
	st := ndis.ClRegisterSap(ndisAfHandle, d, &d.sap, &d.ndisSapHandle)
	if st != ndis.StatusPending {
		clRegisterSapComplete(st, d, &d.sap, d.ndisSapHandle)
	}
}

// clRegisterSapComplete keeps the SAP handle (ProtocolClRegisterSapComplete).
//
//ndis:role PROTOCOL_CL_REGISTER_SAP_COMPLETE
func clRegisterSapComplete(status ndis.Status, protocolSapContext ndis.Handle, sap *ndis.CoSap, ndisSapHandle ndis.Handle) {
	if status == ndis.StatusSuccess {
		protocolSapContext.(*Driver).ndisSapHandle = ndisSapHandle
	}
}

// clIncomingCall accepts every call (ProtocolClIncomingCall).
//
//ndis:role PROTOCOL_CL_INCOMING_CALL
func clIncomingCall(protocolSapContext ndis.Handle, protocolVcContext ndis.Handle, callParameters *ndis.CoCallParameters) ndis.Status {
	d := globals
	ndis.AcquireSpinLock(&d.lock)
	d.calls++
	ndis.ReleaseSpinLock(&d.lock)
	return ndis.StatusSuccess
}

// clCallConnected has nothing to do (ProtocolClCallConnected).
//
//ndis:role PROTOCOL_CL_CALL_CONNECTED
func clCallConnected(protocolVcContext ndis.Handle) {}

// clIncomingCloseCall answers a close from the network with NdisClCloseCall
// (ProtocolClIncomingCloseCall), completing a non-PENDING return itself.
//
//ndis:role PROTOCOL_CL_INCOMING_CLOSE_CALL
func clIncomingCloseCall(closeStatus ndis.Status, protocolVcContext ndis.Handle, closeData []byte, size uint32) {
	v := protocolVcContext.(*vc)
	st := ndis.ClCloseCall(v.ndisVcHandle, nil, nil, 0)
	if st != ndis.StatusPending {
		globals.closeComplete(st, v)
	}
}

// closeComplete calls the registered ProtocolClCloseCallComplete, the one
// the mistake chose.
func (d *Driver) closeComplete(st ndis.Status, v *vc) {
	if d.mistake == DeleteCmVcOnCloseComplete {
		seedClCloseCallComplete(st, v, nil)
		return
	}
	clCloseCallComplete(st, v, nil)
}

// clCloseCallComplete has nothing to do for a call manager's VC
// (ProtocolClCloseCallComplete).
//
//ndis:role PROTOCOL_CL_CLOSE_CALL_COMPLETE
func clCloseCallComplete(status ndis.Status, protocolVcContext ndis.Handle, protocolPartyContext ndis.Handle) {
}

// clDeleteVc forgets a call manager's VC (ProtocolCoDeleteVc).
//
//ndis:role PROTOCOL_CO_DELETE_VC
func clDeleteVc(protocolVcContext ndis.Handle) ndis.Status {
	return ndis.StatusSuccess
}

// CloseAf deregisters the SAP and closes the AF before the test unloads the
// driver.
func CloseAf() {
	d := globals
	if st := ndis.ClDeregisterSap(d.ndisSapHandle); st != ndis.StatusPending {
		clDeregisterSapComplete(st, d)
	}
	if st := ndis.ClCloseAddressFamily(d.ndisAfHandle); st != ndis.StatusPending {
		clCloseAfComplete(st, d)
	}
}
