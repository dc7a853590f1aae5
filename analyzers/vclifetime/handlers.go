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

// The rule IDs of this pass.
const (
	RuleUseAfterClose       = "vc-use-after-close"
	RuleDeleteCMVc          = "vc-delete-cm-vc"
	RuleDeleteOnFailedClose = "vc-delete-on-failed-close"
	RuleUseAfterDelete      = "vc-use-after-delete"
	RuleDeleteCallActive    = "vc-delete-call-active"
	RuleCloseCallStatus     = "vc-closecall-status-dropped"
	RuleDeleteHandlerPends  = "vc-delete-handler-pends"
)

// The roles this pass reasons about, by typedef.
const (
	roleCloseCallComplete = "PROTOCOL_CL_CLOSE_CALL_COMPLETE"
	roleCoDeleteVc        = "PROTOCOL_CO_DELETE_VC"
	roleCoCreateVc        = "PROTOCOL_CO_CREATE_VC"
	ddiCoDeleteVc         = "NdisCoDeleteVc"
	ddiClMakeCall         = "NdisClMakeCall"
	ddiClCloseCall        = "NdisClCloseCall"
)

// checkHandlers evaluates the summary of every client callback under its
// role: the close-complete rules for ProtocolClCloseCallComplete, deletes of
// CM-created VCs in every callback, PENDING from ProtocolCoDeleteVc, and uses
// queued from ProtocolCoDeleteVc.
func (c *checker) checkHandlers() {
	for _, b := range c.roles.Bindings {
		if b.Side == rolebind.SideCallManager {
			continue
		}
		fn := c.fnOf(b)
		if fn == nil {
			continue
		}
		s := c.sum.Of(fn)
		for _, u := range s.Uses {
			c.checkUse(b, fn, u)
		}
		if b.Role.Name == roleCoDeleteVc {
			c.checkDeleteHandler(b, fn, s)
		}
	}
	c.flush()
}

// vcUse is a use of a context field whose creators are known.
type vcUse struct {
	u         summary.Use
	fp        *FieldProv
	cm, clnt  bool // feasible on a CM-created / client-created VC
	ambiguous bool // both feasible and nothing tells them apart
	unguarded bool // both feasible, and the path tests nothing of the context
}

// classify evaluates a use against what is known of its field.
func (c *checker) classify(u summary.Use) (vcUse, bool) {
	if u.Arg.Type == "" || u.Arg.Field == "" {
		return vcUse{}, false
	}
	fp := c.prov[u.Arg.Type+"."+u.Arg.Field]
	if fp == nil {
		return vcUse{}, false
	}
	v := vcUse{u: u, fp: fp}
	v.cm = fp.Creators&ByCM != 0 && fp.feasible(ByCM, u.Conds, u.Arg.Root, u.Arg.Type)
	v.clnt = fp.Creators&ByClient != 0 && fp.feasible(ByClient, u.Conds, u.Arg.Root, u.Arg.Type)
	// Both kinds still possible: silent unless a known discriminator exists
	// and no branch on the way escaped the summary (an owner test through a
	// method call would look like one).
	v.ambiguous = v.cm && v.clnt && (!fp.HasDiscriminator() || u.Opaque > 0)
	if v.ambiguous && !fp.HasDiscriminator() && u.Opaque == 0 && !testsContext(u.Conds, u.Arg) {
		// Nothing on the way looks at the context at all: the call runs for
		// VCs of both creators, so it runs for the call manager's too.
		v.ambiguous, v.unguarded = false, true
	}
	return v, true
}

// checkUse applies the rules to one use in a callback.
func (c *checker) checkUse(b *rolebind.Binding, fn *ssa.Function, u summary.Use) {
	if !isClCo(u.DDI) {
		return
	}
	if b.Role.Name == roleCoCreateVc && u.DDI == ddiCoDeleteVc && u.Arg == (summary.Path{Root: rootOf(fn, paramIndex(b.Role, rules.KindVcHandle))}) {
		// The NdisVcHandle parameter of the client's ProtocolCoCreateVc
		// is the call manager's VC itself.
		c.reportAt(RuleDeleteCMVc, u.Pos, u.Pos, []analysis.RelatedInformation{{Pos: b.Pos, End: b.End, Message: "registered as ProtocolCoCreateVc here"}},
			"%s on a VC the call manager created (the NdisVcHandle of ProtocolCoCreateVc%s): only the creator may delete a VC", u.DDI, c.via(u))
		return
	}
	v, ok := c.classify(u)
	if !ok || v.ambiguous {
		return // unknown provenance: say nothing
	}
	closing := b.Role.Name == roleCloseCallComplete && u.Arg.Root == rootOf(fn, ctxIndex(b.Role))
	switch {
	case v.cm && u.DDI == ddiCoDeleteVc:
		c.report(RuleDeleteCMVc, b, v, "%s on a VC the call manager created%s%s: only the creator may delete a VC", u.DDI, c.inRole(b, u), mixedNote(v))
	case v.cm && closing:
		c.report(RuleUseAfterClose, b, v, "%s with the NdisVcHandle of a VC the call manager created, after ProtocolClCloseCallComplete%s%s: the handle is invalid from then on", u.DDI, c.via(u), mixedNote(v))
	case v.clnt && closing && (u.DDI == ddiCoDeleteVc || u.DDI == ddiClMakeCall) && u.Opaque == 0 && statusMayFail(u.Conds, rootOf(fn, statusIndex(b.Role)), c.successVal()):
		c.report(RuleDeleteOnFailedClose, b, v, "%s in ProtocolClCloseCallComplete on a path where the status may not be NDIS_STATUS_SUCCESS%s: the client may delete or reuse its VC only after a successful close", u.DDI, c.via(u))
	}
}

// checkDeleteHandler reports PENDING returns of ProtocolCoDeleteVc and uses
// of the VC queued from it (they run after it returned).
func (c *checker) checkDeleteHandler(b *rolebind.Binding, fn *ssa.Function, s *summary.Summary) {
	for i, pos := range s.PendingPos {
		if c.local(pos) {
			c.reportAt(RuleDeleteHandlerPends, pos, pos, []analysis.RelatedInformation{{Pos: b.Pos, End: b.End, Message: "registered as ProtocolCoDeleteVc here"}},
				"ProtocolCoDeleteVc may return NDIS_STATUS_PENDING here; its page forbids it: deleting a VC is synchronous")
		} else {
			c.reportAt(RuleDeleteHandlerPends, b.Pos, b.End, nil,
				"ProtocolCoDeleteVc may return NDIS_STATUS_PENDING (at %s); its page forbids it: deleting a VC is synchronous", s.Pending[i])
		}
	}
	for _, u := range s.Uses {
		if u.Later == "" || !isClCo(u.DDI) || u.Arg.Root != rootOf(fn, ctxIndex(b.Role)) {
			continue
		}
		if v, ok := c.classify(u); ok {
			c.report(RuleUseAfterDelete, b, v, "%s with the NdisVcHandle of a VC whose ProtocolCoDeleteVc has run %s: the VC is deleted", u.DDI, u.Later)
		}
	}
}

// report reports a rule at a use, with the path that led there.
func (c *checker) report(rule string, b *rolebind.Binding, v vcUse, format string, args ...any) {
	var rel []analysis.RelatedInformation
	if v.cm && v.fp.CMPos.IsValid() {
		rel = append(rel, analysis.RelatedInformation{Pos: v.fp.CMPos, Message: "the handle comes from the call manager here (ProtocolCoCreateVc)"})
	} else if v.fp.ClientPos.IsValid() {
		rel = append(rel, analysis.RelatedInformation{Pos: v.fp.ClientPos, Message: "the client creates the VC here (NdisCoCreateVc)"})
	}
	rel = append(rel, analysis.RelatedInformation{Pos: b.Pos, End: b.End, Message: fmt.Sprintf("registered as %s here", b.Role.GoName)})
	if !c.local(v.u.Pos) {
		return
	}
	// Several callbacks may reach one call; keep the most direct account.
	key := fmt.Sprintf("%s@%d", rule, v.u.Pos)
	cand := candidate{rule: rule, pos: v.u.Pos, rel: rel, msg: fmt.Sprintf(format, args...), depth: len(v.u.Chain)}
	if old, ok := c.candidates[key]; !ok || cand.depth < old.depth {
		c.candidates[key] = cand
	}
}

// candidate is a report kept until every callback has been seen.
type candidate struct {
	rule  string
	pos   token.Pos
	rel   []analysis.RelatedInformation
	msg   string
	depth int
}

// flush reports the kept candidates in source order.
func (c *checker) flush() {
	keys := make([]string, 0, len(c.candidates))
	for k := range c.candidates {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := c.candidates[keys[i]], c.candidates[keys[j]]
		if a.pos != b.pos {
			return a.pos < b.pos
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
		if u.Where != "" && u.Foreign {
			s += " at " + u.Where
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

// statusMayFail reports whether the conditions allow the status root to be
// something other than NDIS_STATUS_SUCCESS, whose value is success.
func statusMayFail(cs []summary.Cond, root int, success string) bool {
	if root < 0 {
		return true
	}
	for _, c := range cs {
		if c.Path.Root == root && c.Path.Field == "" && c.Path.Type == "" && c.Op == "==" && c.Val == success && c.Want {
			return false
		}
	}
	return true
}

// isClCo reports whether a DDI is one of the NdisCl*/NdisCo* calls the
// ProtocolClCloseCallComplete page forbids on a dead handle.
func isClCo(name string) bool {
	return strings.HasPrefix(name, "NdisCl") || strings.HasPrefix(name, "NdisCo")
}

// ctxIndex returns the index of a role's VC context parameter.
func ctxIndex(r *rules.Role) int { return paramIndex(r, rules.KindVcContext) }

// statusIndex returns the index of a role's status parameter.
func statusIndex(r *rules.Role) int {
	for i, p := range r.Params {
		if strings.TrimPrefix(p.GoType, "ndis.") == "Status" && p.Dir == rules.In {
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

// testsContext reports whether any condition looks at the context the handle
// is a field of.
func testsContext(cs []summary.Cond, arg summary.Path) bool {
	for _, c := range cs {
		if c.Path.Root == arg.Root && c.Path.Type == arg.Type && c.Path.Type != "" {
			return true
		}
	}
	return false
}

// mixedNote explains a report on a context that holds VCs of both creators.
func mixedNote(v vcUse) string {
	if !v.unguarded {
		return ""
	}
	return " (its context holds VCs of both creators, and nothing on the way tells them apart)"
}
