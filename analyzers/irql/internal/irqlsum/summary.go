package irqlsum

import (
	"fmt"
	"go/token"
	"strings"

	"github.com/ndislint/ndislint/rules"
)

// Req is one bound on the IRQL a function may be called at.
type Req struct {
	// Level is the bound.
	Level Level
	// Rule is the rule ID a caller breaks by calling outside the bound
	// (irql-above-max, irql-below-min, irql-pageable-at-dispatch, ...).
	Rule string
	// What names what needs the bound: a DDI in NDIS spelling
	// (NdisMSleep), or a function with its contract or pageable mark.
	What string
	// Page is the requirement as the DDI's page or the contract writes it
	// ("< DISPATCH_LEVEL", "max=PASSIVE_LEVEL").
	Page string
	// Where is the position of the call that needs it, "file:line:col".
	Where string
	// Via names the functions from the summarised one down to that call.
	Via []string
	// Pos is the position in the package being analysed: the call itself
	// or the local call that leads to it. It is not kept in facts.
	Pos token.Pos
}

// Exit kinds: what IRQL a function returns at.
const (
	ExitSame    = "same"    // the IRQL it was called at
	ExitLevel   = "level"   // Level
	ExitParam   = "param"   // the level held by the parameter (or lock) at Path
	ExitUnknown = "unknown" // not known: callers stop tracking
)

// Exit is the IRQL a function returns at.
type Exit struct {
	Kind  string
	Level Level
	// Path is the parameter (or the lock reached through it) for ExitParam,
	// as "$0" or "$0.lock".
	Path string
}

// LockOp is a lock operation a function leaves to its caller: a lock it
// returns holding, or one it releases without having acquired it.
type LockOp struct {
	// Op is rules.LockAcquire or rules.LockRelease.
	Op string
	// Path is the lock, rooted at a parameter ("$0.lock") or a package
	// variable ("g:example.com/drv.lock").
	Path string
	// Dpr is true for the forms that neither raise nor restore the IRQL.
	Dpr bool
	// DDI is the routine that does it (NdisAcquireSpinLock).
	DDI string
	// Noun is how messages name the lock: the catalogue's Lock.Noun of the
	// routine ("spin lock", "read-write lock state").
	Noun string
}

// Summary is what callers need to know about a function's IRQL.
type Summary struct {
	// Max and Min bound the IRQL the function may be called at; nil for
	// no bound.
	Max, Min *Req
	// Exit is the IRQL it returns at.
	Exit Exit
	// Saves is the parameter through which it stores the IRQL it was
	// called at ("$1"), or "".
	Saves string
	// Locks are the lock operations it leaves to its caller, in order.
	Locks []LockOp
	// Takes are the locks it acquires at some point (released or not),
	// sorted: a caller that holds one of them deadlocks.
	Takes []string
	// Contract is the //ndis:irql directive the summary is taken from,
	// trusted at call sites, or "" when it is inferred from the body.
	Contract string
	// ReturnsEntry is true when the function's IRQL result is, on every
	// path, the IRQL it was called at (a helper returning
	// KeGetCurrentIrql()).
	ReturnsEntry bool
}

// Trivial reports whether s says nothing a caller would use.
func (s *Summary) Trivial() bool {
	return s.Max == nil && s.Min == nil && (s.Exit.Kind == ExitSame || s.Exit.Kind == "") &&
		s.Saves == "" && len(s.Locks) == 0 && len(s.Takes) == 0 && s.Contract == "" && !s.ReturnsEntry
}

// Fact is the exported form of a Summary.
type Fact struct{ Summary }

// AFact marks Fact as an analysis fact.
func (*Fact) AFact() {}

// String prints the fact for analysistest's fact expectations:
// irql{max=APC_LEVEL(NdisMSleep) exit=same}.
func (f *Fact) String() string {
	var parts []string
	if f.Max != nil {
		parts = append(parts, fmt.Sprintf("max=%s(%s)", rules.LevelName(f.Max.Level), f.Max.What))
	}
	if f.Min != nil {
		parts = append(parts, fmt.Sprintf("min=%s(%s)", rules.LevelName(f.Min.Level), f.Min.What))
	}
	switch f.Exit.Kind {
	case ExitLevel:
		parts = append(parts, "exit="+rules.LevelName(f.Exit.Level))
	case ExitParam:
		parts = append(parts, "exit="+f.Exit.Path)
	case ExitUnknown:
		parts = append(parts, "exit=unknown")
	}
	if f.Saves != "" {
		parts = append(parts, "saves="+f.Saves)
	}
	if f.ReturnsEntry {
		parts = append(parts, "returns=entry")
	}
	for _, l := range f.Locks {
		parts = append(parts, l.Op+"("+l.Path+")")
	}
	if len(f.Takes) > 0 {
		parts = append(parts, "takes("+strings.Join(f.Takes, ",")+")")
	}
	if f.Contract != "" {
		parts = append(parts, "contract")
	}
	return "irql{" + strings.Join(parts, " ") + "}"
}

// Strip returns s without the positions that mean nothing outside the
// package that made it.
func Strip(s Summary) Summary {
	if s.Max != nil {
		m := *s.Max
		m.Pos = token.NoPos
		s.Max = &m
	}
	if s.Min != nil {
		m := *s.Min
		m.Pos = token.NoPos
		s.Min = &m
	}
	return s
}

// MaxLocks bounds the lock operations a summary keeps, so facts stay small.
const MaxLocks = 8
