package irql

import (
	"fmt"
	"go/ast"
	"go/token"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/analyzers/irql/internal/irqlsum"
	"github.com/ndislint/ndislint/rules"
)

// apply applies a call to a function with a summary: its bounds are checked
// at the call, its saved IRQL and lock operations are replayed on the
// caller's locations, and the IRQL after the call is its exit.
func (fa *fnAnalysis) apply(st *state, s irqlsum.Summary, callee *ssa.Function, args []ssa.Value, pos token.Pos) {
	if s.Max != nil {
		fa.need(st, fa.needFrom(s.Max, callee, true, pos))
	}
	if s.Min != nil {
		fa.need(st, fa.needFrom(s.Min, callee, false, pos))
	}
	pre := st.cur
	if s.Saves != "" {
		if k, ok := mapPath(fa.fn, s.Saves, args); ok {
			st.saved[k] = pre
		}
	}
	fa.takesHeld(st, s, callee, args, pos)
	released := false
	for _, op := range s.Locks {
		k, ok := mapPath(fa.fn, op.Path, args)
		if !ok {
			st.lost = true
			continue
		}
		noun := fa.nounOf(op)
		lr := lockRef{name: noun + " " + fa.pathName(op.Path, callee, pos), noun: noun}
		via := fmt.Sprintf("%s (through %s)", op.DDI, fa.c.qual(callee))
		if op.Op == rules.LockAcquire {
			fa.acquire(st, k, lr, op.Dpr, pos, via)
			if !op.Dpr {
				fa.lockRaise(st, lr.name, pos, via)
			}
			continue
		}
		restored := fa.release(st, k, lr, op.Dpr, pos, via)
		if !op.Dpr {
			st.cur, released = restored, true
			st.why = cause{pos: pos, text: fmt.Sprintf("%s restored the IRQL at %s", via, fa.c.line(pos, pos))}
		}
	}
	switch s.Exit.Kind {
	case irqlsum.ExitSame, "":
		st.cur = pre
	case irqlsum.ExitLevel:
		if len(s.Locks) == 0 || !st.cur.isAbs() {
			st.why = cause{pos: pos, text: fmt.Sprintf("%s raised the IRQL to %s at %s", fa.c.qual(callee), rules.LevelName(s.Exit.Level), fa.c.line(pos, pos))}
		}
		st.cur = absVal(s.Exit.Level)
	case irqlsum.ExitParam:
		i, rest, ok := splitRoot(s.Exit.Path)
		switch {
		case ok && rest == "" && i < len(args) && fa.isIrql(args[i].Type()):
			st.cur = fa.irqlOf(args[i])
		case !released:
			st.cur = unknownVal
		}
	default:
		st.cur = unknownVal
	}
	fa.afterChange(st, pos)
}

// takesHeld reports a call to a function that acquires a lock the caller
// already holds (other than those it returns holding, which are checked as
// acquires), and records the locks it takes.
func (fa *fnAnalysis) takesHeld(st *state, s irqlsum.Summary, callee *ssa.Function, args []ssa.Value, pos token.Pos) {
	for _, t := range s.Takes {
		k, ok := mapPath(fa.fn, t, args)
		if !ok {
			continue
		}
		if fa.final && mappable(k) {
			fa.takes[k] = true
		}
		if slices.ContainsFunc(s.Locks, func(op irqlsum.LockOp) bool { return op.Path == t }) {
			continue
		}
		i := st.findLock(k)
		if i < 0 || st.locks[i].maybe || st.lost || !fa.final {
			continue
		}
		h := st.locks[i]
		fa.report(rules.RuleSpinlockDoubleAcquire, pos, fmt.Sprintf("%s takes %s %s, which is already held (%s at %s): %s", fa.c.qual(callee), h.noun, fa.pathName(t, callee, pos), h.ddi, fa.c.line(h.pos, pos), doubleTail(h.noun)),
			related(h.pos, "acquired here"))
	}
}

// needFrom turns a callee's bound into a check at the call.
func (fa *fnAnalysis) needFrom(r *irqlsum.Req, callee *ssa.Function, isMax bool, pos token.Pos) need {
	n := need{max: isMax, lvl: r.Level, rule: r.Rule, pos: pos}
	name, shown := fa.c.qual(callee), r
	if callee.Synthetic != "" && len(callee.Blocks) > 0 && len(r.Via) > 0 {
		// A wrapper (a bound method value) is named like what it calls.
		cp := *r
		name, cp.Via, shown = r.Via[0], r.Via[1:], &cp
	}
	n.subject, n.req = calleeText(callee, name, shown)
	if r.Pos.IsValid() && fa.c.local(r.Pos) && r.Pos != pos {
		n.related = related(r.Pos, r.What+" called here")
	}
	n.sum = *r
	n.sum.Pos = pos
	n.sum.Via = append([]string{name}, shown.Via...)
	if r.Where == "" {
		n.sum.Where = fa.c.where(pos)
	}
	return n
}

// calleeText returns the subject and the requirement of a message about a
// call to callee whose bound is r.
func calleeText(callee *ssa.Function, name string, r *irqlsum.Req) (subject, req string) {
	if strings.HasPrefix(r.Page, "//") {
		if r.What == fnName(callee) {
			return name, fmt.Sprintf("its %s requires %s", r.Page, boundText(r))
		}
		return fmt.Sprintf("%s (through %s)", r.What, chain(name, r.Via)), fmt.Sprintf("%s's %s requires %s", r.What, r.Page, boundText(r))
	}
	where := ""
	if r.Where != "" {
		where = " at " + shortWhere(r.Where)
	}
	return fmt.Sprintf("%s (through %s%s)", r.What, chain(name, r.Via), where), "its page requires " + r.Page
}

// boundText spells a bound as a comparison.
func boundText(r *irqlsum.Req) string {
	switch r.Rule {
	case rules.RuleIrqlBelowMin:
		return ">= " + rules.LevelName(r.Level)
	}
	return "<= " + rules.LevelName(r.Level)
}

// chain joins a call chain: "a, then b".
func chain(first string, rest []string) string {
	return strings.Join(append([]string{first}, rest...), " -> ")
}

// shortWhere trims a file:line:col to its base name and line.
func shortWhere(w string) string {
	parts := strings.Split(w, ":")
	if len(parts) >= 3 {
		return shortFile(strings.Join(parts[:len(parts)-2], ":")) + ":" + parts[len(parts)-2]
	}
	return shortFile(w)
}

// pathName spells a callee's lock path in the caller's terms for
// messages: the argument's source text and the rest of the path.
func (fa *fnAnalysis) pathName(path string, callee *ssa.Function, pos token.Pos) string {
	i, rest, ok := splitRoot(path)
	if !ok {
		if g, found := strings.CutPrefix(path, "g:"); found {
			return g[strings.LastIndex(g, "/")+1:]
		}
		return path
	}
	rest = strings.ReplaceAll(rest, "*", "")
	if j := i - len(callee.Params); j >= 0 && j < len(callee.FreeVars) {
		return callee.FreeVars[j].Name() + rest // a captured variable
	}
	call := fa.c.callAt(pos)
	if call == nil {
		return "$" + itoa(i) + rest
	}
	exprs := call.Args
	if callee.Signature.Recv() != nil {
		if sel, isSel := ast.Unparen(call.Fun).(*ast.SelectorExpr); isSel {
			exprs = append([]ast.Expr{sel.X}, exprs...)
		}
	}
	if i < len(exprs) {
		return trimAddr(exprString(exprs[i])) + rest
	}
	return "$" + itoa(i) + rest
}
