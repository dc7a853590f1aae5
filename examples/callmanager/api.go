package callmanager

import "github.com/ndislint/ndislint/ndis"

// Vc is a view of one of the VCs the call manager knows (its own or a
// client's), for the code that drives it (the network side; the tests).
type Vc struct {
	v  *vc
	cm *CallManager
}

// ID numbers the call manager's VC contexts from 1 in the order they were
// made.
func (k *Vc) ID() int { return k.v.id }

// CreatedByCM reports whether the call manager created the VC.
func (k *Vc) CreatedByCM() bool { return k.v.createdByCM }

// State names the VC's state: idle, making, offering, connected, closing,
// rejecting or deleted.
func (k *Vc) State() string {
	ndis.AcquireSpinLock(&k.cm.lock)
	s := k.v.state
	ndis.ReleaseSpinLock(&k.cm.lock)
	return s.String()
}

// Vcs returns the VCs the call manager knows, in creation order per AF.
func (cm *CallManager) Vcs() []*Vc {
	var out []*Vc
	ndis.AcquireSpinLock(&cm.lock)
	for _, b := range cm.bindings {
		for _, a := range b.afs {
			for _, v := range a.vcs {
				out = append(out, &Vc{v: v, cm: cm})
			}
		}
	}
	ndis.ReleaseSpinLock(&cm.lock)
	return out
}

// Stats counts what the call manager did and saw.
type Stats struct {
	Bindings         int // bindings currently open
	AfsOpened        int
	AfsClosed        int
	SapsRegistered   int
	SapsDeregistered int
	ClientVcsCreated int // ProtocolCoCreateVc calls
	ClientVcsDeleted int // ProtocolCoDeleteVc calls
	OwnVcsCreated    int // NdisCoCreateVc successes
	OwnVcsDeleted    int // NdisCoDeleteVc successes
	CallsMade        int // outgoing calls connected
	CallsClosed      int // closes completed (outgoing and incoming)
	Offers           int // incoming calls offered (OfferCall, Reoffer)
	OffersAccepted   int
	OffersRejected   int
	Activations      int // NdisCmActivateVc calls
	Deactivations    int // NdisCmDeactivateVc calls
}

// Stats returns a snapshot of the counters.
func (cm *CallManager) Stats() Stats {
	ndis.AcquireSpinLock(&cm.lock)
	s := cm.stats
	s.Bindings = len(cm.bindings)
	ndis.ReleaseSpinLock(&cm.lock)
	return s
}
