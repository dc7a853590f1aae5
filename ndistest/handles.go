package ndistest

import "github.com/ndislint/ndislint/ndis"

// The handles NDIS gave the scripted call manager and the simulated
// miniport. A driver's test does not need them: it drives the call manager
// with its steps (IncomingCall, CloseFromNetwork, ...). They are for tests
// of the verifier itself, which pass a handle where the page forbids it
// (the miniport's VC handle to NdisCoSendNetBufferLists, a call manager's
// SAP handle with a VC of another AF, ...) to see the mistake reported.

// AfHandles returns the NdisAfHandles NDIS passed to the call manager's
// ProtocolCmOpenAf, one for each client open of its AF (an open still
// pending, and closed ones, included), in the order of the opens.
func (cm *CallManager) AfHandles() []ndis.Handle {
	var out []ndis.Handle
	for _, a := range cm.afs {
		out = append(out, a.h)
	}
	return out
}

// SapHandles returns the NdisSapHandles NDIS passed to the call manager's
// ProtocolCmRegisterSap, in the order of the registrations (deregistered
// SAPs included).
func (cm *CallManager) SapHandles() []ndis.Handle {
	var out []ndis.Handle
	for _, a := range cm.afs {
		for _, s := range a.saps {
			out = append(out, s.h)
		}
	}
	return out
}

// Binding returns the NdisBindingHandle of a stand-alone call manager's
// binding to its adapter (nil before it bound, and for a miniport call
// manager).
func (cm *CallManager) Binding() ndis.Handle { return cm.binding }

// AdapterHandle returns a miniport call manager's NdisMiniportAdapterHandle
// (nil for a stand-alone call manager).
func (cm *CallManager) AdapterHandle() ndis.Handle {
	if !cm.mcm {
		return nil
	}
	return cm.adapterHandle
}

// VcHandle returns the NdisVcHandle NDIS passed to the simulated miniport's
// MiniportCoCreateVc for the VC with the given number (the miniport's own
// handle of it, not the client's or the call manager's); nil when the
// miniport has no such VC.
func (a *Adapter) VcHandle(vcNumber int) ndis.Handle {
	if v := a.vc(vcNumber); v != nil {
		return v.h
	}
	return nil
}
