package ddiusage

import (
	"go/constant"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/analyzers/internal/rolebind"
	"github.com/ndislint/ndislint/rules"
)

// handler is a function of the package bound to a role.
type handler struct {
	fn   *ssa.Function
	role *rules.Role
	b    *rolebind.Binding
}

// handlers returns the package's handlers, one per function and role, in
// source order of their bindings.
func (c *checker) handlers() []handler {
	var out []handler
	seen := map[*ssa.Function]map[string]bool{}
	for _, b := range c.front.Roles.Bindings {
		fn := c.funcOf(b)
		if fn == nil || b.Role == nil {
			continue
		}
		if seen[fn] == nil {
			seen[fn] = map[string]bool{}
		}
		if seen[fn][b.Role.Name] {
			continue
		}
		seen[fn][b.Role.Name] = true
		out = append(out, handler{fn: fn, role: b.Role, b: b})
	}
	return out
}

// funcOf returns the SSA function a binding names, or nil (another
// package's function: its own package checks it).
func (c *checker) funcOf(b *rolebind.Binding) *ssa.Function {
	if b.Lit != nil {
		return c.bySyntax[b.Lit]
	}
	if b.Fn == nil || b.Fn.Pkg() != c.pass.Pkg {
		return nil
	}
	return c.ssa.Pkg.Prog.FuncValue(b.Fn)
}

// related points at the handler whose context a finding is in.
func (c *checker) related(h handler) []analysis.RelatedInformation {
	return []analysis.RelatedInformation{{Pos: h.b.Pos, End: h.b.End, Message: h.role.Callback + " handler: " + h.fn.Name()}}
}

// checkHandlers reports, for each handler, the DDIs it reaches that its
// role's context does not allow, and IRQL queries in handlers told their
// IRQL by a dispatch-level flag.
func (c *checker) checkHandlers() {
	for _, h := range c.handlers() {
		r := c.reached(h.fn)
		flag := irqlFlag(h.role)
		for _, name := range byPosition(r) {
			d := c.api.Cat.DDI(name)
			if d == nil {
				continue
			}
			for _, pos := range r.ddis[name] {
				if !d.Context.Allows(h.role.Name) {
					c.report(rules.RuleDDIWrongContext, pos, c.related(h),
						"%s is called in the context of %s; its page %s", d.Name, h.role.Callback, c.allowed(d.Context))
				}
				if flag != nil && d.Effect == rules.EffectQuery {
					c.report(rules.RuleIrqlFlagQuery, pos, c.related(h),
						"%s queries the IRQL in the context of %s, whose %s tells it (%s): test the flag instead", d.Name, h.role.Callback, flag.Param, flag.Flag)
				}
			}
		}
	}
}

// irqlFlag returns the role's dispatch-level flag, or nil.
func irqlFlag(r *rules.Role) *rules.FlagCond {
	for _, p := range r.Params {
		if p.IrqlFlag != nil {
			return p.IrqlFlag
		}
	}
	return nil
}

// allowed says where a context allows its DDI, by callback names ("allows
// it only in the context of X", "forbids it in the context of X").
func (c *checker) allowed(x *rules.CallContext) string {
	names := func(roles []string) string {
		var out []string
		for _, n := range roles {
			if r := c.api.Cat.Role(n); r != nil {
				out = append(out, r.Callback)
			} else {
				out = append(out, n)
			}
		}
		return strings.Join(out, " or ")
	}
	if len(x.Only) > 0 {
		return "allows it only in the context of " + names(x.Only)
	}
	return "forbids it in the context of " + names(x.Never)
}

// checkLimits reports constant arguments outside their parameter's bound,
// in every function of the package.
func (c *checker) checkLimits() {
	for _, fn := range c.ssa.SrcFuncs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(*ssa.Call)
				if !ok {
					continue
				}
				c.checkLimit(call)
			}
		}
	}
}

// checkLimit checks one call's constant arguments.
func (c *checker) checkLimit(call *ssa.Call) {
	d := c.ddiOf(&call.Call)
	if d == nil {
		return
	}
	for i, p := range d.Params {
		if p.Limit == nil || i >= len(call.Call.Args) {
			continue
		}
		k, ok := call.Call.Args[i].(*ssa.Const)
		if !ok || k.Value == nil || k.Value.Kind() != constant.Int {
			continue
		}
		v, exact := constant.Uint64Val(k.Value)
		if !exact || p.Limit.Admits(v) {
			continue
		}
		c.report(rules.RuleDDIArgumentLimit, call.Pos(), nil,
			"%s's %s is %d; its page requires it %s", d.Name, p.Name, v, p.Limit.Describe())
	}
}

// checkPairs reports what a handler of a pair's acquiring role acquires
// when no handler of its releasing role reaches the release. An acquiring
// handler that reaches the release itself is left alone: the pass cannot
// tell a resource released before the handler returns (an MDL built and
// freed during MiniportInitializeEx) from one released only on its failure
// path.
func (c *checker) checkPairs() {
	hs := c.handlers()
	for _, p := range c.api.Cat.Pairs {
		var ins, bys []handler
		for _, h := range hs {
			switch h.role.Name {
			case p.In:
				ins = append(ins, h)
			case p.By:
				bys = append(bys, h)
			}
		}
		if len(ins) == 0 || len(bys) == 0 || c.anyReaches(bys, p.Release) {
			continue
		}
		by := c.api.Cat.Role(p.By)
		rel := c.api.Cat.DDI(p.Release)
		for _, h := range ins {
			if _, frees := c.reached(h.fn).ddis[p.Release]; frees {
				continue
			}
			related := append(c.related(h), c.related(bys[0])...)
			for _, pos := range c.reached(h.fn).ddis[p.Acquire] {
				c.report(rules.RuleResourceNotReleased, pos, related,
					"%s in the context of %s acquires what no %s handler of the package releases with %s", p.Acquire, h.role.Callback, by.Callback, rel.Name)
			}
		}
	}
}

// anyReaches reports whether a handler reaches ddi, or makes a call the
// pass cannot follow (which might).
func (c *checker) anyReaches(hs []handler, ddi string) bool {
	for _, h := range hs {
		r := c.reached(h.fn)
		if _, ok := r.ddis[ddi]; ok || r.opaque {
			return true
		}
	}
	return false
}
