// Package lookalike has a comment that only looks like a directive: it is
// not analysed.
package lookalike

// ndis:role PROTOCOL_CL_CLOSE_CALL_COMPLETE
func f() {}
