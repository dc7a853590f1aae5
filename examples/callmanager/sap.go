package callmanager

import (
	"bytes"
	"unsafe"

	"github.com/ndislint/ndislint/ndis"
)

// cmRegisterSap is the call manager's ProtocolCmRegisterSap: a client
// registers a SAP on which it accepts calls. A SAP already registered on
// the AF fails with NDIS_STATUS_INVALID_DATA. The registration completes
// at once, later or nested (Config.RegisterSap).
//
//ndis:role PROTOCOL_CM_REG_SAP
func cmRegisterSap(callMgrAfContext ndis.Handle, sap *ndis.CoSap, ndisSapHandle ndis.Handle, callMgrSapContext *ndis.Handle) ndis.Status {
	a, ok := callMgrAfContext.(*af)
	if !ok || sap == nil || callMgrSapContext == nil {
		return ndis.StatusFailure
	}
	b := a.binding
	cm := b.cm
	s := &sapCtx{af: a, ndisSapHandle: ndisSapHandle, sap: append([]byte(nil), sap.Sap...)}
	s.mem = cm.allocCtx(unsafe.Sizeof(*s))
	if s.mem == nil {
		return ndis.StatusResources
	}
	ndis.AcquireSpinLock(&cm.lock)
	for _, x := range a.saps {
		if bytes.Equal(x.sap, s.sap) {
			ndis.ReleaseSpinLock(&cm.lock)
			freeCtx(s.mem)
			return ndis.StatusInvalidData
		}
	}
	a.saps = append(a.saps, s)
	mode := cm.cfg.RegisterSap
	ndis.ReleaseSpinLock(&cm.lock)
	switch mode {
	case Deferred:
		b.later(s.completeRegister)
		return ndis.StatusPending
	case Nested:
		s.completeRegister()
		return ndis.StatusPending
	}
	s.markRegistered()
	*callMgrSapContext = s
	return ndis.StatusSuccess
}

// markRegistered records the SAP as registered: calls may be offered on it.
func (s *sapCtx) markRegistered() {
	cm := s.af.binding.cm
	ndis.AcquireSpinLock(&cm.lock)
	s.state = sapRegistered
	cm.stats.SapsRegistered++
	ndis.ReleaseSpinLock(&cm.lock)
}

// completeRegister completes a pended registration with
// NdisCmRegisterSapComplete.
func (s *sapCtx) completeRegister() {
	s.markRegistered()
	ndis.CmRegisterSapComplete(ndis.StatusSuccess, s.ndisSapHandle, s)
}

// cmDeregisterSap is the call manager's ProtocolCmDeregisterSap: the SAP
// goes away at once. Calls already offered on it are not affected.
//
//ndis:role PROTOCOL_CM_DEREGISTER_SAP
func cmDeregisterSap(callMgrSapContext ndis.Handle) ndis.Status {
	s, ok := callMgrSapContext.(*sapCtx)
	if !ok {
		// Not a SAP of this call manager: nothing to deregister.
		return ndis.StatusSuccess
	}
	a := s.af
	cm := a.binding.cm
	ndis.AcquireSpinLock(&cm.lock)
	for i, x := range a.saps {
		if x == s {
			a.saps = append(a.saps[:i], a.saps[i+1:]...)
			break
		}
	}
	for _, v := range a.vcs {
		if v.sap == s {
			v.sap = nil
		}
	}
	cm.stats.SapsDeregistered++
	ndis.ReleaseSpinLock(&cm.lock)
	freeCtx(s.mem)
	return ndis.StatusSuccess
}

// findSapLocked returns the registered SAP whose address is sap, and its AF; the
// caller holds the lock.
func (cm *CallManager) findSapLocked(sap []byte) *sapCtx {
	for _, b := range cm.bindings {
		for _, a := range b.afs {
			if a.state != afOpen {
				continue
			}
			for _, s := range a.saps {
				if s.state == sapRegistered && bytes.Equal(s.sap, sap) {
					return s
				}
			}
		}
	}
	return nil
}
