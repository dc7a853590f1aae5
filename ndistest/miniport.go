package ndistest

import (
	"fmt"
	"time"

	"github.com/ndislint/ndislint/ndis"
)

// AdapterOptions configure the simulated CoNDIS miniport of an adapter.
type AdapterOptions struct {
	// OpenPends makes NdisOpenAdapterEx and NdisCloseAdapterEx on the adapter
	// pend and complete from the queue.
	OpenPends bool
	// ActivatePends makes MiniportCoActivateVc return NDIS_STATUS_PENDING and
	// complete later with NdisMCoActivateVcComplete.
	ActivatePends bool
	// DeactivatePends does the same for MiniportCoDeactivateVc.
	DeactivatePends bool
	// FailActivate, when not zero, is the status MiniportCoActivateVc fails
	// with.
	FailActivate ndis.Status
	// SendDelay is how long after MiniportCoSendNetBufferLists the miniport
	// completes the sends (NdisMCoSendNetBufferListsComplete); they always
	// complete from the queue.
	SendDelay time.Duration
	// OidPends makes MiniportCoOidRequest pend and complete from the queue.
	OidPends bool
	// Oid answers OID requests; nil answers NDIS_STATUS_SUCCESS.
	Oid func(req *ndis.OidRequest) ndis.Status
}

// Adapter is a simulated miniport adapter under a CoNDIS miniport written
// against package ndis (MiniportCoCreateVc, MiniportCoActivateVc, ...).
type Adapter struct {
	sys    *System
	name   string
	medium ndis.Medium
	opts   AdapterOptions
	handle ndis.Handle
	vcs    []*mpVc
	sent   [][]byte
	oids   []ndis.Oid
}

// mpVc is the simulated miniport's context for one VC.
type mpVc struct {
	ad      *Adapter
	h       ndis.Handle
	number  int
	active  bool
	deleted bool
}

// AddAdapter adds an adapter of the simulated CoNDIS miniport, with options.
func (s *System) AddAdapter(name string, medium ndis.Medium, opts ...AdapterOptions) *Adapter {
	s.t.Helper()
	ad := &Adapter{sys: s, name: name, medium: medium}
	if len(opts) > 0 {
		ad.opts = opts[0]
	}
	if s.miniport == nil {
		h, st := s.sim.RegisterMiniportDriver("ndistest-miniport", s, mpSetOptions)
		if st != ndis.StatusSuccess {
			s.t.Fatalf("ndistest: registering the simulated miniport failed: %s", st)
		}
		s.miniport = h
	}
	h, err := s.sim.AddAdapter(s.miniport, name, medium, func(miniportAdapterHandle ndis.Handle) (ndis.Handle, ndis.Status) {
		ad.handle = miniportAdapterHandle
		return ad, ndis.StatusSuccess
	})
	if err != nil {
		s.t.Fatalf("ndistest: %v", err)
	}
	ad.handle = h
	if ad.opts.OpenPends {
		if err := s.sim.SetOpenPends(h, true); err != nil {
			s.t.Fatalf("ndistest: %v", err)
		}
	}
	s.adapters = append(s.adapters, ad)
	s.nAdapters++
	return ad
}

// Name returns the adapter's name.
func (a *Adapter) Name() string { return a.name }

// Handle returns the adapter's NdisMiniportAdapterHandle.
func (a *Adapter) Handle() ndis.Handle { return a.handle }

// Sent returns the payloads the miniport was given to send, in order.
func (a *Adapter) Sent() [][]byte { return append([][]byte(nil), a.sent...) }

// Oids returns the OIDs of the requests the miniport received, in order.
func (a *Adapter) Oids() []ndis.Oid { return append([]ndis.Oid(nil), a.oids...) }

// Receive indicates received data on the VC with the given number
// (NdisMCoIndicateReceiveNetBufferLists); it fails the test if the miniport
// has no such VC.
func (a *Adapter) Receive(vcNumber int, payloads ...[]byte) {
	a.sys.t.Helper()
	v := a.vc(vcNumber)
	if v == nil {
		a.sys.t.Errorf("ndistest: Receive: adapter %q has no vc #%d", a.name, vcNumber)
		return
	}
	head := chain(v.h, payloads)
	ndis.MCoIndicateReceiveNetBufferLists(v.h, head, uint32(len(payloads)), 0)
}

// IndicateStatus indicates a status change of the adapter
// (NdisMCoIndicateStatusEx with no VC).
func (a *Adapter) IndicateStatus(code ndis.Status) {
	ndis.MCoIndicateStatusEx(a.handle, nil, &ndis.StatusIndication{SourceHandle: a.handle, StatusCode: code})
}

// vc returns the miniport's VC with the given number.
func (a *Adapter) vc(n int) *mpVc {
	for _, v := range a.vcs {
		if v.number == n && !v.deleted {
			return v
		}
	}
	return nil
}

// chain builds a NET_BUFFER_LIST chain of payloads with SourceHandle h.
func chain(h ndis.Handle, payloads [][]byte) *ndis.NetBufferList {
	var head, tail *ndis.NetBufferList
	for _, p := range payloads {
		n := &ndis.NetBufferList{Data: p, SourceHandle: h}
		if head == nil {
			head = n
		} else {
			tail.Next = n
		}
		tail = n
	}
	return head
}

// mpSetOptions is the simulated miniport's MiniportSetOptions.
func mpSetOptions(ndisDriverHandle ndis.Handle, driverContext ndis.Handle) ndis.Status {
	return ndis.SetOptionalHandlers(ndisDriverHandle, &ndis.MiniportCoCharacteristics{
		CoCreateVcHandler:           mpCreateVc,
		CoDeleteVcHandler:           mpDeleteVc,
		CoActivateVcHandler:         mpActivateVc,
		CoDeactivateVcHandler:       mpDeactivateVc,
		CoSendNetBufferListsHandler: mpSend,
		CoOidRequestHandler:         mpOid,
	})
}

// mpCreateVc is MiniportCoCreateVc.
func mpCreateVc(miniportAdapterContext ndis.Handle, ndisVcHandle ndis.Handle, miniportVcContext *ndis.Handle) ndis.Status {
	ad, ok := miniportAdapterContext.(*Adapter)
	if !ok {
		return ndis.StatusFailure
	}
	v := &mpVc{ad: ad, h: ndisVcHandle}
	if info, ok := ad.sys.sim.Vc(ndisVcHandle); ok {
		v.number = info.Number
	}
	ad.vcs = append(ad.vcs, v)
	*miniportVcContext = v
	return ndis.StatusSuccess
}

// mpDeleteVc is MiniportCoDeleteVc.
func mpDeleteVc(miniportVcContext ndis.Handle) ndis.Status {
	if v, ok := miniportVcContext.(*mpVc); ok {
		v.deleted = true
	}
	return ndis.StatusSuccess
}

// mpActivateVc is MiniportCoActivateVc.
func mpActivateVc(miniportVcContext ndis.Handle, callParameters *ndis.CoCallParameters) ndis.Status {
	v, ok := miniportVcContext.(*mpVc)
	if !ok {
		return ndis.StatusFailure
	}
	if st := v.ad.opts.FailActivate; st != 0 {
		return st
	}
	if !v.ad.opts.ActivatePends {
		v.active = true
		return ndis.StatusSuccess
	}
	v.ad.sys.st.Enqueue(fmt.Sprintf("miniport of %q completes the activation of vc #%d", v.ad.name, v.number), 0, func() {
		v.active = true
		ndis.MCoActivateVcComplete(ndis.StatusSuccess, v.h, callParameters)
	})
	return ndis.StatusPending
}

// mpDeactivateVc is MiniportCoDeactivateVc.
func mpDeactivateVc(miniportVcContext ndis.Handle) ndis.Status {
	v, ok := miniportVcContext.(*mpVc)
	if !ok {
		return ndis.StatusFailure
	}
	if !v.ad.opts.DeactivatePends {
		v.active = false
		return ndis.StatusSuccess
	}
	v.ad.sys.st.Enqueue(fmt.Sprintf("miniport of %q completes the deactivation of vc #%d", v.ad.name, v.number), 0, func() {
		v.active = false
		ndis.MCoDeactivateVcComplete(ndis.StatusSuccess, v.h)
	})
	return ndis.StatusPending
}

// mpSend is MiniportCoSendNetBufferLists: it completes every send from the
// queue after SendDelay.
func mpSend(miniportVcContext ndis.Handle, netBufferLists *ndis.NetBufferList, sendFlags uint32) {
	v, ok := miniportVcContext.(*mpVc)
	if !ok {
		return
	}
	for n := netBufferLists; n != nil; n = n.Next {
		v.ad.sent = append(v.ad.sent, n.Data)
	}
	v.ad.sys.st.Enqueue(fmt.Sprintf("miniport of %q completes sends on vc #%d", v.ad.name, v.number), int64(v.ad.opts.SendDelay/100), func() {
		for n := netBufferLists; n != nil; n = n.Next {
			n.Status = ndis.StatusSuccess
		}
		ndis.MCoSendNetBufferListsComplete(v.h, netBufferLists, 0)
	})
}

// mpOid is MiniportCoOidRequest.
func mpOid(miniportAdapterContext ndis.Handle, miniportVcContext ndis.Handle, ndisRequest *ndis.OidRequest) ndis.Status {
	ad, ok := miniportAdapterContext.(*Adapter)
	if !ok {
		return ndis.StatusFailure
	}
	ad.oids = append(ad.oids, ndisRequest.Oid)
	st := ndis.StatusSuccess
	if ad.opts.Oid != nil {
		st = ad.opts.Oid(ndisRequest)
	}
	if !ad.opts.OidPends {
		return st
	}
	var vh ndis.Handle
	if v, ok := miniportVcContext.(*mpVc); ok {
		vh = v.h
	}
	ad.sys.st.Enqueue(fmt.Sprintf("miniport of %q completes an OID request", ad.name), 0, func() {
		ndis.MCoOidRequestComplete(ad.handle, vh, ndisRequest, st)
	})
	return ndis.StatusPending
}
