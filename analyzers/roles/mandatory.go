package roles

import (
	"fmt"
	"go/ast"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/ndislint/ndislint/rules"
)

// checkMandatory reports registered handler structures with a mandatory
// slot empty, with a fix that generates the missing handlers.
func (c *checker) checkMandatory() {
	regs := c.registrations()
	registered := map[string]bool{}
	for _, r := range regs {
		registered[r.hs.Name] = true
	}
	for _, r := range regs {
		var missing []rules.Slot
		for _, s := range r.hs.Slots {
			if !r.filled[s.Field] && mandatory(s, registered) {
				missing = append(missing, s)
			}
		}
		if len(missing) > 0 {
			c.reportMissing(r, missing)
		}
	}
}

// mandatory reports whether the catalogue makes slot s mandatory for a
// package that registers the structures in registered: for every driver
// (rules.RequiredAll), or for a kind of driver the package shows it is by
// registering the structure s.RequiredWith names (a client registers
// NDIS_CO_CLIENT_OPTIONAL_HANDLERS). Other conditions ("CoNDIS miniports
// that are not MCMs") cannot be told from the code and are not checked;
// "unstated" and "" are not requirements.
func mandatory(s rules.Slot, registered map[string]bool) bool {
	return s.Required == rules.RequiredAll || (s.RequiredWith != "" && registered[s.RequiredWith])
}

// reportMissing reports one registration with its empty mandatory slots.
// The message names at most the first three (cutList); the related
// information has one entry per slot, each with its reason, where the slot
// is or would be written (slotPos), after the registration call.
func (c *checker) reportMissing(r *registration, missing []rules.Slot) {
	pos, end := r.arg.Pos(), r.arg.End()
	if r.lit != nil && r.lit.Type != nil {
		pos, end = r.lit.Type.Pos(), r.lit.Type.End()
	}
	var slots []string
	related := []analysis.RelatedInformation{{Pos: r.call.Pos(), End: r.call.End(), Message: "registered with " + r.hs.RegisteredBy + " here"}}
	for _, s := range missing {
		slot := s.Field + " (" + s.Role + ")"
		slots = append(slots, slot)
		p, e := c.slotPos(r, s.Field)
		related = append(related, analysis.RelatedInformation{Pos: p, End: e, Message: slot + " is mandatory: " + reasonText(s.Reason)})
	}
	msg := fmt.Sprintf("%s is registered with %s without its mandatory %s: %s", r.hs.Name, r.hs.RegisteredBy, slots[0], reasonText(missing[0].Reason))
	if len(missing) > 1 {
		msg = fmt.Sprintf("%s is registered with %s without %d mandatory handlers: %s", r.hs.Name, r.hs.RegisteredBy, len(missing), cutList(slots))
	}
	d := analysis.Diagnostic{Pos: pos, End: end, Category: rules.RuleRoleMissingHandler, Message: msg, Related: related}
	if fix, ok := c.handlersFix(r, missing); ok {
		d.SuggestedFixes = []analysis.SuggestedFix{fix}
	}
	c.rep.Report(d)
}

// slotPos is where a missing slot is or would be written: its element when
// the literal sets it to nil, else the literal's closing brace (where the
// fix adds it), else the registered argument (a variable from new(T)).
func (c *checker) slotPos(r *registration, field string) (token.Pos, token.Pos) {
	if r.lit == nil {
		return r.arg.Pos(), r.arg.End()
	}
	for _, e := range r.lit.Elts {
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == field {
				return kv.Pos(), kv.End()
			}
		}
	}
	return r.lit.Rbrace, r.lit.Rbrace + 1
}

// reasonText makes the catalogue's reason ("page: sentence; and ...")
// readable in a message: the first sentence with its page.
func reasonText(reason string) string {
	page, text, ok := strings.Cut(reason, ": ")
	if !ok {
		return reason
	}
	if i := strings.Index(text, "; and "); i >= 0 {
		text = text[:i]
	}
	text = strings.TrimSuffix(text, ".")
	if page == "remarks" {
		return text + " (the structure's remarks)"
	}
	return text + " (" + page + ")"
}
