package ddiusage

import (
	"go/token"

	"golang.org/x/tools/go/analysis"

	"github.com/ndislint/ndislint/rules"
)

// checkCompanions reports, for each call of a companion's DDI reached from
// a handler of its role, a failure path without the companion DDI: when the
// companion has a failure condition and the call's result is tested in the
// function that makes the call, a return of the handler the failure branch
// reaches without a call that reaches the companion. Otherwise (no
// condition, no test, the call in another package, or a helper function
// that returns the failure to its caller) it falls back to the role: the
// call is reported when no handler of the role reaches the companion at
// all.
func (c *checker) checkCompanions() {
	hs := c.handlers()
	for i := range c.api.Cat.Companions {
		x := &c.api.Cat.Companions[i]
		var ins []handler
		for _, h := range hs {
			if h.role.Name == x.In {
				ins = append(ins, h)
			}
		}
		if len(ins) == 0 {
			continue
		}
		anywhere := c.anyReaches(ins, x.Requires)
		for _, h := range ins {
			for _, pos := range c.reached(h.fn).ddis[x.DDI] {
				c.checkCompanionAt(x, h, ins, pos, anywhere)
			}
		}
	}
}

// checkCompanionAt checks the call of x's DDI at pos, reached from handler
// h; ins are the role's handlers, anywhere whether one reaches x.Requires.
func (c *checker) checkCompanionAt(x *rules.Companion, h handler, ins []handler, pos token.Pos, anywhere bool) {
	if x.FailsWhen != nil {
		if f := c.failurePath(x, pos); f != nil {
			if f.ret == nil {
				return // every failure path calls the companion
			}
			for _, in := range ins {
				if in.fn == f.fn {
					c.reportFailurePath(x, in, pos, f)
					return
				}
			}
			// a helper returns the failure to its caller, which may log it
		}
	}
	if anywhere {
		return
	}
	c.report(rules.RuleDDICompanionMissing, pos, c.related(h),
		"%s in the context of %s, and no %s handler of the package calls %s: %s", x.DDI, h.role.Callback, h.role.Callback, x.Requires, x.Reason)
}

// reportFailurePath reports a failure path of handler h that returns
// without the companion.
func (c *checker) reportFailurePath(x *rules.Companion, h handler, pos token.Pos, f *failPath) {
	related := []analysis.RelatedInformation{{Pos: f.test.Pos(), Message: "tests whether " + x.FailsWhen.Param + " is " + x.FailsWhen.Is}}
	if p := f.ret.Pos(); p.IsValid() {
		related = append(related, analysis.RelatedInformation{Pos: p, Message: h.role.Callback + " returns here without calling " + x.Requires})
	}
	related = append(related, c.related(h)...)
	c.report(rules.RuleDDICompanionMissing, pos, related,
		"%s in the context of %s: on a path where its %s is %s (the call failed), %s returns without calling %s: %s",
		x.DDI, h.role.Callback, x.FailsWhen.Param, x.FailsWhen.Is, h.role.Callback, x.Requires, x.Reason)
}
