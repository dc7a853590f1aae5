// Package helperpkg holds VC helpers that a driver package calls.
package helperpkg

import "github.com/ndislint/ndislint/ndis"

// Vc is a VC context shared with the driver package.
type Vc struct {
	NdisVcHandle ndis.Handle
	Mine         bool
}

// Delete deletes the VC, whoever created it.
func Delete(v *Vc) ndis.Status { return ndis.CoDeleteVc(v.NdisVcHandle) } // want Delete:`summary\{NdisCoDeleteVc\(\$0\.\(\*example.com/t/helperpkg.Vc\)\.NdisVcHandle\)\}`

// DeleteIfMine deletes only the client's own VCs.
func DeleteIfMine(v *Vc) { // want DeleteIfMine:`summary\{NdisCoDeleteVc\(\$0\.\(\*example.com/t/helperpkg.Vc\)\.NdisVcHandle\) if \$0\.\(\*example.com/t/helperpkg.Vc\)\.Mine\}`
	if v.Mine {
		ndis.CoDeleteVc(v.NdisVcHandle)
	}
}
