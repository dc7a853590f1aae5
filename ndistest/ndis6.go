package ndistest

import (
	"github.com/ndislint/ndislint/internal/ndissim"
	"github.com/ndislint/ndislint/ndis"
)

// NDIS 6 drivers under test: a miniport, a filter or a (non-CoNDIS)
// protocol driver, loaded with LoadDriver, in driver stacks (Stack) whose
// other layers are scripted: a scripted miniport (AddStack, MiniportScript)
// under a filter or protocol, a scripted protocol (Stack.BindProtocol,
// ProtocolScript) over a miniport or filter.

// DriverEntry is an NDIS 6 driver's entry point, with DriverEntry's
// parameters: the driver object NDIS identifies the driver by and its
// registry path.
type DriverEntry func(driverObject *ndis.DriverObject, registryPath *ndis.String) ndis.Status

// Driver is an NDIS 6 driver the test loaded with LoadDriver: what its
// DriverEntry registered (a miniport driver, a filter driver, protocol
// drivers).
type Driver struct {
	sys       *System
	name      string
	obj       *ndis.DriverObject
	miniport  ndis.Handle
	filter    ndis.Handle
	protocols []ndis.Handle
	stacks    []*Stack
	modules   []*FilterModule
	unloaded  bool
}

// LoadDriver runs an NDIS 6 driver's DriverEntry at PASSIVE_LEVEL with a
// driver object named name, and fails the test if it does not return
// NDIS_STATUS_SUCCESS. The Driver knows what DriverEntry registered: a
// miniport driver (NdisMRegisterMiniportDriver: AddAdapter starts its
// adapters), a filter driver (NdisFRegisterFilterDriver: Stack.Attach
// attaches its modules) or a protocol driver (NdisRegisterProtocolDriver:
// Stack.Bind binds it).
func (s *System) LoadDriver(name string, entry DriverEntry) *Driver {
	s.t.Helper()
	if entry == nil {
		s.t.Fatalf("ndistest: LoadDriver(%q, nil)", name)
	}
	d := &Driver{sys: s, name: name, obj: &ndis.DriverObject{DriverName: name}}
	s.loaded++
	mps, fds, prs := len(s.sim.Miniports6()), len(s.sim.FilterDrivers()), s.sim.Protocols()
	path := ndis.String(`\Registry\Machine\System\CurrentControlSet\Services\` + name)
	if st := entry(d.obj, &path); st != ndis.StatusSuccess {
		s.t.Errorf("ndistest: %s's DriverEntry returned %s", name, st)
	}
	if l := s.sim.Miniports6(); len(l) > mps {
		d.miniport = l[len(l)-1]
	}
	if l := s.sim.FilterDrivers(); len(l) > fds {
		d.filter = l[len(l)-1]
	}
	known := map[ndis.Handle]bool{}
	for _, p := range prs {
		known[p] = true
	}
	for _, p := range s.sim.Protocols() {
		if !known[p] {
			d.protocols = append(d.protocols, p)
		}
	}
	return d
}

// Name returns the driver's name (its driver object's).
func (d *Driver) Name() string { return d.name }

// Object returns the driver object LoadDriver passed to DriverEntry.
func (d *Driver) Object() *ndis.DriverObject { return d.obj }

// MiniportHandle returns the NdisMiniportDriverHandle the driver
// registered, nil if it registered no miniport driver.
func (d *Driver) MiniportHandle() ndis.Handle { return d.miniport }

// FilterHandle returns the NdisFilterDriverHandle the driver registered,
// nil if it registered no filter driver.
func (d *Driver) FilterHandle() ndis.Handle { return d.filter }

// ProtocolHandles returns the NdisProtocolHandles of the protocol drivers
// the driver registered.
func (d *Driver) ProtocolHandles() []ndis.Handle {
	return append([]ndis.Handle(nil), d.protocols...)
}

// AddAdapter starts an adapter of the driver's miniport: NDIS calls its
// MiniportInitializeEx (which must call NdisMSetMiniportAttributes) and
// the adapter's stack is Paused, with no binding yet (BindProtocol adds a
// scripted protocol, then Restart starts it). It fails the test if the
// driver registered no miniport or MiniportInitializeEx failed, unless an
// allocation the test made fail (FailSharedMemory) failed in it: AddAdapter
// then returns nil, and the run goes on.
func (d *Driver) AddAdapter(name string) *Stack {
	d.sys.t.Helper()
	if d.miniport == nil {
		d.sys.t.Fatalf("ndistest: AddAdapter: %s registered no miniport driver (NdisMRegisterMiniportDriver)", d.name)
	}
	failed := d.sys.sim.FailedSharedMemory()
	h, err := d.sys.sim.AddAdapter6(d.miniport, name, ndis.Medium802_3)
	if err != nil && d.sys.sim.FailedSharedMemory() > failed {
		d.sys.Run()
		return nil
	}
	if err != nil {
		d.sys.t.Fatalf("ndistest: %v", err)
	}
	st := &Stack{sys: d.sys, name: name, handle: h}
	d.stacks = append(d.stacks, st)
	d.sys.stacks6 = append(d.sys.stacks6, st)
	d.sys.nAdapters++
	d.sys.Run()
	return st
}

// Unload unloads the driver. For a miniport NDIS halts every adapter
// (pausing running stacks first) and calls its MiniportDriverUnload; for
// a filter or protocol driver it calls unload, the driver's DriverUnload
// (NdisFDeregisterFilterDriver, NdisDeregisterProtocolDriver), which may be
// nil for a miniport. Then it runs the queue and, when this was the last
// driver LoadDriver loaded that is still loaded, reports what the drivers
// still hold of the kernel services (memory, work items, timers, NDIS 6
// resources): the kernel cannot tell whose a block is, so the leaks are
// counted once every driver under test is gone.
func (d *Driver) Unload(unload func(driverObject *ndis.DriverObject)) {
	d.sys.t.Helper()
	if d.unloaded {
		d.sys.t.Errorf("ndistest: %s is unloaded already", d.name)
		return
	}
	d.unloaded = true
	if d.miniport != nil {
		for _, st := range d.stacks {
			st.pauseIfRunning()
		}
		if err := d.sys.sim.UnloadMiniport6(d.miniport); err != nil {
			d.sys.t.Errorf("ndistest: %v", err)
		}
	}
	// NDIS pauses a stack before it unbinds a protocol from it.
	for _, st := range d.sys.stacks6 {
		for _, p := range d.protocols {
			if d.sys.sim.Bound6(p, st.handle) {
				st.pauseIfRunning()
			}
		}
	}
	for _, m := range d.modules {
		if d.sys.sim.Attached6(m.handle) {
			m.Detach()
		}
	}
	if unload != nil {
		unload(d.obj)
	}
	if d.filter != nil {
		d.sys.sim.FilterDriverUnloaded(d.filter)
	}
	d.sys.Run()
	d.sys.loaded--
	if d.sys.loaded == 0 {
		d.sys.sim.ReportServiceLeaks()
	}
}

// Layer is the state of one layer of a driver stack (Stack.Layers).
type Layer = ndissim.Layer6
