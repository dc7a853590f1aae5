package wdm

import (
	"github.com/ndislint/ndislint/internal/kernel"
)

// KeRaiseIrql is KeRaiseIrql: raises the IRQL of the processor to newIrql
// and stores the previous IRQL in *oldIrql, for KeLowerIrql. A newIrql
// below the current IRQL is a bug check in Windows; here it is reported
// (irql-raise-lowers), the IRQL stays as it is and *oldIrql receives it.
// The page names the parameters a and b; the Go names are the ones its
// syntax block uses.
// IRQL: Any level (see Remarks section). Page: nf-wdm-keraiseirql.
func KeRaiseIrql(newIrql Irql, oldIrql *Irql) {
	s := kernel.Current()
	defer s.EnterDDI("KeRaiseIrql", newIrql.String())()
	old := s.Raise("KeRaiseIrql", uint8(newIrql))
	if oldIrql == nil {
		s.BadParameter("KeRaiseIrql", "OldIrql", "is NULL; the previous IRQL cannot be saved")
		return
	}
	*oldIrql = Irql(old)
}

// KeLowerIrql is KeLowerIrql: restores the IRQL to newIrql, the value
// KeRaiseIrql or KeRaiseIrqlToDpcLevel returned. A newIrql above the
// current IRQL is reported (irql-lower-raises) and changes nothing.
// IRQL: Any level. Page: nf-wdm-kelowerirql.
func KeLowerIrql(newIrql Irql) {
	s := kernel.Current()
	defer s.EnterDDI("KeLowerIrql", newIrql.String())()
	s.Lower("KeLowerIrql", uint8(newIrql))
}

// KeGetCurrentIrql is KeGetCurrentIrql: returns the current IRQL of the
// (simulated) processor.
// IRQL: Any level. Page: nf-wdm-kegetcurrentirql.
func KeGetCurrentIrql() Irql {
	s := kernel.Current()
	defer s.EnterDDI("KeGetCurrentIrql", "")()
	return Irql(s.Irql())
}

// KeRaiseIrqlToDpcLevel is KeRaiseIrqlToDpcLevel: raises the IRQL to
// DISPATCH_LEVEL and returns the IRQL of the call, for KeLowerIrql. Called
// above DISPATCH_LEVEL (a bug check in Windows, reported by the catalogue's
// IRQL check) it leaves the IRQL unchanged.
// IRQL: <= DISPATCH_LEVEL (see Remarks section). Page: nf-wdm-keraiseirqltodpclevel.
func KeRaiseIrqlToDpcLevel() Irql {
	s := kernel.Current()
	defer s.EnterDDI("KeRaiseIrqlToDpcLevel", "")()
	old := Irql(s.Irql())
	if old < DispatchLevel {
		s.SetIrql(uint8(DispatchLevel))
	}
	return old
}
