package ndistest_test

import (
	"testing"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/ndistest"
	"github.com/ndislint/ndislint/rules"
)

// ssMiniport is a miniport driver with NDIS selective suspend: its
// MiniportIdleNotification confirms D2 and pends, its
// MiniportCancelIdleNotification completes the notification.
type ssMiniport struct {
	handle ndis.Handle
	// adapter is the MiniportAdapterHandle of its adapter.
	adapter ndis.Handle
}

// entry is the driver's DriverEntry.
func (mp *ssMiniport) entry(driverObject *ndis.DriverObject, registryPath *ndis.String) ndis.Status {
	ok := func(ndis.Handle, *ndis.MiniportPauseParameters) ndis.Status { return ndis.StatusSuccess }
	chars := &ndis.MiniportDriverCharacteristics{
		MajorNdisVersion: 6, MinorNdisVersion: 30,
		SetOptionsHandler: func(h, _ ndis.Handle) ndis.Status {
			return ndis.SetOptionalHandlers(h, &ndis.MiniportSsCharacteristics{
				IdleNotificationHandler: func(ctx ndis.Handle, forceIdle bool) ndis.Status {
					ndis.MIdleNotificationConfirm(mp.adapter, ndis.NdisDeviceStateD2)
					return ndis.StatusPending
				},
				CancelIdleNotificationHandler: func(ndis.Handle) { ndis.MIdleNotificationComplete(mp.adapter) },
			})
		},
		InitializeHandlerEx: func(h, _ ndis.Handle, _ *ndis.MiniportInitParameters) ndis.Status {
			mp.adapter = h
			return ndis.MSetMiniportAttributes(h, &ndis.MiniportAdapterAttributes{MiniportAdapterContext: mp})
		},
		HaltHandlerEx:               func(ndis.Handle, ndis.HaltAction) {},
		UnloadHandler:               func(*ndis.DriverObject) { ndis.MDeregisterMiniportDriver(mp.handle) },
		PauseHandler:                ok,
		RestartHandler:              func(ndis.Handle, *ndis.MiniportRestartParameters) ndis.Status { return ndis.StatusSuccess },
		OidRequestHandler:           func(ndis.Handle, *ndis.OidRequest) ndis.Status { return ndis.StatusNotSupported },
		SendNetBufferListsHandler:   func(ndis.Handle, *ndis.NetBufferList, ndis.PortNumber, uint32) {},
		ReturnNetBufferListsHandler: func(ndis.Handle, *ndis.NetBufferList, uint32) {},
		ShutdownHandlerEx:           func(ndis.Handle, ndis.ShutdownAction) {},
	}
	return ndis.MRegisterMiniportDriver(driverObject, registryPath, mp, chars, &mp.handle)
}

func TestNdis6SelectiveSuspend(t *testing.T) {
	sys := ndistest.New(t, ndistest.Expect(rules.RuleCompletionWithoutPending))
	mp := &ssMiniport{}
	st := sys.LoadDriver("tss", mp.entry).AddAdapter("eth0")
	if s := st.IdleNotification(false); s != ndis.StatusPending {
		t.Fatalf("IdleNotification = %s", s)
	}
	if pending, power := st.IdlePending(); !pending || power != ndis.NdisDeviceStateD2 {
		t.Fatalf("IdlePending = %v, %d", pending, power)
	}
	st.CancelIdleNotification()
	if pending, _ := st.IdlePending(); pending {
		t.Fatal("the idle notification is still outstanding after MiniportCancelIdleNotification completed it")
	}
	// A second completion: the driver must not complete it twice.
	ndis.MIdleNotificationComplete(mp.adapter)
}
