package ndistest

import "github.com/ndislint/ndislint/ndis"

// IdleNotification starts an NDIS selective suspend of the adapter, as NDIS
// does when it has been idle for its idle time-out (forceIdle false) or when
// the system enters Connected Standby (forceIdle true): NDIS calls the
// miniport's MiniportIdleNotification, which its MiniportSetOptions
// registered in NDIS_MINIPORT_SS_CHARACTERISTICS, and IdleNotification
// returns its status. NDIS_STATUS_PENDING leaves the notification
// outstanding until the driver calls NdisMIdleNotificationComplete.
func (st *Stack) IdleNotification(forceIdle bool) ndis.Status {
	st.sys.t.Helper()
	s, err := st.sys.sim.IdleNotification6(st.handle, forceIdle)
	if err != nil {
		st.sys.t.Errorf("ndistest: %v", err)
	}
	st.sys.Run()
	return s
}

// CancelIdleNotification cancels the adapter's outstanding idle
// notification, as NDIS does when a send, an OID request or a wake-up
// event arrives: NDIS calls the miniport's MiniportCancelIdleNotification,
// after which the driver completes the notification with
// NdisMIdleNotificationComplete.
func (st *Stack) CancelIdleNotification() {
	st.sys.t.Helper()
	if err := st.sys.sim.CancelIdleNotification6(st.handle); err != nil {
		st.sys.t.Errorf("ndistest: %v", err)
	}
	st.sys.Run()
}

// IdlePending reports whether the adapter's idle notification is
// outstanding, and the low-power state NdisMIdleNotificationConfirm allowed
// (NdisDeviceStateUnspecified before the driver confirmed).
func (st *Stack) IdlePending() (bool, ndis.DevicePowerState) {
	return st.sys.sim.IdlePending6(st.handle)
}
