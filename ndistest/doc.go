// Package ndistest runs Go-modelled CoNDIS drivers, written against package
// ndis, in a simulated NDIS, in the spirit of net/http/httptest: a test creates a
// System, adds simulated adapters and a scripted call manager, loads the
// driver under test (its DriverEntry calls ndis.RegisterProtocolDriver),
// binds, and drives calls; the verifier checks every DDI and callback as it
// happens, and at the end of the test every violation fails the test with
// the sequence of calls that led to it.
//
//	sys := ndistest.New(t)
//	ad := sys.AddAdapter("atm0", ndis.MediumCoWan)
//	cm := sys.AddCallManager(ad, ndis.CoAddressFamily{AddressFamily: ndis.CoAddressFamilyQ2931, MajorVersion: 3}, ndistest.CMScript{CloseCall: ndistest.Nested})
//	sys.Load(myclient.DriverEntry)
//	sys.Bind()
//	vc := cm.IncomingCall(params)
//	cm.CallConnected(vc)
//	cm.CloseFromNetwork(vc, ndis.StatusSuccess)
//	sys.Run()
//
// The simulation is deterministic and single-threaded, and there is one
// simulated NDIS per process: New takes a package-level lock that the
// test's Cleanup releases, so tests that use ndistest run one at a time even
// under t.Parallel.
//
// The scripted call manager (CMScript) decides for each request whether to
// complete it synchronously (Sync), to return NDIS_STATUS_PENDING and
// complete it later from the event queue (Pend), to complete it inside its
// handler before returning NDIS_STATUS_PENDING (Nested), or to fail it
// (Fail). The same script drives a miniport call manager (AddMCM), which
// uses the NdisMCm* functions instead of NdisCm*.
//
// Violations carry the rule IDs of package rules (rules.RuleVcUseAfterClose,
// ...), which Expect and ViolationsOf take. The verifier reads the embedded
// rule catalogue; UseCatalogue runs a System with another one, to test a
// catalogue entry before it is generated.
//
// A driver's test drives the call manager and the miniport with their steps
// and never needs the handles NDIS gave them. Tests of the verifier itself,
// which pass such a handle where a page forbids it, get them from
// CallManager.AfHandles, SapHandles, Binding and AdapterHandle and from
// Adapter.VcHandle (the miniport's own NdisVcHandle of a VC); the test
// client's Afs lists its address families whose open is still pending too.
//
// # NDIS 6 miniport, filter and protocol drivers
//
// LoadDriver runs an NDIS 6 driver's DriverEntry (DriverEntry's signature,
// with a driver object and a registry path the harness makes) and learns
// what it registered. Each adapter is the bottom of a driver stack (Stack):
// the miniport adapter, the filter modules attached to it, bottom first,
// and the protocol bindings on top. The layers the test does not bring are
// scripted drivers written against package ndis: a scripted NDIS 6
// miniport (System.AddStack, answering as its MiniportScript says) under a
// filter or protocol under test, and a scripted protocol
// (Stack.BindProtocol, ProtocolScript) over a miniport or filter under
// test. A new stack is Paused; Restart runs MiniportRestart, FilterRestart
// from the bottom and NetEventRestart, Pause the reverse (NetEventPause,
// FilterPause from the top, MiniportPause); each layer may complete
// synchronously or pend and complete later (NdisMPauseComplete, ...). Halt
// pauses, unbinds, detaches and calls MiniportHaltEx.
//
// A miniport under test, with a scripted protocol that sends, receives and
// makes OID requests:
//
//	sys := ndistest.New(t)
//	drv := sys.LoadDriver("e1000", mydriver.DriverEntry)
//	st := drv.AddAdapter("eth0")                          // MiniportInitializeEx
//	p := st.BindProtocol(ndistest.ProtocolScript{})
//	st.Restart()                                          // MiniportRestart, NetEventRestart
//	p.Send([]byte("frame"))                               // MiniportSendNetBufferLists
//	status, done := p.Oid(&ndis.OidRequest{Oid: oid})     // MiniportOidRequest
//	st.Pause()                                            // MiniportPause
//	st.Halt()                                             // MiniportHaltEx
//	drv.Unload(nil)                                       // MiniportDriverUnload
//
// A filter under test between a scripted miniport and a scripted protocol:
//
//	drv := sys.LoadDriver("myfilter", myfilter.DriverEntry)
//	st := sys.AddStack("eth0", ndistest.MiniportScript{Oid: ndistest.Pend})
//	mod := st.Attach(drv)                                 // FilterAttach
//	p := st.BindProtocol(ndistest.ProtocolScript{})
//	st.Restart()
//	p.Send([]byte("frame"))                               // FilterSendNetBufferLists, down to the scripted miniport
//	st.Receive([]byte("frame"))                           // FilterReceiveNetBufferLists, up to the protocol
//	mod.Detach()                                          // pauses the stack, FilterDetach
//	drv.Unload(myfilter.DriverUnload)
//
// A protocol under test over a scripted miniport:
//
//	st := sys.AddStack("eth0", ndistest.MiniportScript{})
//	drv := sys.LoadDriver("myproto", myproto.DriverEntry)
//	st.Bind(drv)                                          // ProtocolBindAdapterEx
//	st.Restart()
//	st.Receive([]byte("frame"))                           // ProtocolReceiveNetBufferLists
//	st.Unbind(drv)                                        // pauses the stack, ProtocolUnbindAdapterEx
//	drv.Unload(myproto.DriverUnload)
//
// The verifier follows every NET_BUFFER_LIST through the stack, by the
// catalogue's ownership facts (rules.Param.Handoff), and checks the state
// machines of adapters, filter modules and bindings, the completions of
// pended requests (NdisMPauseComplete only after MiniportPause returned
// NDIS_STATUS_PENDING, once), the serialization of OID requests to a
// miniport, and the timed rules of Driver Verifier's NDIS/WIFI
// verification on the virtual clock (an OID request completed within 12 s,
// a send within 30 s, a FilterPause within 10 s): Advance moves the clock.
// FailSharedMemory makes an allocation of the run fail (NdisMAllocateSharedMemory
// returning NULL), for the failure paths of MiniportInitializeEx: one that
// returns without NdisWriteErrorLogEntry after it is reported.
// At the end of the run it reports the lists a filter module or protocol
// still holds, and Driver.Unload of the last driver loaded reports what the
// drivers still hold of the kernel services.
package ndistest
