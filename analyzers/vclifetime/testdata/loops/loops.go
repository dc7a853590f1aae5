// Package loops deletes VCs in loops. A loop body that acts on one VC per // want package:"vcfields\\{example.com/t/loops.vc.h=client\\}"
// iteration does not use a deleted handle when it comes round again: the
// next iteration's handle is another VC's. Only a handle that stays the
// same across iterations, or a use after the delete within one iteration,
// is a use after delete.
package loops

import "github.com/ndislint/ndislint/ndis"

type vc struct {
	h   ndis.Handle
	nbl ndis.NetBufferList
}

type table struct {
	vcs   []*vc
	byID  map[int]*vc
	hs    []ndis.Handle
	inner []vc
}

// clean: a range over handles.
func (t *table) deleteHandles() {
	for _, h := range t.hs {
		ndis.CoDeleteVc(h)
	}
}

// clean: a range over contexts, the handle cleared after the delete.
func (t *table) deleteAll() {
	for _, v := range t.vcs {
		if ndis.CoDeleteVc(v.h) == ndis.StatusSuccess {
			v.h = nil
		}
	}
}

// clean: the index form.
func (t *table) deleteIndexed() {
	for i := range t.vcs {
		ndis.CoDeleteVc(t.vcs[i].h)
	}
}

// clean: the index form over structures held by value.
func (t *table) deleteInner() {
	for i := 0; i < len(t.inner); i++ {
		ndis.CoDeleteVc(t.inner[i].h)
	}
}

// clean: a map.
func (t *table) deleteByID() {
	for id, v := range t.byID {
		ndis.CoDeleteVc(v.h)
		delete(t.byID, id)
	}
}

// destroy deletes one VC.
func (v *vc) destroy() ndis.Status { return ndis.CoDeleteVc(v.h) }

// clean: the method form.
func (t *table) destroyAll() {
	for _, v := range t.vcs {
		v.destroy()
	}
}

// handler is anything that names a VC handle.
type handler interface{ handle() ndis.Handle }

func (v *vc) handle() ndis.Handle { return v.h }

// clean: the generic form.
func deleteEach[V handler](vs []V) {
	for _, v := range vs {
		ndis.CoDeleteVc(v.handle())
	}
}

// clean: the last send on each VC, then its delete; the next iteration
// sends on the next VC.
func (t *table) drainAndDelete() {
	for _, v := range t.vcs {
		ndis.CoSendNetBufferLists(v.h, &v.nbl, 0)
		ndis.CoDeleteVc(v.h)
	}
}

// The same handle, deleted on every iteration.
func retryDelete(v *vc) {
	h := v.h
	for i := 0; i < 3; i++ {
		ndis.CoDeleteVc(h) // want `NdisCoDeleteVc with a VC handle that NdisCoDeleteVc deleted: the handle is invalid once NdisCoDeleteVc returns NDIS_STATUS_SUCCESS \(vc-use-after-delete\)`
	}
}

// A use after the delete within one iteration.
func (t *table) deleteThenSend() {
	for _, v := range t.vcs {
		if ndis.CoDeleteVc(v.h) == ndis.StatusSuccess {
			ndis.CoSendNetBufferLists(v.h, &v.nbl, 0) // want `NdisCoSendNetBufferLists with a VC handle that NdisCoDeleteVc deleted`
		}
	}
}

// The delete of the context a loop does not change.
func sendAll(v *vc, n int) {
	for i := 0; i < n; i++ {
		ndis.CoSendNetBufferLists(v.h, &v.nbl, 0) // want `NdisCoSendNetBufferLists with a VC handle that NdisCoDeleteVc deleted`
		if i == n-1 {
			ndis.CoDeleteVc(v.h)
		}
	}
}

func create(binding, af ndis.Handle) *vc {
	v := &vc{}
	ndis.CoCreateVc(binding, af, v, &v.h)
	return v
}

var _ = []any{(*table).deleteHandles, (*table).deleteAll, (*table).deleteIndexed, (*table).deleteInner,
	(*table).deleteByID, (*table).destroyAll, deleteEach[*vc], (*table).drainAndDelete, retryDelete,
	(*table).deleteThenSend, sendAll, create}
