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
package ndistest
