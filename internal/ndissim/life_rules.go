package ndissim

import (
	"github.com/ndislint/ndislint/rules"
)

// Which rule a lifetime check is reported as. The catalogue names edges, not
// rules; package rules maps the lifetimes to the static rules that check the
// same thing (rules.TypestateRulesOf, rules.TypestateStateOwners), and the
// verifier reports with those IDs. For the checks no static pass makes for a
// lifetime (a VC handle used after its end is the vclifetime pass's, the
// call manager's call has no static rule), ownRules gives the verifier's.

// lifeRuleIDs are the verifier's rule IDs for one lifetime's checks where
// package rules maps none.
type lifeRuleIDs struct {
	// used is a handle used after the edge that invalidated it, or once the
	// object is gone.
	used string
	// state is an event that no edge of the object's current state allows.
	state string
}

// ownRules maps a lifetime's Object to the verifier's rule IDs.
var ownRules = map[string]lifeRuleIDs{
	rules.ObjectVcClient: {used: rules.RuleVcUseAfterDelete, state: rules.RuleVcState},
	rules.ObjectVcCM:     {used: rules.RuleVcUseAfterClose, state: rules.RuleVcState},
	rules.ObjectCall:     {used: rules.RuleVcUseAfterDelete, state: rules.RuleVcState},
	rules.ObjectParty:    {used: rules.RulePartyUseAfterDrop, state: rules.RuleVcState},
	rules.ObjectPartyCM:  {used: rules.RulePartyUseAfterDrop, state: rules.RuleVcState},
	rules.ObjectAf:       {used: rules.RuleAfUseAfterClose, state: rules.RuleBadHandle},
	rules.ObjectAfCM:     {used: rules.RuleAfUseAfterClose, state: rules.RuleBadHandle},
	rules.ObjectSap:      {used: rules.RuleSapUseAfterDeregister, state: rules.RuleBadHandle},
	rules.ObjectSapCM:    {used: rules.RuleSapUseAfterDeregister, state: rules.RuleBadHandle},
}

// stateRule returns the rule an event no edge of l's state allows is
// reported as: the rule that owns the state, if one does; else rule, the
// caller's, if set; else the static rule for the lifetime's states; else
// the verifier's.
func stateRule(l *life, rule string) string {
	for _, o := range rules.TypestateStateOwners() {
		if o.Object == l.object && o.State == l.state {
			return o.Rule
		}
	}
	if rule != "" {
		return rule
	}
	if r := rules.TypestateRulesOf(l.object).State; r != "" {
		return r
	}
	if r, ok := ownRules[l.object]; ok {
		return r.state
	}
	return rules.RuleVcState
}

// usedRule returns the rule a use of l's dead handle is reported as.
func usedRule(l *life) string {
	if r := rules.TypestateRulesOf(l.object).UseAfter; r != "" {
		return r
	}
	if r, ok := ownRules[l.object]; ok {
		return r.used
	}
	return rules.RuleBadHandle
}

// busyRule returns the rule an edge taken while objects of its Busy
// lifetimes live is reported as.
func busyRule(l *life) string {
	if r := rules.TypestateRulesOf(l.object).Busy; r != "" {
		return r
	}
	return rules.RuleAfCloseBusy
}

// admit reports, as stateRule(l, rule), an event ev that no edge
// of l's state allows, caused by the DDI ddi (ev's own DDI; for a callback,
// the DDI that makes NDIS deliver it), naming the object as who and adding
// why, if any, to the report; it reports whether the event may go on.
func (w *world) admit(l *life, ev event, ddi, who, rule, why string) bool {
	if w.allows(l, ev) {
		return true
	}
	rule = stateRule(l, rule)
	what := "no " + ev.by + " edge"
	if ev.by != ddi {
		what = "no edge of " + ev.by + ", which NDIS would call now,"
	}
	if why != "" {
		why = "; " + why
	}
	w.report(rule, "%s: %s is in state %q of its %s lifetime, and %s of the catalogue leaves that state (they leave %s)%s",
		ddi, who, l.state, l.object, what, w.leavers(l, ev.by), why)
	return false
}
