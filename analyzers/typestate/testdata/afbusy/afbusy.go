// Package afbusy: NdisClCloseAddressFamily with SAPs or VCs created on the
// AF still there.
package afbusy

import "github.com/ndislint/ndislint/ndis"

type vc struct{ ndisVcHandle ndis.Handle }

type sap struct{ ndisSapHandle ndis.Handle }

func shutdownVc(binding, ndisAfHandle ndis.Handle) {
	v := &vc{}
	if ndis.CoCreateVc(binding, ndisAfHandle, v, &v.ndisVcHandle) != ndis.StatusSuccess {
		return
	}
	ndis.ClCloseAddressFamily(ndisAfHandle) // want `NdisClCloseAddressFamily while the vc-client that NdisCoCreateVc created with its handle may still be idle; end it first \(af-close-with-objects\)`
}

// The twin: the VC is deleted first.
func shutdownVcDeleted(binding, ndisAfHandle ndis.Handle) {
	v := &vc{}
	if ndis.CoCreateVc(binding, ndisAfHandle, v, &v.ndisVcHandle) != ndis.StatusSuccess {
		return
	}
	ndis.CoDeleteVc(v.ndisVcHandle)
	ndis.ClCloseAddressFamily(ndisAfHandle)
}

// The creation failed: no VC to delete.
func shutdownVcFailed(binding, ndisAfHandle ndis.Handle) {
	v := &vc{}
	if ndis.CoCreateVc(binding, ndisAfHandle, v, &v.ndisVcHandle) == ndis.StatusSuccess {
		return
	}
	ndis.ClCloseAddressFamily(ndisAfHandle)
}

// A SAP whose registration is still pending.
func shutdownSap(ndisAfHandle ndis.Handle, s *sap, coSap *ndis.CoSap) {
	if ndis.ClRegisterSap(ndisAfHandle, s, coSap, &s.ndisSapHandle) == ndis.StatusPending {
		ndis.ClCloseAddressFamily(ndisAfHandle) // want `NdisClCloseAddressFamily while the sap that NdisClRegisterSap created with its handle may still be registering`
	}
}

// The twin: the SAP is deregistered first.
func shutdownSapDeregistered(ndisAfHandle ndis.Handle, s *sap, coSap *ndis.CoSap) {
	if ndis.ClRegisterSap(ndisAfHandle, s, coSap, &s.ndisSapHandle) == ndis.StatusPending {
		ndis.ClDeregisterSap(s.ndisSapHandle)
		ndis.ClCloseAddressFamily(ndisAfHandle)
	}
}

// Objects the pass cannot see (created elsewhere) are not reported.
func shutdownOthers(ndisAfHandle ndis.Handle, vcs []*vc) {
	ndis.ClCloseAddressFamily(ndisAfHandle)
}
