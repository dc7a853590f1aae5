package ndistest_test

import (
	"testing"
	"time"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/ndistest"
	"github.com/ndislint/ndislint/ndistest/testclient"
)

func TestOidRequests(t *testing.T) {
	for _, tc := range []struct {
		name      string
		cm        ndistest.Action
		adapter   ndistest.AdapterOptions
		clientPen bool
	}{
		{"sync", ndistest.Sync, ndistest.AdapterOptions{}, false},
		{"pended", ndistest.Pend, ndistest.AdapterOptions{OidPends: true}, true},
		{"nested", ndistest.Nested, ndistest.AdapterOptions{}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sys := ndistest.New(t)
			ad := sys.AddAdapter("atm0", ndis.MediumAtm, tc.adapter)
			cm := sys.AddCallManager(ad, q2931, ndistest.CMScript{OidRequest: tc.cm})
			c := testclient.New(testclient.Options{OidPends: tc.clientPen})
			sys.Load(c.DriverEntry)
			sys.Bind()
			af := c.Af()
			v, _ := c.CreateVc(af)
			c.MakeCall(v, nil, false)
			sys.Run()
			c.OidRequest(af, v, true, &ndis.OidRequest{Oid: 0xFE010101})
			c.OidRequest(af, nil, false, &ndis.OidRequest{Oid: 0x00010202})
			sys.Run()
			if got := c.OidResults(); len(got) != 2 || got[0] != ndis.StatusSuccess || got[1] != ndis.StatusSuccess {
				t.Errorf("the client's OID results: %v", got)
			}
			if got := cm.Oids(); len(got) != 1 || got[0] != 0xFE010101 {
				t.Errorf("the call manager received %v", got)
			}
			if got := ad.Oids(); len(got) != 1 || got[0] != 0x00010202 {
				t.Errorf("the miniport received %v", got)
			}
			cm.OidRequest(cm.VCs()[0], &ndis.OidRequest{Oid: 0xFE010102})
			if tc.clientPen {
				c.CompleteOids(ndis.StatusSuccess)
			}
			sys.Run()
			if got := cm.OidResults(); len(got) != 1 || got[0] != ndis.StatusSuccess {
				t.Errorf("the call manager's OID results: %v", got)
			}
		})
	}
}

func TestSendsCompleteLaterAndReceives(t *testing.T) {
	sys := ndistest.New(t)
	ad := sys.AddAdapter("atm0", ndis.MediumAtm, ndistest.AdapterOptions{SendDelay: time.Millisecond})
	cm := sys.AddCallManager(ad, q2931, ndistest.CMScript{})
	s := sap
	c := testclient.New(testclient.Options{Sap: &s})
	sys.Load(c.DriverEntry)
	sys.Bind()
	v := cm.IncomingCall(nil)
	cm.CallConnected(v)
	cv := c.IncomingVCs()[0]
	c.Send(cv, []byte("a"), []byte("b"))
	sys.Run()
	if cv.SendsOutstanding() != 2 {
		t.Fatalf("%d sends outstanding before the delay, want 2", cv.SendsOutstanding())
	}
	sys.Advance(time.Millisecond)
	if cv.SendsOutstanding() != 0 {
		t.Errorf("%d sends outstanding after the delay", cv.SendsOutstanding())
	}
	ad.Receive(v.Number(), []byte("r1"), []byte("r2"))
	if got := cv.Received(); len(got) != 2 {
		t.Errorf("received %q", got)
	}
	ad.IndicateStatus(ndis.StatusMediaConnect)
	if count(c, "PROTOCOL_CO_STATUS_EX NDIS_STATUS_MEDIA_CONNECT") != 1 {
		t.Errorf("events %v", c.Events)
	}
	c.CloseCall(cv)
	sys.Run()
}

func TestTapiCallIdAndInstanceName(t *testing.T) {
	sys, _, cm, c := setup(t, ndistest.CMScript{}, testclient.Options{})
	v := cm.IncomingCall(nil)
	cm.CallConnected(v)
	cv := c.IncomingVCs()[0]
	var id ndis.VarString
	if st := ndis.CoGetTapiCallId(cv.Handle(), &id); st != ndis.StatusBufferTooShort || id.UlNeededSize == 0 {
		t.Fatalf("with no room NdisCoGetTapiCallId returned %s, needed %d", st, id.UlNeededSize)
	}
	id.UlTotalSize = id.UlNeededSize
	if st := ndis.CoGetTapiCallId(cv.Handle(), &id); st != ndis.StatusSuccess {
		t.Fatalf("NdisCoGetTapiCallId: %s", st)
	}
	var ctx ndis.Handle
	if st := ndis.ClGetProtocolVcContextFromTapiCallId(string(id.Buffer), &ctx); st != ndis.StatusSuccess || ctx != ndis.Handle(cv) {
		t.Errorf("NdisClGetProtocolVcContextFromTapiCallId: %s, %v", st, ctx)
	}
	if st := ndis.ClGetProtocolVcContextFromTapiCallId("no such call", &ctx); st != ndis.StatusFailure {
		t.Errorf("an unknown id gave %s", st)
	}
	base, name := "atm-call", ""
	if st := ndis.CoAssignInstanceName(cv.Handle(), &base, &name); st != ndis.StatusSuccess || name == "" {
		t.Errorf("NdisCoAssignInstanceName: %s %q", st, name)
	}
	if v.Info().InstanceName != name {
		t.Errorf("NDIS recorded %q", v.Info().InstanceName)
	}
	c.CloseCall(cv)
	sys.Run()
}

func TestMiniportCallManager(t *testing.T) {
	for _, a := range actions {
		t.Run(a.String(), func(t *testing.T) {
			sys := ndistest.New(t)
			mcm := sys.AddMCM("mcm0", ndis.MediumCoWan, q2931, ndistest.CMScript{
				OpenAf: a, RegisterSap: a, MakeCall: a, CloseCall: a, ModifyQoS: a, AddParty: a, DropParty: a, OidRequest: a,
				DeleteVcAfterClose: ndistest.DeleteNested, AutoConnect: true,
			})
			s := sap
			c := testclient.New(testclient.Options{Sap: &s})
			sys.Load(c.DriverEntry)
			sys.Bind()
			af := c.Af()
			if af == nil {
				t.Fatalf("no AF open with the miniport call manager; events %v", c.Events)
			}
			// An outgoing multipoint call, with a party added and dropped.
			v, st := c.CreateVc(af)
			if st != ndis.StatusSuccess {
				t.Fatalf("NdisCoCreateVc: %s", st)
			}
			c.MakeCall(v, nil, true)
			sys.Run()
			p, _ := c.AddParty(v, nil)
			sys.Run()
			c.DropParty(p)
			c.ModifyQoS(v, &ndis.CoCallParameters{})
			c.OidRequest(af, v, true, &ndis.OidRequest{Oid: 1})
			c.OidRequest(af, nil, false, &ndis.OidRequest{Oid: 2})
			c.Send(v, []byte("out"))
			sys.Run()
			if v.SendsOutstanding() != 0 || len(mcm.Sent()) != 1 {
				t.Errorf("sends: %d outstanding, %d at the MCM", v.SendsOutstanding(), len(mcm.Sent()))
			}
			mcm.Receive(mcm.VCs()[0], []byte("in"))
			if len(v.Received()) != 1 {
				t.Errorf("the client received %d", len(v.Received()))
			}
			c.CloseCall(v)
			sys.Run()
			if !v.Deleted() {
				t.Errorf("the client's VC was not deleted")
			}
			// An incoming call closed from the network; the MCM deletes its VC.
			in := mcm.IncomingCall(nil)
			sys.Run()
			mcm.OidRequest(in, &ndis.OidRequest{Oid: 3})
			mcm.CloseFromNetwork(in, ndis.StatusSuccess)
			sys.Run()
			if !in.Deleted() {
				t.Errorf("the MCM did not delete its VC; events %v", c.Events)
			}
			mcm.NotifyCloseAf()
			sys.Run()
			if c.Af() != nil {
				t.Errorf("the client did not close its AF after NdisMCmNotifyCloseAddressFamily")
			}
		})
	}
}

func TestPnPEventAndExpectOption(t *testing.T) {
	sys, ad, _, c := setup(t, ndistest.CMScript{}, testclient.Options{})
	st, err := sys.PnPEvent(c.Protocol(), ad.Handle(), ndis.NetEventSetPower)
	if err != nil || st != ndis.StatusSuccess {
		t.Errorf("PnPEvent: %s, %v", st, err)
	}
}

func TestHarnessMisuseIsReportedNotCrashed(t *testing.T) {
	sys, _, cm, c := setup(t, ndistest.CMScript{}, testclient.Options{})
	if _, err := sys.Unbind(nil, nil); err == nil {
		t.Errorf("Unbind(nil, nil) gave no error")
	}
	if _, err := sys.PnPEvent(c.Protocol(), nil, ndis.NetEventSetPower); err == nil {
		t.Errorf("PnPEvent with no adapter gave no error")
	}
	v := cm.IncomingCall(nil)
	cm.CallConnected(v)
	c.CloseCall(c.IncomingVCs()[0])
	sys.Run()
	if _, ok := sys.VcInfo(nil); ok {
		t.Errorf("Vc(nil) is ok")
	}
}
