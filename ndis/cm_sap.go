package ndis

import (
	"fmt"

	"github.com/ndislint/ndislint/internal/kernel"
)

// CmRegisterSapComplete runs NdisCmRegisterSapComplete in the simulated NDIS.
func (w *world) CmRegisterSapComplete(status Status, ndisSapHandle Handle, callMgrSapContext Handle) {
	defer kernel.Current().EnterDDI("NdisCmRegisterSapComplete", args(status, ndisSapHandle, callMgrSapContext))()
	w.registerSapComplete("NdisCmRegisterSapComplete", status, ndisSapHandle, callMgrSapContext)
}

// registerSapComplete implements Ndis(M)CmRegisterSapComplete.
func (w *world) registerSapComplete(ddi string, status Status, h Handle, cmCtx Handle) {
	sh := w.sapArg(ddi, "NdisSapHandle", h, sideCM)
	if sh == nil || !w.checkFamily(ddi, sh.sap.af.reg.cm) {
		return
	}
	s := sh.sap
	if !w.complete(reqKey{"register-sap", s}, ddi, fmt.Sprintf("NdisClRegisterSap of %s", s), status) {
		return
	}
	var clientH Handle
	if status == StatusSuccess {
		s.state = sapRegistered
		s.cmCtx = cmCtx
		clientH = s.clientH
	} else {
		s.state = sapFailed
	}
	p := s.af.client.protocol
	w.call("PROTOCOL_CL_REGISTER_SAP_COMPLETE", p, args(status, s.clientCtx, "Sap", clientH), func() {
		if p.cl.ClRegisterSapCompleteHandler == nil {
			w.noHandler(p, "PROTOCOL_CL_REGISTER_SAP_COMPLETE")
			return
		}
		p.cl.ClRegisterSapCompleteHandler(status, s.clientCtx, s.sap, clientH)
	})
}

// CmDeregisterSapComplete runs NdisCmDeregisterSapComplete in the simulated NDIS.
func (w *world) CmDeregisterSapComplete(status Status, ndisSapHandle Handle) {
	defer kernel.Current().EnterDDI("NdisCmDeregisterSapComplete", args(status, ndisSapHandle))()
	w.deregisterSapComplete("NdisCmDeregisterSapComplete", status, ndisSapHandle)
}

// deregisterSapComplete implements Ndis(M)CmDeregisterSapComplete.
func (w *world) deregisterSapComplete(ddi string, status Status, h Handle) {
	sh := w.sapArg(ddi, "NdisSapHandle", h, sideCM)
	if sh == nil || !w.checkFamily(ddi, sh.sap.af.reg.cm) {
		return
	}
	s := sh.sap
	if !w.complete(reqKey{"deregister-sap", s}, ddi, fmt.Sprintf("NdisClDeregisterSap of %s", s), status) {
		return
	}
	deregisterFinish(s, status)
	p := s.af.client.protocol
	w.call("PROTOCOL_CL_DEREGISTER_SAP_COMPLETE", p, args(status, s.clientCtx), func() {
		if p.cl.ClDeregisterSapCompleteHandler == nil {
			w.noHandler(p, "PROTOCOL_CL_DEREGISTER_SAP_COMPLETE")
			return
		}
		p.cl.ClDeregisterSapCompleteHandler(status, s.clientCtx)
	})
}
