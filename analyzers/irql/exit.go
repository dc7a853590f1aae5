package irql

import (
	"fmt"
	"go/token"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/analyzers/irql/internal/irqlsum"
	"github.com/ndislint/ndislint/rules"
)

// exit checks the state at a return: no spin lock left held, the IRQL back
// where the function was called (or where its contract says), the saves=
// contract kept.
func (fa *fnAnalysis) exit(st *state, r *ssa.Return) {
	fa.exits = append(fa.exits, st.clone())
	fa.countResult(r)
	pos := fa.returnPos(r)
	ct := fa.ent.contract
	raises := ct != nil && ct.HasRaises
	if st.relSplit != "" && ct != nil && ct.Restores != "" && paramUnder(st.relSplit, "$"+itoa(fa.ent.params[ct.Restores])) {
		fa.reportAt(rules.RuleIrqlSaveRestore, pos, fmt.Sprintf("%s releases %s %s on some paths only, but its //ndis:irql restores=%s says it restores the IRQL held by %s", fnName(fa.fn), nounOr(st.relNoun), fa.paramPathName(st.relSplit), ct.Restores, ct.Restores),
			related(fa.ent.contractPos, "the contract"))
		return
	}
	if st.lost || fa.fn.Parent() != nil && !fa.ent.hasRole {
		// A function literal cannot carry a contract; what it leaves
		// behind is checked in the function that calls it (a deferred
		// unlock, say).
		return
	}
	if !raises {
		if hs := st.definitelyHeld(); len(hs) > 0 {
			h := hs[len(hs)-1]
			hint := ""
			if !fa.ent.hasRole {
				hint = "; if taking the lock is its job, say so with //ndis:irql raises=DISPATCH_LEVEL"
			}
			fa.reportAt(rules.RuleSpinlockHeldOnReturn, pos, fmt.Sprintf("%s returns with %s held (%s at %s)%s", fnName(fa.fn), h.name, h.ddi, fa.c.line(h.pos, pos), hint),
				related(h.pos, "acquired here"))
			return
		}
	}
	if slices.ContainsFunc(st.locks, func(h held) bool { return h.maybe }) {
		return // correlated branches: the pass cannot tell
	}
	fa.exitIrql(st, pos)
	fa.exitSaves(st, pos)
}

// countResult notes whether a return's IRQL result is the entry IRQL.
func (fa *fnAnalysis) countResult(r *ssa.Return) {
	if len(r.Results) != 1 || !fa.isIrql(r.Results[0].Type()) {
		return
	}
	if fa.irqlOf(r.Results[0]) == entryVal {
		fa.retEntry++
	} else {
		fa.retOther++
	}
}

// exitIrql checks the IRQL at a return.
func (fa *fnAnalysis) exitIrql(st *state, pos token.Pos) {
	cur := st.cur
	if cur.unknown {
		return
	}
	ct := fa.ent.contract
	switch {
	case ct != nil && ct.HasRaises:
		if !cur.isAbs() || cur.lo != ct.Raises || cur.hi != ct.Raises {
			fa.reportAt(rules.RuleIrqlNotRestored, pos, fmt.Sprintf("%s returns at %s on this path, but its //ndis:irql raises=%s says it returns at %s", fnName(fa.fn), fa.valText(st, cur), rules.LevelName(ct.Raises), rules.LevelName(ct.Raises)),
				related(st.why.pos, relatedText(st.why)))
		}
	case ct != nil && ct.Restores != "":
		want := "$" + itoa(fa.ent.params[ct.Restores])
		if cur.entry || cur.abs || !paramUnder(cur.param, want) {
			fa.reportAt(rules.RuleIrqlSaveRestore, pos, fmt.Sprintf("%s returns at %s on this path, but its //ndis:irql restores=%s says it restores the IRQL held by %s", fnName(fa.fn), fa.valText(st, cur), ct.Restores, ct.Restores),
				related(st.why.pos, relatedText(st.why)))
		}
	default:
		fa.exitSame(st, pos)
	}
}

// exitSame checks that the function returns at the IRQL it was called at.
func (fa *fnAnalysis) exitSame(st *state, pos token.Pos) {
	cur := st.cur
	exact := st.eLo == st.eHi
	if cur.abs && !(exact && cur.lo == st.eLo && cur.hi == st.eLo) {
		hint := ""
		if !fa.ent.hasRole && !cur.entry && fa.returns() == 1 {
			hint = fmt.Sprintf("; if raising is its job, say so with //ndis:irql raises=%s", rules.LevelName(cur.hi))
		}
		if fa.sameFalse(st, pos, rules.LevelName(cur.hi)) {
			return
		}
		fa.reportAt(rules.RuleIrqlNotRestored, pos, fmt.Sprintf("%s may return at %s, not at the IRQL it was called at: %s%s", fnName(fa.fn), rules.LevelName(cur.hi), st.why.text, hint),
			related(st.why.pos, relatedText(st.why)))
		return
	}
	if cur.param != "" {
		hint := ""
		if i, _, ok := splitRoot(cur.param); ok && !fa.ent.hasRole {
			if name := fa.paramName(i); name != "" {
				hint = fmt.Sprintf("; if that is its job, say so with //ndis:irql restores=%s", name)
			}
		}
		if fa.sameFalse(st, pos, "the IRQL held by "+fa.paramPathName(cur.param)) {
			return
		}
		fa.reportAt(rules.RuleIrqlNotRestored, pos, fmt.Sprintf("%s returns at the IRQL held by %s, not at the IRQL it was called at: %s%s", fnName(fa.fn), fa.paramPathName(cur.param), st.why.text, hint),
			related(st.why.pos, relatedText(st.why)))
	}
}

// sameFalse reports, once, an explicit same contract that a return at
// another IRQL (at) shows false: at the contract, which callers trust no
// more (the summary's exit becomes unknown). It returns false when the
// function has no same contract.
func (fa *fnAnalysis) sameFalse(st *state, pos token.Pos, at string) bool {
	ct := fa.ent.contract
	if ct == nil || !ct.Same {
		return false
	}
	if !fa.sameBroken.IsValid() {
		fa.sameBroken = pos
		fa.findings = append(fa.findings, finding{rule: rules.RuleIrqlContractBroken, pos: fa.ent.contractPos, end: fa.ent.contractEnd,
			msg:     fmt.Sprintf("%s's //ndis:irql same contract is false: it may return at %s (%s): %s", fnName(fa.fn), at, fa.c.line(pos, fa.ent.contractPos), st.why.text),
			related: append(related(pos, "returns here"), related(st.why.pos, relatedText(st.why))...)})
	}
	return true
}

// exitSaves checks a saves= contract at a return.
func (fa *fnAnalysis) exitSaves(st *state, pos token.Pos) {
	ct := fa.ent.contract
	if ct == nil || ct.Saves == "" {
		return
	}
	root := "$" + itoa(fa.ent.params[ct.Saves])
	for k, v := range st.saved {
		if paramUnder(k, root) && v.entry {
			return
		}
	}
	for _, h := range st.locks {
		if paramUnder(h.key, root) && h.saved.entry && !h.dpr {
			return
		}
	}
	fa.reportAt(rules.RuleIrqlSaveRestore, pos, fmt.Sprintf("%s returns without saving the IRQL it was called at through %s, as its //ndis:irql saves=%s says", fnName(fa.fn), ct.Saves, ct.Saves),
		related(fa.ent.contractPos, "the contract"))
}

// returns counts the function's return instructions.
func (fa *fnAnalysis) returns() int {
	n := 0
	for _, b := range fa.fn.Blocks {
		if len(b.Instrs) > 0 {
			if _, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok {
				n++
			}
		}
	}
	return n
}

// paramUnder reports whether path is root or a path below it.
func paramUnder(path, root string) bool {
	i, _, ok := splitRoot(path)
	j, _, ok2 := splitRoot(root)
	return ok && ok2 && i == j
}

// paramName returns the name of SSA parameter i, or "".
func (fa *fnAnalysis) paramName(i int) string {
	if i < len(fa.fn.Params) {
		if n := fa.fn.Params[i].Name(); n != "_" {
			return n
		}
	}
	return ""
}

// paramPathName spells a parameter-rooted path with the parameter's name.
func (fa *fnAnalysis) paramPathName(path string) string {
	i, rest, ok := splitRoot(path)
	if !ok {
		return path
	}
	name := fa.paramName(i)
	if name == "" {
		name = "$" + itoa(i)
	}
	return name + trimStars(rest)
}

// valText spells an IRQL value for messages.
func (fa *fnAnalysis) valText(st *state, v val) string {
	switch {
	case v.isAbs():
		return rangeText(v.lo, v.hi)
	case v.param != "" && !v.entry && !v.abs:
		return "the IRQL held by " + fa.paramPathName(v.param)
	case v.entry && !v.abs && v.param == "":
		return "the IRQL it was called at"
	}
	return "an IRQL that depends on the path"
}

// summary builds the function's summary from its bounds, its contract and
// its exits.
func (fa *fnAnalysis) summary() irqlsum.Summary {
	s := irqlsum.Summary{Max: fa.max, Min: fa.min}
	fa.exitSummary(&s)
	s.ReturnsEntry = fa.retEntry > 0 && fa.retOther == 0
	s.Saves = fa.inferSaves()
	if fa.ent.pageable && (s.Max == nil || s.Max.Level >= rules.ApcLevel) {
		s.Max = &irqlsum.Req{Level: rules.ApcLevel, Rule: rules.RuleIrqlPageableAtDispatch, What: fnName(fa.fn), Page: "//ndis:pageable",
			Where: fa.c.where(fa.ent.pageablePos), Pos: fa.ent.pageablePos}
	}
	if ct := fa.ent.contract; ct != nil {
		fa.contractSummary(&s, ct)
	}
	for k := range fa.takes {
		s.Takes = append(s.Takes, k)
	}
	slices.Sort(s.Takes)
	if len(s.Takes) > irqlsum.MaxLocks {
		s.Takes = s.Takes[:irqlsum.MaxLocks]
	}
	return s
}

// exitSummary sets the exit and lock operations from the returns.
func (fa *fnAnalysis) exitSummary(s *irqlsum.Summary) {
	s.Exit = irqlsum.Exit{Kind: irqlsum.ExitSame}
	if len(fa.exits) == 0 {
		return
	}
	first := fa.exits[0]
	for _, e := range fa.exits {
		if e.lost || e.cur != first.cur || !sameHeld(e, first) || !slices.Equal(e.released, first.released) {
			s.Exit = irqlsum.Exit{Kind: irqlsum.ExitUnknown}
			return
		}
	}
	switch v := first.cur; {
	case v.unknown:
		s.Exit.Kind = irqlsum.ExitUnknown
		return
	case v.isAbs() && v.lo == v.hi:
		s.Exit = irqlsum.Exit{Kind: irqlsum.ExitLevel, Level: v.lo}
	case v.param != "" && !v.entry && !v.abs:
		s.Exit = irqlsum.Exit{Kind: irqlsum.ExitParam, Path: v.param}
	case v.entry && !v.abs && v.param == "":
	default:
		s.Exit.Kind = irqlsum.ExitUnknown
		return
	}
	s.Locks = append(s.Locks, first.released...)
	for _, h := range first.locks {
		if !mappable(h.key) {
			continue
		}
		if len(s.Locks) < irqlsum.MaxLocks {
			s.Locks = append(s.Locks, irqlsum.LockOp{Op: rules.LockAcquire, Path: h.key, Dpr: h.dpr, DDI: h.ddi, Noun: h.noun})
		}
	}
}

// inferSaves returns the parameter-rooted location through which the
// function stores the IRQL it was called at on every return (a helper
// doing *old = KeGetCurrentIrql()), or "".
func (fa *fnAnalysis) inferSaves() string {
	if len(fa.exits) == 0 {
		return ""
	}
	var keys []string
	for k, v := range fa.exits[0].saved {
		if _, _, ok := splitRoot(k); ok && v == entryVal {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	for _, k := range keys {
		if !slices.ContainsFunc(fa.exits, func(e *state) bool { return e.lost || e.saved[k] != entryVal }) {
			return k
		}
	}
	return ""
}

// sameHeld reports whether two exits hold the same locks.
func sameHeld(a, b *state) bool {
	if len(a.locks) != len(b.locks) {
		return false
	}
	for i := range a.locks {
		if a.locks[i].key != b.locks[i].key || a.locks[i].dpr != b.locks[i].dpr || a.locks[i].maybe || b.locks[i].maybe {
			return false
		}
	}
	return true
}

// contractSummary makes the contract's word the summary's: callers trust
// it.
func (fa *fnAnalysis) contractSummary(s *irqlsum.Summary, ct *irqlsum.Contract) {
	s.Contract = ct.String()
	name := fnName(fa.fn)
	where := fa.c.where(fa.ent.contractPos)
	// A bound of the body tighter than the contract's breaks the contract
	// (reported in the body): callers are held to the body's, so that the
	// call that reaches the DDI is reported where the chain starts too.
	if ct.BoundsMax() {
		keep := s.Max != nil && (s.Max.Level < ct.EntryMax() || s.Max.Rule == rules.RuleIrqlPageableAtDispatch && s.Max.Level == ct.EntryMax())
		if !keep {
			s.Max = &irqlsum.Req{Level: ct.EntryMax(), Rule: rules.RuleIrqlAboveMax, What: name, Page: "//ndis:irql " + ct.String(), Where: where, Pos: fa.ent.contractPos}
		}
	}
	if ct.BoundsMin() && (s.Min == nil || s.Min.Level <= ct.EntryMin()) {
		s.Min = &irqlsum.Req{Level: ct.EntryMin(), Rule: rules.RuleIrqlBelowMin, What: name, Page: "//ndis:irql " + ct.String(), Where: where, Pos: fa.ent.contractPos}
	}
	switch {
	case ct.HasRaises:
		s.Exit = irqlsum.Exit{Kind: irqlsum.ExitLevel, Level: ct.Raises}
	case ct.Restores != "":
		s.Exit = irqlsum.Exit{Kind: irqlsum.ExitParam, Path: "$" + itoa(fa.ent.params[ct.Restores])}
	case fa.sameBroken.IsValid():
		s.Exit = irqlsum.Exit{Kind: irqlsum.ExitUnknown} // reported at the contract: callers say nothing
	default:
		s.Exit = irqlsum.Exit{Kind: irqlsum.ExitSame, Level: 0}
	}
	if ct.Saves != "" {
		s.Saves = "$" + itoa(fa.ent.params[ct.Saves])
	}
}

// trimStars drops the load marks of a path ("$0.c*.lock" is ".c.lock").
func trimStars(path string) string { return strings.ReplaceAll(path, "*", "") }
