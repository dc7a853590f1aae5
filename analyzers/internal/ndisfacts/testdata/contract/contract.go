package contract // want package:"analysed\\(has //ndis: directives\\)"

// The package contract imports neither ndis nor wdm but states a contract.

// Settle may sleep.
//
//ndis:irql max=PASSIVE_LEVEL
func Settle() {}
