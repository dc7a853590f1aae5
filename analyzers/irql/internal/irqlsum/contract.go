package irqlsum

import (
	"fmt"
	"sort"
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
type Contract struct {
	HasMax, HasMin, HasRaises bool
	Max, Min, Raises          Level
	Same                      bool
	Saves, Restores           string
}

// keys lists the contract keys and whether each takes a value.
var keys = map[string]bool{
	"max": true, "min": true, "raises": true, "same": false, "saves": true, "restores": true,
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
		lo, hi, ok := LevelBounds(val)
		if !ok {
			return fmt.Sprintf("%s=%s: %q is not an IRQL (want PASSIVE_LEVEL, APC_LEVEL, DISPATCH_LEVEL, ..., HIGH_LEVEL)", key, val, val)
		}
		switch key {
		case "max":
			c.HasMax, c.Max = true, hi
		case "min":
			c.HasMin, c.Min = true, lo
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
	return ps
}

// EntryMax returns the highest IRQL callers may be at: max=, else the
// level raises= raises to, else HIGH_LEVEL.
func (c Contract) EntryMax() Level {
	switch {
	case c.HasMax:
		return c.Max
	case c.HasRaises:
		return c.Raises
	}
	return rules.HighLevel
}

// EntryMin returns the lowest IRQL callers may be at.
func (c Contract) EntryMin() Level {
	if c.HasMin {
		return c.Min
	}
	return rules.PassiveLevel
}

// String formats the contract as a directive argument list.
func (c Contract) String() string {
	var parts []string
	if c.HasMax {
		parts = append(parts, "max="+rules.LevelName(c.Max))
	}
	if c.HasMin {
		parts = append(parts, "min="+rules.LevelName(c.Min))
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
