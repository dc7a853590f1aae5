// Package ruleset is the registry of every ndislint rule: its stable ID (the
// diagnostic's Category), the pass that reports it, and its documentation
// (what it checks, the NDIS page it comes from, a wrong and a right example,
// and its analog in SDV or Code Analysis where one exists). `ndislint help
// RULE` prints it; the directives pass checks //ndislint:ignore against it.
package ruleset

import (
	"fmt"
	"sort"
	"strings"
)

// Rule documents one rule.
type Rule struct {
	// ID is the stable rule ID, e.g. "vc-delete-cm-vc".
	ID string
	// Pass is the name of the analyzer that reports it.
	Pass string
	// Title is one line.
	Title string
	// Text explains what is checked and why.
	Text string
	// Page is the NDIS reference page the rule comes from.
	Page string
	// Wrong and Right are short Go examples.
	Wrong, Right string
	// Analog names the SDV rule or Code Analysis warning, if any.
	Analog string
}

var registry = map[string]*Rule{}

// Register adds rules to the registry. It is called from package-level
// variable initialisers of the rule tables in this package only.
func register(rs ...*Rule) []*Rule {
	for _, r := range rs {
		registry[r.ID] = r
	}
	return rs
}

// Lookup returns the rule with the given ID, or nil.
func Lookup(id string) *Rule { return registry[id] }

// All returns every rule, sorted by pass then ID.
func All() []*Rule {
	out := make([]*Rule, 0, len(registry))
	for _, r := range registry {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Pass != out[j].Pass {
			return out[i].Pass < out[j].Pass
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// IDs returns the IDs of the rules of pass.
func IDs(pass string) []string {
	var ids []string
	for _, r := range All() {
		if r.Pass == pass {
			ids = append(ids, r.ID)
		}
	}
	return ids
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

func indent(s string) string {
	lines := strings.Split(strings.Trim(s, "\n"), "\n")
	for i, l := range lines {
		lines[i] = "\t" + l
	}
	return strings.Join(lines, "\n")
}
