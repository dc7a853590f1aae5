package ndissim

import (
	"fmt"
	"reflect"
	"runtime"
	"strings"

	"github.com/ndislint/ndislint/internal/kernel"
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

// ioWorkItemObject is what NdisAllocateIoWorkItem hands out as an
// NdisIoWorkItemHandle.
type ioWorkItemObject struct {
	name   string // NDIS_IO_WORKITEM#n
	run    *kernel.State
	owner  string
	freed  bool
	queued *kernel.Event // the pending run of the routine, nil when not queued
	// held is the item as a resource of the catalogue's
	// NdisAllocateIoWorkItem pair when a miniport adapter's handle
	// allocated it (SDV Init_NdisAllocateIoWorkItem: freed by the time
	// MiniportHaltEx returns, or MiniportInitializeEx fails); nil otherwise,
	// the item is then workitem-leak's alone.
	held *resource
}

// AllocateIoWorkItem runs NdisAllocateIoWorkItem in the simulated NDIS.
func (w *world) AllocateIoWorkItem(ndisObjectHandle ndis.Handle) ndis.Handle {
	s := w.st
	defer s.EnterDDI("NdisAllocateIoWorkItem", describeServiceHandle(ndisObjectHandle))()
	if !w.checkIssuedHandle("NdisAllocateIoWorkItem", "NdisObjectHandle", ndisObjectHandle) || !checkNotProtocolHandle(s, ndisObjectHandle) {
		return nil
	}
	item := &ioWorkItemObject{
		name:  fmt.Sprintf("NDIS_IO_WORKITEM#%d", len(w.workItems)+1),
		run:   s,
		owner: describeServiceHandle(ndisObjectHandle),
	}
	w.workItems = append(w.workItems, item)
	if a, ok := ndisObjectHandle.(*adapter6); ok && a != nil && a.issuer() == w {
		item.held = w.acquired(item, "NdisAllocateIoWorkItem", "work item")
		item.held.what, item.held.adapter = item.name, a
	}
	s.Tracef("  = %s", item.name)
	return item
}

// checkNotProtocolHandle reports, for NdisAllocateIoWorkItem, a handle NDIS
// gave a protocol driver (its driver handle or a binding handle):
// "Protocol drivers cannot use NdisAllocateIoWorkItem because NDIS does not
// associate protocol drivers with device objects or driver objects."
func checkNotProtocolHandle(s *kernel.State, h ndis.Handle) bool {
	switch h.(type) {
	case *protocolBlock, *openBlock:
		s.BadHandle("NdisAllocateIoWorkItem", "NdisObjectHandle", fmt.Sprintf("is %s, a protocol driver's handle; protocol drivers cannot use NdisAllocateIoWorkItem because NDIS does not associate them with device objects or driver objects", describe(h)))
		return false
	}
	return true
}

// lookupWorkItem returns the work item behind h, reporting for ddi a
// NULL handle, a handle of another kind or of an earlier run.
func lookupWorkItem(s *kernel.State, ddi string, h ndis.Handle) *ioWorkItemObject {
	item, ok := h.(*ioWorkItemObject)
	switch {
	case isNullHandle(h):
		s.BadHandle(ddi, "NdisIoWorkItemHandle", "is NULL")
	case !ok:
		s.BadHandle(ddi, "NdisIoWorkItemHandle", fmt.Sprintf("is %s, not a handle NdisAllocateIoWorkItem returned", describeServiceHandle(h)))
	case item.run != s:
		s.BadHandle(ddi, "NdisIoWorkItemHandle", fmt.Sprintf("is %s of another run: an earlier System's NDIS gave it out", item.name))
	default:
		return item
	}
	return nil
}

// QueueIoWorkItem runs NdisQueueIoWorkItem in the simulated NDIS.
func (w *world) QueueIoWorkItem(ndisIoWorkItemHandle ndis.Handle, routine ndis.IoWorkitemFunction, workItemContext ndis.Handle) {
	s := w.st
	defer s.EnterDDI("NdisQueueIoWorkItem", fmt.Sprintf("%s, %s", describeServiceHandle(ndisIoWorkItemHandle), funcName(routine)))()
	item := lookupWorkItem(s, "NdisQueueIoWorkItem", ndisIoWorkItemHandle)
	switch {
	case item == nil:
		return
	case item.freed:
		s.Report(rules.RuleWorkItemUseAfterFree, "NdisQueueIoWorkItem of %s after NdisFreeIoWorkItem freed it", item.name)
		return
	case item.queued != nil:
		s.Report(rules.RuleWorkItemDoubleQueue, "NdisQueueIoWorkItem of %s, which is already queued and has not run yet", item.name)
		return
	case routine == nil:
		s.BadParameter("NdisQueueIoWorkItem", "Routine", "is NULL")
		return
	}
	who := funcName(routine)
	item.queued = s.Enqueue(fmt.Sprintf("%s runs %s", item.name, who), 0, func() {
		s.Callback("NDIS_IO_WORKITEM_FUNCTION", who, item.name, func() {
			if item.freed {
				s.Tracef("%s was freed while queued: its routine does not run", item.name)
				return
			}
			item.queued = nil // the item may be queued again from here on
			routine(workItemContext, item)
		})
	})
}

// FreeIoWorkItem runs NdisFreeIoWorkItem in the simulated NDIS.
func (w *world) FreeIoWorkItem(ndisIoWorkItemHandle ndis.Handle) {
	s := w.st
	defer s.EnterDDI("NdisFreeIoWorkItem", describeServiceHandle(ndisIoWorkItemHandle))()
	item := lookupWorkItem(s, "NdisFreeIoWorkItem", ndisIoWorkItemHandle)
	switch {
	case item == nil:
		return
	case item.freed:
		s.Report(rules.RuleWorkItemUseAfterFree, "NdisFreeIoWorkItem of %s, which is already freed", item.name)
		return
	case item.queued != nil:
		s.Report(rules.RuleWorkItemFreeQueued, "NdisFreeIoWorkItem of %s while it is queued and its routine has not run", item.name)
		item.queued.Cancel()
		item.queued = nil
	}
	item.freed = true
	if item.held != nil {
		item.held.released = true
	}
}

// funcName names a driver function for traces: package.Function.
func funcName(fn any) string {
	v := reflect.ValueOf(fn)
	if !v.IsValid() || v.Kind() != reflect.Func || v.IsNil() {
		return "NULL"
	}
	f := runtime.FuncForPC(v.Pointer())
	if f == nil {
		return "driver function"
	}
	name := f.Name()
	if i := strings.LastIndex(name, "/"); i >= 0 {
		name = name[i+1:]
	}
	return name
}
