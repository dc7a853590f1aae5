// Package irql defines an Analyzer that checks the IRQL every DDI is called
// at, from every callback role through helpers in any package, user
// contracts written as //ndis:irql directives, and the balance of IRQL
// raises and spin locks on every path.
//
// # Analyzer irql
//
// irql: check the IRQL of every DDI call and the balance of IRQL raises and spin locks
//
// The irql pass checks, in the packages ndislint analyses (those that import
// the NDIS runtime, carry //ndis: directives, or import such a package), that
// each DDI is called within the IRQL its page gives (req.irql in the
// catalogue), from the IRQL each callback role is called at, through helpers
// in any package:
//
//	irql-above-max             a DDI or function called where the IRQL may be
//	                           above its maximum (NdisMSleep from
//	                           ProtocolClCloseCallComplete, or under a spin lock)
//	irql-below-min             a DDI or function called where the IRQL may be
//	                           below its minimum (NdisDprAcquireSpinLock at
//	                           PASSIVE_LEVEL)
//	irql-contradiction         bounds on one path that no IRQL satisfies, or a
//	                           contract its role contradicts
//	irql-not-restored          a function that returns at another IRQL than it
//	                           was called at, unless its contract says raises=
//	spinlock-held-on-return    a function that returns with a spin lock held
//	spinlock-release-not-held  a release of a spin lock that is not held
//	spinlock-double-acquire    an acquire of a spin lock already held
//	spinlock-dpr-mismatch      Dpr and normal forms mixed on one acquisition
//	spinlock-release-order     a release that may lower the IRQL below
//	                           DISPATCH_LEVEL while another lock is held
//	spinlock-free-held         NdisFreeSpinLock or NdisAllocateSpinLock on a
//	                           held lock
//	irql-raise-lowers          KeRaiseIrql to a level below the current one
//	irql-lower-raises          KeLowerIrql to a level above the current one
//	irql-bad-level             an IRQL argument above HIGH_LEVEL
//	irql-save-restore          a saves= or restores= contract not kept on a path
//	irql-contract-broken       a body that needs less than its max=/min=
//	                           contract promises callers, or lowers below min=
//	irql-pageable-at-dispatch  //ndis:pageable code that may run at
//	                           DISPATCH_LEVEL
//	irql-directive-invalid     an //ndis:irql or //ndis:pageable the pass
//	                           cannot honour (unknown key, bad level, misplaced)
//
// The model is the catalogue's (rules/catalogue.json); the pass knows no DDI
// by its name. A function registered for a role (a handler-structure slot,
// a role-typed value, //ndis:role) starts at the role's IRQL. A call of a
// DDI is checked against the entry's IRQL requirement, then the entry's
// spin-lock operation (acquire, release, init, free, on the parameter it
// names; the Dpr forms need DISPATCH_LEVEL and change nothing) and IRQL
// effect are applied:
//
//	query              the result is the current IRQL (KeGetCurrentIrql): a
//	                   test of it against a constant narrows the IRQL on each
//	                   side of the branch
//	raise              the IRQL becomes the IRQL argument (KeRaiseIrql); a
//	                   raise must not lower it
//	raise-to-dispatch  the IRQL becomes DISPATCH_LEVEL (KeRaiseIrqlToDpcLevel,
//	                   NDIS_RAISE_IRQL_TO_DISPATCH, NdisAcquireSpinLock)
//	restore            the IRQL becomes the IRQL argument (KeLowerIrql,
//	                   NDIS_LOWER_IRQL, KeReleaseSpinLock), or, for a lock
//	                   release that has none, the IRQL the lock kept when it
//	                   was acquired (NdisReleaseSpinLock); a lower must not
//	                   raise it
//	at-dispatch        nothing changes (NdisDprAcquireSpinLock)
//
// A read-write lock's entry puts its lock operation on the lock state of
// each acquisition (the LockState parameter of NdisAcquireRWLockRead,
// NdisAcquireReadWriteLock, ...), which keeps the IRQL the acquire found:
// the spin-lock rules hold for it (held on return, released when not held,
// Dpr and normal forms mixed, released out of order, one lock state used for
// two acquisitions), and two acquisitions of one lock with two lock states
// (recursive reads) are two held acquisitions. The pass does not relate the
// lock states to their lock, so it cannot see a promotion of a read
// acquisition to write, a write acquisition under another, or a lock freed
// while acquired: the run-time verifier reports those. Messages name a lock
// by its entry's noun (Lock.Noun: "read-write lock state ls"; "spin lock
// c.lock" when it has none, "lock" where the pass cannot tell which). A
// mutex (NDIS_WAIT_FOR_MUTEX) is no lock to the pass: holding one leaves the
// thread at PASSIVE_LEVEL, so PASSIVE_LEVEL calls under it are not reported.
//
// An entry may also narrow its bound when an argument has a given value
// (irql.when in the catalogue: KeSetEvent with Wait = TRUE needs <=
// APC_LEVEL, KeWaitForSingleObject with a NULL or nonzero *Timeout too,
// NdisCancelTimerObject on a timer whose latest NdisSetTimerObject on this
// path passed a nonzero MillisecondsPeriod needs PASSIVE_LEVEL). The value
// is read from the call: a constant, nil or a pointer that cannot be nil,
// the value last stored in a local variable the argument points to, or the
// argument of the latest earlier call the entry names whose object
// argument is the same one (loaded from the same place, not stored to
// since). Where the condition holds, the narrower bound is checked as the
// unconditional one is, and reported with the condition ("KeSetEvent with
// Wait = TRUE may be called at DISPATCH_LEVEL"); where the page also
// forbids the call from pageable code, a //ndis:pageable function that
// makes it is reported (irql-pageable-at-dispatch).
//
// A role whose page gives it a dispatch-level flag (the catalogue's
// Param.IrqlFlag: SendFlags with NDIS_SEND_FLAGS_DISPATCH_LEVEL,
// ReturnFlags, ReceiveFlags, SendCompleteFlags) tells the IRQL through it:
// on the side of a branch where the flag is known set (flags & F != 0,
// flags & F == F, or their negations, directly or through a local boolean)
// the function was called at DISPATCH_LEVEL, so NdisDprAcquireSpinLock is
// right there (dispatch-irql-tracking: "If the caller is NDIS, the called
// function should test this flag to avoid changing the IRQL"). The flag
// clear says nothing. Two gaps remain, both reported as irql-below-min: a
// flag passed on to a helper as a boolean (ndislwf's
// FILTER_ACQUIRE_LOCK(lock, bDispatchLevel)) is not followed, so the
// helper's Dpr form is reported where the helper may be called below
// DISPATCH_LEVEL; and a lock taken under one test of the flag and released
// under a second test (the same macros used inline, FILTER_RELEASE_LOCK
// after FILTER_ACQUIRE_LOCK) is not followed either, since the two tests
// are not correlated once the paths merge in between: write the acquire,
// the work and the release in each branch of one test.
//
// A raise stores the IRQL it found through its IRQL out-parameter, or
// returns it, and the saved IRQL is tracked through locals and fields.
// Which parameter is the new IRQL and which the saved one comes from the
// entry's parameters (the first wdm.Irql in-parameter, the first *wdm.Irql
// out-parameter: rules/schema.go). So a DDI added to the catalogue is
// checked as its entry says with no change to the pass, and a function of
// the runtime that the catalogue does not describe changes nothing.
//
// Every function gets a summary, exported as a fact for exported functions
// and methods: the highest and lowest IRQL it may be called at (with the DDI
// that needs it), the IRQL it returns at, the spin locks it leaves acquired
// or releases for its caller, and the locks it takes at all. A call to a
// helper is checked against the helper's summary, so a helper in another
// package that sleeps makes its callers PASSIVE-only, and a helper that
// takes a lock its caller holds is a double acquire. Calls through function
// values, closures and methods are followed where they resolve statically.
// A handler of another package registered here is checked where it is
// registered.
//
// A function literal cannot carry a contract: what it leaves behind (a
// deferred func() { NdisReleaseSpinLock(...) }()) is checked in the function
// that calls it. The runtime's own packages are not analysed: the catalogue
// speaks for their DDIs.
//
// Contracts are SAL's IRQL annotations in Go form, on a function's doc
// comment:
//
//	//ndis:irql max=DISPATCH_LEVEL     callers at or below (_IRQL_requires_max_)
//	//ndis:irql min=DISPATCH_LEVEL     callers at or above (_IRQL_requires_min_)
//	//ndis:irql raises=DISPATCH_LEVEL  returns raised (_IRQL_raises_); a lock
//	                                   wrapper may return holding its lock
//	//ndis:irql same                   returns at the entry IRQL (the default)
//	//ndis:irql saves=p                stores the entry IRQL through p
//	//ndis:irql restores=p             returns at the IRQL held by p, or by the
//	                                   spin lock reached through p (an unlock
//	                                   wrapper)
//	//ndis:irql level=DISPATCH_LEVEL   callers at exactly that level: min= and
//	                                   max= in one key (_IRQL_requires_)
//	//ndis:irql always_max=APC_LEVEL   the IRQL stays at or below the level for
//	                                   the whole body, raises included
//	                                   (_IRQL_always_function_max_); callers
//	                                   too must be at or below it
//	//ndis:irql always_min=DISPATCH_LEVEL  the IRQL stays at or above the level
//	                                   for the whole body, lowers included
//	                                   (_IRQL_always_function_min_)
//	//ndis:pageable                    pageable code (PAGED_CODE): <= APC_LEVEL
//
// A function with no contract that stores the IRQL it was called at through
// a parameter on every path (*old = wdm.KeGetCurrentIrql()) saves it for
// its callers as saves= would, and one whose IRQL result is, on every
// path, the IRQL it was called at passes that on (old := current() then
// KeLowerIrql(old) restores it). A restores= function that releases its
// lock on some paths only is reported (irql-save-restore), and so is a
// //ndis:pageable function whose contract puts it at DISPATCH_LEVEL or
// above (irql-contradiction). A same contract the body shows false (a
// return at another IRQL) is reported once, at the contract
// (irql-contract-broken), and its callers stop tracking the IRQL after the
// call rather than trust it. Likewise a max= or min= contract the body
// needs more than is reported at the call inside the function that breaks
// it (irql-contract-broken), and its callers are held to the body's bound,
// so that callback -> helper -> annotated helper -> DDI is reported at the
// call in the callback too.
//
// A contract is checked against the body and trusted at call sites: a raise
// (a DDI, a lock, a helper's exit) that surely takes the IRQL above
// always_max=, or a lower that surely takes it below always_min=, breaks
// the contract (irql-contract-broken). Levels are wdm.h's names
// (rules/levels.go) or decimal IRQL values from 0 to 15 (max=5, as wdm.h's
// x64 values: DISPATCH_LEVEL is 2, HIGH_LEVEL 15). DIRQL, the device
// range, lies above DISPATCH_LEVEL and below CLOCK_LEVEL and HIGH_LEVEL
// (the wdm pages: device interrupts run at DIRQL, above DISPATCH_LEVEL,
// where DPCs run; KeRaiseIrql may go up to HIGH_LEVEL, which masks all);
// it is read as its top (12) in max= and always_max=, as its bottom (3) in
// min= and always_min=, as that range in level=, and raises=DIRQL is
// refused. Messages spell a device level by its value (IRQL(5)). Keys that
// contradict each other (level= with max= or min=, max= above always_max=,
// raises= above always_max=, min= below always_min=) make the directive
// invalid (irql-directive-invalid), and an invalid contract is not trusted.
//
// Findings are reported in file, line, column and rule order, and neither
// they nor the facts depend on the order the files were parsed in.
//
// Precision before recall: where the pass cannot tell, it says nothing.
// What it does not see:
//   - calls through an unresolved function value or an interface method;
//   - a lock whose location cannot be named (reached through a call's
//     result, a variable index, a pointer that depends on the path);
//   - paths that merge with a lock held on one side only, and the value of
//     a saved IRQL across correlated branches (a flag that says whether the
//     IRQL was raised);
//   - a DDI whose effect needs an IRQL parameter its entry lacks (a raise
//     with no wdm.Irql in-parameter, a restore with neither one nor a lock):
//     the IRQL after it is unknown, and the checks after it say nothing;
//   - a value-dependent bound whose condition it cannot evaluate (an
//     argument that is no constant, a timeout variable whose value depends
//     on the path or that escapes, a timer handle replaced or passed to a
//     helper since it was set, a set in another function): only the
//     unconditional bound applies then; NDIS_LOWER_IRQL's _CurIrql_ is not
//     compared with the current IRQL;
//   - a call that pageable code must not make (KeSetEvent with Wait = TRUE)
//     made by a helper of a //ndis:pageable function: only the pageable
//     function's own calls are checked;
//   - a recursive call, inside its cycle: the callee's summary is not yet
//     known there and counts as saying nothing;
//   - a function whose data flow does not settle within the iteration
//     budget, and a helper that leaves more than eight lock operations to
//     its caller;
//   - work items and timers, which are checked at their own role's IRQL,
//     not followed from where they are queued.
package irql
