package kernel

import (
	"fmt"
	"strings"

	"github.com/ndislint/ndislint/rules"
)

// Violation is one break of the NDIS contract the verifier saw.
type Violation struct {
	// Rule is a stable rule ID registered in package rules (the static
	// rule's ID where a static pass checks the same thing): rules.RuleIrqlAboveMax,
	// rules.RuleVcUseAfterClose, rules.RuleStatusForbidden, ...
	Rule string
	// Message names the DDIs and roles in NDIS spelling.
	Message string
	// Trace is the sequence of calls that led to it, oldest first.
	Trace []string
}

// Headline is the violation on one line: the message, then the rule ID in
// parentheses, as every ndislint finding ends. The trace marks a violation
// with it, and String starts with it.
func (v Violation) Headline() string { return fmt.Sprintf("%s (%s)", v.Message, v.Rule) }

// String formats the violation: its Headline, then the sequence of calls
// that led to it, one a line. It is the one format of a violation: the
// ndistest harness fails tests with it.
func (v Violation) String() string {
	var b strings.Builder
	b.WriteString(v.Headline())
	if len(v.Trace) > 0 {
		b.WriteString("\n\tsequence:")
		for _, t := range v.Trace {
			b.WriteString("\n\t\t")
			b.WriteString(t)
		}
	}
	return b.String()
}

// Report records a violation of rule with the current trace. rule must be
// registered in package rules (rules.LookupRule); an ID the registry does not
// know is a programming error of the runtime, and Report panics on it, so no
// test can pass with a misspelt or undeclared ID.
func (s *State) Report(rule, format string, args ...any) {
	if rules.LookupRule(rule) == nil {
		panic(fmt.Sprintf("kernel: verifier rule %q is not registered in package rules", rule))
	}
	v := Violation{Rule: rule, Message: fmt.Sprintf(format, args...)}
	s.Tracef("!! %s", v.Headline())
	v.Trace = s.Trace()
	s.violations = append(s.violations, v)
}

// Violations returns what the verifier has reported so far.
func (s *State) Violations() []Violation {
	return append([]Violation(nil), s.violations...)
}

// Pending is an outstanding pended request: a DDI or callback that returned
// NDIS_STATUS_PENDING and owes exactly one completion.
type Pending struct {
	// What describes the request ("NdisClCloseCall on VC #3").
	What string
	// CompletedBy names what must complete it.
	CompletedBy string
}

// Pend records that key has pended and must be completed once.
func (s *State) Pend(key any, what, completedBy string) {
	if p, ok := s.pending[key]; ok {
		s.Report(rules.RulePendingTwice, "%s pended while %s is still pending", what, p.What)
		return
	}
	s.pending[key] = &Pending{What: what, CompletedBy: completedBy}
	s.pendOrder = append(s.pendOrder, key)
}

// IsPending reports whether key is outstanding.
func (s *State) IsPending(key any) bool {
	_, ok := s.pending[key]
	return ok
}

// Complete discharges key. It reports false, and records no violation,
// when nothing was pending under key; the caller reports in its own words.
func (s *State) Complete(key any) bool {
	if _, ok := s.pending[key]; !ok {
		return false
	}
	delete(s.pending, key)
	for i, k := range s.pendOrder {
		if k == key {
			s.pendOrder = append(s.pendOrder[:i], s.pendOrder[i+1:]...)
			break
		}
	}
	return true
}

// Outstanding returns the requests still pending, in the order they pended.
func (s *State) Outstanding() []Pending {
	var out []Pending
	for _, k := range s.pendOrder {
		out = append(out, *s.pending[k])
	}
	return out
}
