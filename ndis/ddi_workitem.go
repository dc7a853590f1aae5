package ndis

// NDIS I/O work items.

// AllocateIoWorkItem is NdisAllocateIoWorkItem: allocates a work item for
// the driver or adapter that ndisObjectHandle stands for and returns its
// handle. A NULL or foreign ndisObjectHandle is reported (bad-handle) and
// the allocation fails (nil); so is a protocol driver's handle, since the
// page says protocol drivers cannot use NdisAllocateIoWorkItem. The driver must free the work item with
// NdisFreeIoWorkItem (ReportServiceLeaks lists those it did not).
// IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndisallocateioworkitem.
func AllocateIoWorkItem(ndisObjectHandle Handle) Handle {
	return sim().AllocateIoWorkItem(ndisObjectHandle)
}

// FreeIoWorkItem is NdisFreeIoWorkItem: frees a work item; its routine
// may call it. Freeing it twice (workitem-use-after-free) or while it is
// still queued (workitem-free-queued; the queued run is dropped) is
// reported.
// IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndisfreeioworkitem.
func FreeIoWorkItem(ndisIoWorkItemHandle Handle) {
	sim().FreeIoWorkItem(ndisIoWorkItemHandle)
}

// QueueIoWorkItem is NdisQueueIoWorkItem: queues routine to run later, at
// PASSIVE_LEVEL in a system thread, with workItemContext and the work-item
// handle. In the simulation the routine runs from the event queue through
// the callback dispatcher (role NDIS_IO_WORKITEM_FUNCTION). Queueing a
// work item whose routine has not started yet (workitem-double-queue), a
// freed one (workitem-use-after-free), a bad handle or a nil routine
// (bad-handle, bad-parameter) is reported and queues nothing.
// IRQL: <= DISPATCH_LEVEL. Page: nf-ndis-ndisqueueioworkitem.
func QueueIoWorkItem(ndisIoWorkItemHandle Handle, routine IoWorkitemFunction, workItemContext Handle) {
	sim().QueueIoWorkItem(ndisIoWorkItemHandle, routine, workItemContext)
}
