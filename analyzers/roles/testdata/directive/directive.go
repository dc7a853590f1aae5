// Package directive has role directives that declare nothing.
package directive

import "github.com/ndislint/ndislint/ndis"

// typo names no role.
//
// want +2 `^//ndis:role names unknown role PROTOCOL_CL_CLOSE_CALL_COMPLETED; did you mean PROTOCOL_CL_CLOSE_CALL_COMPLETE\? \(role-directive\)$`
//
//ndis:role PROTOCOL_CL_CLOSE_CALL_COMPLETED
func typo(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {}

// lower is spelled in the wrong case.
//
// want +2 `unknown role protocol_cl_close_af_complete; did you mean PROTOCOL_CL_CLOSE_AF_COMPLETE\?`
//
//ndis:role protocol_cl_close_af_complete
func lower(status ndis.Status, protocolAfContext ndis.Handle) {}

// nonsense is far from any role.
//
// want +2 `unknown role DRIVER_ENTRY; the roles are the callback typedefs of ndis.h`
//
//ndis:role DRIVER_ENTRY
func nonsense() {}

// twoWords has trailing words.
//
// want +2 `^//ndis:role takes one role name \(PROTOCOL_CL_CLOSE_CALL_COMPLETE or ProtocolClCloseCallComplete\), not "PROTOCOL_CL_CLOSE_AF_COMPLETE and more" \(role-directive\)$`
//
//ndis:role PROTOCOL_CL_CLOSE_AF_COMPLETE and more
func twoWords(status ndis.Status, protocolAfContext ndis.Handle) {}

// want +2 `^//ndis:role PROTOCOL_CL_CLOSE_AF_COMPLETE is not in the doc comment of a function declaration, so it declares nothing \(role-directive\)$`
//
//ndis:role PROTOCOL_CL_CLOSE_AF_COMPLETE
var notAFunction ndis.ProtocolClCloseAfComplete

// goSpelling is fine.
//
//ndis:role ProtocolClCloseAfComplete
func goSpelling(status ndis.Status, protocolAfContext ndis.Handle) {}

func body() {
	// want +1 `is not in the doc comment of a function declaration`
	//ndis:role PROTOCOL_CL_CLOSE_AF_COMPLETE
	_ = 0
}
