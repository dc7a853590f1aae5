// Package user returns statuses of its own, of local helpers, of DDIs and
// of the helpers package; the probe analyzer of the test reports what the
// engine says at each return.
package user

import (
	"example.com/s/helpers"

	"github.com/ndislint/ndislint/ndis"
)

func constant() ndis.Status {
	return ndis.StatusPending // want `^constant: NDIS_STATUS_PENDING \(pending\)$`
}

func phi(h ndis.Handle) ndis.Status {
	st := ndis.StatusSuccess
	if h == nil {
		st = ndis.StatusNotAccepted
	}
	return st // want `^phi: NDIS_STATUS_NOT_ACCEPTED, NDIS_STATUS_SUCCESS$`
}

func local(h ndis.Handle) ndis.Status {
	return phi(h) // want `^local: NDIS_STATUS_NOT_ACCEPTED from helper phi, NDIS_STATUS_SUCCESS from helper phi$`
}

func ddi(h ndis.Handle) ndis.Status {
	return ndis.CoDeleteVc(h) // want `^ddi: -$`
}

func pends(h ndis.Handle) ndis.Status {
	return ndis.ClCloseCall(h, nil, nil, 0) // want `^pends: NDIS_STATUS_PENDING from NdisClCloseCall \(pending\)$`
}

func imported(h ndis.Handle) ndis.Status {
	if h == nil {
		return helpers.Close(h) // want `^imported: NDIS_STATUS_PENDING from NdisClCloseCall \(pending\)$` `^helpers.Close: NDIS_STATUS_PENDING from NdisClCloseCall at helpers.go:17:2$`
	}
	return helpers.Later(h) // want `^imported: NDIS_STATUS_PENDING from helper Later, NDIS_STATUS_SUCCESS from helper Later \(pending\)$` `^helpers.Later: NDIS_STATUS_PENDING at helpers.go:10:3$` `^helpers.Later: NDIS_STATUS_SUCCESS at helpers.go:12:2$`
}

func unknown(h ndis.Handle) ndis.Status {
	return helpers.Unknown(h) // want `^unknown: -$`
}

func second() ndis.Status {
	_, st := helpers.Pair() // want `^helpers.Pair: NDIS_STATUS_RESOURCES at helpers.go:27:2$`
	return st               // want `^second: NDIS_STATUS_RESOURCES from helper Pair$`
}

func closure(h ndis.Handle) ndis.Status {
	st := ndis.StatusSuccess
	fail := func() { st = ndis.StatusResources }
	if h == nil {
		fail()
	}
	return st // want `^closure: NDIS_STATUS_RESOURCES, NDIS_STATUS_SUCCESS$`
}

func named() (st ndis.Status) {
	st = ndis.StatusFailure
	return // want `^named: NDIS_STATUS_FAILURE$`
}

// deferred returns what its deferred closure sets, also on the path where
// the function panics and a deferred call recovers (the return at the
// closing brace).
func deferred() (st ndis.Status) {
	defer func() { st = ndis.StatusFailure }()
	return // want `^deferred: NDIS_STATUS_FAILURE$`
} // want `^deferred: NDIS_STATUS_FAILURE$`

// recursive: the cycle adds nothing known.
func recursive(n int) ndis.Status {
	if n == 0 {
		return ndis.StatusSuccess // want `^recursive: NDIS_STATUS_SUCCESS$`
	}
	return recursive(n - 1) // want `^recursive: -$`
}

func odd() ndis.Status {
	return helpers.Odd() // want `^odd: 7 from helper Odd$` `^helpers.Odd: 7 at helpers.go:37:2$`
}
