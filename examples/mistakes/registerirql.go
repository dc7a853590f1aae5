package mistakes

import "github.com/ndislint/ndislint/ndis"

// registerUnderLock registers the miniport while holding the driver's
// global lock, so that no adapter can be initialized before the driver's
// handle is stored.
//
// MISTAKE: NdisAcquireSpinLock raises the IRQL to DISPATCH_LEVEL, and
// NdisMRegisterMiniportDriver must be called at PASSIVE_LEVEL
// (nf-ndis-ndismregisterminiportdriver); the lock is not needed either:
// NDIS calls MiniportInitializeEx with the driver context it was given.
// ndislint reports irql-above-max.
func registerUnderLock(d *miniportDriver, driverObject *ndis.DriverObject, registryPath *ndis.String, chars *ndis.MiniportDriverCharacteristics) ndis.Status {
	ndis.AcquireSpinLock(&d.lock)
	st := ndis.MRegisterMiniportDriver(driverObject, registryPath, d, chars, &d.ndisMiniportDriverHandle)
	ndis.ReleaseSpinLock(&d.lock)
	return st
}
