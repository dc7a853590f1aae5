package ndissim

import (
	"fmt"

	"github.com/ndislint/ndislint/wdm"
)

// RaiseIrqlToDispatch runs NDIS_RAISE_IRQL_TO_DISPATCH in the simulated NDIS.
func (w *world) RaiseIrqlToDispatch(pIrql *wdm.Irql) {
	s := w.st
	defer s.EnterDDI("NDIS_RAISE_IRQL_TO_DISPATCH", "")()
	old := s.Irql()
	if old < uint8(wdm.DispatchLevel) {
		s.Raise("NDIS_RAISE_IRQL_TO_DISPATCH", uint8(wdm.DispatchLevel))
	}
	if pIrql == nil {
		s.BadParameter("NDIS_RAISE_IRQL_TO_DISPATCH", "_pIrql_", "is NULL; the previous IRQL cannot be saved")
		return
	}
	*pIrql = wdm.Irql(old)
}

// LowerIrql runs NDIS_LOWER_IRQL in the simulated NDIS.
func (w *world) LowerIrql(oldIrql, curIrql wdm.Irql) {
	s := w.st
	defer s.EnterDDI("NDIS_LOWER_IRQL", fmt.Sprintf("%s, %s", oldIrql, curIrql))()
	if now := wdm.Irql(s.Irql()); curIrql != now {
		s.BadParameter("NDIS_LOWER_IRQL", "_CurIrql_", fmt.Sprintf("is %s but the current IRQL is %s", curIrql, now))
	}
	if oldIrql != curIrql {
		s.Lower("NDIS_LOWER_IRQL", uint8(oldIrql))
	}
}
