// Package misc calls the general-purpose DDIs of SDV's
// Irql_Miscellaneous_Function rule (registry parameters, strings, files,
// lookaside lists) where the IRQL may be above their maximum, and the clean
// twins. The irql pass knows them from the catalogue alone.
package misc

import "github.com/ndislint/ndislint/ndis"

type adapter struct {
	lock  ndis.SpinLock
	cfg   ndis.Handle
	list  ndis.NpagedLookasideList
	name  ndis.String
	speed uint32
}

// mpInitialize runs at PASSIVE_LEVEL: it reads the registry and sets up
// its lookaside list (clean).
//
//ndis:role MINIPORT_INITIALIZE
func mpInitialize(ndisMiniportHandle, miniportDriverContext ndis.Handle, initParameters *ndis.MiniportInitParameters) ndis.Status {
	a := &adapter{}
	var st ndis.Status
	var pv *ndis.ConfigurationParameter
	kw := ndis.String("Speed")
	ndis.OpenConfigurationEx(&ndis.ConfigurationObject{NdisHandle: ndisMiniportHandle}, &a.cfg)
	ndis.ReadConfiguration(&st, &pv, a.cfg, &kw, ndis.ParameterInteger)
	if st == ndis.StatusSuccess {
		a.speed = pv.IntegerData
	}
	ndis.InitializeString(&a.name, "sample")
	ndis.InitializeNPagedLookasideList(&a.list, nil, nil, 0, 64, 0, 0)
	ndis.CloseConfiguration(a.cfg)
	return ndis.StatusSuccess
}

// mpSend runs at <= DISPATCH_LEVEL: the lookaside list is fine there, the
// registry and the string conversion are not.
//
//ndis:role MINIPORT_SEND_NET_BUFFER_LISTS
func mpSend(miniportAdapterContext ndis.Handle, netBufferList *ndis.NetBufferList, portNumber ndis.PortNumber, sendFlags uint32) {
	a := miniportAdapterContext.(*adapter)
	e := ndis.AllocateFromNPagedLookasideList(&a.list)
	ndis.FreeToNPagedLookasideList(&a.list, e)
	var st ndis.Status
	var pv *ndis.ConfigurationParameter
	kw := ndis.String("Speed")
	ndis.ReadConfiguration(&st, &pv, a.cfg, &kw, ndis.ParameterInteger) // want `NdisReadConfiguration may be called at DISPATCH_LEVEL here: its page requires PASSIVE_LEVEL, and mpSend runs as MiniportSendNetBufferLists, which NDIS calls at <= DISPATCH_LEVEL \(irql-above-max\)`
}

// mpReturn runs at <= DISPATCH_LEVEL: the string conversion needs
// PASSIVE_LEVEL; comparing memory is fine.
//
//ndis:role MINIPORT_RETURN_NET_BUFFER_LISTS
func mpReturn(miniportAdapterContext ndis.Handle, netBufferLists *ndis.NetBufferList, returnFlags uint32) {
	a := miniportAdapterContext.(*adapter)
	if ndis.EqualMemory([]byte(a.name), []byte("sample"), 6) == 1 {
		a.speed++
	}
	var up ndis.String
	ndis.UpcaseUnicodeString(&up, &a.name) // want `NdisUpcaseUnicodeString may be called at DISPATCH_LEVEL here`
}

// mpHalt runs at PASSIVE_LEVEL, but takes a spin lock around the file and
// string calls.
//
//ndis:role MINIPORT_HALT
func mpHalt(miniportAdapterContext ndis.Handle, haltAction ndis.HaltAction) {
	a := miniportAdapterContext.(*adapter)
	ndis.AcquireSpinLock(&a.lock)
	ndis.DeleteNPagedLookasideList(&a.list)
	ndis.FreeString(a.name) // want `NdisFreeString may be called at DISPATCH_LEVEL here: its page requires PASSIVE_LEVEL, and spin lock a.lock is held`
	ndis.ReleaseSpinLock(&a.lock)
	var st ndis.Status
	var h ndis.Handle
	var n uint32
	fw := ndis.String("fw.bin")
	ndis.OpenFile(&st, &h, &n, &fw, -1)
	ndis.CloseFile(h)
}
