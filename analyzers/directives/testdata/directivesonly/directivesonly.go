// Package directivesonly does not import the runtime, but it carries
// ndislint directives: their shape is checked as anywhere else.
package directivesonly

import "fmt"

// want +1 `malformed directive: no space is allowed between // and ndis:role PROTOCOL_CL_CLOSE_CALL_COMPLETE`
// ndis:role PROTOCOL_CL_CLOSE_CALL_COMPLETE
//
//ndis:rol X // want `unknown directive //ndis:rol`
func f() {
	// want +1 `malformed directive //ndislint:ignore: missing argument`
	//ndislint:ignore
	// want +1 `has no reason` `names unknown rule "no-such-rule"`
	//ndislint:ignore no-such-rule
	fmt.Println()
}
