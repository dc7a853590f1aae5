package ndistest

import (
	"fmt"

	"github.com/ndislint/ndislint/ndis"
)

// AddMCM adds an adapter whose miniport is a scripted miniport call manager:
// it registers NDIS_MINIPORT_CO_CHARACTERISTICS and
// NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS from its MiniportSetOptions,
// registers af from its MiniportInitializeEx (NdisMCmRegisterAddressFamilyEx),
// and answers and drives calls like AddCallManager's call manager, with the
// NdisMCm* functions.
func (s *System) AddMCM(name string, medium ndis.Medium, af ndis.CoAddressFamily, script CMScript) *CallManager {
	s.t.Helper()
	cm := &CallManager{sys: s, name: name, af: af, script: script, ops: mcmFuncs{}, mcm: true, adapterName: name}
	drv, st := s.sim.RegisterMiniportDriver(name, cm, mcmSetOptions)
	if st != ndis.StatusSuccess {
		s.t.Fatalf("ndistest: registering miniport call manager %q failed: %s", name, st)
	}
	h, err := s.sim.AddAdapter(drv, name, medium, func(miniportAdapterHandle ndis.Handle) (ndis.Handle, ndis.Status) {
		cm.adapterHandle = miniportAdapterHandle
		return cm, ndis.MCmRegisterAddressFamilyEx(miniportAdapterHandle, &cm.af)
	})
	if err != nil {
		s.t.Fatalf("ndistest: %v", err)
	}
	cm.adapterHandle = h
	s.cms = append(s.cms, cm)
	s.nAdapters++
	return cm
}

// mcmSetOptions is the miniport call manager's MiniportSetOptions. It
// leaves CoCreateVcHandler and CoDeleteVcHandler NULL, as an MCM does (the
// catalogue's slot condition), and supplies CoActivateVcHandler and
// CoDeactivateVcHandler, which the catalogue requires of every CoNDIS
// miniport although NDIS never calls them for an MCM's VCs
// (NdisMCmActivateVc activates them without the miniport's handler).
func mcmSetOptions(ndisDriverHandle ndis.Handle, driverContext ndis.Handle) ndis.Status {
	st := ndis.SetOptionalHandlers(ndisDriverHandle, &ndis.MiniportCoCharacteristics{
		CoActivateVcHandler:         mcmActivateVc,
		CoDeactivateVcHandler:       mcmDeactivateVc,
		CoSendNetBufferListsHandler: mcmSend,
		CoOidRequestHandler:         mcmOid,
	})
	if st != ndis.StatusSuccess {
		return st
	}
	return ndis.SetOptionalHandlers(ndisDriverHandle, cmHandlers())
}

// mcmActivateVc is the miniport call manager's MiniportCoActivateVc, a stub:
// an MCM activates its VCs itself with NdisMCmActivateVc.
func mcmActivateVc(miniportVcContext ndis.Handle, callParameters *ndis.CoCallParameters) ndis.Status {
	return ndis.StatusNotSupported
}

// mcmDeactivateVc is the miniport call manager's MiniportCoDeactivateVc, a
// stub: an MCM deactivates its VCs itself with NdisMCmDeactivateVc.
func mcmDeactivateVc(miniportVcContext ndis.Handle) ndis.Status {
	return ndis.StatusNotSupported
}

// mcmSend is the miniport call manager's MiniportCoSendNetBufferLists: its
// VC context is its call-manager VC context, and it completes sends from the
// queue.
func mcmSend(miniportVcContext ndis.Handle, netBufferLists *ndis.NetBufferList, sendFlags uint32) {
	v, ok := miniportVcContext.(*VC)
	if !ok {
		return
	}
	for n := netBufferLists; n != nil; n = n.Next {
		v.cm.received = append(v.cm.received, n.Data)
	}
	v.cm.sys.st.Enqueue(fmt.Sprintf("miniport call manager %q completes sends on vc #%d", v.cm.name, v.Number()), 0, func() {
		for n := netBufferLists; n != nil; n = n.Next {
			n.Status = ndis.StatusSuccess
		}
		ndis.MCoSendNetBufferListsComplete(v.h, netBufferLists, 0)
	})
}

// mcmOid is the miniport call manager's MiniportCoOidRequest.
func mcmOid(miniportAdapterContext ndis.Handle, miniportVcContext ndis.Handle, ndisRequest *ndis.OidRequest) ndis.Status {
	cm, ok := miniportAdapterContext.(*CallManager)
	if !ok {
		return ndis.StatusFailure
	}
	cm.oidsIn = append(cm.oidsIn, ndisRequest.Oid)
	return ndis.StatusSuccess
}

// Receive indicates data received on a VC of the miniport call manager
// (NdisMCoIndicateReceiveNetBufferLists).
func (cm *CallManager) Receive(v *VC, payloads ...[]byte) {
	cm.sys.t.Helper()
	if !cm.mcm {
		cm.sys.t.Errorf("ndistest: Receive: call manager %q is not a miniport; use its adapter's Receive", cm.name)
		return
	}
	if v == nil || v.deleted {
		cm.sys.t.Errorf("ndistest: Receive: the VC is nil or deleted")
		return
	}
	ndis.MCoIndicateReceiveNetBufferLists(v.h, chain(v.h, payloads), uint32(len(payloads)), 0)
}

// Sent returns the payloads a miniport call manager was given to send.
func (cm *CallManager) Sent() [][]byte { return append([][]byte(nil), cm.received...) }

// MiniportDriver is a Go-modelled CoNDIS miniport (or miniport call manager)
// for AddMiniport: SetOptions is its MiniportSetOptions, Initialize the
// CoNDIS part of its MiniportInitializeEx (it returns the
// MiniportAdapterContext; a miniport call manager registers its AF there).
type MiniportDriver struct {
	Name       string
	Context    ndis.Handle
	SetOptions ndis.SetOptions
	Initialize func(miniportAdapterHandle ndis.Handle) (ndis.Handle, ndis.Status)
}

// AddMiniport registers a Go-modelled miniport driver and starts one adapter
// of it; it returns the adapter's NdisMiniportAdapterHandle.
func (s *System) AddMiniport(adapterName string, medium ndis.Medium, d MiniportDriver) ndis.Handle {
	s.t.Helper()
	drv, st := s.sim.RegisterMiniportDriver(d.Name, d.Context, d.SetOptions)
	if st != ndis.StatusSuccess {
		s.t.Fatalf("ndistest: registering miniport driver %q failed: %s", d.Name, st)
	}
	h, err := s.sim.AddAdapter(drv, adapterName, medium, d.Initialize)
	if err != nil {
		s.t.Fatalf("ndistest: %v", err)
	}
	s.nAdapters++
	return h
}
