// Package irqlsum holds what the irql pass knows about one function, in a
// form small enough to travel between packages as an analysis fact: the
// IRQL range it may be called at (the tightest maximum and minimum its body
// or its contract needs, each with the DDI that needs it), the IRQL it
// exits at (the one it was entered at, a fixed level, or the level held by
// a parameter), and the spin locks it leaves acquired or releases for its
// caller. It also parses the //ndis:irql contract directive, SAL's IRQL
// annotations in Go form.
package irqlsum

import "fmt"

// Level is an IRQL value, as in wdm.h (PASSIVE_LEVEL is 0, HIGH_LEVEL 15).
type Level = uint8

// The levels the pass names.
const (
	Passive  Level = 0
	Apc      Level = 1
	Dispatch Level = 2
	High     Level = 15
)

// levelNames are the wdm.h names a directive may use, with their values;
// the first name of a value is how messages spell it (as wdm.Irql.String).
var levelNames = []struct {
	name string
	lvl  Level
}{
	{"PASSIVE_LEVEL", 0},
	{"APC_LEVEL", 1},
	{"DISPATCH_LEVEL", 2},
	{"CLOCK_LEVEL", 13},
	{"IPI_LEVEL", 14},
	{"POWER_LEVEL", 14},
	{"HIGH_LEVEL", 15},
	{"PROFILE_LEVEL", 15},
}

// LevelByName returns the value of a wdm.h IRQL name.
func LevelByName(name string) (Level, bool) {
	for _, l := range levelNames {
		if l.name == name {
			return l.lvl, true
		}
	}
	return 0, false
}

// LevelName spells a level as wdm.h does (DISPATCH_LEVEL), or IRQL(n) for
// a device level.
func LevelName(l Level) string {
	for _, n := range levelNames {
		if n.lvl == l {
			return n.name
		}
	}
	return fmt.Sprintf("IRQL(%d)", l)
}
