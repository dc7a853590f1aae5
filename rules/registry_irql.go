package rules

// The rule IDs of the irql pass.
const (
	RuleIrqlAboveMax           = "irql-above-max"
	RuleIrqlBelowMin           = "irql-below-min"
	RuleIrqlContradiction      = "irql-contradiction"
	RuleIrqlNotRestored        = "irql-not-restored"
	RuleSpinlockHeldOnReturn   = "spinlock-held-on-return"
	RuleSpinlockReleaseNotHeld = "spinlock-release-not-held"
	RuleSpinlockDoubleAcquire  = "spinlock-double-acquire"
	RuleSpinlockDprMismatch    = "spinlock-dpr-mismatch"
	RuleSpinlockReleaseOrder   = "spinlock-release-order"
	RuleSpinlockFreeHeld       = "spinlock-free-held"
	RuleIrqlRaiseLowers        = "irql-raise-lowers"
	RuleIrqlLowerRaises        = "irql-lower-raises"
	RuleIrqlBadLevel           = "irql-bad-level"
	RuleIrqlSaveRestore        = "irql-save-restore"
	RuleIrqlContractBroken     = "irql-contract-broken"
	RuleIrqlPageableAtDispatch = "irql-pageable-at-dispatch"
	RuleIrqlDirectiveInvalid   = "irql-directive-invalid"
)

// PassIrql is the name of the IRQL and spin-lock pass (analyzers/irql).
const PassIrql = "irql"

// The rules of the irql pass.
var irqlRules = []*Rule{
	{
		ID:    RuleIrqlAboveMax,
		SDV:   []string{"Irql_CallManager_Function", "Irql_Connection_Function", "Irql_Filter_Driver_Function", "Irql_Gather_DMA_Function", "Irql_IM_Function", "Irql_Interfaces_Function", "Irql_Interrupt_Function", "Irql_IrqlSetting_Function", "Irql_MCM_Function", "Irql_MCO_Function", "Irql_Miniport_Driver_Function", "Irql_Miscellaneous_Function", "Irql_NetBuffer_Function", "Irql_OID_Function", "Irql_Protocol_Driver_Function", "Irql_SendRcv_Function", "Irql_StatusIndication_Function", "Irql_Synch_Function", "Irql_Timer_Function", "PeriodicTimer"},
		Pass:  PassIrql,
		Title: "a DDI or function called where the IRQL may be above its maximum",
		Text: `Each DDI's page gives the IRQL it may be called at, and NDIS calls each callback role at a
known IRQL: most CoNDIS roles at <= DISPATCH_LEVEL. A call to a DDI whose page requires less
(NdisMSleep: < DISPATCH_LEVEL; NdisClOpenAddressFamilyEx: PASSIVE_LEVEL) from such a handler, directly or
through helpers in any package, or while a spin lock is held (which raises to DISPATCH_LEVEL), may run
above its maximum. The message names the DDI, its page's IRQL, the IRQL it may run at and why: the
role, the lock taken, or the raise. Calls to functions with an //ndis:irql max= contract or an
//ndis:pageable mark are checked the same way.`,
		Page: "nf-ndis-ndismsleep (req.irql of every DDI page; the role pages give the IRQL NDIS calls them at)",
		Wrong: `//ndis:role PROTOCOL_CL_CLOSE_CALL_COMPLETE
func clCloseCallComplete(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {
	ndis.MSleep(100) // ProtocolClCloseCallComplete runs at <= DISPATCH_LEVEL
}`,
		Right: `//ndis:role PROTOCOL_CL_OPEN_AF_COMPLETE_EX
func clOpenAfCompleteEx(protocolAfContext, ndisAfHandle ndis.Handle, status ndis.Status) {
	ndis.MSleep(100) // ProtocolClOpenAfCompleteEx runs at PASSIVE_LEVEL
}`,
		Analog: "Code Analysis C28121 and C28118 (too high an IRQL); SDV Irql_Protocol_Driver_Function, Irql_Connection_Function, Irql_CallManager_Function, Irql_MCM_Function, IrqlKeApcLte1",
	},
	{
		ID:    RuleIrqlBelowMin,
		SDV:   []string{"Irql_Synch_Function"},
		Pass:  PassIrql,
		Title: "a DDI or function called where the IRQL may be below its minimum",
		Text: `NdisDprAcquireSpinLock, NdisDprReleaseSpinLock, KeAcquireSpinLockAtDpcLevel and
KeReleaseSpinLockFromDpcLevel require DISPATCH_LEVEL, and NdisReleaseSpinLock is called at
DISPATCH_LEVEL (with the lock held). A handler NDIS may call at PASSIVE_LEVEL that uses the Dpr forms
without raising first breaks them. Functions with an //ndis:irql min= contract are checked the same way.`,
		Page: "nf-ndis-ndisdpracquirespinlock",
		Wrong: `//ndis:role PROTOCOL_CL_CALL_CONNECTED
func clCallConnected(protocolVcContext ndis.Handle) {
	v := protocolVcContext.(*vc)
	ndis.DprAcquireSpinLock(&v.lock) // may run at PASSIVE_LEVEL
	v.connected = true
	ndis.DprReleaseSpinLock(&v.lock)
}`,
		Right: `//ndis:role PROTOCOL_CL_CALL_CONNECTED
func clCallConnected(protocolVcContext ndis.Handle) {
	v := protocolVcContext.(*vc)
	ndis.AcquireSpinLock(&v.lock)
	v.connected = true
	ndis.ReleaseSpinLock(&v.lock)
}`,
		Analog: "Code Analysis C28120 (too low an IRQL); SDV IrqlDispatch",
	},
	{
		ID:    RuleIrqlContradiction,
		Pass:  PassIrql,
		Title: "IRQL bounds on one path that no IRQL satisfies, or a contract its role contradicts",
		Text: `Calls on one path each bound the IRQL the function must have been called at: NdisMSleep
needs <= APC_LEVEL, NdisDprAcquireSpinLock needs DISPATCH_LEVEL. When a later call needs what an earlier
call (or a test of KeGetCurrentIrql) on the same path excludes, no caller can call the function
correctly. An //ndis:irql contract stricter than the IRQL NDIS calls the function's role at is also
reported: NDIS does not read contracts.`,
		Page: "nf-wdm-kegetcurrentirql",
		Wrong: `func poll(c *client) {
	ndis.MSleep(10)                  // needs <= APC_LEVEL
	ndis.DprAcquireSpinLock(&c.lock) // needs DISPATCH_LEVEL
	ndis.DprReleaseSpinLock(&c.lock)
}`,
		Right: `func poll(c *client) {
	ndis.MSleep(10)
	ndis.AcquireSpinLock(&c.lock)
	ndis.ReleaseSpinLock(&c.lock)
}`,
		Analog: "Code Analysis C28122 and C28123 (prior calls inconsistent with the constraint)",
	},
	{
		ID:    RuleIrqlNotRestored,
		Needs: []string{"KeRaiseIrql"},
		Pass:  PassIrql,
		Title: "a function returns at another IRQL than it was called at",
		Text: `A function that raises the IRQL (KeRaiseIrql, NDIS_RAISE_IRQL_TO_DISPATCH) must lower it again
on every path, unless raising is its job, which its contract then says: //ndis:irql raises=LEVEL. NDIS
checks its handlers the same way: a handler must return at the IRQL it was called at. A function that
releases a spin lock it did not acquire returns at the IRQL saved in that lock: an unlock wrapper, which
says so with //ndis:irql restores=PARAM.`,
		Page: "nf-wdm-keraiseirql",
		Wrong: `func bump(c *client) {
	var old wdm.Irql
	wdm.KeRaiseIrql(wdm.DispatchLevel, &old)
	if c.closing {
		return // still at DISPATCH_LEVEL
	}
	c.count++
	wdm.KeLowerIrql(old)
}`,
		Right: `func bump(c *client) {
	var old wdm.Irql
	wdm.KeRaiseIrql(wdm.DispatchLevel, &old)
	if !c.closing {
		c.count++
	}
	wdm.KeLowerIrql(old)
}`,
		Analog: "Code Analysis C28156, C28166, C28167; the runtime verifier's irql-not-restored",
	},
	{
		ID:    RuleSpinlockHeldOnReturn,
		SDV:   []string{"SpinLock", "SpinLockBalanced", "SpinLockDpr", "SpinLockDprRelease"},
		Needs: []string{"NdisAcquireSpinLock", "NdisDprAcquireSpinLock"},
		Pass:  PassIrql,
		Title: "a function returns with a spin lock held",
		Text: `A spin lock acquired in a function must be released on every path out of it, early returns
included; a handler that returns holding one leaves the processor at DISPATCH_LEVEL with the lock
taken, and the next acquire deadlocks. Releasing through defer is understood. A lock wrapper whose job
is to return holding the lock says so with //ndis:irql raises=DISPATCH_LEVEL; its callers then hold the
lock after the call.`,
		Page: "nf-ndis-ndisacquirespinlock",
		Wrong: `//ndis:role PROTOCOL_CL_CALL_CONNECTED
func clCallConnected(protocolVcContext ndis.Handle) {
	v := protocolVcContext.(*vc)
	ndis.AcquireSpinLock(&v.lock)
	if v.closing {
		return // the lock is still held
	}
	v.connected = true
	ndis.ReleaseSpinLock(&v.lock)
}`,
		Right: `//ndis:role PROTOCOL_CL_CALL_CONNECTED
func clCallConnected(protocolVcContext ndis.Handle) {
	v := protocolVcContext.(*vc)
	ndis.AcquireSpinLock(&v.lock)
	defer ndis.ReleaseSpinLock(&v.lock)
	if v.closing {
		return
	}
	v.connected = true
}`,
		Analog: "SDV SpinLock, SpinLockBalanced (NDIS); Code Analysis C28167 for the raised IRQL",
	},
	{
		ID:    RuleSpinlockReleaseNotHeld,
		SDV:   []string{"SpinLockBalanced", "SpinLockRelease"},
		Needs: []string{"NdisReleaseSpinLock", "NdisDprReleaseSpinLock"},
		Pass:  PassIrql,
		Title: "a spin lock released where it is not held",
		Text: `NdisReleaseSpinLock restores the IRQL saved by the NdisAcquireSpinLock that took the lock;
releasing a lock that is not held (twice, or in a handler that never took it: NDIS calls handlers with
none of the driver's locks held) restores a stale IRQL and corrupts the lock. A helper that releases a
lock its caller took is an unlock wrapper: it is not reported itself; its callers are checked.`,
		Page: "nf-ndis-ndisreleasespinlock",
		Wrong: `//ndis:role PROTOCOL_CL_CALL_CONNECTED
func clCallConnected(protocolVcContext ndis.Handle) {
	v := protocolVcContext.(*vc)
	ndis.AcquireSpinLock(&v.lock)
	v.connected = true
	ndis.ReleaseSpinLock(&v.lock)
	ndis.ReleaseSpinLock(&v.lock) // released twice
}`,
		Right: `//ndis:role PROTOCOL_CL_CALL_CONNECTED
func clCallConnected(protocolVcContext ndis.Handle) {
	v := protocolVcContext.(*vc)
	ndis.AcquireSpinLock(&v.lock)
	v.connected = true
	ndis.ReleaseSpinLock(&v.lock)
}`,
		Analog: "SDV SpinLockRelease; the runtime verifier's spinlock-release-not-held",
	},
	{
		ID:    RuleSpinlockDoubleAcquire,
		SDV:   []string{"SpinLock", "SpinLockDpr", "SpinLockDprRelease"},
		Needs: []string{"NdisAcquireSpinLock", "NdisDprAcquireSpinLock"},
		Pass:  PassIrql,
		Title: "a spin lock acquired while the same path already holds it",
		Text: `Spin locks do not nest: acquiring one the processor already holds spins forever. This is
reported when the same lock (the same access path) is acquired twice on a path, also through a helper
that acquires it.`,
		Page: "nf-ndis-ndisacquirespinlock",
		Wrong: `func (c *client) bump() {
	ndis.AcquireSpinLock(&c.lock)
	c.count++
	ndis.ReleaseSpinLock(&c.lock)
}

func (c *client) close() {
	ndis.AcquireSpinLock(&c.lock)
	c.closing = true
	c.bump() // acquires c.lock again
	ndis.ReleaseSpinLock(&c.lock)
}`,
		Right: `// bumpLocked expects its caller to hold c.lock.
func (c *client) bumpLocked() {
	c.count++
}

func (c *client) close() {
	ndis.AcquireSpinLock(&c.lock)
	c.closing = true
	c.bumpLocked()
	ndis.ReleaseSpinLock(&c.lock)
}`,
		Analog: "SDV SpinLock; the runtime verifier's spinlock-double-acquire",
	},
	{
		ID:    RuleSpinlockDprMismatch,
		SDV:   []string{"SpinLockDpr", "SpinLockDprRelease"},
		Needs: []string{"NdisDprAcquireSpinLock", "NdisDprReleaseSpinLock"},
		Pass:  PassIrql,
		Title: "Dpr and normal spin-lock forms mixed on one acquisition",
		Text: `A lock taken with NdisAcquireSpinLock (which raises and saves the IRQL) must be released with
NdisReleaseSpinLock (which restores it); one taken with NdisDprAcquireSpinLock must be released with
NdisDprReleaseSpinLock. Mixing them leaves the IRQL raised or lowers it under the caller; the same holds
for KeAcquireSpinLock and KeAcquireSpinLockAtDpcLevel.`,
		Page: "nf-ndis-ndisdprreleasespinlock",
		Wrong: `ndis.AcquireSpinLock(&c.lock)
ndis.DprReleaseSpinLock(&c.lock) // the IRQL stays at DISPATCH_LEVEL`,
		Right: `ndis.AcquireSpinLock(&c.lock)
ndis.ReleaseSpinLock(&c.lock)`,
		Analog: "SDV SpinLockDpr, SpinLockDprRelease; the runtime verifier's spinlock-dpr-mismatch",
	},
	{
		ID:    RuleSpinlockReleaseOrder,
		Needs: []string{"NdisAcquireSpinLock", "NdisDprAcquireSpinLock"},
		Pass:  PassIrql,
		Title: "spin locks released in the order they were acquired",
		Text: `NdisAcquireSpinLock stores the IRQL it found in the lock, and NdisReleaseSpinLock restores it.
Taking A then B and releasing A first restores A's IRQL, which may be PASSIVE_LEVEL, while B is still
held: code then runs below DISPATCH_LEVEL with a spin lock held. The NdisAllocateSpinLock page says to
release in the reverse order of acquisition, because NDIS sometimes enters drivers at PASSIVE_LEVEL.`,
		Page:   "nf-ndis-ndisallocatespinlock",
		Wrong:  "ndis.AcquireSpinLock(&c.lock)\nndis.AcquireSpinLock(&v.lock)\nndis.ReleaseSpinLock(&c.lock) // back to the caller's IRQL with v.lock held\nndis.ReleaseSpinLock(&v.lock)",
		Right:  "ndis.AcquireSpinLock(&c.lock)\nndis.AcquireSpinLock(&v.lock)\nndis.ReleaseSpinLock(&v.lock)\nndis.ReleaseSpinLock(&c.lock)",
		Analog: "the runtime verifier's spinlock-release-order; SDV SpinLockSafe",
	},
	{
		ID:    RuleSpinlockFreeHeld,
		Needs: []string{"NdisFreeSpinLock"},
		Pass:  PassIrql,
		Title: "a held spin lock freed or re-initialized",
		Text: `NdisFreeSpinLock and NdisAllocateSpinLock must not be called on a lock that is held: the
holder's release then works on a freed or reset lock.`,
		Page:   "nf-ndis-ndisfreespinlock",
		Wrong:  "ndis.AcquireSpinLock(&c.lock)\nndis.FreeSpinLock(&c.lock) // still held\nndis.ReleaseSpinLock(&c.lock)",
		Right:  "ndis.AcquireSpinLock(&c.lock)\nndis.ReleaseSpinLock(&c.lock)\nndis.FreeSpinLock(&c.lock)",
		Analog: "the runtime verifier's spinlock-free-held",
	},
	{
		ID:    RuleIrqlRaiseLowers,
		Needs: []string{"KeRaiseIrql"},
		Pass:  PassIrql,
		Title: "KeRaiseIrql to a level below the current IRQL",
		Text: `KeRaiseIrql's page: if the new IRQL is less than the current IRQL, a bug check occurs. Reported
when the IRQL may be above the requested level: under a spin lock, after an earlier raise, or in a
handler NDIS may call at a higher level.`,
		Page:   "nf-wdm-keraiseirql",
		Wrong:  "var old wdm.Irql\nndis.AcquireSpinLock(&c.lock)\nwdm.KeRaiseIrql(wdm.ApcLevel, &old) // the IRQL is DISPATCH_LEVEL\nwdm.KeLowerIrql(old)\nndis.ReleaseSpinLock(&c.lock)",
		Right:  "var old wdm.Irql\nwdm.KeRaiseIrql(wdm.ApcLevel, &old)\nndis.AcquireSpinLock(&c.lock)\nndis.ReleaseSpinLock(&c.lock)\nwdm.KeLowerIrql(old)",
		Analog: "Code Analysis C28141; SDV IrqlKeRaiseLower; the runtime verifier's irql-raise-lowers",
	},
	{
		ID:    RuleIrqlLowerRaises,
		Needs: []string{"KeLowerIrql"},
		Pass:  PassIrql,
		Title: "KeLowerIrql to a level above the current IRQL",
		Text: `KeLowerIrql's page: a call is valid if NewIrql <= the current IRQL. Lowering to a level above
the current one is a bug check; it usually means the saved IRQL and the current one were swapped.`,
		Page:   "nf-wdm-kelowerirql",
		Wrong:  "var old wdm.Irql\nwdm.KeRaiseIrql(wdm.ApcLevel, &old)\nwdm.KeLowerIrql(wdm.DispatchLevel) // the IRQL is APC_LEVEL: this raises it\nwdm.KeLowerIrql(old)",
		Right:  "var old wdm.Irql\nwdm.KeRaiseIrql(wdm.ApcLevel, &old)\nwdm.KeLowerIrql(old)",
		Analog: "SDV IrqlKeRaiseLower2; the runtime verifier's irql-lower-raises",
	},
	{
		ID:     RuleIrqlBadLevel,
		Needs:  []string{"KeRaiseIrql", "KeLowerIrql"},
		Pass:   PassIrql,
		Title:  "an IRQL argument out of range",
		Text:   `IRQLs run from PASSIVE_LEVEL (0) to HIGH_LEVEL (15); a constant above HIGH_LEVEL passed to KeRaiseIrql or KeLowerIrql is not an IRQL.`,
		Page:   "nf-wdm-keraiseirql",
		Wrong:  "var old wdm.Irql\nwdm.KeRaiseIrql(31, &old) // HIGH_LEVEL is 15\nwdm.KeLowerIrql(old)",
		Right:  "var old wdm.Irql\nwdm.KeRaiseIrql(wdm.DispatchLevel, &old)\nwdm.KeLowerIrql(old)",
		Analog: "Code Analysis C28151 (an IRQL value that is not valid)",
	},
	{
		ID:    RuleIrqlSaveRestore,
		Needs: []string{"KeRaiseIrql", "KeLowerIrql"},
		Pass:  PassIrql,
		Title: "a saves= or restores= contract not kept on some path",
		Text: `//ndis:irql saves=p promises that the function stores the IRQL it was called at through p
(directly, or in a spin lock reached through p) on every path; //ndis:irql restores=p promises that it
returns at the IRQL held by p, or saved in the spin lock it releases through p. Callers rely on both.`,
		Page: "nf-wdm-kelowerirql",
		Wrong: `//ndis:irql restores=old
func lowerTo(old wdm.Irql) {
	wdm.KeLowerIrql(wdm.PassiveLevel) // not old
}`,
		Right: `//ndis:irql restores=old
func lowerTo(old wdm.Irql) {
	wdm.KeLowerIrql(old)
}`,
		Analog: "Code Analysis C28157 (the IRQL was never restored), C28158 (no IRQL was saved)",
	},
	{
		ID:    RuleIrqlContractBroken,
		Pass:  PassIrql,
		Title: "a function's body breaks its own max=/min= contract",
		Text: `An //ndis:irql max=LEVEL contract lets callers call the function at LEVEL; if its body (or a
helper it calls) needs less, the contract is wrong and callers trusting it are not checked. A min=LEVEL
function that lowers the IRQL below LEVEL breaks its contract too.`,
		Page: "nf-ndis-ndismsleep",
		Wrong: `//ndis:irql max=DISPATCH_LEVEL
func backoff() {
	ndis.MSleep(50) // needs < DISPATCH_LEVEL
}`,
		Right: `//ndis:irql max=PASSIVE_LEVEL
func backoff() {
	ndis.MSleep(50)
}`,
		Analog: "Code Analysis C28150 (IRQL above the function's maximum), C28124 (below its minimum)",
	},
	{
		ID:    RuleIrqlPageableAtDispatch,
		Pass:  PassIrql,
		Title: "pageable code that may run at DISPATCH_LEVEL",
		Text: `//ndis:pageable marks a function as pageable code (the PAGED_CODE analog): it may only run at
IRQL <= APC_LEVEL, where a page fault can be served. It is reported where it may run at DISPATCH_LEVEL:
registered for a role NDIS calls at DISPATCH_LEVEL, called from such a handler or under a spin lock, or
taking a spin lock itself.`,
		Page: "nf-ndis-ndisacquirespinlock (the caller must provide nonpaged storage; code at DISPATCH_LEVEL must be nonpaged)",
		Wrong: `//ndis:pageable
func readConfig(c *client) {
	ndis.AcquireSpinLock(&c.lock) // pageable code at DISPATCH_LEVEL
	ndis.ReleaseSpinLock(&c.lock)
}`,
		Right: `//ndis:pageable
func readConfig(c *client) {
	ndis.MSleep(10)
}`,
		Analog: "PAGED_CODE() and Driver Verifier's IRQL checking; Code Analysis C28172 (pageable code with a spin lock)",
	},
	{
		ID:    RuleIrqlDirectiveInvalid,
		Pass:  PassIrql,
		Title: "an //ndis:irql or //ndis:pageable directive that cannot be honoured",
		Text: `The directives pass checks the shape of a directive; this rule checks what an //ndis:irql says:
its keys (max, min, level for an exact level, always_max and always_min for a bound that holds for the
whole body even after raises, raises, same, saves, restores), its levels (wdm.h names: PASSIVE_LEVEL,
APC_LEVEL, DISPATCH_LEVEL, ..., HIGH_LEVEL; DIRQL, between DISPATCH_LEVEL and CLOCK_LEVEL; numbers 0 to
15), keys that contradict each other (min above max, raises with same, level with max or min, max above
always_max), saves=/restores= naming a parameter the function has; and that //ndis:irql and
//ndis:pageable sit in a function declaration's doc comment. A contract that cannot be read is not
trusted.`,
		Page:   "go/ast ParseDirective; SAL IRQL annotations (driver IRQL annotations in the WDK)",
		Wrong:  "//ndis:irql max=DISPATCH\nfunc helper() {}",
		Right:  "//ndis:irql max=DISPATCH_LEVEL\nfunc helper() {}",
		Analog: "Code Analysis C28153 (an IRQL annotation with a value that is not valid)",
	},
}
