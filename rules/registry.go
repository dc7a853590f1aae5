package rules

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

// Rule documents one ndislint rule: its stable ID (a diagnostic's Category,
// a verifier violation's rule), the pass that reports it, and what `ndislint
// help RULE` prints (what it checks, the NDIS page it comes from, a wrong and
// a right example, and its analog in SDV or Code Analysis where one exists).
type Rule struct {
	// ID is the stable rule ID, e.g. "vc-delete-cm-vc".
	ID string
	// Pass is the name of the analyzer that reports it (EveryPass for
	// unused-ignore).
	Pass string
	// Title is one line.
	Title string
	// Text explains what is checked and why.
	Text string
	// Page is the NDIS reference page the rule comes from.
	Page string
	// Wrong and Right are short Go examples: Wrong is reported with this
	// rule (at least once) and no other, Right is reported with nothing.
	// TestRuleExamples (cmd/ndislint/rule_examples_test.go) compiles each
	// as a package of its own and runs every pass over it. Such a package
	// imports ndis (and wdm when the example uses it) and declares the
	// context types the examples share, which hold no behaviour:
	//
	//	type vc struct { ndisVcHandle ndis.Handle; createdByCM bool; lock ndis.SpinLock; connected, closing bool }
	//	type party struct{ closed bool }
	//	type client struct { lock ndis.SpinLock; closing bool; count int }
	//
	// An example is declarations, or statements that become the body of
	// func example(v *vc, c *client), which has no role and no contract:
	// the passes know neither its IRQL nor where v came from. A function it
	// calls without declaring it (clCloseCallComplete, genericComplete, ...;
	// the test's exampleStubs) is a stub that does nothing; one named after
	// a callback declares that callback's role. Whatever the rule depends
	// on (the role of a handler, where a VC handle comes from, what a
	// helper does) is in the example itself.
	Wrong, Right string
	// Analog names the SDV rule or Code Analysis warning, if any.
	Analog string
	// SDV lists the Static Driver Verifier NDIS rules (and Driver
	// Verifier's NDIS rules) this rule replaces, fully or in part, by
	// their SDV names; docs/sdv.md says how much of each, and
	// TestSDVMapping checks that the page and this list agree.
	SDV []string
	// Needs says when the rule applies to a run (ndislint -summary's "not
	// applicable"): when a package calls one of these DDIs or implements
	// one of these roles (NDIS names: NdisCoDeleteVc,
	// PROTOCOL_CL_CLOSE_CALL_COMPLETE). Empty: wherever a package uses the
	// runtime. TestRuleNeeds checks every name is in the catalogue.
	Needs []string
	// Owns lists the role/status pairs this rule reports when a role's
	// handler may return a status its page forbids; the roles pass's
	// role-bad-status leaves those pairs to it, so that one defect is
	// reported once.
	Owns []RoleStatus
}

// RoleStatus is a callback role (its typedef) and a status (its NDIS name).
type RoleStatus struct {
	Role, Status string
}

// passTables lists the rule tables, one per pass; the registry is built
// from it on first use (no init side effects).
var passTables = [][]*Rule{vclifetimeRules, irqlRules, rolesRules, directivesRules, completionRules, typestateRules, nblownRules, pausestateRules, ddiusageRules, verifierRules}

var (
	registryOnce sync.Once
	registryByID map[string]*Rule
	registryAll  []*Rule
)

// index builds the registry: every rule once, sorted by pass then ID.
func index() {
	registryByID = map[string]*Rule{}
	for _, t := range passTables {
		for _, r := range t {
			if _, dup := registryByID[r.ID]; dup {
				panic("rules: duplicate rule ID " + r.ID) // a programming error in this package's tables
			}
			registryByID[r.ID] = r
			registryAll = append(registryAll, r)
		}
	}
	sort.Slice(registryAll, func(i, j int) bool {
		if registryAll[i].Pass != registryAll[j].Pass {
			return registryAll[i].Pass < registryAll[j].Pass
		}
		return registryAll[i].ID < registryAll[j].ID
	})
}

// LookupRule returns the rule with the given ID, or nil.
func LookupRule(id string) *Rule {
	registryOnce.Do(index)
	return registryByID[id]
}

// AllRules returns every rule, sorted by pass then ID. The slice is the
// caller's; the rules are shared and must not be modified.
func AllRules() []*Rule {
	registryOnce.Do(index)
	return append([]*Rule(nil), registryAll...)
}

// RuleIDs returns the IDs of the rules of pass, sorted.
func RuleIDs(pass string) []string {
	var ids []string
	for _, r := range AllRules() {
		if r.Pass == pass {
			ids = append(ids, r.ID)
		}
	}
	return ids
}

// Owner returns the rule that reports role returning status, or nil when
// none owns the pair (role-bad-status reports it).
func Owner(role, status string) *Rule {
	for _, r := range AllRules() {
		for _, o := range r.Owns {
			if o.Role == role && o.Status == status {
				return r
			}
		}
	}
	return nil
}

// Explain formats a rule's documentation for `ndislint help RULE`.
func (r *Rule) Explain() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s\n\n", r.ID, r.Title)
	fmt.Fprintf(&b, "Pass: %s\n", r.Pass)
	if r.Page != "" {
		fmt.Fprintf(&b, "NDIS page: %s\n", r.Page)
	}
	if r.Analog != "" {
		fmt.Fprintf(&b, "Analog: %s\n", r.Analog)
	}
	if len(r.SDV) > 0 {
		fmt.Fprintf(&b, "Replaces SDV: %s (docs/sdv.md)\n", strings.Join(r.SDV, ", "))
	}
	fmt.Fprintf(&b, "\n%s\n", strings.TrimSpace(r.Text))
	if r.Wrong != "" {
		fmt.Fprintf(&b, "\nWrong:\n\n%s\n", indent(r.Wrong))
	}
	if r.Right != "" {
		fmt.Fprintf(&b, "\nRight:\n\n%s\n", indent(r.Right))
	}
	fmt.Fprintf(&b, "\nSuppress one report with //ndislint:ignore %s <reason> on its line or the line above.\n", r.ID)
	return b.String()
}

// indent indents every line of s by a tab.
func indent(s string) string {
	lines := strings.Split(strings.Trim(s, "\n"), "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = "\t" + l
		}
	}
	return strings.Join(lines, "\n")
}
