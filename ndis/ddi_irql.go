package ndis

import "github.com/ndislint/ndislint/wdm"

// The NDIS IRQL macros.

// LowerIrql is the NDIS_LOWER_IRQL macro: if oldIrql differs from curIrql
// it lowers the IRQL to oldIrql (KeLowerIrql), the value
// NDIS_RAISE_IRQL_TO_DISPATCH saved; curIrql is the IRQL the caller runs at
// before the call. A curIrql that is not the current IRQL is reported
// (bad-parameter), since the macro then decides wrongly whether to lower;
// lowering to a higher level is reported (irql-lower-raises).
// IRQL: Any level (see Remarks section). Page: nf-ndis-ndis_lower_irql.
func LowerIrql(oldIrql, curIrql wdm.Irql) {
	sim().LowerIrql(oldIrql, curIrql)
}

// RaiseIrqlToDispatch is the NDIS_RAISE_IRQL_TO_DISPATCH macro: raises the
// IRQL to DISPATCH_LEVEL and stores the previous IRQL in *pIrql, for
// NDIS_LOWER_IRQL. Above DISPATCH_LEVEL (a bug check in Windows, reported
// by the catalogue's IRQL check) it leaves the IRQL unchanged.
// IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndis_raise_irql_to_dispatch.
func RaiseIrqlToDispatch(pIrql *wdm.Irql) {
	sim().RaiseIrqlToDispatch(pIrql)
}
