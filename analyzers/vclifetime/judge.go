package vclifetime

import (
	"fmt"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/analyzers/internal/rolebind"
	"github.com/ndislint/ndislint/analyzers/vclifetime/internal/summary"
	"github.com/ndislint/ndislint/rules"
)

// deadUse is a use of a VC handle after a close of it that completed
// synchronously, both in fn.
type deadUse struct {
	fn       *ssa.Function
	close    ssa.CallInstruction
	closeDDI *rules.DDI
	use      ssa.CallInstruction
	ddi      *rules.DDI
	arg      summary.Path
}

// judgeDeadUses reports the uses after a synchronous close that may be on a
// VC the call manager created. Each is judged in the context of every
// callback that runs it: the function itself when it is one (reported at
// the use), and each callback that reaches it through helpers (reported at
// the call there). A function that no callback reaches is judged on its
// own, with no role to say which VCs it runs for.
func (c *checker) judgeDeadUses() {
	seen := map[[2]ssa.Instruction]bool{}
	for _, du := range c.dead {
		key := [2]ssa.Instruction{du.close, du.use}
		if seen[key] {
			continue
		}
		seen[key] = true
		conds, opaque := c.sum.CondsAt(du.fn, du.use.Block())
		own := summary.Use{DDI: du.ddi.Name, Param: handleParamName(du.ddi, c.m.cm.Handle), Arg: du.arg, Conds: conds, Opaque: opaque, Pos: du.use.Pos(), At: du.use.Pos()}
		judged := false
		for _, b := range c.bindingsOf(du.fn) {
			c.judgeDead(b, du.fn, own, du)
			judged = true
		}
		for _, r := range c.reachers(own.Site()) {
			if r.u.DDI == du.ddi.Name {
				c.judgeDead(r.b, r.fn, r.u, du)
				judged = true
			}
		}
		if !judged {
			c.judgeDead(nil, du.fn, own, du)
		}
	}
}

// judgeDead reports one use after a synchronous close, as the callback b
// (nil: none) sees it in fn.
func (c *checker) judgeDead(b *rolebind.Binding, fn *ssa.Function, u summary.Use, du deadUse) {
	v, known := c.classify(b, fn, u)
	if !known || v.ambiguous || !v.cm {
		return
	}
	var rel []analysis.RelatedInformation
	if v.fp.CMPos.IsValid() {
		rel = append(rel, analysis.RelatedInformation{Pos: v.fp.CMPos, Message: fmt.Sprintf("the handle comes from the call manager here (%s)", c.m.cmCreateNames())})
	}
	rel = append(rel, analysis.RelatedInformation{Pos: du.close.Pos(), Message: fmt.Sprintf("%s completed synchronously here", du.closeDDI.Name)})
	if b != nil {
		rel = append(rel, analysis.RelatedInformation{Pos: b.Pos, End: b.End, Message: fmt.Sprintf("registered as %s here", b.Role.GoName)})
	}
	c.candidate(rules.RuleVcUseAfterClose, u, rel, fmt.Sprintf(
		"%s with the %s of a VC the call manager created, after its close completed synchronously%s%s: the handle is invalid once the close completes",
		u.DDI, handleParamName(du.ddi, c.m.cm.Handle), c.via(u), mixedNote(v)))
}
