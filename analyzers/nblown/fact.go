package nblown

import (
	"fmt"
	"go/token"
	"strings"
)

// Fact is what an exported function of an analysed package does with the
// lists its parameters pass: the parameters it hands off on every path to a
// return, so that a caller in another package that touches its argument
// after the call is reported.
type Fact struct {
	Params []ParamHandoff
}

// ParamHandoff is one parameter a function hands off on every path.
type ParamHandoff struct {
	// Param is the parameter's index in SSA order (a method's receiver is
	// 0), which is the index of the argument at a static call.
	Param int
	// DDI is the NDIS name of the DDI that hands the list off (the first
	// one in the function's block order, when paths differ).
	DDI string
	// Until is the role that gives the list back, or "" when none does.
	Until string

	// pos is the call in the function that hands the parameter off
	// (NoPos when known from a fact).
	pos token.Pos
}

// AFact marks Fact as an analysis fact.
func (*Fact) AFact() {}

// String prints the fact for analysistest's fact expectations.
func (f *Fact) String() string {
	var parts []string
	for _, p := range f.Params {
		s := fmt.Sprintf("p%d %s", p.Param, p.DDI)
		if p.Until != "" {
			s += " until " + p.Until
		}
		parts = append(parts, s)
	}
	return "handsOff(" + strings.Join(parts, "; ") + ")"
}

// factOf returns the fact of a summary, or nil when it hands nothing off.
func factOf(sum map[int]*ParamHandoff) *Fact {
	if len(sum) == 0 {
		return nil
	}
	f := &Fact{}
	for i := 0; len(f.Params) < len(sum); i++ {
		if p := sum[i]; p != nil {
			f.Params = append(f.Params, *p)
		}
	}
	return f
}
