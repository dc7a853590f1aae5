package irql

import (
	"strings"

	"github.com/ndislint/ndislint/analyzers/irql/internal/irqlsum"
	"github.com/ndislint/ndislint/rules"
)

// level is an IRQL value.
type level = irqlsum.Level

// val is an abstract IRQL: the set of values the IRQL (or a saved IRQL)
// may have on one path. Each part may be present at once after paths
// merge.
type val struct {
	// entry: the IRQL the function was called at.
	entry bool
	// abs: an absolute level in [lo, hi].
	abs    bool
	lo, hi level
	// param: the level held by a parameter, or by the spin lock reached
	// through it ("$0.lock"); "" for none.
	param string
	// unknown: anything; checks say nothing.
	unknown bool
}

// The common values.
var (
	entryVal   = val{entry: true}
	unknownVal = val{unknown: true}
)

// absVal returns the value [l, l].
func absVal(l level) val { return val{abs: true, lo: l, hi: l} }

// empty reports whether v has no possible value (an infeasible path).
func (v val) empty() bool { return !v.entry && !v.abs && v.param == "" && !v.unknown }

// join returns the union of v and w.
func join(v, w val) val {
	if v.unknown || w.unknown {
		return unknownVal
	}
	if v.param != "" && w.param != "" && v.param != w.param {
		return unknownVal
	}
	out := val{entry: v.entry || w.entry, param: v.param}
	if out.param == "" {
		out.param = w.param
	}
	switch {
	case v.abs && w.abs:
		out.abs, out.lo, out.hi = true, min(v.lo, w.lo), max(v.hi, w.hi)
	case v.abs:
		out.abs, out.lo, out.hi = true, v.lo, v.hi
	case w.abs:
		out.abs, out.lo, out.hi = true, w.lo, w.hi
	}
	return out
}

// raiseTo returns v raised to at least l, as a routine that raises to l
// leaves it (NdisAcquireSpinLock: DISPATCH_LEVEL). A value that may already
// be above l keeps its upper bound; that call was reported.
func raiseTo(v val, l level) val {
	if v.abs && !v.entry && v.param == "" && !v.unknown && v.hi > l {
		return val{abs: true, lo: max(v.lo, l), hi: v.hi}
	}
	return absVal(l)
}

// isAbs reports whether v is only an absolute level.
func (v val) isAbs() bool { return v.abs && !v.entry && v.param == "" && !v.unknown }

// String formats v for debugging and messages.
func (v val) String() string {
	if v.unknown {
		return "unknown"
	}
	var parts []string
	if v.entry {
		parts = append(parts, "entry")
	}
	if v.abs {
		if v.lo == v.hi {
			parts = append(parts, rules.LevelName(v.lo))
		} else {
			parts = append(parts, rules.LevelName(v.lo)+".."+rules.LevelName(v.hi))
		}
	}
	if v.param != "" {
		parts = append(parts, v.param)
	}
	return strings.Join(parts, "|")
}
