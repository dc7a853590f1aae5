package vclifetime

import (
	"fmt"
	"go/token"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/analyzers/internal/rolebind"
	"github.com/ndislint/ndislint/analyzers/vclifetime/internal/summary"
	"github.com/ndislint/ndislint/rules"
)

// checkHandlers evaluates the summary of every client callback under its
// role: the close-complete rules in the role whose call kills a CM-created
// VC's handle, deletes of CM-created VCs in every callback, the statuses
// the rule registry gives to this pass, and uses queued from the role that
// ends a VC.
func (c *checker) checkHandlers() {
	for _, cb := range c.callbacks() {
		b, fn := cb.b, cb.fn
		s := c.sum.Of(fn)
		for _, u := range s.Uses {
			c.checkUse(b, fn, u)
		}
		c.checkOwnedStatuses(b, fn)
		if isRole(b.Role, c.m.endRole) {
			c.checkQueuedAfterEnd(b, fn, s)
		}
	}
}

// callback is a client role binding with its function.
type callback struct {
	b  *rolebind.Binding
	fn *ssa.Function
}

// callbacks returns the client's role bindings whose function is known, in
// binding order, computed once.
func (c *checker) callbacks() []callback {
	if c.cbs == nil {
		c.cbs = []callback{}
		for _, b := range c.roles.Bindings {
			if b.Side == rolebind.SideCallManager {
				continue
			}
			if fn := c.fnOf(b); fn != nil {
				c.cbs = append(c.cbs, callback{b, fn})
			}
		}
	}
	return c.cbs
}

// reached is a use in a callback's summary that a helper or a queued
// routine makes: where the callback reaches a call in another function.
type reached struct {
	callback
	u summary.Use
}

// reachers returns the callbacks whose summaries reach the DDI call at
// site through another function, with the use as each sees it.
func (c *checker) reachers(site summary.SiteKey) []reached {
	if c.reach == nil {
		c.reach = map[summary.SiteKey][]reached{}
		for _, cb := range c.callbacks() {
			for _, u := range c.sum.Of(cb.fn).Uses {
				if len(u.Chain) > 0 {
					c.reach[u.Site()] = append(c.reach[u.Site()], reached{cb, u})
				}
			}
		}
	}
	return c.reach[site]
}

// bindingsOf returns the callbacks whose function is fn.
func (c *checker) bindingsOf(fn *ssa.Function) []*rolebind.Binding {
	var out []*rolebind.Binding
	for _, cb := range c.callbacks() {
		if cb.fn == fn {
			out = append(out, cb.b)
		}
	}
	return out
}

// vcUse is a use of a context field whose creators are known.
type vcUse struct {
	u         summary.Use
	fp        *FieldProv
	cm, clnt  bool // feasible on a CM-created / client-created VC
	ambiguous bool // both feasible and nothing tells them apart
	unguarded bool // both feasible, and the path tests nothing of the context
}

// classify evaluates a use against what is known of its field and, in a
// callback (b not nil), of the role: a role that the catalogue's lifetimes
// tie to one kind of VC runs only for VCs of that kind, so a use of its VC
// context (or of a record looked up by it) is on a VC of that kind. Out of
// any callback (b nil), a use that may be on VCs of both kinds is
// ambiguous: which VCs the function runs for is not known.
func (c *checker) classify(b *rolebind.Binding, fn *ssa.Function, u summary.Use) (vcUse, bool) {
	if u.Arg.Type == "" || u.Arg.Field == "" {
		return vcUse{}, false
	}
	fp := c.prov[u.Arg.Type+"."+u.Arg.Field]
	if fp == nil {
		return vcUse{}, false
	}
	allowed := ByCM | ByClient
	if b != nil && u.Arg.Root == c.contextRoot(b, fn) {
		allowed = c.m.kindsOf(b.Role)
	}
	v := vcUse{u: u, fp: fp}
	v.cm = allowed&ByCM != 0 && fp.Creators&ByCM != 0 && c.conds.feasible(fp, ByCM, u.Conds, u.Arg.Root, u.Arg.Type)
	v.clnt = allowed&ByClient != 0 && fp.Creators&ByClient != 0 && c.conds.feasible(fp, ByClient, u.Conds, u.Arg.Root, u.Arg.Type)
	// Both kinds still possible: silent unless a known discriminator exists
	// and no branch on the way escaped the summary (an owner test through a
	// method call would look like one).
	v.ambiguous = v.cm && v.clnt && (b == nil || !fp.HasDiscriminator() || u.Opaque > 0)
	if v.ambiguous && b != nil && !fp.HasDiscriminator() && u.Opaque == 0 && !c.conds.testsContext(u.Conds, u.Arg) {
		// Nothing on the way looks at the context at all: the call runs for
		// VCs of both creators, so it runs for the call manager's too.
		v.ambiguous, v.unguarded = false, true
	}
	return v, true
}

// contextRoot returns the root of the VC context parameter of b's role in
// fn, or -1.
func (c *checker) contextRoot(b *rolebind.Binding, fn *ssa.Function) int {
	return rootOf(fn, paramIndex(b.Role, c.m.cm.Context))
}

// checkUse applies the rules to one use in a callback.
func (c *checker) checkUse(b *rolebind.Binding, fn *ssa.Function, u summary.Use) {
	if c.m.cm == nil {
		return // the catalogue has no VC lifetimes
	}
	if c.m.deletes[u.DDI] != nil && c.deletesCreatedHandle(b, fn, u) {
		return
	}
	v, ok := c.classify(b, fn, u)
	if !ok || v.ambiguous {
		return // unknown provenance: say nothing
	}
	closing := isRole(b.Role, c.m.closeRole) && u.Arg.Root == c.contextRoot(b, fn)
	switch {
	case v.cm && c.m.deletes[u.DDI] != nil:
		if c.lastReleaseElsewhere(b, fn, u) {
			return
		}
		c.report(rules.RuleVcDeleteCmVc, b, v, "%s on a VC the call manager created%s%s: only the creator may delete a VC", u.DDI, c.inRole(b, u), mixedNote(v))
	case v.cm && closing && deadFor(c.m.cm, c.api.Cat, u.DDI):
		c.report(rules.RuleVcUseAfterClose, b, v, "%s with the %s of a VC the call manager created, after %s%s%s: the handle is invalid from then on", u.DDI, u.Param, b.Role.GoName, c.via(u), mixedNote(v))
	case v.clnt && closing && c.m.afterSuccess[u.DDI] && u.Opaque == 0 && c.closeMayFail(b, fn, u.Conds):
		c.report(rules.RuleVcDeleteOnFailedClose, b, v, "%s in %s on a path where the status may not be %s%s: the client may delete or reuse its VC only after a successful close", u.DDI, b.Role.GoName, c.m.closeOK.Values[0], c.via(u))
	}
}

// deletesCreatedHandle reports a delete, in a role that creates a CM VC, of
// the handle that role receives: the call manager's VC itself.
func (c *checker) deletesCreatedHandle(b *rolebind.Binding, fn *ssa.Function, u summary.Use) bool {
	i := paramIndex(b.Role, c.m.cm.Handle)
	if !isRole(b.Role, c.m.cmCreate...) || i < 0 || u.Arg != (summary.Path{Root: rootOf(fn, i)}) {
		return false
	}
	c.reportAt(rules.RuleVcDeleteCmVc, u.Pos, u.Pos, []analysis.RelatedInformation{{Pos: b.Pos, End: b.End, Message: fmt.Sprintf("registered as %s here", b.Role.GoName)}},
		"%s on a VC the call manager created (the %s of %s%s): only the creator may delete a VC", u.DDI, b.Role.Params[i].Name, b.Role.GoName, c.via(u))
	return true
}

// closeMayFail reports whether the conditions on the way allow the close
// role's status to be other than the one of a successful close.
func (c *checker) closeMayFail(b *rolebind.Binding, fn *ssa.Function, cs *summary.Conds) bool {
	root := rootOf(fn, paramNamed(b.Role, c.m.closeOK.Of))
	return c.conds.statusMayFail(cs, root, c.statusVal(c.m.closeOK.Values[0]))
}

// checkOwnedStatuses reports the returns of a handler that may return a
// status the rule registry gives to this pass for its role (the pairs of
// vc-delete-handler-pends' Owns: NDIS_STATUS_PENDING from
// ProtocolCoDeleteVc), as the shared status engine finds them.
func (c *checker) checkOwnedStatuses(b *rolebind.Binding, fn *ssa.Function) {
	for _, o := range c.owned {
		if o.Role != b.Role.Name {
			continue
		}
		for _, ret := range c.sts.MayReturn(fn, o.Status) {
			if c.local(ret.Pos) {
				c.reportAt(rules.RuleVcDeleteHandlerPends, ret.Pos, ret.Pos, []analysis.RelatedInformation{{Pos: b.Pos, End: b.End, Message: fmt.Sprintf("registered as %s here", b.Role.GoName)}},
					"%s may return %s here; its page forbids it: deleting a VC is synchronous", b.Role.GoName, o.Status)
			} else {
				c.reportAt(rules.RuleVcDeleteHandlerPends, b.Pos, b.End, nil,
					"%s may return %s (at %s); its page forbids it: deleting a VC is synchronous", b.Role.GoName, o.Status, ret.At)
			}
		}
	}
}

// checkQueuedAfterEnd reports uses of the VC queued from the role that
// ends it: they run after it returned, when the VC is gone.
func (c *checker) checkQueuedAfterEnd(b *rolebind.Binding, fn *ssa.Function, s *summary.Summary) {
	for _, u := range s.Uses {
		if u.Later == "" || !deadFor(c.m.cm, c.api.Cat, u.DDI) || u.Arg.Root != rootOf(fn, paramIndex(b.Role, c.m.cm.Context)) {
			continue
		}
		if v, ok := c.classify(b, fn, u); ok && !v.ambiguous {
			c.report(rules.RuleVcUseAfterDelete, b, v, "%s with the %s of a VC whose %s has run %s: the VC is deleted", u.DDI, u.Param, b.Role.GoName, u.Later)
		}
	}
}

// report reports a rule at a use, with the path that led there.
func (c *checker) report(rule string, b *rolebind.Binding, v vcUse, format string, args ...any) {
	var rel []analysis.RelatedInformation
	if v.cm && v.fp.CMPos.IsValid() {
		rel = append(rel, analysis.RelatedInformation{Pos: v.fp.CMPos, Message: fmt.Sprintf("the handle comes from the call manager here (%s)", c.m.cmCreateNames())})
	} else if v.fp.ClientPos.IsValid() {
		rel = append(rel, analysis.RelatedInformation{Pos: v.fp.ClientPos, Message: fmt.Sprintf("the client creates the VC here (%s)", c.m.clientCreateNames())})
	}
	if b != nil {
		rel = append(rel, analysis.RelatedInformation{Pos: b.Pos, End: b.End, Message: fmt.Sprintf("registered as %s here", b.Role.GoName)})
	}
	c.candidate(rule, v.u, rel, fmt.Sprintf(format, args...))
}

// candidate keeps a report at a use until every callback has been seen.
// Several callbacks may reach one call; at one position the most direct
// account is kept, and of two as direct the first message in byte order,
// so that the choice does not depend on the order the callbacks are
// visited in.
func (c *checker) candidate(rule string, u summary.Use, rel []analysis.RelatedInformation, msg string) {
	if !c.local(u.Pos) {
		return
	}
	key := fmt.Sprintf("%s@%d", rule, u.Pos)
	cand := candidate{rule: rule, pos: u.Pos, site: u.Site(), rel: rel, msg: msg, depth: len(u.Chain)}
	if old, ok := c.candidates[key]; !ok || cand.depth < old.depth || (cand.depth == old.depth && cand.msg < old.msg) {
		c.candidates[key] = cand
	}
}

// candidate is a report kept until every callback has been seen.
type candidate struct {
	rule  string
	pos   token.Pos
	site  summary.SiteKey // the DDI call's own position
	rel   []analysis.RelatedInformation
	msg   string
	depth int
}

// flush reports the kept candidates by file, line, column and rule (the
// reporter orders its output anyway; this keeps the order of the calls
// free of map order and of the order files were parsed in). A defect at a
// DDI call that is reported where the call is, in a callback, is not
// reported again at the calls of other callbacks that reach it through
// that callback.
func (c *checker) flush() {
	type ruleAt struct {
		rule string
		site summary.SiteKey
	}
	direct := map[ruleAt]bool{}
	for _, cd := range c.candidates {
		if cd.depth == 0 {
			direct[ruleAt{cd.rule, cd.site}] = true
		}
	}
	keys := make([]string, 0, len(c.candidates))
	for k, cd := range c.candidates {
		if cd.depth == 0 || !direct[ruleAt{cd.rule, cd.site}] {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := c.candidates[keys[i]], c.candidates[keys[j]]
		pa, pb := c.pass.Fset.Position(a.pos), c.pass.Fset.Position(b.pos)
		if pa.Filename != pb.Filename {
			return pa.Filename < pb.Filename
		}
		if pa.Offset != pb.Offset {
			return pa.Offset < pb.Offset
		}
		return a.rule < b.rule
	})
	for _, k := range keys {
		cd := c.candidates[k]
		c.reportAt(cd.rule, cd.pos, cd.pos, cd.rel, "%s", cd.msg)
	}
}

// reportAt reports once per rule and position.
func (c *checker) reportAt(rule string, pos, end token.Pos, rel []analysis.RelatedInformation, format string, args ...any) {
	key := fmt.Sprintf("%s@%d", rule, pos)
	if c.reported[key] {
		return
	}
	c.reported[key] = true
	if call := c.callAt(pos); call != nil {
		pos, end = call.Pos(), call.End() // the whole call, not its parenthesis
	}
	c.rep.Reportf(rule, pos, end, rel, format, args...)
}

// inRole says which callback a use runs in, with the helper chain.
func (c *checker) inRole(b *rolebind.Binding, u summary.Use) string {
	return " in " + b.Role.GoName + c.via(u)
}

// via describes the helper chain and deferral of a use.
func (c *checker) via(u summary.Use) string {
	s := ""
	if len(u.Chain) > 0 {
		s = " (through " + strings.Join(u.Chain, " -> ")
		if u.Foreign {
			s += " at " + c.sum.WhereOf(u)
		}
		s += ")"
	}
	if u.Later != "" {
		s += " " + u.Later
	}
	return s
}

// local reports whether pos is in this package's files.
func (c *checker) local(pos token.Pos) bool {
	if !pos.IsValid() {
		return false
	}
	for _, f := range c.pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return true
		}
	}
	return false
}

// paramNamed returns the index of the role's parameter with page name
// name, or -1.
func paramNamed(r *rules.Role, name string) int {
	for i, p := range r.Params {
		if p.Name == name {
			return i
		}
	}
	return -1
}

// rootOf maps a role's parameter index to the SSA function's root: a method
// handler's receiver comes first. A negative index stays negative.
func rootOf(fn *ssa.Function, i int) int {
	if i < 0 {
		return i
	}
	if fn.Signature.Recv() != nil {
		return i + 1
	}
	return i
}

// lastReleaseElsewhere reports whether a delete that a callback reaches
// only under a test of another field of the VC's context (a reference
// count's last release) is also reached from the role that ends the call
// manager's VCs (ProtocolCoDeleteVc, the role of vc-cm that invalidates the
// context): for a CM VC the last release happens there, never before, and
// the delete is reported there.
func (c *checker) lastReleaseElsewhere(b *rolebind.Binding, fn *ssa.Function, u summary.Use) bool {
	if isRole(b.Role, c.m.endRole) || !c.conds.testsOtherField(u.Conds, u.Arg) {
		return false
	}
	if c.m.kindsOf(b.Role) == ByCM && u.Arg.Root == c.contextRoot(b, fn) {
		return false // the role itself runs only for the call manager's VCs
	}
	if c.endWheres == nil {
		c.endWheres = map[summary.SiteKey]bool{}
		for _, cb := range c.callbacks() {
			if isRole(cb.b.Role, c.m.endRole) {
				for _, eu := range c.sum.Of(cb.fn).Uses {
					if eu.Arg.Root == c.contextRoot(cb.b, cb.fn) {
						c.endWheres[eu.Site()] = true
					}
				}
			}
		}
	}
	return c.endWheres[u.Site()]
}

// mixedNote explains a report on a context that holds VCs of both creators.
func mixedNote(v vcUse) string {
	if !v.unguarded {
		return ""
	}
	return " (its context holds VCs of both creators, and nothing on the way tells them apart)"
}
