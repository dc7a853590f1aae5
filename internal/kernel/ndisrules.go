package kernel

// Rule IDs of the NDIS kernel services (spin locks, memory, work items,
// timers) beyond the generic ones.
const (
	// RuleSpinlockNotAllocated: an NDIS_SPIN_LOCK is used before
	// NdisAllocateSpinLock initialized it.
	RuleSpinlockNotAllocated = "spinlock-not-allocated"
	// RuleMemoryDoubleFree: memory freed twice.
	RuleMemoryDoubleFree = "memory-double-free"
	// RuleMemoryFreeUnknown: NdisFreeMemory of an address no NDIS
	// allocator returned in this run (or not the base of the block).
	RuleMemoryFreeUnknown = "memory-free-unknown"
	// RuleMemoryLeak: memory still allocated when the run ends.
	RuleMemoryLeak = "memory-leak"
	// RuleWorkItemDoubleQueue: a work item queued again before its
	// routine ran.
	RuleWorkItemDoubleQueue = "workitem-double-queue"
	// RuleWorkItemUseAfterFree: a work item queued or freed after
	// NdisFreeIoWorkItem.
	RuleWorkItemUseAfterFree = "workitem-use-after-free"
	// RuleWorkItemFreeQueued: a work item freed while still queued.
	RuleWorkItemFreeQueued = "workitem-free-queued"
	// RuleWorkItemLeak: a work item not freed when the run ends.
	RuleWorkItemLeak = "workitem-leak"
	// RuleTimerUseAfterFree: a timer object used after
	// NdisFreeTimerObject.
	RuleTimerUseAfterFree = "timer-use-after-free"
	// RuleTimerLeak: a timer object not freed when the run ends.
	RuleTimerLeak = "timer-leak"
)
