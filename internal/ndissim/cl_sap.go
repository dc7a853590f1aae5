package ndissim

import (
	"fmt"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

// ClRegisterSap runs NdisClRegisterSap in the simulated NDIS.
func (w *world) ClRegisterSap(ndisAfHandle ndis.Handle, protocolSapContext ndis.Handle, sap *ndis.CoSap, ndisSapHandle *ndis.Handle) ndis.Status {
	defer w.st.EnterDDI("NdisClRegisterSap", args(ndisAfHandle, protocolSapContext, "Sap", "NdisSapHandle"))()
	const ddi = "NdisClRegisterSap"
	ah := w.afArg(ddi, "NdisAfHandle", ndisAfHandle, sideClient, 0)
	if ah == nil {
		return ndis.StatusFailure
	}
	af := ah.af
	// The af lifetime reports a closed or failed AF first (afArg); an AF
	// whose open still pends has a live handle in it, and comes here.
	if af.state != afOpen {
		w.report(rules.RuleBadHandle, "%s: %s is not open", ddi, af)
		return ndis.StatusFailure
	}
	if !w.needPtr(ddi, "Sap", sap == nil) || !w.needPtr(ddi, "NdisSapHandle", ndisSapHandle == nil) {
		return ndis.StatusInvalidParameter
	}
	s := &sapBlock{id: w.next("sap"), af: af, sap: sap, clientCtx: protocolSapContext, life: w.newLife(rules.ObjectSap), cmLife: w.newLife(rules.ObjectSapCM)}
	s.clientH = &sapHandle{issued: issued{w}, sap: s, side: sideClient}
	s.cmH = &sapHandle{issued: issued{w}, sap: s, side: sideCM}
	af.saps = append(af.saps, s)
	*ndisSapHandle = s.clientH
	cm := af.reg.cm
	h := cm.handlers()
	t := w.begin(s.life, on(ddi))
	st := w.forward(reqKey{"register-sap", s}, fmt.Sprintf("%s of %s", ddi, s), w.completer("PROTOCOL_CM_REG_SAP", cm.isMCM()), func() ndis.Status {
		tc := w.begin(s.cmLife, event{by: "PROTOCOL_CM_REG_SAP", mcm: cm.isMCM()})
		r := w.callStatus("PROTOCOL_CM_REG_SAP", cm.driver(), args(af.cmCtx, "Sap", s.cmH, "CallMgrSapContext"), func() ndis.Status {
			if h.CmRegisterSapHandler == nil {
				w.noHandler(cm.driver(), "PROTOCOL_CM_REG_SAP")
				return ndis.StatusNotSupported
			}
			var ctx ndis.Handle
			r := h.CmRegisterSapHandler(af.cmCtx, sap, s.cmH, &ctx)
			if r == ndis.StatusSuccess {
				s.cmCtx = ctx
			}
			return r
		})
		tc.end(r)
		return r
	})
	t.end(st)
	if st != ndis.StatusSuccess && st != ndis.StatusPending {
		*ndisSapHandle = nil
	}
	return st
}

// ClDeregisterSap runs NdisClDeregisterSap in the simulated NDIS.
func (w *world) ClDeregisterSap(ndisSapHandle ndis.Handle) ndis.Status {
	defer w.st.EnterDDI("NdisClDeregisterSap", args(ndisSapHandle))()
	const ddi = "NdisClDeregisterSap"
	sh := w.sapArg(ddi, "NdisSapHandle", ndisSapHandle, sideClient)
	if sh == nil {
		return ndis.StatusFailure
	}
	s := sh.sap
	if !w.admit(s.life, on(ddi), ddi, s.String(), "", "") {
		return ndis.StatusFailure
	}
	cm := s.af.reg.cm
	h := cm.handlers()
	t := w.begin(s.life, on(ddi))
	st := w.forward(reqKey{"deregister-sap", s}, fmt.Sprintf("%s of %s", ddi, s), w.completer("PROTOCOL_CM_DEREGISTER_SAP", cm.isMCM()), func() ndis.Status {
		tc := w.begin(s.cmLife, event{by: "PROTOCOL_CM_DEREGISTER_SAP", mcm: cm.isMCM()})
		r := w.callStatus("PROTOCOL_CM_DEREGISTER_SAP", cm.driver(), args(s.cmCtx), func() ndis.Status {
			if h.CmDeregisterSapHandler == nil {
				w.noHandler(cm.driver(), "PROTOCOL_CM_DEREGISTER_SAP")
				return ndis.StatusSuccess
			}
			return h.CmDeregisterSapHandler(s.cmCtx)
		})
		tc.end(r)
		return r
	})
	t.end(st)
	return st
}
