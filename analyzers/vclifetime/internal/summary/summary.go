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
// conditions, so more worlds stay feasible) where paths merge. They are kept
// as lists that share their tails (a block's list extends its dominator's,
// a helper's folded into a caller extends the caller's list at the call), so
// that a summary costs time and memory linear in the size of the function.
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

// Conds is an immutable list of conditions, the nearest branch first. Lists
// share their tails, so a list must never be changed once built; nil is the
// empty list.
type Conds struct {
	Head Cond
	Tail *Conds
	// id numbers the lists a Builder makes, from 1, so that passes can
	// keep what they learn of each list in dense tables; 0 for lists made
	// elsewhere (imported facts, CondList). Not kept in facts.
	id int32
}

// ID returns the list's number in the Builder that made it, 0 if none.
func (l *Conds) ID() int {
	if l == nil {
		return 0
	}
	return int(l.id)
}

// Slice returns the conditions in list order.
func (l *Conds) Slice() []Cond {
	var out []Cond
	for ; l != nil; l = l.Tail {
		out = append(out, l.Head)
	}
	return out
}

// Len returns the number of conditions.
func (l *Conds) Len() int {
	n := 0
	for ; l != nil; l = l.Tail {
		n++
	}
	return n
}

// CondList builds a list of cs, cs[0] first.
func CondList(cs ...Cond) *Conds {
	var l *Conds
	for i := len(cs) - 1; i >= 0; i-- {
		l = &Conds{Head: cs[i], Tail: l}
	}
	return l
}

// Use is a DDI call with a VC handle.
type Use struct {
	// DDI is the NDIS name (NdisCoDeleteVc); Param the handle parameter.
	DDI, Param string
	// Arg is the handle argument's path.
	Arg Path
	// Conds must all hold for the call to run.
	Conds *Conds
	// Pos is the position in the package being analysed where the use is
	// reported: the call itself when it is in the summarised function or in
	// a routine it queues, else the call in the summarised function that
	// leads to it (through helpers, here or in another package). It is not
	// kept in facts.
	Pos token.Pos `json:"-"`
	// At is the call's own position when it is in the package being
	// analysed, else NoPos; Where is its position, "file:line:col", for a
	// call in another package (facts keep it), else "" (Builder.WhereOf
	// spells At). Not kept in facts.
	At    token.Pos `json:"-"`
	Where string
	// Chain names the functions from the summarised one down to the call.
	Chain []string
	// Later is set when the call runs later, not inside this function: "in
	// the work item queued at file:line".
	Later string
	// Foreign is true when Pos is not the call itself but the call that
	// leads to it (Where then says where the call is).
	Foreign bool
	// Opaque counts the branches on the way that could not be read as
	// conditions (a predicate call, a comparison of two variables): the
	// call may be guarded by something the summary does not see.
	Opaque int
}

// SiteKey identifies the DDI call of a use, wherever it is.
type SiteKey struct {
	At    token.Pos
	Where string
}

// Site returns the key of the use's DDI call.
func (u Use) Site() SiteKey { return SiteKey{u.At, u.Where} }

// Summary is what a function does with handles.
type Summary struct {
	Uses []Use
	// Calls are the full names of the functions called directly.
	Calls []string
	// seen indexes Uses, to keep them unique in linear time.
	seen map[useKey]bool
}

// useKey identifies a use for deduplication (lists compared by identity:
// two uses under one block share theirs).
type useKey struct {
	ddi   string
	site  SiteKey
	arg   Path
	pos   token.Pos
	conds *Conds
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
		if u.Conds != nil {
			var cs []string
			for _, c := range u.Conds.Slice() {
				cs = append(cs, c.String())
			}
			s += " if " + strings.Join(cs, "&&")
		}
		parts = append(parts, s)
	}
	sort.Strings(parts)
	return "summary{" + strings.Join(parts, "; ") + "}"
}

// MaxUses bounds the uses a fact keeps, and the uses one call folds into
// its caller, so that facts stay small and summaries linear in the size of
// the code; MaxFactConds bounds the conditions a fact keeps per use (the
// nearest; the others count as opaque branches).
const (
	MaxUses      = 64
	MaxFactConds = 32
)
