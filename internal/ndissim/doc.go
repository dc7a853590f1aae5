// Package ndissim is the simulated NDIS that the DDIs of package ndis run
// in: the drivers, adapters, bindings, address families, SAPs, VCs and
// parties NDIS knows, the handles it gives out, the requests that may pend
// and what completes them, the kernel services NDIS offers (memory, work
// items, timers, spin locks, events, waits), and the verifier's NDIS rules,
// checked as every DDI and callback runs. It sits on the simulated processor
// of package kernel (IRQL, spin locks, trace, event queue, clock, the
// Violation list).
//
// Package ndis declares the model of ndis.h and nothing else: each DDI
// forwards to the method of the same name of this package's simulator,
// which it finds in the current kernel.State. A run gets its simulator from
// kernel.Reset(kernel.WithNDIS(Attach)); ndistest.New does that, and Of
// gives the harness its view of it (Sim). Nothing here is global: every
// table belongs to the run.
//
// Every handle the simulator gives out (driver, adapter, binding, bind and
// unbind context, address family, SAP, VC, party, work item, timer)
// carries the run that made it. A handle saved from one run (one
// ndistest.System) and passed in another is a bad-handle there, reported
// where the handle is resolved (handleOf), and the DDI fails without
// touching the earlier run's objects or calling its drivers' handlers; the
// harness's own API (Sim.Vc, Bind, Unbind, AddAdapter) refuses it too.
//
// The verifier's rules about objects come from the run's rule catalogue
// (kernel.State.Catalogue), the data the static passes read: every VC,
// party, address family and SAP carries its state in the catalogue's
// lifetimes (the client's view and the call manager's), the DDIs and
// callbacks that are edges of a lifetime move it, and an event no edge of
// the object's state allows, or a handle an edge invalidated, is reported
// with the static rule's ID (life.go). The catalogue also says which DDI
// completes which pended request, which statuses a role must not return and
// which handler slots are mandatory. What no catalogue entry says (sends,
// QoS changes, the activation of a VC in the miniport, who may delete a VC,
// how many parties a call has) is this package's own bookkeeping.
//
// NDIS 6 drivers (ndis6_*.go) run in driver stacks: a miniport adapter,
// its filter modules, bottom first, and the protocol bindings on top, each
// in the states of its page (Miniport Adapter States and Operations, Filter
// Module States and Operations, Protocol Binding States and Operations;
// the catalogue has no lifetime for them yet). NDIS pauses a stack top down
// and restarts it bottom up, one layer at a time, going on when a layer
// completes by its handler's return or, after NDIS_STATUS_PENDING, by its
// completion DDI. Sends go down and come back up the way they went; receive
// indications go up and are returned down; every NET_BUFFER_LIST is
// followed by the catalogue's ownership facts (Param.Handoff). OID requests
// to a miniport are serialized and issued at PASSIVE_LEVEL from a worker
// when the caller is above it; NDIS sets the dispatch-level flag of the
// send, receive and return handlers it calls by the IRQL it calls them at.
// Driver Verifier's timed rules run on the virtual clock: their watchdogs
// are queued events, cancelled when the request completes, and a request
// they report is not reported again as pending-never-completed.
//
// The package is internal: drivers import ndis and their tests import
// ndistest, the only harness users see.
package ndissim
