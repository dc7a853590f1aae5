// Package irqlsum holds what the irql pass knows about one function, in a
// form small enough to travel between packages as an analysis fact: the
// IRQL range it may be called at (the tightest maximum and minimum its body
// or its contract needs, each with the DDI that needs it), the IRQL it
// exits at (the one it was entered at, a fixed level, or the level held by
// a parameter), and the spin locks it leaves acquired or releases for its
// caller. It also parses the //ndis:irql contract directive, SAL's IRQL
// annotations in Go form.
//
// IRQL values and their names are those of rules.Levels, the one level
// table; this package has none of its own.
package irqlsum

import "github.com/ndislint/ndislint/rules"

// Level is an IRQL value, as in wdm.h and rules.Levels (PASSIVE_LEVEL is 0,
// HIGH_LEVEL rules.HighLevel).
type Level = uint8

// LevelBounds returns the values a wdm.h IRQL name covers in rules.Levels:
// one value for a named level, the device range for DIRQL. A bound "<=
// NAME" is read as hi, ">= NAME" as lo.
func LevelBounds(name string) (lo, hi Level, ok bool) {
	l, ok := rules.LookupLevel(name)
	return l.Value, l.Top, ok
}
