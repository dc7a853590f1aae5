package ndissim

import (
	"fmt"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

// The MDL DDIs of mdlapi.h. An MDL NdisAllocateMdl hands out is a resource
// of the catalogue's NdisAllocateMdl/NdisFreeMdl pair (resources6.go): held
// by the adapter when NdisHandle is a miniport adapter handle, and then
// reported when that adapter's MiniportHaltEx returns without freeing it
// (SDV NdisAllocateMdl); any other MDL still allocated is reported when the
// driver unloads.

// AllocateMdl runs NdisAllocateMdl in the simulated NDIS: the MDL describes
// the first Length bytes of the buffer at VirtualAddress (the buffer stays
// the caller's; the MDL shares it).
func (w *world) AllocateMdl(ndisHandle ndis.Handle, virtualAddress []byte, length uint32) *ndis.Mdl {
	const ddi = "NdisAllocateMdl"
	defer w.st.EnterDDI(ddi, args(ndisHandle, "VirtualAddress", length))()
	switch {
	case !w.checkIssuedHandle(ddi, "NdisHandle", ndisHandle):
		return nil
	case !w.needPtr(ddi, "VirtualAddress", virtualAddress == nil):
		return nil
	case uint64(length) > uint64(len(virtualAddress)):
		w.report(rules.RuleBadParameter, "%s: Length is %d; the buffer at VirtualAddress has %d bytes", ddi, length, len(virtualAddress))
		return nil
	}
	m := &ndis.Mdl{Data: virtualAddress[:length:length]}
	r := w.acquired(m, ddi, fmt.Sprintf("MDL of %d bytes", length))
	w.heldBy(r, ndisHandle)
	w.st.Tracef("  = %s", r.what)
	return m
}

// FreeMdl runs NdisFreeMdl in the simulated NDIS: an MDL NdisAllocateMdl
// did not hand out (one NDIS made for a NET_BUFFER, one the driver built),
// or one already freed, is a bad handle.
func (w *world) FreeMdl(mdl *ndis.Mdl) {
	const ddi = "NdisFreeMdl"
	defer w.st.EnterDDI(ddi, args(describeMdl(w, mdl)))()
	if !w.needPtr(ddi, "Mdl", mdl == nil) {
		return
	}
	w.release(mdl, ddi, "Mdl")
}

// describeMdl names an MDL for traces: the resource NdisAllocateMdl
// recorded, else what it is.
func describeMdl(w *world, mdl *ndis.Mdl) string {
	if mdl == nil {
		return "NULL"
	}
	if r := w.res().byKey[mdl]; r != nil {
		return r.what
	}
	return "MDL"
}

// freedInChain reports, as a bad handle, an MDL of chain that NdisFreeMdl
// freed (the catalogue's NdisAllocateMdl pair ends the MDL's handle), and
// says whether there was one.
func (w *world) freedInChain(ddi, param string, chain *ndis.Mdl) bool {
	for m := chain; m != nil; m = m.Next {
		if r := w.res().byKey[m]; r != nil && r.released {
			w.report(rules.RuleBadHandle, "%s: %s holds %s, freed with NdisFreeMdl", ddi, param, r.what)
			return true
		}
	}
	return false
}
