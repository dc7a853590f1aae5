package ndissim_test

import (
	"reflect"
	"testing"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/ndistest"
	"github.com/ndislint/ndislint/ndistest/testclient"
)

// ddis are the protocol, binding and CoNDIS DDIs of the model, by Go name.
var ddis = map[string]any{
	"ClAddParty":                           ndis.ClAddParty,
	"ClCloseAddressFamily":                 ndis.ClCloseAddressFamily,
	"ClCloseCall":                          ndis.ClCloseCall,
	"ClDeregisterSap":                      ndis.ClDeregisterSap,
	"ClDropParty":                          ndis.ClDropParty,
	"ClGetProtocolVcContextFromTapiCallId": ndis.ClGetProtocolVcContextFromTapiCallId,
	"ClIncomingCallComplete":               ndis.ClIncomingCallComplete,
	"ClMakeCall":                           ndis.ClMakeCall,
	"ClModifyCallQoS":                      ndis.ClModifyCallQoS,
	"ClNotifyCloseAddressFamilyComplete":   ndis.ClNotifyCloseAddressFamilyComplete,
	"ClOpenAddressFamilyEx":                ndis.ClOpenAddressFamilyEx,
	"ClRegisterSap":                        ndis.ClRegisterSap,
	"CloseAdapterEx":                       ndis.CloseAdapterEx,
	"CmActivateVc":                         ndis.CmActivateVc,
	"CmAddPartyComplete":                   ndis.CmAddPartyComplete,
	"CmCloseAddressFamilyComplete":         ndis.CmCloseAddressFamilyComplete,
	"CmCloseCallComplete":                  ndis.CmCloseCallComplete,
	"CmDeactivateVc":                       ndis.CmDeactivateVc,
	"CmDeregisterSapComplete":              ndis.CmDeregisterSapComplete,
	"CmDispatchCallConnected":              ndis.CmDispatchCallConnected,
	"CmDispatchIncomingCall":               ndis.CmDispatchIncomingCall,
	"CmDispatchIncomingCallQoSChange":      ndis.CmDispatchIncomingCallQoSChange,
	"CmDispatchIncomingCloseCall":          ndis.CmDispatchIncomingCloseCall,
	"CmDispatchIncomingDropParty":          ndis.CmDispatchIncomingDropParty,
	"CmDropPartyComplete":                  ndis.CmDropPartyComplete,
	"CmMakeCallComplete":                   ndis.CmMakeCallComplete,
	"CmModifyCallQoSComplete":              ndis.CmModifyCallQoSComplete,
	"CmNotifyCloseAddressFamily":           ndis.CmNotifyCloseAddressFamily,
	"CmOpenAddressFamilyComplete":          ndis.CmOpenAddressFamilyComplete,
	"CmRegisterAddressFamilyEx":            ndis.CmRegisterAddressFamilyEx,
	"CmRegisterSapComplete":                ndis.CmRegisterSapComplete,
	"CoAssignInstanceName":                 ndis.CoAssignInstanceName,
	"CoCreateVc":                           ndis.CoCreateVc,
	"CoDeleteVc":                           ndis.CoDeleteVc,
	"CoGetTapiCallId":                      ndis.CoGetTapiCallId,
	"CoOidRequest":                         ndis.CoOidRequest,
	"CoOidRequestComplete":                 ndis.CoOidRequestComplete,
	"CoSendNetBufferLists":                 ndis.CoSendNetBufferLists,
	"CompleteBindAdapterEx":                ndis.CompleteBindAdapterEx,
	"CompleteNetPnPEvent":                  ndis.CompleteNetPnPEvent,
	"CompleteUnbindAdapterEx":              ndis.CompleteUnbindAdapterEx,
	"DeregisterProtocolDriver":             ndis.DeregisterProtocolDriver,
	"MCmActivateVc":                        ndis.MCmActivateVc,
	"MCmAddPartyComplete":                  ndis.MCmAddPartyComplete,
	"MCmCloseAddressFamilyComplete":        ndis.MCmCloseAddressFamilyComplete,
	"MCmCloseCallComplete":                 ndis.MCmCloseCallComplete,
	"MCmCreateVc":                          ndis.MCmCreateVc,
	"MCmDeactivateVc":                      ndis.MCmDeactivateVc,
	"MCmDeleteVc":                          ndis.MCmDeleteVc,
	"MCmDeregisterSapComplete":             ndis.MCmDeregisterSapComplete,
	"MCmDispatchCallConnected":             ndis.MCmDispatchCallConnected,
	"MCmDispatchIncomingCall":              ndis.MCmDispatchIncomingCall,
	"MCmDispatchIncomingCallQoSChange":     ndis.MCmDispatchIncomingCallQoSChange,
	"MCmDispatchIncomingCloseCall":         ndis.MCmDispatchIncomingCloseCall,
	"MCmDispatchIncomingDropParty":         ndis.MCmDispatchIncomingDropParty,
	"MCmDropPartyComplete":                 ndis.MCmDropPartyComplete,
	"MCmMakeCallComplete":                  ndis.MCmMakeCallComplete,
	"MCmModifyCallQoSComplete":             ndis.MCmModifyCallQoSComplete,
	"MCmNotifyCloseAddressFamily":          ndis.MCmNotifyCloseAddressFamily,
	"MCmOidRequest":                        ndis.MCmOidRequest,
	"MCmOidRequestComplete":                ndis.MCmOidRequestComplete,
	"MCmOpenAddressFamilyComplete":         ndis.MCmOpenAddressFamilyComplete,
	"MCmRegisterAddressFamilyEx":           ndis.MCmRegisterAddressFamilyEx,
	"MCmRegisterSapComplete":               ndis.MCmRegisterSapComplete,
	"MCoActivateVcComplete":                ndis.MCoActivateVcComplete,
	"MCoDeactivateVcComplete":              ndis.MCoDeactivateVcComplete,
	"MCoIndicateReceiveNetBufferLists":     ndis.MCoIndicateReceiveNetBufferLists,
	"MCoIndicateStatusEx":                  ndis.MCoIndicateStatusEx,
	"MCoOidRequestComplete":                ndis.MCoOidRequestComplete,
	"MCoSendNetBufferListsComplete":        ndis.MCoSendNetBufferListsComplete,
	"OpenAdapterEx":                        ndis.OpenAdapterEx,
	"RegisterProtocolDriver":               ndis.RegisterProtocolDriver,
	"SetOptionalHandlers":                  ndis.SetOptionalHandlers,
}

// callWith calls fn with every Handle parameter set to h, every pointer to a
// fresh zero value (or nil when nilPtrs), and the zero value elsewhere.
func callWith(fn any, h ndis.Handle, nilPtrs bool) {
	v := reflect.ValueOf(fn)
	t := v.Type()
	handleType := reflect.TypeOf((*ndis.Handle)(nil)).Elem()
	args := make([]reflect.Value, t.NumIn())
	for i := range args {
		pt := t.In(i)
		switch {
		case pt == handleType:
			if h == nil {
				args[i] = reflect.Zero(pt)
			} else {
				args[i] = reflect.ValueOf(&h).Elem()
			}
		case pt.Kind() == reflect.Pointer && !nilPtrs:
			args[i] = reflect.New(pt.Elem())
		default:
			args[i] = reflect.Zero(pt)
		}
	}
	v.Call(args)
}

// TestDDIsNeverPanicOnBadArguments calls every DDI with NULL everywhere,
// then with a handle of the wrong kind (a SAP handle) in every handle
// parameter, in a bound system: each must report and return, never panic.
func TestDDIsNeverPanicOnBadArguments(t *testing.T) {
	for name, fn := range ddis {
		t.Run(name, func(t *testing.T) {
			sys := ndistest.New(t, ndistest.KeepViolations())
			ad := sys.AddAdapter("atm0", ndis.MediumAtm)
			sys.AddCallManager(ad, q2931, ndistest.CMScript{})
			c := testclient.New(testclient.Options{Sap: &ndis.CoSap{Sap: []byte("s")}})
			sys.Load(c.DriverEntry)
			sys.Bind()
			before := len(sys.Violations())
			callWith(fn, nil, true)
			callWith(fn, c.Af().Saps()[0].Handle(), false)
			callWith(fn, "not a handle", false)
			sys.Run()
			if len(sys.Violations()) == before {
				t.Errorf("%s took NULL and wrong handles without a report", name)
			}
		})
	}
}
