package ndissim

import (
	"fmt"
	"reflect"
	"sort"
	"strings"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

// Allocation is one block NdisAllocateMemoryWithTagPriority handed out and
// nobody has freed yet.
type Allocation struct {
	// Seq numbers the allocations of the run from 1.
	Seq int
	// Tag is the pool tag, as NDIS received it.
	Tag uint32
	// Length is the size in bytes.
	Length uint32
	// Owner describes the NdisHandle the memory was allocated for (for a
	// lookaside entry, the list).
	Owner string
	// From is the DDI that allocated the block when it is not
	// NdisAllocateMemoryWithTagPriority (NdisAllocateFromNPagedLookasideList);
	// such a block is not NdisFreeMemory's to free.
	From string
}

// String describes the block as the verifier's reports do.
func (a Allocation) String() string {
	return fmt.Sprintf("block #%d (%d bytes, tag %s, for %s)", a.Seq, a.Length, poolTagString(a.Tag), a.Owner)
}

// memoryTable is the run's record of NDIS memory: live blocks by their
// base address, and the blocks already freed (to tell a double free from
// a stray pointer).
type memoryTable struct {
	live  map[*byte]*Allocation
	freed map[*byte]*Allocation
	seq   int
}

// baseOf returns the identity of a block: the address of its first byte.
// Every block is allocated with a capacity of at least one byte, so even a
// zero-length block has its own address.
func baseOf(b []byte) *byte {
	if cap(b) == 0 {
		return nil
	}
	return &b[:1][0]
}

// poolTagString spells a pool tag the way pool tools print it: its bytes
// in memory order (a C literal 'maDN' prints as NDam).
func poolTagString(tag uint32) string {
	var b strings.Builder
	for i := 0; i < 4; i++ {
		c := byte(tag >> (8 * i))
		if c < 0x20 || c > 0x7e {
			return fmt.Sprintf("0x%08X", tag)
		}
		b.WriteByte(c)
	}
	return "'" + b.String() + "'"
}

// AllocateMemoryWithTagPriority runs NdisAllocateMemoryWithTagPriority in the simulated NDIS.
func (w *world) AllocateMemoryWithTagPriority(ndisHandle ndis.Handle, length uint32, tag uint32, priority ndis.ExPoolPriority) []byte {
	s := w.st
	defer s.EnterDDI("NdisAllocateMemoryWithTagPriority", fmt.Sprintf("%s, %d, %s, %d", describeServiceHandle(ndisHandle), length, poolTagString(tag), priority))()
	s.CheckArgs("NdisAllocateMemoryWithTagPriority", ndisHandle, length, tag, priority)
	if !w.checkIssuedHandle("NdisAllocateMemoryWithTagPriority", "NdisHandle", ndisHandle) {
		return nil
	}
	t := &w.memory
	t.seq++
	b := make([]byte, length, max(length, 1))
	t.live[baseOf(b)] = &Allocation{Seq: t.seq, Tag: tag, Length: length, Owner: describeServiceHandle(ndisHandle)}
	s.Tracef("  = block #%d", t.seq)
	return b
}

// FreeMemory runs NdisFreeMemory in the simulated NDIS.
func (w *world) FreeMemory(virtualAddress []byte, length uint32, memoryFlags uint32) {
	s := w.st
	t := &w.memory
	base := baseOf(virtualAddress)
	defer s.EnterDDI("NdisFreeMemory", fmt.Sprintf("%s, %d, 0x%X", blockName(t, base), length, memoryFlags))()
	if memoryFlags != 0 {
		s.BadParameter("NdisFreeMemory", "MemoryFlags", fmt.Sprintf("is 0x%X; it must be zero for memory from NdisAllocateMemoryWithTagPriority", memoryFlags))
	}
	if base == nil {
		s.BadParameter("NdisFreeMemory", "VirtualAddress", "is NULL")
		return
	}
	if a, ok := t.live[base]; ok {
		if a.From != "" {
			s.Report(rules.RuleMemoryFreeUnknown, "NdisFreeMemory of %s, which %s handed out: it goes back to where it came from", a, a.From)
			return
		}
		delete(t.live, base)
		t.freed[base] = a
		return
	}
	if a, ok := t.freed[base]; ok {
		s.Report(rules.RuleMemoryDoubleFree, "NdisFreeMemory of %s, which was already freed", a)
		return
	}
	s.Report(rules.RuleMemoryFreeUnknown, "NdisFreeMemory of an address NdisAllocateMemoryWithTagPriority did not return in this run (a copy, a slice not starting at the block's base, or memory from elsewhere)")
}

// blockName names the block at base for a trace line.
func blockName(t *memoryTable, base *byte) string {
	if base == nil {
		return "NULL"
	}
	if a, ok := t.live[base]; ok {
		return fmt.Sprintf("block #%d", a.Seq)
	}
	if a, ok := t.freed[base]; ok {
		return fmt.Sprintf("freed block #%d", a.Seq)
	}
	return "unknown address"
}

// OutstandingAllocations returns the blocks of the run that are still
// allocated, in allocation order: the leaks, when the driver has unloaded.
// A new run starts with none.
func (s *Sim) OutstandingAllocations() []Allocation { return outstanding(&s.w.memory) }

// outstanding returns the live blocks of t in allocation order.
func outstanding(t *memoryTable) []Allocation {
	out := make([]Allocation, 0, len(t.live))
	for _, a := range t.live {
		out = append(out, *a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Seq < out[j].Seq })
	return out
}

// simPackagePath is the import path of this package: the handles NDIS
// gives out are pointers to types of this package.
var simPackagePath = reflect.TypeOf(Allocation{}).PkgPath()

// checkIssuedHandle reports, for parameter param of ddi, a handle that is
// NULL or is not one NDIS gave out (a driver's own context, a work item or
// timer handle where a driver or adapter handle belongs, a handle of
// another run), and says whether the call can go on.
func (w *world) checkIssuedHandle(ddi, param string, h ndis.Handle) bool {
	s := w.st
	if isNullHandle(h) {
		s.BadHandle(ddi, param, "is NULL")
		return false
	}
	switch h.(type) {
	case *ioWorkItemObject, *timerObject:
		s.BadHandle(ddi, param, fmt.Sprintf("is %s; it must be a handle NDIS gave the driver at initialization", describeServiceHandle(h)))
		return false
	}
	t := reflect.TypeOf(h)
	if t.Kind() != reflect.Pointer || t.Elem().PkgPath() != simPackagePath {
		s.BadHandle(ddi, param, fmt.Sprintf("holds a %T, not a handle NDIS gave out", h))
		return false
	}
	return !w.foreign(ddi, param, h)
}

// isNullHandle reports whether h is NULL: nil, or a nil pointer in a
// Handle.
func isNullHandle(h ndis.Handle) bool {
	if h == nil {
		return true
	}
	v := reflect.ValueOf(h)
	switch v.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Slice, reflect.Func, reflect.Chan, reflect.Interface:
		return v.IsNil()
	}
	return false
}

// describeServiceHandle names a handle for the traces of the kernel
// services: their own objects by name, anything else as the CoNDIS part
// describes handles.
func describeServiceHandle(h ndis.Handle) string {
	switch x := h.(type) {
	case nil:
		return "NULL"
	case *ioWorkItemObject:
		if x != nil {
			return x.name
		}
	case *timerObject:
		if x != nil {
			return x.name
		}
	}
	if isNullHandle(h) {
		return "NULL"
	}
	return describe(h)
}

// ReportServiceLeaks reports, as violations of the run, what the driver
// still holds of the kernel services: memory blocks not freed
// (memory-leak), work items not freed (workitem-leak) and timer objects
// not freed (timer-leak), and the resources of the catalogue's
// acquire/release pairs not released (resource-not-released). The harness
// calls it when the driver has
// unloaded. It returns how many it reported.
func (s *Sim) ReportServiceLeaks() int { return s.w.reportServiceLeaks() }

// reportServiceLeaks is Sim.ReportServiceLeaks.
func (w *world) reportServiceLeaks() int {
	s := w.st
	n := 0
	for _, a := range outstanding(&w.memory) {
		if a.From != "" {
			s.Report(rules.RuleMemoryLeak, "%s from %s was never given back", a, a.From)
		} else {
			s.Report(rules.RuleMemoryLeak, "%s from NdisAllocateMemoryWithTagPriority was never freed with NdisFreeMemory", a)
		}
		n++
	}
	n += w.lookasideLeaks() + w.stringLeaks()
	for _, item := range w.workItems {
		if !item.freed {
			s.Report(rules.RuleWorkItemLeak, "%s (for %s) was never freed with NdisFreeIoWorkItem", item.name, item.owner)
			n++
		}
	}
	for _, o := range w.timers {
		if !o.freed {
			s.Report(rules.RuleTimerLeak, "%s was never freed with NdisFreeTimerObject", o.name)
			n++
		}
	}
	return n + w.reportResourceLeaks()
}
