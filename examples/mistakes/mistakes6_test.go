package mistakes_test

import (
	"testing"

	"github.com/ndislint/ndislint/examples/mistakes"
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/ndistest"
	"github.com/ndislint/ndislint/rules"
)

// oidGenCurrentPacketFilter is OID_GEN_CURRENT_PACKET_FILTER, the OID the
// small miniport answers.
const oidGenCurrentPacketFilter ndis.Oid = 0x0001010E

// run6 loads the small NDIS 6 miniport with one mistake, keeping the
// verifier's violations instead of failing the test.
func run6(t *testing.T, m mistakes.Mistake, opts ...ndistest.Option) (*ndistest.System, *ndistest.Driver) {
	t.Helper()
	sys := ndistest.New(t, append([]ndistest.Option{ndistest.KeepViolations()}, opts...)...)
	drv := sys.LoadDriver("mistakes6", func(driverObject *ndis.DriverObject, registryPath *ndis.String) ndis.Status {
		return mistakes.MiniportDriverEntry(m, driverObject, registryPath)
	})
	return sys, drv
}

// running adds an adapter with a scripted protocol on top and runs it.
func running(t *testing.T, drv *ndistest.Driver) (*ndistest.Stack, *ndistest.Protocol) {
	t.Helper()
	st := drv.AddAdapter("eth0")
	p := st.BindProtocol(ndistest.ProtocolScript{})
	if !st.Restart() {
		t.Fatalf("the stack did not restart")
	}
	return st, p
}

// filterQuery is a query of the packet filter.
func filterQuery() *ndis.OidRequest {
	return &ndis.OidRequest{RequestType: ndis.RequestQueryInformation, Oid: oidGenCurrentPacketFilter, InformationBuffer: make([]byte, 4)}
}

// TestMiniportNoMistake: the base miniport runs an OID, a send, a pause,
// a halt and an unload with no violation.
func TestMiniportNoMistake(t *testing.T) {
	sys, drv := run6(t, mistakes.None)
	st, p := running(t, drv)
	if s, ok := p.Oid(filterQuery()); !ok || s != ndis.StatusSuccess {
		t.Errorf("the packet filter query: %v", s)
	}
	p.Send([]byte("frame"))
	st.Halt()
	drv.Unload(nil)
	expect(t, sys, nil)
}

// TestOidCompletedSynchronously: oidsync.go.
func TestOidCompletedSynchronously(t *testing.T) {
	sys, drv := run6(t, mistakes.OidCompletedSynchronously)
	_, p := running(t, drv)
	p.Oid(filterQuery())
	expect(t, sys, map[string][]string{
		rules.RuleCompletionWithoutPending: {"NdisMOidRequestComplete", "NDIS_STATUS_SUCCESS", "NDIS_STATUS_PENDING"},
	})
}

// TestOidCompletedTwice: oidtwice.go.
func TestOidCompletedTwice(t *testing.T) {
	sys, drv := run6(t, mistakes.OidCompletedTwice)
	_, p := running(t, drv)
	// A short buffer takes the error path that completes the request
	// and goes on to complete it again.
	p.Oid(&ndis.OidRequest{RequestType: ndis.RequestQueryInformation, Oid: oidGenCurrentPacketFilter, InformationBuffer: make([]byte, 2)})
	expect(t, sys, map[string][]string{
		rules.RuleCompletedTwice: {"NdisMOidRequestComplete"},
	})
}

// TestRegisterUnderSpinLock: registerirql.go.
func TestRegisterUnderSpinLock(t *testing.T) {
	sys, _ := run6(t, mistakes.RegisterUnderSpinLock)
	expect(t, sys, map[string][]string{
		rules.RuleIrqlAboveMax: {"NdisMRegisterMiniportDriver", "DISPATCH_LEVEL"},
	})
}

// pausefailure.go is not run: NDIS pauses the adapter after the bindings
// above it, whose pause waits for their sends, and the base miniport
// completes every send at once, so stubbornPause never finds one
// outstanding; ndislint reports it statically (TestLint).

// TestInterruptNeverDeregistered: leakyinterrupt.go; the verifier reports
// the interrupt still registered when the driver unloads.
func TestInterruptNeverDeregistered(t *testing.T) {
	sys, drv := run6(t, mistakes.InterruptNeverDeregistered)
	st, _ := running(t, drv)
	st.Halt()
	drv.Unload(nil)
	expect(t, sys, map[string][]string{
		rules.RuleResourceNotReleased: {"NdisMRegisterInterruptEx", "NdisMDeregisterInterruptEx"},
	})
}

// TestInterruptUsedAfterDeregister: deregisteredsync.go; the verifier
// reports the synchronization with the deregistered interrupt.
func TestInterruptUsedAfterDeregister(t *testing.T) {
	sys, drv := run6(t, mistakes.InterruptUsedAfterDeregister)
	running(t, drv)
	expect(t, sys, map[string][]string{
		rules.RuleBadHandle: {"NdisMSynchronizeWithInterruptEx", "NdisMDeregisterInterruptEx"},
	})
}

// TestMdlNeverFreed: mdlleak.go; the verifier reports the MDL when
// MiniportHaltEx returns (once: not again at unload).
func TestMdlNeverFreed(t *testing.T) {
	sys, drv := run6(t, mistakes.MdlNeverFreed)
	st, _ := running(t, drv)
	st.Halt()
	drv.Unload(nil)
	expect(t, sys, map[string][]string{
		rules.RuleResourceNotReleased: {"NdisAllocateMdl", "NdisFreeMdl", "MiniportHaltEx", "eth0"},
	})
	if n := len(sys.Violations()); n != 1 {
		t.Errorf("%d violations, want the one MDL reported once", n)
	}
}

// TestUntaggedAllocation: untagged.go.
func TestUntaggedAllocation(t *testing.T) {
	sys, drv := run6(t, mistakes.UntaggedAllocation)
	running(t, drv)
	expect(t, sys, map[string][]string{
		rules.RuleDDIArgumentLimit: {"NdisAllocateMemoryWithTagPriority", "Tag"},
	})
}

// TestLongStall: longstall.go.
func TestLongStall(t *testing.T) {
	sys, drv := run6(t, mistakes.LongStall)
	running(t, drv)
	expect(t, sys, map[string][]string{
		rules.RuleDDIArgumentLimit: {"NdisStallExecution", "1000"},
	})
}

// TestIrqlQueriedInSend: irqlquery.go.
func TestIrqlQueriedInSend(t *testing.T) {
	sys, drv := run6(t, mistakes.IrqlQueriedInSend)
	_, p := running(t, drv)
	p.Send([]byte("frame"))
	expect(t, sys, map[string][]string{
		rules.RuleIrqlFlagQuery: {"KeGetCurrentIrql", "MINIPORT_SEND_NET_BUFFER_LISTS"},
	})
}

// TestPowerOidRefused: oidpower.go.
func TestPowerOidRefused(t *testing.T) {
	sys, drv := run6(t, mistakes.PowerOidRefused)
	_, p := running(t, drv)
	p.Oid(&ndis.OidRequest{RequestType: ndis.RequestSetInformation, Oid: ndis.OidPnpSetPower, InformationBuffer: make([]byte, 4)})
	if s, _ := p.Oid(filterQuery()); s != ndis.StatusSuccess {
		t.Errorf("the packet filter query after it: %v", s)
	}
	expect(t, sys, map[string][]string{
		rules.RuleOidBadStatus: {"OID_PNP_SET_POWER", "NDIS_STATUS_NOT_SUPPORTED", "MiniportOidRequest"},
	})
}

// TestPortsBeforeAttributes: portsorder.go; the verifier reports the
// registration when it runs, and nothing else (the ports are deregistered
// in MiniportHaltEx).
func TestPortsBeforeAttributes(t *testing.T) {
	sys, drv := run6(t, mistakes.PortsBeforeAttributes)
	st, _ := running(t, drv)
	st.Halt()
	drv.Unload(nil)
	expect(t, sys, map[string][]string{
		rules.RuleDDIOrder: {"NdisMRegisterIoPortRange", "MiniportInitializeEx", "NdisMSetMiniportAttributes"},
	})
	if n := len(sys.Violations()); n != 1 {
		t.Errorf("%d violations, want the one registration", n)
	}
}

// sharedshutdown.go is not run: the harness does not shut the system
// down; ndislint reports it statically (TestLint).

// TestAllocationFailureNotLogged: silentfailure.go. The adapter whose ring
// allocation fails does not start, and nothing was logged; one whose
// allocation succeeds runs and halts clean.
func TestAllocationFailureNotLogged(t *testing.T) {
	sys, drv := run6(t, mistakes.AllocationFailureNotLogged, ndistest.FailSharedMemory(1))
	if drv.AddAdapter("eth9") != nil {
		t.Fatal("the adapter started though its shared memory allocation failed")
	}
	st, _ := running(t, drv)
	st.Halt()
	drv.Unload(nil)
	expect(t, sys, map[string][]string{
		rules.RuleDDICompanionMissing: {"MiniportInitializeEx", "NdisMAllocateSharedMemory", "NdisWriteErrorLogEntry"},
	})
}
