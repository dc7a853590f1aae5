package miniport

import "github.com/ndislint/ndislint/ndis"

// mpCheckForHangEx reports the adapter's health (MiniportCheckForHangEx): a
// virtual adapter never hangs.
//
//ndis:role MINIPORT_CHECK_FOR_HANG
func mpCheckForHangEx(miniportAdapterContext ndis.Handle) bool { return false }

// mpResetEx resets the adapter (MiniportResetEx). The virtual adapter has
// no hardware state to reset; its queues drain on their own, so the reset
// completes at once and addressing information need not be restored.
//
//ndis:role MINIPORT_RESET
func mpResetEx(miniportAdapterContext ndis.Handle, addressingReset *bool) ndis.Status {
	*addressingReset = false
	return ndis.StatusSuccess
}

// mpDevicePnPEventNotify is told of device PnP events
// (MiniportDevicePnPEventNotify); a virtual adapter has no device to
// react for (surprise removal, power profile).
//
//ndis:role MINIPORT_DEVICE_PNP_EVENT_NOTIFY
func mpDevicePnPEventNotify(miniportAdapterContext ndis.Handle, netDevicePnPEvent *ndis.NetDevicePnpEvent) {
}

// mpShutdownEx is called when the system shuts down (MiniportShutdownEx),
// possibly at high IRQL after a bug check: it must only put the hardware in
// a known state, and the virtual adapter has none, so it touches nothing.
//
//ndis:role MINIPORT_SHUTDOWN
func mpShutdownEx(miniportAdapterContext ndis.Handle, shutdownAction ndis.ShutdownAction) {}
