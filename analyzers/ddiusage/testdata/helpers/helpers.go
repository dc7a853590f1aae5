package helpers

import "github.com/ndislint/ndislint/ndis"

// MapRegisters maps the adapter's registers.
func MapRegisters(h ndis.Handle, regs *[]byte) ndis.Status { // want MapRegisters:`reaches\(NdisMMapIoSpace\)`
	return ndis.MMapIoSpace(regs, h, 0, 64)
}
