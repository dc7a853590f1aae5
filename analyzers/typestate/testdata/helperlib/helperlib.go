// Package helperlib holds a client's AF helpers, used from another package.
package helperlib

import "github.com/ndislint/ndislint/ndis"

// Af is a client's AF context.
type Af struct {
	Binding ndis.Handle
	H       ndis.Handle
	Req     ndis.OidRequest
	Closed  bool
}

// Open opens the AF; its handle lands in a.H.
func Open(a *Af, family *ndis.CoAddressFamily) ndis.Status {
	return ndis.ClOpenAddressFamilyEx(a.Binding, family, a, &a.H)
}

// Query sends an OID request on the AF.
func Query(a *Af) ndis.Status { // want Query:`uses\(p0 af-handle NdisCoOidRequest\(NdisAfHandle\)\) keeps`
	return ndis.CoOidRequest(a.Binding, a.H, nil, nil, &a.Req)
}

// Reopen closes the AF and opens it again: the use is of the new handle.
func Reopen(a *Af, family *ndis.CoAddressFamily) { // want Reopen:`^uses\(p0 af-handle NdisClCloseAddressFamily\(NdisAfHandle\)\)$`
	ndis.ClCloseAddressFamily(a.H)
	Open(a, family)
	Query(a)
}

// Mark only writes a flag.
func Mark(a *Af) { a.Closed = true } // want Mark:`^uses\(\) keeps$`
