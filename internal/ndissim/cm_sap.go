package ndissim

import (
	"fmt"

	"github.com/ndislint/ndislint/ndis"
)

// CmRegisterSapComplete runs NdisCmRegisterSapComplete in the simulated NDIS.
func (w *world) CmRegisterSapComplete(status ndis.Status, ndisSapHandle ndis.Handle, callMgrSapContext ndis.Handle) {
	defer w.st.EnterDDI("NdisCmRegisterSapComplete", args(status, ndisSapHandle, callMgrSapContext))()
	w.registerSapComplete("NdisCmRegisterSapComplete", status, ndisSapHandle, callMgrSapContext)
}

// registerSapComplete implements Ndis(M)CmRegisterSapComplete.
func (w *world) registerSapComplete(ddi string, status ndis.Status, h ndis.Handle, cmCtx ndis.Handle) {
	sh := w.sapArg(ddi, "NdisSapHandle", h, sideCM)
	if sh == nil || !w.checkFamily(ddi, sh.sap.af.reg.cm) {
		return
	}
	s := sh.sap
	if !w.complete(reqKey{"register-sap", s}, ddi, fmt.Sprintf("NdisClRegisterSap of %s", s), status) {
		return
	}
	w.step(s.cmLife, w.onStatus(ddi, status))
	var clientH ndis.Handle
	if status == ndis.StatusSuccess {
		s.cmCtx = cmCtx
		clientH = s.clientH
	}
	p := s.af.client.protocol
	w.step(s.life, w.onStatus("PROTOCOL_CL_REGISTER_SAP_COMPLETE", status))
	w.call("PROTOCOL_CL_REGISTER_SAP_COMPLETE", p, args(status, s.clientCtx, "Sap", clientH), func() {
		if p.cl.ClRegisterSapCompleteHandler == nil {
			w.noHandler(p, "PROTOCOL_CL_REGISTER_SAP_COMPLETE")
			return
		}
		p.cl.ClRegisterSapCompleteHandler(status, s.clientCtx, s.sap, clientH)
	})
}

// CmDeregisterSapComplete runs NdisCmDeregisterSapComplete in the simulated NDIS.
func (w *world) CmDeregisterSapComplete(status ndis.Status, ndisSapHandle ndis.Handle) {
	defer w.st.EnterDDI("NdisCmDeregisterSapComplete", args(status, ndisSapHandle))()
	w.deregisterSapComplete("NdisCmDeregisterSapComplete", status, ndisSapHandle)
}

// deregisterSapComplete implements Ndis(M)CmDeregisterSapComplete.
func (w *world) deregisterSapComplete(ddi string, status ndis.Status, h ndis.Handle) {
	sh := w.sapArg(ddi, "NdisSapHandle", h, sideCM)
	if sh == nil || !w.checkFamily(ddi, sh.sap.af.reg.cm) {
		return
	}
	s := sh.sap
	if !w.complete(reqKey{"deregister-sap", s}, ddi, fmt.Sprintf("NdisClDeregisterSap of %s", s), status) {
		return
	}
	w.step(s.cmLife, w.onStatus(ddi, status))
	p := s.af.client.protocol
	w.step(s.life, w.onStatus("PROTOCOL_CL_DEREGISTER_SAP_COMPLETE", status))
	w.call("PROTOCOL_CL_DEREGISTER_SAP_COMPLETE", p, args(status, s.clientCtx), func() {
		if p.cl.ClDeregisterSapCompleteHandler == nil {
			w.noHandler(p, "PROTOCOL_CL_DEREGISTER_SAP_COMPLETE")
			return
		}
		p.cl.ClDeregisterSapCompleteHandler(status, s.clientCtx)
	})
}
