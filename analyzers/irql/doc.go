package irql

const doc = `check the IRQL of every DDI call and the balance of IRQL raises and spin locks

The irql pass checks, in packages that use the NDIS runtime, that each DDI
is called within the IRQL its page gives (req.irql in the catalogue), from
the IRQL each callback role is called at, through helpers in any package:

  irql-above-max             a DDI or function called where the IRQL may be
                             above its maximum (NdisMSleep from
                             ProtocolClCloseCallComplete, or under a spin lock)
  irql-below-min             a DDI or function called where the IRQL may be
                             below its minimum (NdisDprAcquireSpinLock at
                             PASSIVE_LEVEL)
  irql-contradiction         bounds on one path that no IRQL satisfies, or a
                             contract its role contradicts
  irql-not-restored          a function that returns at another IRQL than it
                             was called at, unless its contract says raises=
  spinlock-held-on-return    a function that returns with a spin lock held
  spinlock-release-not-held  a release of a spin lock that is not held
  spinlock-double-acquire    an acquire of a spin lock already held
  spinlock-dpr-mismatch      Dpr and normal forms mixed on one acquisition
  spinlock-release-order     a release that may lower the IRQL below
                             DISPATCH_LEVEL while another lock is held
  spinlock-free-held         NdisFreeSpinLock or NdisAllocateSpinLock on a
                             held lock
  irql-raise-lowers          KeRaiseIrql to a level below the current one
  irql-lower-raises          KeLowerIrql to a level above the current one
  irql-bad-level             an IRQL argument above HIGH_LEVEL
  irql-save-restore          a saves= or restores= contract not kept on a path
  irql-contract-broken       a body that needs less than its max=/min=
                             contract promises callers, or lowers below min=
  irql-pageable-at-dispatch  //ndis:pageable code that may run at
                             DISPATCH_LEVEL
  irql-directive-invalid     an //ndis:irql or //ndis:pageable the pass
                             cannot honour (unknown key, bad level, misplaced)

The model. A function registered for a role (a handler-structure slot, a
role-typed value, //ndis:role) starts at the role's IRQL from the catalogue.
NdisAcquireSpinLock and KeAcquireSpinLock raise to DISPATCH_LEVEL and keep
the IRQL they found (in the lock, or in the OldIrql out-parameter); their
releases restore it. The Dpr forms need DISPATCH_LEVEL and change nothing.
KeRaiseIrql, KeRaiseIrqlToDpcLevel, NDIS_RAISE_IRQL_TO_DISPATCH, KeLowerIrql
and NDIS_LOWER_IRQL move it, and the saved old IRQL is tracked through
locals and fields. A test of wdm.KeGetCurrentIrql() against a constant
narrows the IRQL on each side of the branch.

Every function gets a summary, exported as a fact for exported functions
and methods: the highest and lowest IRQL it may be called at (with the DDI
that needs it), the IRQL it returns at, the spin locks it leaves acquired or
releases for its caller, and the locks it takes at all. A call to a helper
is checked against the helper's summary, so a helper in another package that
sleeps makes its callers PASSIVE-only, and a helper that takes a lock its
caller holds is a double acquire. Calls through function values, closures
and methods are followed where they resolve statically. A handler of
another package registered here is checked where it is registered.

A function literal cannot carry a contract: what it leaves behind (a
deferred func() { NdisReleaseSpinLock(...) }()) is checked in the function
that calls it. The runtime's own packages are not analysed: the catalogue
speaks for their DDIs.

Contracts are SAL's IRQL annotations in Go form, on a function's doc
comment:

  //ndis:irql max=DISPATCH_LEVEL   callers at or below (_IRQL_requires_max_)
  //ndis:irql min=DISPATCH_LEVEL   callers at or above (_IRQL_requires_min_)
  //ndis:irql raises=DISPATCH_LEVEL  returns raised (_IRQL_raises_); a lock
                                     wrapper may return holding its lock
  //ndis:irql same                 returns at the entry IRQL (the default)
  //ndis:irql saves=p              stores the entry IRQL through p
  //ndis:irql restores=p           returns at the IRQL held by p, or by the
                                   spin lock reached through p (an unlock
                                   wrapper)
  //ndis:pageable                  pageable code (PAGED_CODE): <= APC_LEVEL

A contract is checked against the body and trusted at call sites.

Precision before recall: a call through an unresolved function value or an
interface method, a lock whose location cannot be named, and paths that
merge with a lock held on one side only are not reported. Known gaps: the
value of a saved IRQL is not followed across correlated branches (a flag
that says whether the IRQL was raised); work items and timers are checked
at their own role's IRQL, not followed from where they are queued.`
