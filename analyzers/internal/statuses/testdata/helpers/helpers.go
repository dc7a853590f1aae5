// Package helpers has exported functions whose statuses other packages
// learn from facts.
package helpers

import "github.com/ndislint/ndislint/ndis"

// Later may pend.
func Later(h ndis.Handle) ndis.Status { // want Later:`statuses\{NDIS_STATUS_PENDING,NDIS_STATUS_SUCCESS\}`
	if h == nil {
		return ndis.StatusPending
	}
	return ndis.StatusSuccess
}

// Close returns what NdisClCloseCall returns: it may pend.
func Close(h ndis.Handle) ndis.Status { // want Close:`statuses\{NDIS_STATUS_PENDING\}`
	return ndis.ClCloseCall(h, nil, nil, 0)
}

// Unknown returns a status the analysis cannot tell: no fact.
func Unknown(h ndis.Handle) ndis.Status {
	return h.(ndis.Status)
}

// Pair returns a status as its second result.
func Pair() (int, ndis.Status) { // want Pair:`statuses\{1:NDIS_STATUS_RESOURCES\}`
	return 0, ndis.StatusResources
}

// unexported is not exported: no fact.
func unexported() ndis.Status {
	return ndis.StatusPending
}

// Odd returns a value no runtime constant has.
func Odd() ndis.Status { // want Odd:`statuses\{7\}`
	return 7
}

var _ = unexported
