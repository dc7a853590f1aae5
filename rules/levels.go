package rules

import "fmt"

// Level is one IRQL of wdm.h (x64 values), as the catalogue, the passes, the
// simulator and package wdm name it. It is the one table of IRQL levels:
// wdm declares a constant for each named level (internal/modelcheck checks
// the values agree), and everything else reads this table.
type Level struct {
	// Name is the wdm.h name: DISPATCH_LEVEL.
	Name string
	// GoName is the constant in package wdm: DispatchLevel ("" for DIRQL,
	// which is a range and has no constant).
	GoName string
	// Value is the level's value; for DIRQL the lowest device level.
	Value uint8
	// Top is the highest value the name covers: Value, or for DIRQL the
	// highest device level.
	Top uint8
	// Alias is true for a second name of a value that messages do not use
	// (POWER_LEVEL is IPI_LEVEL, PROFILE_LEVEL is HIGH_LEVEL).
	Alias bool
}

// The levels the engines name in code (everything else reads levels).
const (
	PassiveLevel  uint8 = 0
	ApcLevel      uint8 = 1
	DispatchLevel uint8 = 2
	HighLevel     uint8 = 15
)

// levels is the table, in value order. DIRQL is the range of device IRQLs
// between DISPATCH_LEVEL and CLOCK_LEVEL: a requirement "<= DIRQL" is read
// as its top, ">= DIRQL" as its bottom.
var levels = []Level{
	{Name: "PASSIVE_LEVEL", GoName: "PassiveLevel", Value: 0, Top: 0},
	{Name: "APC_LEVEL", GoName: "ApcLevel", Value: 1, Top: 1},
	{Name: "DISPATCH_LEVEL", GoName: "DispatchLevel", Value: 2, Top: 2},
	{Name: "DIRQL", Value: 3, Top: 12},
	{Name: "CLOCK_LEVEL", GoName: "ClockLevel", Value: 13, Top: 13},
	{Name: "IPI_LEVEL", GoName: "IpiLevel", Value: 14, Top: 14},
	{Name: "POWER_LEVEL", GoName: "PowerLevel", Value: 14, Top: 14, Alias: true},
	{Name: "HIGH_LEVEL", GoName: "HighLevel", Value: 15, Top: 15},
	{Name: "PROFILE_LEVEL", GoName: "ProfileLevel", Value: 15, Top: 15, Alias: true},
}

// Levels returns the IRQL table, in value order.
func Levels() []Level { return append([]Level(nil), levels...) }

// LookupLevel returns the level called name (a wdm.h name), or false.
func LookupLevel(name string) (Level, bool) {
	for _, l := range levels {
		if l.Name == name {
			return l, true
		}
	}
	return Level{}, false
}

// LevelValue returns the value of a wdm.h IRQL name (for DIRQL its lowest
// device level).
func LevelValue(name string) (uint8, bool) {
	l, ok := LookupLevel(name)
	return l.Value, ok
}

// LevelName spells an IRQL value as wdm.h does (DISPATCH_LEVEL), or
// IRQL(n) for a device level.
func LevelName(v uint8) string {
	for _, l := range levels {
		if !l.Alias && l.Value == v && l.Top == v {
			return l.Name
		}
	}
	return fmt.Sprintf("IRQL(%d)", v)
}
