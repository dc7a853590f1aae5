package ndis

import (
	"fmt"
	"strings"

	"github.com/ndislint/ndislint/internal/kernel"
	"github.com/ndislint/ndislint/rules"
)

// VarString models VAR_STRING (tapi.h), the variable-size string
// NdisCoGetTapiCallId fills. The C fields keep their names (capitalized to be
// exported); Buffer stands for the bytes that follow the structure in C.
type VarString struct {
	UlTotalSize    uint32
	UlNeededSize   uint32
	UlUsedSize     uint32
	UlStringFormat uint32
	UlStringSize   uint32
	UlStringOffset uint32
	Buffer         []byte
}

// The STRINGFORMAT_XXX values of VAR_STRING.
const (
	StringFormatAscii   uint32 = 0x00000001
	StringFormatDbcs    uint32 = 0x00000002
	StringFormatUnicode uint32 = 0x00000003
	StringFormatBinary  uint32 = 0x00000004
)

// varStringHeader is the size of VAR_STRING's fixed part in C.
const varStringHeader = 24

// tapiCallID is the identifier NDIS gives a VC for TAPI.
func tapiCallID(v *vcBlock) string { return fmt.Sprintf("NDISVC%08X", v.id) }

// CoGetTapiCallId returns a string TAPI applications can use to identify a
// VC.
// NDIS: NdisCoGetTapiCallId. IRQL: DISPATCH_LEVEL. Page: nf-ndis-ndiscogettapicallid.
func CoGetTapiCallId(ndisVcHandle Handle, tapiCallId *VarString) Status {
	defer kernel.Current().EnterDDI("NdisCoGetTapiCallId", args(ndisVcHandle, "TapiCallId"))()
	w := theWorld()
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

// ClGetProtocolVcContextFromTapiCallId returns the client's context for the
// VC a TAPI call identifier (from NdisCoGetTapiCallId) names.
// NDIS: NdisClGetProtocolVcContextFromTapiCallId. IRQL: DISPATCH_LEVEL.
// Page: nf-ndis-ndisclgetprotocolvccontextfromtapicallid.
func ClGetProtocolVcContextFromTapiCallId(tapiCallId String, protocolVcContext *Handle) Status {
	defer kernel.Current().EnterDDI("NdisClGetProtocolVcContextFromTapiCallId", args(fmt.Sprintf("%q", tapiCallId), "ProtocolVcContext"))()
	w := theWorld()
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

// CoAssignInstanceName gives a VC a WMI instance name built from a base
// name, so WMI clients can query OIDs on it.
// NDIS: NdisCoAssignInstanceName. IRQL: DISPATCH_LEVEL.
// Page: nf-ndis-ndiscoassigninstancename.
func CoAssignInstanceName(ndisVcHandle Handle, baseInstanceName *String, vcInstanceName *String) Status {
	defer kernel.Current().EnterDDI("NdisCoAssignInstanceName", args(ndisVcHandle, "BaseInstanceName", "VcInstanceName"))()
	w := theWorld()
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
