// Package clean is the clean twin: well-formed directives, Go's own
// directives and prose that mentions directives. Nothing is reported.
package clean

import (
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/wdm"
)

// clCloseCallComplete is registered nowhere, so it states its role with a
// directive; the text "ndis:role" in this sentence is prose, not a directive.
//
//ndis:role PROTOCOL_CL_CLOSE_CALL_COMPLETE
func clCloseCallComplete(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {}

// helper runs at DISPATCH_LEVEL or below.
//
//ndis:irql max=DISPATCH_LEVEL
func helper() wdm.Irql { return wdm.DispatchLevel }

// init-time code may be paged out.
//
//ndis:pageable
//go:noinline
func pagedHelper() {}

// The contents of role and IRQL directives are the role and IRQL passes'
// business, not this pass's: a role typedef that does not exist is not
// reported here.
//
//ndis:role PROTOCOL_NO_SUCH_ROLE
func otherPass() {}

func suppressed() {
	//ndislint:ignore directive-malformed this comment is kept for an old tool
	//ndis:bogus
	_ = 0

	//ndislint:ignore directive-malformed,unused-ignore an ignore may list several rules
	//ndislint:ignore
	_ = 0

	//ndislint:ignore unused-ignore the rule every pass reports is a known ID
	_ = 0

	// One ignore suppresses two findings about the directive below it
	// (another directive, not itself).
	//ndislint:ignore directive-unknown-rule,ignore-missing-reason the line below is kept for an old tool
	//ndislint:ignore no-such-rule
	_ = 0

	// Rules of other passes: well-formed, known, with a reason. The reason
	// may hold commas; only the first word is the rule list.
	//ndislint:ignore vc-use-after-close,vc-delete-cm-vc reason
	_ = 0
	//ndislint:ignore vc-delete-cm-vc the CM, not this client, created the VC
	_ = 0
}

// A line like the one below is documentation, not a directive:
//
//	// ndislint:ignore is written without a space after the slashes
func prose() {}

/*
ndis:role inside a block comment is not a directive either.
*/
var _ = 0
