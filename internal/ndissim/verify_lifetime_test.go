package ndissim_test

import (
	"strings"
	"testing"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/ndistest"
	"github.com/ndislint/ndislint/ndistest/testclient"
	"github.com/ndislint/ndislint/rules"
)

// editedCatalogue returns the embedded catalogue after edit changed it,
// written out and read back with rules.Load, as go generate writes and the
// runtime reads a catalogue generated from an edited rules/overlay.json
// (Load checks the edited lifetimes like any other).
func editedCatalogue(t *testing.T, edit func(c *rules.Catalogue)) *rules.Catalogue {
	t.Helper()
	data, err := rules.EditDefault(edit)
	if err != nil {
		t.Fatal(err)
	}
	out, err := rules.Load(data)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// lifetimeOf returns object's lifetime in c, failing the test without one.
func lifetimeOf(t *testing.T, c *rules.Catalogue, object string) *rules.Lifetime {
	t.Helper()
	for i := range c.Lifetimes {
		if c.Lifetimes[i].Object == object {
			return &c.Lifetimes[i]
		}
	}
	t.Fatalf("the catalogue has no %s lifetime", object)
	return nil
}

// dropFrom takes state out of the states the edges of object's lifetime
// caused by by leave (an edge left leaving no state goes), failing the test
// when no such edge leaves state.
func dropFrom(t *testing.T, c *rules.Catalogue, object, by, state string) {
	t.Helper()
	l := lifetimeOf(t, c, object)
	var kept []rules.Edge
	n := 0
	for _, e := range l.Edges {
		if e.By == by && e.Leaves(state) {
			n++
			var from []string
			for _, f := range e.FromStates() {
				if f != state {
					from = append(from, f)
				}
			}
			if len(from) == 0 {
				continue
			}
			e.From = strings.Join(from, "|")
		}
		kept = append(kept, e)
	}
	if n == 0 {
		t.Fatalf("%s has no %s edge from %s", object, by, state)
	}
	l.Edges = kept
}

// addEdge adds an edge to object's lifetime as an overlay entry would read
// (from, by, when, to, the handle it invalidates), with the fields the
// generator derives filled in the same way.
func addEdge(t *testing.T, c *rules.Catalogue, object, from, by, when, to string, invalidates bool) {
	t.Helper()
	l := lifetimeOf(t, c, object)
	e := rules.Edge{From: from, By: by, When: when, To: to, Source: "test"}
	for _, d := range c.DDIs {
		if d.Name == by {
			e.Event = rules.EventDDI
		}
	}
	for _, r := range c.Roles {
		if r.Name == by {
			e.Event = rules.EventRole
		}
	}
	if e.Event == "" {
		t.Fatalf("%s is neither a DDI nor a role", by)
	}
	e.Cond, e.WhenOpaque = rules.ParseWhen(when)
	if invalidates {
		for _, x := range l.Edges {
			if x.InvalidatesKind == l.Handle {
				e.Invalidates, e.InvalidatesKind = x.Invalidates, x.InvalidatesKind
			}
		}
	}
	l.Edges = append(l.Edges, e)
}

// editEdges applies change to every edge of object's lifetime caused by by
// that leaves from.
func editEdges(t *testing.T, c *rules.Catalogue, object, by, from string, change func(e *rules.Edge)) {
	t.Helper()
	l := lifetimeOf(t, c, object)
	n := 0
	for i := range l.Edges {
		if l.Edges[i].By == by && l.Edges[i].Leaves(from) {
			change(&l.Edges[i])
			n++
		}
	}
	if n == 0 {
		t.Fatalf("%s has no %s edge from %s", object, by, from)
	}
}

// worldOn is world (one adapter, a scripted call manager, the test client
// with a SAP) on catalogue c (nil: the embedded one).
func worldOn(t *testing.T, c *rules.Catalogue, script ndistest.CMScript, opts testclient.Options) (*ndistest.System, *ndistest.CallManager, *testclient.Client) {
	t.Helper()
	sys := ndistest.New(t, ndistest.KeepViolations(), ndistest.UseCatalogue(c))
	ad := sys.AddAdapter("atm0", ndis.MediumAtm)
	cm := sys.AddCallManager(ad, q2931, script)
	if opts.Sap == nil {
		opts.Sap = &ndis.CoSap{SapType: 1, Sap: []byte("sap")}
	}
	cl := testclient.New(opts)
	sys.Load(cl.DriverEntry)
	sys.Bind()
	if cl.Af() == nil {
		t.Fatalf("no AF open; events %v", cl.Events)
	}
	return sys, cm, cl
}

// ruleList lists the rules of the violations of sys, in order.
func ruleList(sys *ndistest.System) string {
	var ids []string
	for _, v := range sys.Violations() {
		ids = append(ids, v.Rule)
	}
	return strings.Join(ids, ",")
}

// TestLifetimeEdgesFromCatalogue is the acceptance test of the verifier's
// lifetimes: the same scenario runs against the embedded catalogue and
// against one whose lifetime data was edited, as an edit of
// rules/overlay.json would change it, and the verifier's reports follow the
// edit with no change to the runtime. An edge dropped makes the event it
// allowed a report; an edge added makes an event the verifier reported
// acceptable and enforces what follows from it; the target of an edge, the
// handle an edge invalidates, the DDI families a dead handle must not reach
// and the objects a close must find gone are each the catalogue's.
func TestLifetimeEdgesFromCatalogue(t *testing.T) {
	for _, tc := range []struct {
		name     string
		edit     func(t *testing.T, c *rules.Catalogue)
		script   ndistest.CMScript
		opts     testclient.Options
		scenario func(t *testing.T, sys *ndistest.System, cm *ndistest.CallManager, c *testclient.Client)
		// embedded and edited are the rules reported with each catalogue.
		embedded, edited string
		// words must be in the edited run's first report.
		words []string
	}{{
		// An edge dropped: the client may no longer close a connected call
		// the call manager offered, only one the network closed (its
		// ProtocolClIncomingCloseCall closes it at once).
		name: "drop/close-a-connected-incoming-call",
		edit: func(t *testing.T, c *rules.Catalogue) {
			dropFrom(t, c, rules.ObjectVcCM, "NdisClCloseCall", "connected")
		},
		script: ndistest.CMScript{AutoConnect: true},
		scenario: func(t *testing.T, sys *ndistest.System, cm *ndistest.CallManager, c *testclient.Client) {
			cm.CloseFromNetwork(cm.IncomingCall(nil), ndis.StatusSuccess)
			sys.Run()
			cm.IncomingCall(nil)
			c.CloseCall(c.IncomingVCs()[1])
			sys.Run()
		},
		embedded: "",
		edited:   rules.RuleVcState,
		words:    []string{"NdisClCloseCall", "vc #2", `state "connected" of its vc-cm lifetime`, "(they leave must-close)"},
	}, {
		// Edges added: a client may close an incoming call it accepted
		// before it connected (the call manager's view follows), and the
		// close then kills its handle like any close of such a VC.
		name: "add/close-an-accepted-call",
		edit: func(t *testing.T, c *rules.Catalogue) {
			addEdge(t, c, rules.ObjectVcCM, "accepted", "NdisClCloseCall", "returns NDIS_STATUS_PENDING", "closing", false)
			addEdge(t, c, rules.ObjectVcCM, "accepted", "NdisClCloseCall", "returns anything other than NDIS_STATUS_PENDING", "handle-dead", true)
			addEdge(t, c, rules.ObjectCall, "accepted", "PROTOCOL_CM_CLOSE_CALL", "", "closing", false)
		},
		scenario: func(t *testing.T, sys *ndistest.System, cm *ndistest.CallManager, c *testclient.Client) {
			cm.IncomingCall(nil)
			cv := c.IncomingVCs()[0]
			c.CloseCall(cv)
			sys.Run()
			c.Send(cv, []byte("late"))
			sys.Run()
		},
		// With the embedded catalogue the close is refused and the send,
		// on a call not connected, is refused by the send's own check.
		embedded: rules.RuleVcState + "," + rules.RuleVcState,
		edited:   rules.RuleVcUseAfterClose,
		words:    []string{"NdisCoSendNetBufferLists", "NdisClCloseCall invalidated it"},
	}, {
		// The target of an edge: a close of the AF the call manager
		// refuses that leaves the AF closed kills the handle the client
		// goes on using.
		name: "retarget/refused-af-close-closes",
		edit: func(t *testing.T, c *rules.Catalogue) {
			editEdges(t, c, rules.ObjectAf, "PROTOCOL_CL_CLOSE_AF_COMPLETE", "closing", func(e *rules.Edge) {
				if e.To == "open" {
					e.To = "closed"
				}
			})
		},
		script: ndistest.CMScript{CloseAf: ndistest.Pend.With(ndis.StatusFailure)},
		scenario: func(t *testing.T, sys *ndistest.System, _ *ndistest.CallManager, c *testclient.Client) {
			af := c.Af()
			c.CloseAf(af)
			sys.Run()
			var h ndis.Handle
			ndis.ClRegisterSap(af.Handle(), nil, &ndis.CoSap{SapType: 1, Sap: []byte("again")}, &h)
			sys.Run()
		},
		embedded: "",
		edited:   rules.RuleAfUseAfterClose,
		words:    []string{"NdisClRegisterSap", "af #1", `state "closed" of its af lifetime`},
	}, {
		// The handle an edge invalidates: a close-complete that no longer
		// kills the client's handle of the call manager's VC leaves a
		// NdisClMakeCall on it reported only as a make-call on a VC the
		// call manager created.
		name: "invalidates/close-complete-keeps-the-handle",
		edit: func(t *testing.T, c *rules.Catalogue) {
			editEdges(t, c, rules.ObjectVcCM, "PROTOCOL_CL_CLOSE_CALL_COMPLETE", "closing", func(e *rules.Edge) {
				e.Invalidates, e.InvalidatesKind = "", rules.KindNone
			})
		},
		script: ndistest.CMScript{AutoConnect: true, CloseCall: ndistest.Pend},
		scenario: func(t *testing.T, sys *ndistest.System, cm *ndistest.CallManager, c *testclient.Client) {
			cm.IncomingCall(nil)
			cv := c.IncomingVCs()[0]
			c.CloseCall(cv)
			sys.Run()
			ndis.ClMakeCall(cv.Handle(), &ndis.CoCallParameters{}, nil, nil)
		},
		embedded: rules.RuleMakeCallOnCmVc + "," + rules.RuleVcUseAfterClose,
		edited:   rules.RuleMakeCallOnCmVc,
	}, {
		// The families a dead handle must not reach: without the NdisCo*
		// family a send after the close is no use of a dead handle, and
		// only the send's own check (no call on the VC) reports it.
		name: "families/sends-not-a-use",
		edit: func(t *testing.T, c *rules.Catalogue) {
			l := lifetimeOf(t, c, rules.ObjectVcCM)
			l.Invalid.Families = []string{"condis-client"}
		},
		script: ndistest.CMScript{AutoConnect: true, CloseCall: ndistest.Pend},
		scenario: func(t *testing.T, sys *ndistest.System, cm *ndistest.CallManager, c *testclient.Client) {
			cm.IncomingCall(nil)
			cv := c.IncomingVCs()[0]
			c.CloseCall(cv)
			sys.Run()
			c.Send(cv, []byte("late"))
			sys.Run()
		},
		embedded: rules.RuleVcUseAfterClose,
		edited:   rules.RuleVcState,
	}, {
		// The objects a close must find gone: without Busy the AF closes
		// with its SAP registered.
		name: "busy/close-af-with-a-sap",
		edit: func(t *testing.T, c *rules.Catalogue) {
			editEdges(t, c, rules.ObjectAf, "NdisClCloseAddressFamily", "open", func(e *rules.Edge) { e.Busy = nil })
		},
		scenario: func(t *testing.T, sys *ndistest.System, _ *ndistest.CallManager, c *testclient.Client) {
			ndis.ClCloseAddressFamily(c.Af().Handle())
			sys.Run()
		},
		embedded: rules.RuleAfCloseBusy,
		edited:   "",
	}, {
		// An edge dropped on the call manager's side: no reactivation of a
		// connected call, so the scripted call manager's answer to a QoS
		// change (it reactivates the VC) is reported.
		name: "drop/reactivate-a-connected-call",
		edit: func(t *testing.T, c *rules.Catalogue) {
			dropFrom(t, c, rules.ObjectCall, "NdisCmActivateVc", "connected")
		},
		opts: testclient.Options{KeepOwnVcs: true},
		scenario: func(t *testing.T, sys *ndistest.System, _ *ndistest.CallManager, c *testclient.Client) {
			v, _ := c.CreateVc(c.Af())
			c.MakeCall(v, nil, false)
			c.ModifyQoS(v, &ndis.CoCallParameters{})
			sys.Run()
		},
		embedded: "",
		edited:   rules.RuleVcState,
		words:    []string{"NdisCmActivateVc", `state "connected" of its call lifetime`},
	}} {
		edited := editedCatalogue(t, func(c *rules.Catalogue) { tc.edit(t, c) })
		for _, run := range []struct {
			which string
			cat   *rules.Catalogue
			want  string
		}{
			{"embedded", nil, tc.embedded},
			{"edited", edited, tc.edited},
		} {
			t.Run(tc.name+"/"+run.which, func(t *testing.T) {
				sys, cm, c := worldOn(t, run.cat, tc.script, tc.opts)
				tc.scenario(t, sys, cm, c)
				if got := ruleList(sys); got != run.want {
					t.Fatalf("violations %q, want %q:\n%s", got, run.want, dump(sys))
				}
				if run.cat != nil && len(tc.words) > 0 {
					msg := sys.Violations()[0].Message
					for _, w := range tc.words {
						if !strings.Contains(msg, w) {
							t.Errorf("the report does not say %q: %s", w, msg)
						}
					}
				}
			})
		}
	}
}

// TestLifetimeStateChecks: the state checks the simulator made by hand
// before the lifetimes drove it are the catalogue's now, for every object
// kind: each event below has no edge from the object's state, and is
// reported with the rule the static passes use and the state it met.
func TestLifetimeStateChecks(t *testing.T) {
	for _, tc := range []struct {
		name     string
		script   ndistest.CMScript
		opts     testclient.Options
		scenario func(sys *ndistest.System, cm *ndistest.CallManager, c *testclient.Client)
		rule     string
		words    []string
	}{{
		name:   "party/drop-while-adding",
		script: ndistest.CMScript{AddParty: ndistest.Pend},
		scenario: func(sys *ndistest.System, _ *ndistest.CallManager, c *testclient.Client) {
			v, _ := c.CreateVc(c.Af())
			c.MakeCall(v, nil, true)
			p, _ := c.AddParty(v, nil)
			ndis.ClDropParty(p.Handle(), nil, 0)
			sys.Run()
			c.DropParty(p)
			c.CloseCall(v)
			sys.Run()
		},
		rule:  rules.RuleVcState,
		words: []string{"NdisClDropParty", "party #2", `state "adding" of its party lifetime`},
	}, {
		name:   "sap/deregister-while-registering",
		script: ndistest.CMScript{RegisterSap: ndistest.Pend},
		scenario: func(sys *ndistest.System, _ *ndistest.CallManager, c *testclient.Client) {
			s, _ := c.RegisterSap(c.Af(), ndis.CoSap{SapType: 1, Sap: []byte("second")})
			if st := ndis.ClDeregisterSap(s.Handle()); st != ndis.StatusFailure {
				t.Errorf("NdisClDeregisterSap of a SAP being registered returned %s", st)
			}
			sys.Run()
		},
		rule:  rules.RuleBadHandle,
		words: []string{"NdisClDeregisterSap", "sap #2", `state "registering" of its sap lifetime`},
	}, {
		name: "vc-client/make-call-on-a-connected-vc",
		opts: testclient.Options{KeepOwnVcs: true},
		scenario: func(sys *ndistest.System, _ *ndistest.CallManager, c *testclient.Client) {
			v, _ := c.CreateVc(c.Af())
			c.MakeCall(v, nil, false)
			if st := ndis.ClMakeCall(v.Handle(), &ndis.CoCallParameters{}, nil, nil); st != ndis.StatusCallActive {
				t.Errorf("a second NdisClMakeCall returned %s, want NDIS_STATUS_CALL_ACTIVE", st)
			}
			c.CloseCall(v)
			sys.Run()
		},
		rule:  rules.RuleVcState,
		words: []string{"NdisClMakeCall", "a connected call", `state "connected" of its vc-client lifetime`, "(they leave idle)"},
	}, {
		name:   "vc-cm/close-twice",
		script: ndistest.CMScript{AutoConnect: true, CloseCall: ndistest.Pend},
		scenario: func(sys *ndistest.System, cm *ndistest.CallManager, c *testclient.Client) {
			cm.IncomingCall(nil)
			cv := c.IncomingVCs()[0]
			c.CloseCall(cv)
			ndis.ClCloseCall(cv.Handle(), nil, nil, 0)
			sys.Run()
		},
		rule:  rules.RuleVcState,
		words: []string{"NdisClCloseCall", `state "closing" of its vc-cm lifetime`},
	}, {
		name:   "call/connect-twice",
		script: ndistest.CMScript{AutoConnect: true},
		scenario: func(sys *ndistest.System, cm *ndistest.CallManager, c *testclient.Client) {
			v := cm.IncomingCall(nil)
			ndis.CmDispatchCallConnected(v.Handle())
			c.CloseCall(c.IncomingVCs()[0])
			sys.Run()
		},
		rule:  rules.RuleVcState,
		words: []string{"NdisCmDispatchCallConnected", `state "connected" of its call lifetime`, "(they leave accepted)"},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			sys, cm, c := worldOn(t, nil, tc.script, tc.opts)
			tc.scenario(sys, cm, c)
			expect(t, sys, tc.rule, tc.words...)
			only(t, sys, tc.rule)
		})
	}
}

// TestMiniportCallManagerCalls: a miniport call manager's calls move the
// call lifetime by its NdisMCm* edges (its activation and deactivation end
// in the call, NDIS calls no completion for them): incoming and outgoing
// calls, closed from either side, report nothing, and a call connected twice
// is reported as with a stand-alone call manager.
func TestMiniportCallManagerCalls(t *testing.T) {
	sys := ndistest.New(t, ndistest.KeepViolations())
	mcm := sys.AddMCM("mcm0", ndis.MediumCoWan, q2931, ndistest.CMScript{AutoConnect: true, DeleteVcAfterClose: ndistest.DeleteLater})
	c := testclient.New(testclient.Options{Sap: &ndis.CoSap{Sap: []byte("s")}, KeepOwnVcs: true})
	sys.Load(c.DriverEntry)
	sys.Bind()
	mcm.CloseFromNetwork(mcm.IncomingCall(nil), ndis.StatusSuccess)
	sys.Run()
	mcm.IncomingCall(nil)
	vcs := c.IncomingVCs()
	c.CloseCall(vcs[len(vcs)-1])
	v, _ := c.CreateVc(c.Af())
	c.MakeCall(v, nil, false)
	if info, _ := sys.VcInfo(v.Handle()); info.Lifetime != rules.ObjectVcClient || info.State != "connected" || info.CallState != "connected" {
		t.Errorf("after the make-call: lifetime %q, client state %q, call state %q", info.Lifetime, info.State, info.CallState)
	}
	c.CloseCall(v)
	if info, _ := sys.VcInfo(v.Handle()); info.State != "idle" || info.CallState != "idle" {
		t.Errorf("after the close: client state %q, call state %q", info.State, info.CallState)
	}
	c.MakeCall(v, nil, false)
	sys.Run()
	clean(t, sys)
	in := mcm.IncomingCall(nil)
	ndis.MCmDispatchCallConnected(in.Handle())
	expect(t, sys, rules.RuleVcState, "NdisMCmDispatchCallConnected", `state "connected" of its call lifetime`)
	only(t, sys, rules.RuleVcState)
}

// TestLifetimeStatesFollowCalls: whether the call manager answers at once,
// later, or completes inside its handler before returning
// NDIS_STATUS_PENDING, every VC ends each step in the state the catalogue's
// edges lead to, for the client's view and the call manager's, and nothing
// is reported.
func TestLifetimeStatesFollowCalls(t *testing.T) {
	type states struct{ client, call string }
	for _, a := range []ndistest.Action{ndistest.Sync, ndistest.Pend, ndistest.Nested} {
		t.Run(a.String(), func(t *testing.T) {
			sys, cm, c := worldOn(t, nil, ndistest.CMScript{MakeCall: a, CloseCall: a, AutoConnect: true}, testclient.Options{KeepOwnVcs: true})
			want := func(step string, h ndis.Handle, w states) {
				t.Helper()
				info, _ := sys.VcInfo(h)
				if got := (states{info.State, info.CallState}); got != w {
					t.Errorf("%s: states %+v, want %+v", step, got, w)
				}
			}
			own, _ := c.CreateVc(c.Af())
			want("created", own.Handle(), states{"idle", "idle"})
			c.MakeCall(own, nil, false)
			sys.Run()
			want("made", own.Handle(), states{"connected", "connected"})
			c.CloseCall(own)
			sys.Run()
			want("closed", own.Handle(), states{"idle", "idle"})

			offered := cm.IncomingCall(nil)
			want("offered", offered.Handle(), states{"connected", "connected"})
			cm.CloseFromNetwork(offered, ndis.StatusSuccess)
			sys.Run()
			want("closed by the network", offered.Handle(), states{"handle-dead", "idle"})
			cm.ReofferOn(offered, nil)
			want("offered again", offered.Handle(), states{"connected", "connected"})
			clean(t, sys)
		})
	}
}

// TestPartiesFromLifetimes: which parties a multipoint call has is what
// their lifetimes say (the last-party checks count them): a party of a
// make-call that failed never came to be, one dropped is gone, one whose
// drop is pending no longer counts, and the last party outlives a close the
// call manager refused.
func TestPartiesFromLifetimes(t *testing.T) {
	sys, cm, c := worldOn(t, nil, ndistest.CMScript{MakeCall: ndistest.Fail(ndis.StatusFailure)}, testclient.Options{KeepOwnVcs: true})
	parties := func(step string, v *testclient.VC, want int) {
		t.Helper()
		if info, _ := sys.VcInfo(v.Handle()); info.Parties != want {
			t.Errorf("%s: %d parties, want %d", step, info.Parties, want)
		}
	}
	v, _ := c.CreateVc(c.Af())
	c.MakeCall(v, nil, true)
	parties("failed make-call", v, 0)
	cm.Script().MakeCall = ndistest.Sync
	c.MakeCall(v, nil, true)
	parties("made", v, 1)
	p, _ := c.AddParty(v, nil)
	parties("added", v, 2)
	cm.Script().DropParty = ndistest.Pend
	c.DropParty(p)
	parties("drop pending", v, 1)
	sys.Run()
	parties("dropped", v, 1)
	cm.Script().CloseCall = ndistest.Pend.With(ndis.StatusFailure)
	c.CloseCall(v)
	sys.Run()
	parties("close refused", v, 1)
	cm.Script().CloseCall = ndistest.Sync
	c.CloseCall(v)
	parties("closed", v, 0)
	clean(t, sys)
}
