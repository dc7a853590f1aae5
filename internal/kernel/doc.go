// Package kernel is the simulated processor and verifier shared by the
// runtime packages ndis and wdm: the current IRQL, the spin locks held, the
// trace of DDI calls and callbacks, the deterministic event queue (pended
// completions, work items, timers) with its virtual clock, and the verifier's
// list of violations.
//
// The simulation is single-threaded and deterministic: one State is current
// at a time (Reset installs a fresh one), and everything runs on the caller's
// goroutine. Tests that use it must not run in parallel with each other; the
// ndistest harness serializes them.
package kernel
