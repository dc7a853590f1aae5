package ndistest_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/ndistest"
	"github.com/ndislint/ndislint/ndistest/testclient"
	"github.com/ndislint/ndislint/rules"
)

func TestSignalingVcOfCallManager(t *testing.T) {
	sys, ad, cm, _ := setup(t, ndistest.CMScript{}, testclient.Options{})
	v := cm.SignalingVc()
	if v == nil {
		t.Fatal("no signalling VC")
	}
	info := v.Info()
	if !info.Active || !info.CreatedByCallManager || info.ClientHandleValid {
		t.Errorf("NDIS says %+v", info)
	}
	cm.Send(v, []byte("SETUP"))
	sys.Run()
	if len(ad.Sent()) != 1 {
		t.Errorf("the miniport sent %d", len(ad.Sent()))
	}
	ad.Receive(v.Number(), []byte("CONNECT"))
	if got := cm.Received(); len(got) != 1 || string(got[0]) != "CONNECT" {
		t.Errorf("the call manager received %q", got)
	}
	cm.Deactivate(v)
	if st := cm.DeleteVc(v); st != ndis.StatusSuccess {
		t.Errorf("NdisCoDeleteVc of the signalling VC: %s", st)
	}
}

func TestExpectOption(t *testing.T) {
	sys := ndistest.New(t, ndistest.Expect(rules.RuleVcState))
	ad := sys.AddAdapter("atm0", ndis.MediumAtm)
	sys.AddCallManager(ad, q2931, ndistest.CMScript{})
	c := testclient.New(testclient.Options{})
	sys.Load(c.DriverEntry)
	sys.Bind()
	v, _ := c.CreateVc(c.Af())
	c.Send(v, []byte("too early"))
}

// errFatal stops a recorder's test function the way t.Fatal would.
var errFatal = errors.New("fatal")

// recorder is a testing.TB that records Errorf and Fatalf.
type recorder struct {
	testing.TB
	msgs []string
}

func (r *recorder) Errorf(format string, args ...any) {
	r.msgs = append(r.msgs, fmt.Sprintf(format, args...))
}

func (r *recorder) Fatalf(format string, args ...any) {
	r.msgs = append(r.msgs, fmt.Sprintf(format, args...))
	panic(errFatal)
}

// catch runs fn, recovering a recorder's Fatalf.
func catch(fn func()) {
	defer func() {
		if r := recover(); r != nil && r != errFatal {
			panic(r)
		}
	}()
	fn()
}

func TestHarnessMisuseFailsTheTestClearly(t *testing.T) {
	t.Run("new-twice", func(t *testing.T) {
		ndistest.New(t)
		r := &recorder{TB: t}
		catch(func() { ndistest.New(r) })
		if len(r.msgs) != 1 {
			t.Errorf("a second New in the same test did not fail it: %q", r.msgs)
		}
	})
	t.Run("bind-without-adapter", func(t *testing.T) {
		r := &recorder{TB: t}
		sys := ndistest.New(r)
		catch(func() { sys.Bind() })
		if len(r.msgs) != 1 {
			t.Errorf("Bind with no adapter did not fail the test: %q", r.msgs)
		}
	})
	t.Run("steps-in-the-wrong-state", func(t *testing.T) {
		r := &recorder{TB: t}
		sys := ndistest.New(r, ndistest.KeepViolations())
		ad := sys.AddAdapter("atm0", ndis.MediumAtm)
		cm := sys.AddCallManager(ad, q2931, ndistest.CMScript{})
		c := testclient.New(testclient.Options{})
		sys.Load(c.DriverEntry)
		sys.Bind()
		own, _ := c.CreateVc(c.Af())
		c.MakeCall(own, nil, false)
		cmVc := cm.VCs()[0]
		for name, step := range map[string]func(){
			"CallConnected on an outgoing call": func() { cm.CallConnected(cmVc) },
			"ReofferOn a client's VC":           func() { cm.ReofferOn(cmVc, nil) },
			"IncomingCall with no SAP":          func() { cm.IncomingCall(nil) },
			"DeleteVc of a client's VC":         func() { cm.DeleteVc(cmVc) },
			"CallConnected on nil":              func() { cm.CallConnected(nil) },
			"Advance backwards":                 func() { sys.Advance(-1) },
		} {
			before := len(r.msgs)
			catch(step)
			if len(r.msgs) == before {
				t.Errorf("%s did not fail the test", name)
			}
		}
		c.CloseCall(own)
		if vs := sys.Violations(); len(vs) != 0 {
			t.Errorf("the refused steps reached NDIS: %v", vs)
		}
	})
}

// TestViolationFormat: a violation has one format, the verifier's: the
// message, the rule ID in parentheses, then the calls that led to it. The
// trace marks it with the same headline, and the harness fails the test
// with it.
func TestViolationFormat(t *testing.T) {
	var r *recorder
	var got ndistest.Violation
	t.Run("send-too-early", func(t *testing.T) {
		r = &recorder{TB: t}
		sys := ndistest.New(r)
		ad := sys.AddAdapter("atm0", ndis.MediumAtm)
		sys.AddCallManager(ad, q2931, ndistest.CMScript{})
		c := testclient.New(testclient.Options{})
		sys.Load(c.DriverEntry)
		sys.Bind()
		v, _ := c.CreateVc(c.Af())
		c.Send(v, []byte("too early"))
		vs := sys.ViolationsOf(rules.RuleVcState)
		if len(vs) != 1 {
			t.Fatalf("%d %s violations", len(vs), rules.RuleVcState)
		}
		got = vs[0]
	})
	head := got.Message + " (" + rules.RuleVcState + ")"
	if got.Headline() != head || !strings.HasPrefix(got.String(), head+"\n\tsequence:") {
		t.Errorf("Headline %q, String %q", got.Headline(), got.String())
	}
	if n := len(got.Trace); n == 0 || !strings.HasSuffix(got.Trace[n-1], "!! "+head) {
		t.Errorf("the trace does not end with the headline: %q", got.Trace)
	}
	if len(r.msgs) != 1 || r.msgs[0] != "ndis verifier: "+got.String() {
		t.Errorf("the harness failed the test with %q, want the violation's String", r.msgs)
	}
}
