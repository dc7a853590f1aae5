package ndissim

import (
	"bytes"
	"testing"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
	"github.com/ndislint/ndislint/wdm"
)

func TestBusData(t *testing.T) {
	s := reset()
	a, _ := mp6Adapter(t, s, nil)
	id := make([]byte, 4)
	if n := ndis.MGetBusData(a, 0, 0, id, 4); n != 4 || !bytes.Equal(id, []byte{0x14, 0x14, 0x01, 0x01}) {
		t.Fatalf("NdisMGetBusData of the IDs = %d, % x", n, id)
	}
	// The command register is writable; the vendor ID is not.
	if n := ndis.MSetBusData(a, 0, 0x00, []byte{0xff, 0xff, 0x01, 0x01, 0x07}, 5); n != 5 {
		t.Fatalf("NdisMSetBusData = %d", n)
	}
	got := make([]byte, 5)
	ndis.MGetBusData(a, 0, 0, got, 5)
	if !bytes.Equal(got, []byte{0x14, 0x14, 0x01, 0x01, 0x07}) {
		t.Fatalf("configuration space after the write: % x", got)
	}
	// The end of the space, another space.
	if n := ndis.MGetBusData(a, 0, 0xfe, make([]byte, 8), 8); n != 2 {
		t.Fatalf("NdisMGetBusData across the end = %d, want 2", n)
	}
	if n := ndis.MGetBusData(a, 0x52696350, 0, make([]byte, 8), 8); n != 0 {
		t.Fatalf("NdisMGetBusData of another space = %d", n)
	}
	ksExpect(t, s)
	ndis.MGetBusData(a, 0, 0, make([]byte, 2), 4) // buffer shorter than Length
	ndis.MSetBusData(ksDriver(), 0, 0, id, 4)     // not an adapter
	ksExpect(t, s, rules.RuleBadParameter, rules.RuleBadHandle)
}

func TestQueueDpc(t *testing.T) {
	s := reset()
	var line, msi ndis.Handle
	var ran []string
	lineCh := &ndis.MiniportInterruptCharacteristics{
		InterruptHandler:    func(ndis.Handle, *bool, *uint32) bool { return true },
		InterruptDpcHandler: func(ctx, dpc, _, _ ndis.Handle) { ran = append(ran, "line "+dpc.(string)) },
	}
	msiCh := &ndis.MiniportInterruptCharacteristics{
		MsiSupported:            true,
		MessageInterruptHandler: func(ndis.Handle, uint32, *bool, *uint32) bool { return true },
		MessageInterruptDpcHandler: func(ctx ndis.Handle, id uint32, dpc, _, _, _ ndis.Handle) {
			if wdm.Irql(s.Irql()) != wdm.DispatchLevel {
				t.Errorf("MiniportMessageInterruptDPC at %s", wdm.Irql(s.Irql()))
			}
			ran = append(ran, "msi "+dpc.(string))
		},
	}
	var sync ndis.Handle
	a, _ := mp6Adapter(t, s, func(h ndis.Handle) {
		ndis.MRegisterInterruptEx(h, "line ctx", lineCh, &line)
		ndis.MRegisterInterruptEx(h, "msi ctx", msiCh, &msi)
		sync = h
	})
	_ = a
	if got := ndis.MQueueDpc(line, 0, 0b10011, "a"); got != 0b11 {
		t.Fatalf("NdisMQueueDpc = %#b, want processors 0 and 1 (4 is not in the machine)", got)
	}
	if got := ndis.MQueueDpc(line, 0, 0b111, "b"); got != 0b100 {
		t.Fatalf("NdisMQueueDpc again = %#b, want only processor 2 (0 and 1 have one queued)", got)
	}
	if got := ndis.MQueueDpcEx(msi, 1, &ndis.GroupAffinity{Mask: 0b1000}, "c"); got != 0b1000 {
		t.Fatalf("NdisMQueueDpcEx = %#b", got)
	}
	if got := ndis.MQueueDpcEx(msi, 1, &ndis.GroupAffinity{Mask: 1, Group: 1}, "d"); got != 0 {
		t.Fatalf("NdisMQueueDpcEx on group 1 = %#b", got)
	}
	for s.Step() {
	}
	if want := "line a,line a,line b,msi c"; joinStrings(ran) != want {
		t.Fatalf("DPCs ran %q, want %q", joinStrings(ran), want)
	}
	ksExpect(t, s)
	ndis.MQueueDpcEx(msi, 0, nil, nil) // no TargetProcessors
	ndis.MQueueDpc(sync, 0, 1, nil)    // an adapter handle
	inRole(s, "MINIPORT_HALT", func() { ndis.MDeregisterInterruptEx(line); ndis.MDeregisterInterruptEx(msi) })
	ndis.MQueueDpc(line, 0, 1, nil) // deregistered
	ksExpect(t, s, rules.RuleBadParameter, rules.RuleBadHandle, rules.RuleBadHandle)
}

// joinStrings joins with commas.
func joinStrings(l []string) string {
	out := ""
	for i, x := range l {
		if i > 0 {
			out += ","
		}
		out += x
	}
	return out
}

func TestPorts(t *testing.T) {
	s := reset()
	a, _ := mp6Adapter(t, s, nil)
	var p1, p2, p3 ndis.PortCharacteristics
	for _, p := range []*ndis.PortCharacteristics{&p1, &p2} {
		if st := ndis.MAllocatePort(a, p); st != ndis.StatusSuccess {
			t.Fatalf("NdisMAllocatePort = %s", st)
		}
	}
	if p1.PortNumber != 1 || p2.PortNumber != 2 {
		t.Fatalf("ports %d, %d", p1.PortNumber, p2.PortNumber)
	}
	if st := ndis.MFreePort(a, 1); st != ndis.StatusSuccess {
		t.Fatalf("NdisMFreePort = %s", st)
	}
	ndis.MAllocatePort(a, &p3)
	if p3.PortNumber != 1 {
		t.Fatalf("the freed number is not reused: %d", p3.PortNumber)
	}
	ksExpect(t, s)
	if st := ndis.MFreePort(a, 0); st != ndis.StatusInvalidData {
		t.Errorf("NdisMFreePort of the default port = %s", st)
	}
	if st := ndis.MFreePort(a, 7); st != ndis.StatusInvalidPort {
		t.Errorf("NdisMFreePort of a port never allocated = %s", st)
	}
	if st := ndis.MAllocatePort(a, nil); st != ndis.StatusInvalidData {
		t.Errorf("NdisMAllocatePort with no characteristics = %s", st)
	}
	ndis.MAllocatePort(ksDriver(), &p3)
	ndis.MFreePort(ksDriver(), 2)
	ksExpect(t, s, rules.RuleBadParameter, rules.RuleBadHandle, rules.RuleBadParameter, rules.RuleBadHandle, rules.RuleBadHandle)
}

func TestScatterGatherLists(t *testing.T) {
	s := reset()
	var got *ndis.ScatterGatherList
	var gotCtx ndis.Handle
	desc := &ndis.SgDmaDescription{MaximumPhysicalMapping: 8192,
		ProcessSGListHandler: func(pdo *ndis.DeviceObject, _ ndis.Handle, sgl *ndis.ScatterGatherList, ctx ndis.Handle) {
			if pdo == nil || wdm.Irql(s.Irql()) != wdm.DispatchLevel {
				t.Errorf("MiniportProcessSGList with device %v at %s", pdo, wdm.Irql(s.Irql()))
			}
			got, gotCtx = sgl, ctx
		}}
	var dma, bare ndis.Handle
	mp6Adapter(t, s, func(h ndis.Handle) {
		ndis.MRegisterScatterGatherDma(h, desc, &dma)
		ndis.MRegisterScatterGatherDma(h, &ndis.SgDmaDescription{}, &bare)
	})
	if desc.ScatterGatherListSize == 0 {
		t.Fatal("NdisMRegisterScatterGatherDma did not set ScatterGatherListSize")
	}
	nb := &ndis.NetBuffer{MdlChain: &ndis.Mdl{Data: make([]byte, 100), Next: &ndis.Mdl{Data: make([]byte, 100), Next: &ndis.Mdl{Data: make([]byte, 100)}}}, DataOffset: 20, DataLength: 150}
	other := &ndis.NetBuffer{MdlChain: &ndis.Mdl{Data: make([]byte, 10)}, DataLength: 10}
	var old wdm.Irql
	ndis.RaiseIrqlToDispatch(&old)
	if st := ndis.MAllocateNetBufferSGList(dma, nb, "send ctx", 1, nil, 0); st != ndis.StatusSuccess {
		t.Fatalf("NdisMAllocateNetBufferSGList = %s", st)
	}
	if got == nil || gotCtx != "send ctx" || got.NumberOfElements != 2 || got.Elements[0].Length != 100 || got.Elements[1].Length != 70 {
		t.Fatalf("MiniportProcessSGList got %+v, %v", got, gotCtx)
	}
	first := got
	if st := ndis.MAllocateNetBufferSGList(dma, &ndis.NetBuffer{DataLength: 10000}, nil, 0, nil, 0); st != ndis.StatusResources {
		t.Errorf("a list longer than MaximumPhysicalMapping: %s", st)
	}
	// From CurrentMdl: the second MDL, data at offset 10 in it for 150 bytes.
	cur := &ndis.NetBuffer{MdlChain: nb.MdlChain, CurrentMdl: nb.MdlChain.Next, CurrentMdlOffset: 10, DataOffset: 110, DataLength: 150}
	ndis.MAllocateNetBufferSGList(dma, cur, nil, 0, nil, 0)
	if got.NumberOfElements != 2 || got.Elements[0].Length != 100 || got.Elements[1].Length != 60 {
		t.Fatalf("the list of a NET_BUFFER with a CurrentMdl: %+v", got)
	}
	ndis.MFreeNetBufferSGList(dma, got, cur)
	ndis.MAllocateNetBufferSGList(dma, other, nil, 0, nil, 0)
	ndis.MFreeNetBufferSGList(dma, got, other)
	ksExpect(t, s)
	ndis.MFreeNetBufferSGList(dma, first, other)                  // the list of another NET_BUFFER
	ndis.MFreeNetBufferSGList(dma, first, nb)                     // right
	ndis.MFreeNetBufferSGList(dma, first, nb)                     // twice
	ndis.MAllocateNetBufferSGList(bare, nb, nil, 0, nil, 0)       // no MiniportProcessSGList
	ndis.MAllocateNetBufferSGList(ksDriver(), nb, nil, 0, nil, 0) // not a DMA handle
	ndis.LowerIrql(old, wdm.DispatchLevel)
	ksExpect(t, s, rules.RuleBadParameter, rules.RuleBadHandle, rules.RuleMissingHandler, rules.RuleBadHandle)
}

func TestSharedMemoryAsync(t *testing.T) {
	s := reset()
	var block []byte
	var pa ndis.PhysicalAddress
	var gotCtx, gotAdapter ndis.Handle
	desc := &ndis.SgDmaDescription{SharedMemAllocateCompleteHandler: func(actx ndis.Handle, va []byte, p *ndis.PhysicalAddress, length uint32, ctx ndis.Handle) {
		block, pa, gotCtx, gotAdapter = va, *p, ctx, actx
	}}
	var dma, bare ndis.Handle
	_, actx := mp6Adapter(t, s, func(h ndis.Handle) {
		ndis.MRegisterScatterGatherDma(h, desc, &dma)
		ndis.MRegisterScatterGatherDma(h, &ndis.SgDmaDescription{}, &bare)
	})
	if st := ndis.MAllocateSharedMemoryAsyncEx(dma, 256, true, "more"); st != ndis.StatusPending {
		t.Fatalf("NdisMAllocateSharedMemoryAsyncEx = %s", st)
	}
	if block != nil {
		t.Fatal("the completion ran inside the call")
	}
	for s.Step() {
	}
	if len(block) != 256 || pa == 0 || gotCtx != "more" || gotAdapter != ndis.Handle(actx) {
		t.Fatalf("MiniportSharedMemoryAllocateComplete got %d bytes at %#x, %v, %v", len(block), int64(pa), gotCtx, gotAdapter)
	}
	if st := ndis.MAllocateSharedMemoryAsyncEx(dma, 0, true, nil); st != ndis.StatusFailure {
		t.Errorf("a zero-length allocation = %s", st)
	}
	ndis.MFreeSharedMemory(ksDriver(), 256, true, block, pa) // NdisMFreeSharedMemory releases it
	ksExpect(t, s)
	ndis.MAllocateSharedMemoryAsyncEx(bare, 64, true, nil) // no completion handler
	ndis.MAllocateSharedMemoryAsyncEx(nil, 64, true, nil)  // NULL handle
	ksExpect(t, s, rules.RuleMissingHandler, rules.RuleBadHandle)
}
