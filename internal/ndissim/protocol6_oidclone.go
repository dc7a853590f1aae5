package ndissim

import (
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

// OID request clones (NdisAllocateCloneOidRequest, NdisFreeCloneOidRequest):
// a filter module or an intermediate driver's binding copies a request it
// was given into one of its own to pass down, and frees the copy once it
// has completed.

// cloneKey is where a run keeps its clones (kernel.State.Object).
type cloneKey struct{}

// oidClone is one clone NDIS allocated.
type oidClone struct {
	source layer
	freed  bool
}

// clones returns the run's clones, creating the table on first use.
func (w *world) clones() map[*ndis.OidRequest]*oidClone {
	v := w.st.Object(cloneKey{}, "oidclones", func(string) any { return map[*ndis.OidRequest]*oidClone{} })
	return v.(map[*ndis.OidRequest]*oidClone)
}

// sourceArg resolves a SourceHandle: a filter module's NdisFilterHandle or
// a binding's NdisBindingHandle (an NDIS 6 one). It reports a bad handle
// and returns nil otherwise.
func (w *world) sourceArg(ddi, param string, h ndis.Handle) layer {
	if _, ok := h.(*module6); ok {
		if m := w.module6Arg(ddi, param, h); m != nil {
			return m
		}
		return nil
	}
	if b := w.binding6Arg(ddi, param, h); b != nil {
		return b
	}
	return nil
}

// AllocateCloneOidRequest runs NdisAllocateCloneOidRequest in the
// simulated NDIS: the clone is a new structure with every field of
// OidRequest copied. A SourceHandle that is neither a filter module nor a
// binding fails with NDIS_STATUS_INVALID_PARAMETER and a NULL clone.
func (w *world) AllocateCloneOidRequest(sourceHandle ndis.Handle, oidRequest *ndis.OidRequest, poolTag uint32, clonedOidRequest **ndis.OidRequest) ndis.Status {
	defer w.st.EnterDDI("NdisAllocateCloneOidRequest", args(sourceHandle, oidArg(oidRequest), poolTag, "ClonedOidRequest"))()
	const ddi = "NdisAllocateCloneOidRequest"
	if !w.needPtr(ddi, "ClonedOidRequest", clonedOidRequest == nil) {
		return ndis.StatusInvalidParameter
	}
	*clonedOidRequest = nil
	src := w.sourceArg(ddi, "SourceHandle", sourceHandle)
	if src == nil || !w.needPtr(ddi, "OidRequest", oidRequest == nil) {
		return ndis.StatusInvalidParameter
	}
	c := *oidRequest
	c.InformationBuffer = oidRequest.InformationBuffer // the clone describes the same buffer, as C's copy of the pointer
	w.clones()[&c] = &oidClone{source: src}
	*clonedOidRequest = &c
	return ndis.StatusSuccess
}

// FreeCloneOidRequest runs NdisFreeCloneOidRequest in the simulated NDIS.
// Request must be a clone NdisAllocateCloneOidRequest gave the same
// source and not freed yet (bad-parameter otherwise), and no layer may
// still have it: a clone passed down is freed after its completion
// (bad-parameter, and it is not freed).
func (w *world) FreeCloneOidRequest(sourceHandle ndis.Handle, request *ndis.OidRequest) {
	defer w.st.EnterDDI("NdisFreeCloneOidRequest", args(sourceHandle, oidArg(request)))()
	const ddi = "NdisFreeCloneOidRequest"
	src := w.sourceArg(ddi, "SourceHandle", sourceHandle)
	if src == nil || !w.needPtr(ddi, "Request", request == nil) {
		return
	}
	c := w.clones()[request]
	switch {
	case c == nil || c.source != src:
		w.report(rules.RuleBadParameter, "%s: Request (%s) is not a clone NdisAllocateCloneOidRequest allocated for %s", ddi, oidArg(request), src.who())
		return
	case c.freed:
		w.report(rules.RuleBadParameter, "%s: Request (%s) was freed already", ddi, oidArg(request))
		return
	}
	for k, o := range w.six().oids {
		if k.req == request && !o.done {
			w.report(rules.RuleBadParameter, "%s: Request (%s) is still in flight: %s has not completed it; a driver frees a clone after its completion", ddi, oidArg(request), o.at.who())
			return
		}
	}
	c.freed = true
}
