package irqlsum

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/ndislint/ndislint/rules"
)

// Contract is an //ndis:irql directive: SAL's IRQL annotations in Go form.
//
//	max=LEVEL      callers must be at or below LEVEL (_IRQL_requires_max_)
//	min=LEVEL      callers must be at or above LEVEL (_IRQL_requires_min_)
//	raises=LEVEL   the function exits at LEVEL, raised from where it was
//	               called (_IRQL_raises_); it may be left holding a lock
//	same           the function exits at the IRQL it was called at
//	               (_IRQL_requires_same_, also the default)
//	saves=NAME     the function stores the IRQL it was called at through the
//	               parameter NAME (_IRQL_saves_)
//	restores=NAME  the function exits at the IRQL held by the parameter
//	               NAME, or by the spin lock reached through it
//	               (_IRQL_restores_)
//	level=LEVEL    callers must be at LEVEL: min= and max= in one key
//	               (_IRQL_requires_)
//	always_max=LEVEL  the IRQL stays at or below LEVEL for the whole body,
//	               raises included (_IRQL_always_function_max_); callers
//	               too must be at or below it
//	always_min=LEVEL  the IRQL stays at or above LEVEL for the whole body,
//	               lowers included (_IRQL_always_function_min_)
//
// A LEVEL is a wdm.h name (rules.Levels), DIRQL (the device range: its top
// in a maximum, its bottom in a minimum, refused where one level is
// needed), or a decimal IRQL value from 0 to HIGH_LEVEL's.
type Contract struct {
	HasMax, HasMin, HasRaises bool
	Max, Min, Raises          Level
	Same                      bool
	Saves, Restores           string
	// HasLevel: max= and min= come from level=.
	HasLevel bool
	// HasAlwaysMax and HasAlwaysMin: the whole body stays within AlwaysMax
	// and AlwaysMin.
	HasAlwaysMax, HasAlwaysMin bool
	AlwaysMax, AlwaysMin       Level
}

// keys lists the contract keys and whether each takes a value.
var keys = map[string]bool{
	"max": true, "min": true, "raises": true, "same": false, "saves": true, "restores": true,
	"level": true, "always_max": true, "always_min": true,
}

// ParseContract reads the arguments of an //ndis:irql directive. Each
// problem is a message in go vet style; the contract holds what could be
// read.
func ParseContract(args string) (Contract, []string) {
	var c Contract
	var problems []string
	seen := map[string]bool{}
	for _, f := range strings.Fields(args) {
		key, val, hasVal := strings.Cut(f, "=")
		takesVal, known := keys[key]
		switch {
		case !known:
			problems = append(problems, fmt.Sprintf("unknown key %q (want %s)", key, keyList()))
			continue
		case seen[key]:
			problems = append(problems, fmt.Sprintf("%s given twice", key))
			continue
		case takesVal && (!hasVal || val == ""):
			problems = append(problems, fmt.Sprintf("%s needs a value (%s=...)", key, key))
			continue
		case !takesVal && hasVal:
			problems = append(problems, fmt.Sprintf("%s takes no value", key))
			continue
		}
		seen[key] = true
		if p := c.set(key, val); p != "" {
			problems = append(problems, p)
		}
	}
	return c, append(problems, c.consistency()...)
}

// set records one key.
func (c *Contract) set(key, val string) string {
	switch key {
	case "same":
		c.Same = true
	case "saves":
		c.Saves = val
	case "restores":
		c.Restores = val
	default:
		lo, hi, ok := contractLevel(val)
		if !ok {
			return fmt.Sprintf("%s=%s: %q is not an IRQL (want PASSIVE_LEVEL, APC_LEVEL, DISPATCH_LEVEL, ..., HIGH_LEVEL, DIRQL, or a number from 0 to %d)", key, val, val, rules.HighLevel)
		}
		switch key {
		case "max":
			if c.HasLevel {
				return "max and level given together"
			}
			c.HasMax, c.Max = true, hi
		case "min":
			if c.HasLevel {
				return "min and level given together"
			}
			c.HasMin, c.Min = true, lo
		case "level":
			if c.HasMax || c.HasMin {
				return "level and max or min given together"
			}
			c.HasLevel, c.HasMax, c.Max, c.HasMin, c.Min = true, true, hi, true, lo
		case "always_max":
			c.HasAlwaysMax, c.AlwaysMax = true, hi
		case "always_min":
			c.HasAlwaysMin, c.AlwaysMin = true, lo
		case "raises":
			if lo != hi {
				return fmt.Sprintf("raises=%s: %s is a range of IRQLs, and a function returns at one", val, val)
			}
			c.HasRaises, c.Raises = true, lo
		}
	}
	return ""
}

// consistency reports keys that contradict each other.
func (c *Contract) consistency() []string {
	var ps []string
	if c.HasMax && c.HasMin && c.Min > c.Max {
		ps = append(ps, fmt.Sprintf("min=%s is above max=%s: no IRQL satisfies both", rules.LevelName(c.Min), rules.LevelName(c.Max)))
	}
	if c.HasRaises && c.Same {
		ps = append(ps, "raises and same contradict each other")
	}
	if c.HasRaises && c.Restores != "" {
		ps = append(ps, "raises and restores contradict each other")
	}
	if c.Same && c.Restores != "" {
		ps = append(ps, "same and restores contradict each other")
	}
	if c.HasRaises && c.HasMax && c.Max > c.Raises {
		ps = append(ps, fmt.Sprintf("raises=%s below max=%s: a raise cannot lower the IRQL", rules.LevelName(c.Raises), rules.LevelName(c.Max)))
	}
	if c.HasRaises && c.HasMin && c.Min > c.Raises {
		ps = append(ps, fmt.Sprintf("raises=%s below min=%s: a raise cannot lower the IRQL", rules.LevelName(c.Raises), rules.LevelName(c.Min)))
	}
	return append(ps, c.alwaysConsistency()...)
}

// alwaysConsistency reports always_max= and always_min= that contradict
// the other keys.
func (c *Contract) alwaysConsistency() []string {
	var ps []string
	if c.HasAlwaysMax && c.HasAlwaysMin && c.AlwaysMin > c.AlwaysMax {
		ps = append(ps, fmt.Sprintf("always_min=%s is above always_max=%s: no IRQL satisfies both", rules.LevelName(c.AlwaysMin), rules.LevelName(c.AlwaysMax)))
	}
	if c.HasAlwaysMax {
		if c.HasMax && c.Max > c.AlwaysMax {
			ps = append(ps, fmt.Sprintf("max=%s is above always_max=%s: callers cannot be above what the body never exceeds", rules.LevelName(c.Max), rules.LevelName(c.AlwaysMax)))
		}
		if c.HasMin && c.Min > c.AlwaysMax {
			ps = append(ps, fmt.Sprintf("min=%s is above always_max=%s: no IRQL satisfies both", rules.LevelName(c.Min), rules.LevelName(c.AlwaysMax)))
		}
		if c.HasRaises && c.Raises > c.AlwaysMax {
			ps = append(ps, fmt.Sprintf("raises=%s is above always_max=%s: the function would return above it", rules.LevelName(c.Raises), rules.LevelName(c.AlwaysMax)))
		}
	}
	if c.HasAlwaysMin {
		if c.HasMin && c.Min < c.AlwaysMin {
			ps = append(ps, fmt.Sprintf("min=%s is below always_min=%s: callers cannot be below what the body never goes under", rules.LevelName(c.Min), rules.LevelName(c.AlwaysMin)))
		}
		if c.HasMax && c.Max < c.AlwaysMin {
			ps = append(ps, fmt.Sprintf("max=%s is below always_min=%s: no IRQL satisfies both", rules.LevelName(c.Max), rules.LevelName(c.AlwaysMin)))
		}
	}
	return ps
}

// contractLevel reads a contract's level: a wdm.h name (DIRQL is a range),
// or a decimal IRQL value.
func contractLevel(s string) (lo, hi Level, ok bool) {
	if lo, hi, ok := LevelBounds(s); ok {
		return lo, hi, true
	}
	n, err := strconv.ParseUint(s, 10, 8)
	if err != nil || n > uint64(rules.HighLevel) || s != strconv.FormatUint(n, 10) {
		return 0, 0, false
	}
	return Level(n), Level(n), true
}

// BoundsMax reports whether the contract bounds the entry IRQL above.
func (c Contract) BoundsMax() bool { return c.HasMax || c.HasRaises || c.HasAlwaysMax }

// BoundsMin reports whether the contract bounds the entry IRQL below.
func (c Contract) BoundsMin() bool { return c.HasMin || c.HasAlwaysMin }

// EntryMax returns the highest IRQL callers may be at: max=, else the
// level raises= raises to, else HIGH_LEVEL.
func (c Contract) EntryMax() Level {
	hi := rules.HighLevel
	switch {
	case c.HasMax:
		hi = c.Max
	case c.HasRaises:
		hi = c.Raises
	}
	if c.HasAlwaysMax {
		hi = min(hi, c.AlwaysMax)
	}
	return hi
}

// EntryMin returns the lowest IRQL callers may be at: min=, always_min=.
func (c Contract) EntryMin() Level {
	lo := rules.PassiveLevel
	if c.HasMin {
		lo = c.Min
	}
	if c.HasAlwaysMin {
		lo = max(lo, c.AlwaysMin)
	}
	return lo
}

// String formats the contract as a directive argument list.
func (c Contract) String() string {
	var parts []string
	switch {
	case c.HasLevel && c.Min == c.Max:
		parts = append(parts, "level="+rules.LevelName(c.Min))
	case c.HasLevel:
		parts = append(parts, "level="+rules.LevelName(c.Min)+".."+rules.LevelName(c.Max))
	default:
		if c.HasMax {
			parts = append(parts, "max="+rules.LevelName(c.Max))
		}
		if c.HasMin {
			parts = append(parts, "min="+rules.LevelName(c.Min))
		}
	}
	if c.HasAlwaysMax {
		parts = append(parts, "always_max="+rules.LevelName(c.AlwaysMax))
	}
	if c.HasAlwaysMin {
		parts = append(parts, "always_min="+rules.LevelName(c.AlwaysMin))
	}
	if c.HasRaises {
		parts = append(parts, "raises="+rules.LevelName(c.Raises))
	}
	if c.Same {
		parts = append(parts, "same")
	}
	if c.Saves != "" {
		parts = append(parts, "saves="+c.Saves)
	}
	if c.Restores != "" {
		parts = append(parts, "restores="+c.Restores)
	}
	return strings.Join(parts, " ")
}

func keyList() string {
	var ks []string
	for k := range keys {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return strings.Join(ks, ", ")
}
