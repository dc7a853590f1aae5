package ndissim

import (
	"github.com/ndislint/ndislint/rules"
)

// lifeRuleIDs are the rule IDs the verifier reports one lifetime's checks
// with: the IDs of the static rules that check the same thing, registered in
// package rules. The catalogue names edges, not rules, so which rule a check
// of which lifetime is reported as is this table's.
type lifeRuleIDs struct {
	// used is a handle used after the edge that invalidated it, or once the
	// object is gone.
	used string
	// state is an event that no edge of the object's current state allows.
	state string
}

// lifeRules maps a lifetime's Object to its rule IDs.
var lifeRules = map[string]lifeRuleIDs{
	rules.ObjectVcClient: {used: rules.RuleVcUseAfterDelete, state: rules.RuleVcState},
	rules.ObjectVcCM:     {used: rules.RuleVcUseAfterClose, state: rules.RuleVcState},
	rules.ObjectCall:     {used: rules.RuleVcUseAfterDelete, state: rules.RuleVcState},
	rules.ObjectParty:    {used: rules.RulePartyUseAfterDrop, state: rules.RuleVcState},
	rules.ObjectAf:       {used: rules.RuleAfUseAfterClose, state: rules.RuleBadHandle},
	rules.ObjectSap:      {used: rules.RuleSapUseAfterDeregister, state: rules.RuleBadHandle},
	rules.ObjectAfCM:     {used: rules.RuleAfUseAfterClose, state: rules.RuleBadHandle},
	rules.ObjectSapCM:    {used: rules.RuleSapUseAfterDeregister, state: rules.RuleBadHandle},
	rules.ObjectPartyCM:  {used: rules.RulePartyUseAfterDrop, state: rules.RuleVcState},
}

// stateRule returns the rule an event not allowed in l's state is reported
// with.
func stateRule(l *life) string {
	if r, ok := lifeRules[l.object]; ok {
		return r.state
	}
	return rules.RuleVcState
}

// usedRule returns the rule a use of l's dead handle is reported with.
func usedRule(l *life) string {
	if r, ok := lifeRules[l.object]; ok {
		return r.used
	}
	return rules.RuleBadHandle
}

// admit reports, as rule (stateRule(l) when ""), an event ev that no edge
// of l's state allows, caused by the DDI ddi (ev's own DDI; for a callback,
// the DDI that makes NDIS deliver it), naming the object as who and adding
// why, if any, to the report; it reports whether the event may go on.
func (w *world) admit(l *life, ev event, ddi, who, rule, why string) bool {
	if w.allows(l, ev) {
		return true
	}
	if rule == "" {
		rule = stateRule(l)
	}
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
