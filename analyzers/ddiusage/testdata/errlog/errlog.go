// Package errlog writes the error log entries of the companion testdata
// from another package.
package errlog

import "github.com/ndislint/ndislint/ndis"

// OutOfResources is NDIS_ERROR_CODE_OUT_OF_RESOURCES.
const OutOfResources = 0xC0001389

// OutOfMemory logs an allocation of length bytes that failed.
func OutOfMemory(h ndis.Handle, length uint32) { // want OutOfMemory:`reaches\(NdisWriteErrorLogEntry\)`
	ndis.WriteErrorLogEntry(h, OutOfResources, 1, length)
}
