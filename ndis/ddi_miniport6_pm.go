package ndis

// The NDIS 6 miniport selective suspend DDIs (issue 13).

// MIdleNotificationComplete models NdisMIdleNotificationComplete. Miniport
// drivers call NdisMIdleNotificationComplete to complete a pending idle
// notification for an NDIS selective suspend operation.
// NDIS: NdisMIdleNotificationComplete. IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndismidlenotificationcomplete.
func MIdleNotificationComplete(miniportAdapterHandle Handle) {
	sim().MIdleNotificationComplete(miniportAdapterHandle)
}

// MIdleNotificationConfirm models NdisMIdleNotificationConfirm. Miniport
// drivers call NdisMIdleNotificationConfirm to notify NDIS that the idle
// network adapter can safely be suspended and transitioned to a low-power
// state.
// NDIS: NdisMIdleNotificationConfirm. IRQL: PASSIVE_LEVEL. Page: nf-ndis-ndismidlenotificationconfirm.
func MIdleNotificationConfirm(miniportAdapterHandle Handle, idlePowerState DevicePowerState) {
	sim().MIdleNotificationConfirm(miniportAdapterHandle, idlePowerState)
}
