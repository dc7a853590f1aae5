// Package noruntime does not use the NDIS runtime: its comments are none of
// ndislint's business, however they look.
package noruntime

import "fmt"

// ndis:role PROTOCOL_CL_CLOSE_CALL_COMPLETE
//
//ndis:rol X
func f() {
	//ndislint:ignore
	//ndislint:ignore no-such-rule
	fmt.Println()
}
