package irql

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/analyzers/irql/internal/irqlsum"
	"github.com/ndislint/ndislint/rules"
)

// need is a bound a call puts on the current IRQL.
type need struct {
	max  bool // a maximum (else a minimum)
	lvl  level
	rule string
	// subject names what is called ("NdisMSleep", "NdisMSleep (through
	// sleepABit at helper.go:12)"); req says what it requires ("its page
	// requires < DISPATCH_LEVEL").
	subject, req string
	pos          token.Pos
	related      []analysis.RelatedInformation
	// sum is the bound this function gets when the call may be reached at
	// the IRQL it is called at.
	sum irqlsum.Req
}

// needDDI checks a DDI's unconditional IRQL requirement from the
// catalogue.
func (fa *fnAnalysis) needDDI(st *state, d *rules.DDI, pos token.Pos) {
	fa.needBound(st, d.Irql, d.Irql.Page, d.Name, pos, nil)
}

// need checks a bound against the current IRQL: its absolute part against
// the level, its entry part against the function's role or contract. A
// bound the entry may break becomes part of the function's summary, and
// the path goes on assuming it holds.
func (fa *fnAnalysis) need(st *state, n need) {
	cur := st.cur
	if cur.unknown {
		return
	}
	if cur.abs {
		if n.max && cur.hi > n.lvl {
			fa.violation(n, cur.hi, st.why, n.rule)
		}
		if !n.max && cur.lo < n.lvl {
			fa.violation(n, cur.lo, st.why, n.rule)
		}
	}
	if cur.entry {
		fa.needEntry(st, n)
	}
}

// needEntry checks a bound on the entry part of the current IRQL.
func (fa *fnAnalysis) needEntry(st *state, n need) {
	lo, hi := st.eLo, st.eHi
	// The bound the path's own constraints already exclude.
	if n.max && lo > n.lvl || !n.max && hi < n.lvl {
		bound, why := lo, st.loWhy
		if !n.max {
			bound, why = hi, st.hiWhy
		}
		if why.kind == boundEntry {
			fa.violation(n, bound, fa.ent.why, fa.localRule(n.rule))
			return
		}
		fa.contradiction(n, bound, why)
		st.cur = unknownVal // no caller can reach the rest of this path correctly
		return
	}
	breaks := n.max && hi > n.lvl || !n.max && lo < n.lvl
	if !breaks {
		return
	}
	if n.max && fa.ent.knownMax || !n.max && fa.ent.knownMin {
		at := hi
		if !n.max {
			at = lo
		}
		fa.violation(n, at, fa.ent.why, fa.localRule(n.rule))
	}
	if fa.final {
		fa.addBound(n)
	}
	why := cause{pos: n.pos, text: fmt.Sprintf("%s at %s needs %s", n.subject, fa.c.line(n.pos, n.pos), cmpText(n)), kind: boundReq}
	if n.max {
		st.eHi, st.hiWhy = n.lvl, why
	} else {
		st.eLo, st.loWhy = n.lvl, why
	}
}

// localRule is the rule of a bound broken by the function's own declared
// entry: a contract that lets callers in where the body cannot go breaks
// the contract.
func (fa *fnAnalysis) localRule(rule string) string {
	if !fa.ent.hasRole && fa.ent.contract != nil && (rule == rules.RuleIrqlAboveMax || rule == rules.RuleIrqlBelowMin) {
		return rules.RuleIrqlContractBroken
	}
	return rule
}

// addBound tightens the function's summary with n.
func (fa *fnAnalysis) addBound(n need) {
	r := n.sum
	r.Level = n.lvl
	if r.Rule == "" {
		r.Rule = n.rule
	}
	if n.max {
		if fa.max == nil || r.Level < fa.max.Level {
			fa.max = &r
		}
		return
	}
	if fa.min == nil || r.Level > fa.min.Level {
		fa.min = &r
	}
}

// violation reports a call where the IRQL may be at, beyond n's bound.
func (fa *fnAnalysis) violation(n need, at level, why cause, rule string) {
	if !fa.final {
		return
	}
	msg := fmt.Sprintf("%s may be called at %s here: %s, and %s", n.subject, rules.LevelName(at), n.req, why.text)
	rel := append(related(why.pos, relatedText(why)), n.related...)
	fa.report(rule, n.pos, msg, rel)
}

// contradiction reports a bound that the path's earlier bound excludes.
func (fa *fnAnalysis) contradiction(n need, bound level, why cause) {
	if !fa.final {
		return
	}
	dir := ">="
	if !n.max {
		dir = "<="
	}
	msg := fmt.Sprintf("%s needs %s, but this path runs only at %s %s: %s; no IRQL satisfies both", n.subject, cmpText(n), dir, rules.LevelName(bound), why.text)
	fa.report(rules.RuleIrqlContradiction, n.pos, msg, append(related(why.pos, relatedText(why)), n.related...))
}

// cmpText spells n's bound ("<= APC_LEVEL").
func cmpText(n need) string {
	if n.max {
		return "<= " + rules.LevelName(n.lvl)
	}
	return ">= " + rules.LevelName(n.lvl)
}

// relatedText labels the position of a cause.
func relatedText(why cause) string {
	switch why.kind {
	case boundCheck:
		return "the IRQL is tested here"
	case boundReq:
		return "the earlier bound"
	}
	if why.kind == lockHeld {
		return "the lock is taken here"
	}
	if strings.Contains(why.text, "runs as") {
		return "registered for the role here"
	}
	if strings.Contains(why.text, "contract") {
		return "the contract"
	}
	return "the IRQL changes here"
}

// report records a finding at the call (or statement) at pos.
func (fa *fnAnalysis) report(rule string, pos token.Pos, msg string, rel []analysis.RelatedInformation) {
	start, end := fa.c.span(pos)
	fa.findings = append(fa.findings, finding{rule: rule, pos: start, end: end, msg: msg, related: rel})
}

// reqText explains a callee's bound in a message about a registration.
func (c *checker) reqText(fn *ssa.Function, r *irqlsum.Req) string {
	subject, req := calleeText(fn, c.qual(fn), r)
	return fmt.Sprintf("%s: %s", subject, req)
}

// exprString formats an expression as the source writes it.
func exprString(e ast.Expr) string { return types.ExprString(e) }

// trimAddr drops a leading & from a lock argument (&c.lock is c.lock).
func trimAddr(s string) string { return strings.TrimPrefix(s, "&") }

// reportAt records a finding at a statement position (a return).
func (fa *fnAnalysis) reportAt(rule string, pos token.Pos, msg string, rel []analysis.RelatedInformation) {
	fa.findings = append(fa.findings, finding{rule: rule, pos: pos, end: pos, msg: msg, related: rel})
}
