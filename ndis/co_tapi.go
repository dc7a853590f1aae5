package ndis

import (
	"fmt"
	"strings"

	"github.com/ndislint/ndislint/internal/kernel"
	"github.com/ndislint/ndislint/rules"
)

// varStringHeader is the size of VAR_STRING's fixed part in C.
const varStringHeader = 24

// tapiCallID is the identifier NDIS gives a VC for TAPI.
func tapiCallID(v *vcBlock) string { return fmt.Sprintf("NDISVC%08X", v.id) }

// CoGetTapiCallId runs NdisCoGetTapiCallId in the simulated NDIS.
func (w *world) CoGetTapiCallId(ndisVcHandle Handle, tapiCallId *VarString) Status {
	defer kernel.Current().EnterDDI("NdisCoGetTapiCallId", args(ndisVcHandle, "TapiCallId"))()
	const ddi = "NdisCoGetTapiCallId"
	vh := w.vcArg(ddi, "NdisVcHandle", ndisVcHandle, 0, 0)
	if vh == nil {
		return StatusInvalidData
	}
	if !w.needPtr(ddi, "TapiCallId", tapiCallId == nil) {
		return StatusInvalidParameter
	}
	id := []byte(tapiCallID(vh.vc))
	need := uint32(varStringHeader + len(id))
	tapiCallId.UlNeededSize = need
	if tapiCallId.UlTotalSize < need {
		return StatusBufferTooShort
	}
	tapiCallId.UlUsedSize = need
	tapiCallId.UlStringFormat = StringFormatAscii
	tapiCallId.UlStringSize = uint32(len(id))
	tapiCallId.UlStringOffset = varStringHeader
	tapiCallId.Buffer = id
	return StatusSuccess
}

// ClGetProtocolVcContextFromTapiCallId runs NdisClGetProtocolVcContextFromTapiCallId in the simulated NDIS.
func (w *world) ClGetProtocolVcContextFromTapiCallId(tapiCallId String, protocolVcContext *Handle) Status {
	defer kernel.Current().EnterDDI("NdisClGetProtocolVcContextFromTapiCallId", args(fmt.Sprintf("%q", tapiCallId), "ProtocolVcContext"))()
	const ddi = "NdisClGetProtocolVcContextFromTapiCallId"
	if !w.needPtr(ddi, "ProtocolVcContext", protocolVcContext == nil) {
		return StatusFailure
	}
	id := strings.TrimRight(tapiCallId, "\x00")
	for _, v := range w.vcs {
		if !v.deleted && v.hasClient() && tapiCallID(v) == id {
			*protocolVcContext = v.clientCtx
			return StatusSuccess
		}
	}
	return StatusFailure
}

// CoAssignInstanceName runs NdisCoAssignInstanceName in the simulated NDIS.
func (w *world) CoAssignInstanceName(ndisVcHandle Handle, baseInstanceName *String, vcInstanceName *String) Status {
	defer kernel.Current().EnterDDI("NdisCoAssignInstanceName", args(ndisVcHandle, "BaseInstanceName", "VcInstanceName"))()
	const ddi = "NdisCoAssignInstanceName"
	vh := w.vcArg(ddi, "NdisVcHandle", ndisVcHandle, 0, 0)
	if vh == nil || !w.needPtr(ddi, "BaseInstanceName", baseInstanceName == nil) {
		return StatusFailure
	}
	v := vh.vc
	if vh.side == sideMiniport || (vh.side == sideCM && v.cm.isMCM()) {
		w.report(rules.RuleBadHandle, "%s: NdisVcHandle is the %s's handle of %s; clients and stand-alone call managers name VCs", ddi, vh.side, v)
		return StatusFailure
	}
	v.instanceName = fmt.Sprintf("[%04X:%08X] %s", v.adapter.index, v.id, *baseInstanceName)
	if vcInstanceName != nil {
		*vcInstanceName = v.instanceName
	}
	return StatusSuccess
}
