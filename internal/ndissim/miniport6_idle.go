package ndissim

import (
	"fmt"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

// NDIS selective suspend (NDIS 6.30): NDIS calls an idle adapter's
// MiniportIdleNotification, which pends; the driver confirms with
// NdisMIdleNotificationConfirm that the adapter may go to a low-power
// state, and completes the notification with NdisMIdleNotificationComplete,
// by itself or after NDIS cancels it with MiniportCancelIdleNotification.

// idleState is an adapter's outstanding idle notification.
type idleState struct {
	// pending is true from MiniportIdleNotification's NDIS_STATUS_PENDING
	// to NdisMIdleNotificationComplete; confirmed once the driver called
	// NdisMIdleNotificationConfirm, with power the state it allowed.
	pending, confirmed bool
	power              ndis.DevicePowerState
	// canceled is true once NDIS called MiniportCancelIdleNotification.
	canceled bool
}

// idleOf returns adapter a's idle notification state.
func (w *world) idleOf(a *adapter6) *idleState {
	x := w.extras()
	s := x.idle[a]
	if s == nil {
		s = &idleState{}
		x.idle[a] = s
	}
	return s
}

// ssHandlers returns the NDIS_MINIPORT_SS_CHARACTERISTICS the driver
// registered from MiniportSetOptions, or nil.
func (d *mp6Driver) ssHandlers() *ndis.MiniportSsCharacteristics {
	for _, h := range d.optional {
		if ss, ok := h.(*ndis.MiniportSsCharacteristics); ok {
			return ss
		}
	}
	return nil
}

// IdleNotification6 starts a selective suspend of an adapter, as NDIS does
// when it has been idle for its idle time-out (forceIdle false) or when
// the system enters Connected Standby (forceIdle true): NDIS calls its
// MiniportIdleNotification. NDIS_STATUS_PENDING leaves the notification
// outstanding until NdisMIdleNotificationComplete; NDIS_STATUS_BUSY with
// forceIdle set is a status the page forbids.
func (s *Sim) IdleNotification6(adapter ndis.Handle, forceIdle bool) (ndis.Status, error) {
	a, err := s.adapter6("IdleNotification6", adapter)
	if err != nil {
		return ndis.StatusFailure, err
	}
	w := s.w
	ss := a.drv.ssHandlers()
	if ss == nil {
		return ndis.StatusFailure, fmt.Errorf("IdleNotification6: %s registered no NDIS_MINIPORT_SS_CHARACTERISTICS", a.drv.driverName())
	}
	if w.gone6(a.life) {
		return ndis.StatusFailure, fmt.Errorf("IdleNotification6: %s is halted", a.who())
	}
	is := w.idleOf(a)
	if is.pending {
		return ndis.StatusFailure, fmt.Errorf("IdleNotification6: %s has an idle notification outstanding already", a.who())
	}
	*is = idleState{pending: true}
	st := w.callStatus6("MINIPORT_IDLE_NOTIFICATION", a.drv, args(a.ctx, forceIdle), func() ndis.Status {
		return ss.IdleNotificationHandler(a.ctx, forceIdle)
	})
	if st != ndis.StatusPending {
		is.pending = false
	}
	if st == ndis.StatusBusy && forceIdle {
		w.report(rules.RuleStatusForbidden, "%s's MiniportIdleNotification returned NDIS_STATUS_BUSY with ForceIdle TRUE; the miniport driver must not veto a forced idle notification", a.drv.driverName())
	}
	return st, nil
}

// CancelIdleNotification6 cancels an adapter's outstanding idle
// notification, as NDIS does when a send, an OID request or a wake-up event
// arrives: NDIS calls its MiniportCancelIdleNotification, after which the
// driver completes the notification with NdisMIdleNotificationComplete.
func (s *Sim) CancelIdleNotification6(adapter ndis.Handle) error {
	a, err := s.adapter6("CancelIdleNotification6", adapter)
	if err != nil {
		return err
	}
	is := s.w.idleOf(a)
	if !is.pending || is.canceled {
		return fmt.Errorf("CancelIdleNotification6: %s has no idle notification to cancel", a.who())
	}
	is.canceled = true
	ss := a.drv.ssHandlers()
	s.w.call("MINIPORT_CANCEL_IDLE_NOTIFICATION", a.drv, args(a.ctx), func() { ss.CancelIdleNotificationHandler(a.ctx) })
	return nil
}

// IdlePending6 reports whether an adapter's idle notification is
// outstanding, and the power state NdisMIdleNotificationConfirm allowed
// (NdisDeviceStateUnspecified before it).
func (s *Sim) IdlePending6(adapter ndis.Handle) (bool, ndis.DevicePowerState) {
	a, err := s.adapter6("IdlePending6", adapter)
	if err != nil {
		return false, ndis.NdisDeviceStateUnspecified
	}
	is := s.w.idleOf(a)
	return is.pending, is.power
}

// MIdleNotificationComplete runs NdisMIdleNotificationComplete in the
// simulated NDIS: the adapter's idle notification is complete and the
// adapter returns to full power. With none outstanding (never started,
// vetoed or completed already) it is a completion without pending.
func (w *world) MIdleNotificationComplete(miniportAdapterHandle ndis.Handle) {
	const ddi = "NdisMIdleNotificationComplete"
	defer w.st.EnterDDI(ddi, args(miniportAdapterHandle))()
	a := w.adapter6Arg(ddi, "MiniportAdapterHandle", miniportAdapterHandle)
	if a == nil {
		return
	}
	is := w.idleOf(a)
	if !is.pending {
		w.report(rules.RuleCompletionWithoutPending, "%s called for %s, which has no idle notification outstanding: the driver completes only the one its MiniportIdleNotification pended, once", ddi, a.who())
		return
	}
	*is = idleState{}
}

// MIdleNotificationConfirm runs NdisMIdleNotificationConfirm in the
// simulated NDIS: the adapter may go to IdlePowerState (D1 to D3). The page
// forbids it for an idle notification that was completed; a power state
// that is not a low-power one is a bad parameter.
func (w *world) MIdleNotificationConfirm(miniportAdapterHandle ndis.Handle, idlePowerState ndis.DevicePowerState) {
	const ddi = "NdisMIdleNotificationConfirm"
	defer w.st.EnterDDI(ddi, args(miniportAdapterHandle, uint32(idlePowerState)))()
	a := w.adapter6Arg(ddi, "MiniportAdapterHandle", miniportAdapterHandle)
	if a == nil {
		return
	}
	is := w.idleOf(a)
	switch {
	case !is.pending:
		w.report(rules.RuleCompletionWithoutPending, "%s called for %s, which has no idle notification outstanding: a miniport driver must not call it for an idle notification that was previously completed", ddi, a.who())
	case idlePowerState < ndis.NdisDeviceStateD1 || idlePowerState > ndis.NdisDeviceStateD3:
		w.report(rules.RuleBadParameter, "%s: IdlePowerState is %d, not a low-power state (NdisDeviceStateD1 to NdisDeviceStateD3)", ddi, uint32(idlePowerState))
	default:
		is.confirmed, is.power = true, idlePowerState
	}
}
