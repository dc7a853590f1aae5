// Package summary computes, for each function, a summary of what it does
// with the NDIS handles reachable from its parameters: every DDI call that
// takes a VC handle, with the argument as an access path rooted at a
// parameter (ProtocolVcContext.(*vc).ndisVcHandle) and the branch conditions
// that must hold for the call to run; which functions it calls. (Which
// statuses a function may return is the shared engine's business,
// analyzers/internal/statuses.) Summaries of callees are
// folded into their callers, across packages through facts, so a pass can
// evaluate a callback's whole behaviour under the conditions its role gives
// (the status, the VC's creator).
//
// Conditions are the dominating branch edges of the call's block: precise
// for the if/else and early-return shapes drivers use, sound (fewer
// conditions, so more worlds stay feasible) where paths merge.
package summary

import (
	"fmt"
	"go/token"
	"sort"
	"strings"
)

// Path is an abstract location rooted at a function's parameter or free
// variable (free variables are numbered after the parameters).
type Path struct {
	// Root is the parameter index.
	Root int
	// Type is the context type the root is asserted or declared to be
	// ("example.com/drv.vc"), "" when the root itself is meant.
	Type string
	// Field is a field of that context type, "" for the root itself.
	Field string
}

// String formats the path for messages and facts.
func (p Path) String() string {
	s := fmt.Sprintf("$%d", p.Root)
	if p.Type != "" {
		s += ".(*" + p.Type + ")"
	}
	if p.Field != "" {
		s += "." + p.Field
	}
	return s
}

// Cond is one branch condition on a path: Op applied to the path's value
// and Val has outcome Want.
type Cond struct {
	Path Path
	// Op is "truthy" (a bool), "==" (compared with Val) or "&" (masked
	// with Val, compared with zero: true when a bit is set).
	Op string
	// Val is the constant's exact value ("0", "259", "true", "nil").
	Val  string
	Want bool
}

// String formats the condition.
func (c Cond) String() string {
	neg := ""
	if !c.Want {
		neg = "!"
	}
	switch c.Op {
	case "truthy":
		return neg + c.Path.String()
	case "&":
		return fmt.Sprintf("%s(%s&%s)", neg, c.Path, c.Val)
	}
	return fmt.Sprintf("%s(%s==%s)", neg, c.Path, c.Val)
}

// Use is a DDI call with a VC handle.
type Use struct {
	// DDI is the NDIS name (NdisCoDeleteVc); Param the handle parameter.
	DDI, Param string
	// Arg is the handle argument's path.
	Arg Path
	// Conds must all hold for the call to run.
	Conds []Cond
	// Pos is the position in the package being analysed: the call itself
	// when it is in this package, else the call that leads to it. It is
	// not kept in facts.
	Pos token.Pos `json:"-"`
	// Where is the call's own position, "file:line:col".
	Where string
	// Chain names the functions from the summarised one down to the call.
	Chain []string
	// Later is set when the call runs later, not inside this function: "in
	// the work item queued at file:line".
	Later string
	// Foreign is true when the call itself is in another package (Pos is
	// then the local call that leads to it).
	Foreign bool
	// Opaque counts the branches on the way that could not be read as
	// conditions (a predicate call, a comparison of two variables): the
	// call may be guarded by something the summary does not see.
	Opaque int
}

// Summary is what a function does with handles.
type Summary struct {
	Uses []Use
	// Calls are the full names of the functions called directly.
	Calls []string
}

// Fact is the exported form of a Summary.
type Fact struct{ Summary }

// AFact marks Fact as an analysis fact.
func (*Fact) AFact() {}

// String prints the fact for analysistest's fact expectations.
func (f *Fact) String() string {
	var parts []string
	for _, u := range f.Uses {
		s := u.DDI + "(" + u.Arg.String() + ")"
		if len(u.Conds) > 0 {
			var cs []string
			for _, c := range u.Conds {
				cs = append(cs, c.String())
			}
			s += " if " + strings.Join(cs, "&&")
		}
		parts = append(parts, s)
	}
	sort.Strings(parts)
	return "summary{" + strings.Join(parts, "; ") + "}"
}

// MaxUses bounds a summary so that facts stay small.
const MaxUses = 64
