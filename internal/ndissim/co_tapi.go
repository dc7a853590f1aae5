package ndissim

import (
	"fmt"
	"strings"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

// varStringHeader is the size of VAR_STRING's fixed part in C.
const varStringHeader = 24

// tapiCallID is the identifier NDIS gives a VC for TAPI.
func tapiCallID(v *vcBlock) string { return fmt.Sprintf("NDISVC%08X", v.id) }

// CoGetTapiCallId runs NdisCoGetTapiCallId in the simulated NDIS.
func (w *world) CoGetTapiCallId(ndisVcHandle ndis.Handle, tapiCallId *ndis.VarString) ndis.Status {
	defer w.st.EnterDDI("NdisCoGetTapiCallId", args(ndisVcHandle, "TapiCallId"))()
	const ddi = "NdisCoGetTapiCallId"
	vh := w.vcArg(ddi, "NdisVcHandle", ndisVcHandle, 0, 0)
	if vh == nil {
		return ndis.StatusInvalidData
	}
	if !w.needPtr(ddi, "TapiCallId", tapiCallId == nil) {
		return ndis.StatusInvalidParameter
	}
	id := []byte(tapiCallID(vh.vc))
	need := uint32(varStringHeader + len(id))
	tapiCallId.UlNeededSize = need
	if tapiCallId.UlTotalSize < need {
		return ndis.StatusBufferTooShort
	}
	tapiCallId.UlUsedSize = need
	tapiCallId.UlStringFormat = ndis.StringFormatAscii
	tapiCallId.UlStringSize = uint32(len(id))
	tapiCallId.UlStringOffset = varStringHeader
	tapiCallId.Buffer = id
	return ndis.StatusSuccess
}

// ClGetProtocolVcContextFromTapiCallId runs NdisClGetProtocolVcContextFromTapiCallId in the simulated NDIS.
func (w *world) ClGetProtocolVcContextFromTapiCallId(tapiCallId ndis.String, protocolVcContext *ndis.Handle) ndis.Status {
	defer w.st.EnterDDI("NdisClGetProtocolVcContextFromTapiCallId", args(fmt.Sprintf("%q", tapiCallId), "ProtocolVcContext"))()
	const ddi = "NdisClGetProtocolVcContextFromTapiCallId"
	if !w.needPtr(ddi, "ProtocolVcContext", protocolVcContext == nil) {
		return ndis.StatusFailure
	}
	id := strings.TrimRight(tapiCallId, "\x00")
	for _, v := range w.vcs {
		if !v.deleted && v.hasClient() && tapiCallID(v) == id {
			*protocolVcContext = v.clientCtx
			return ndis.StatusSuccess
		}
	}
	return ndis.StatusFailure
}

// CoAssignInstanceName runs NdisCoAssignInstanceName in the simulated NDIS.
func (w *world) CoAssignInstanceName(ndisVcHandle ndis.Handle, baseInstanceName *ndis.String, vcInstanceName *ndis.String) ndis.Status {
	defer w.st.EnterDDI("NdisCoAssignInstanceName", args(ndisVcHandle, "BaseInstanceName", "VcInstanceName"))()
	const ddi = "NdisCoAssignInstanceName"
	vh := w.vcArg(ddi, "NdisVcHandle", ndisVcHandle, 0, 0)
	if vh == nil || !w.needPtr(ddi, "BaseInstanceName", baseInstanceName == nil) {
		return ndis.StatusFailure
	}
	v := vh.vc
	if vh.side == sideMiniport || (vh.side == sideCM && v.cm.isMCM()) {
		w.report(rules.RuleBadHandle, "%s: NdisVcHandle is the %s's handle of %s; clients and stand-alone call managers name VCs", ddi, vh.side, v)
		return ndis.StatusFailure
	}
	v.instanceName = fmt.Sprintf("[%04X:%08X] %s", v.adapter.index, v.id, *baseInstanceName)
	if vcInstanceName != nil {
		*vcInstanceName = v.instanceName
	}
	return ndis.StatusSuccess
}
