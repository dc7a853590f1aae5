// Package noruntime does not use the NDIS runtime and carries no ndislint
// directive: comments that only look like one are none of ndislint's
// business.
package noruntime

import "fmt"

// ndis:role PROTOCOL_CL_CLOSE_CALL_COMPLETE
//
// ndislint:ignore no-such-rule
func f() {
	fmt.Println()
}
