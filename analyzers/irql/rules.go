package irql

// The rule IDs this pass reports. Where the runtime's verifier checks the
// same thing at run time, the ID is the verifier's.
const (
	ruleAboveMax       = "irql-above-max"
	ruleBelowMin       = "irql-below-min"
	ruleContradiction  = "irql-contradiction"
	ruleNotRestored    = "irql-not-restored"
	ruleHeldOnReturn   = "spinlock-held-on-return"
	ruleReleaseNotHeld = "spinlock-release-not-held"
	ruleDoubleAcquire  = "spinlock-double-acquire"
	ruleDprMismatch    = "spinlock-dpr-mismatch"
	ruleFreeHeld       = "spinlock-free-held"
	ruleReleaseOrder   = "spinlock-release-order"
	ruleRaiseLowers    = "irql-raise-lowers"
	ruleLowerRaises    = "irql-lower-raises"
	ruleBadLevel       = "irql-bad-level"
	ruleSaveRestore    = "irql-save-restore"
	ruleContractBroken = "irql-contract-broken"
	rulePageable       = "irql-pageable-at-dispatch"
	ruleDirective      = "irql-directive-invalid"
)
