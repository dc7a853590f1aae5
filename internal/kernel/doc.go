// Package kernel is the simulated processor and verifier under the runtime:
// the current IRQL, the spin locks held, the trace of DDI calls and
// callbacks, the deterministic event queue (pended completions, work items,
// timers) with its virtual clock, and the verifier's list of violations. The
// kernel routines of package wdm run on it directly; the simulated NDIS of
// internal/ndissim, to which package ndis forwards its DDIs, is built on it
// and belongs to the run (WithNDIS).
//
// The simulation is single-threaded and deterministic: one State is current
// at a time (Reset installs a fresh one), and everything runs on the caller's
// goroutine. Tests that use it must not run in parallel with each other; the
// ndistest harness serializes them.
//
// The verifier takes its contract from the rule catalogue of package rules:
// IRQL requirements and effects of DDIs, the levels roles run at, and (read
// by internal/ndissim) forbidden statuses, completions and mandatory handler
// slots. Each run reads the catalogue given to Reset with WithCatalogue, or
// else the embedded one; rule IDs are the constants of package rules, and
// Report refuses any other.
package kernel
