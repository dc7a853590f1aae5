// Package ruledoc is the public face of ndislint's rule registry
// (analyzers/internal/ruleset), for the command and other drivers outside
// analyzers/ that print rule documentation: `ndislint help RULE`, SARIF rule
// descriptors, a golangci-lint plugin's docs.
package ruledoc

import "github.com/ndislint/ndislint/analyzers/internal/ruleset"

// Rule documents one rule: ID, Pass, Title, Text, Page, Wrong, Right,
// Analog, and Explain() for the text `ndislint help RULE` prints.
type Rule = ruleset.Rule

// EveryPass is the Pass of rules that every pass reports (unused-ignore).
const EveryPass = ruleset.EveryPass

// Lookup returns the rule with the given ID, or nil.
func Lookup(id string) *Rule { return ruleset.Lookup(id) }

// All returns every rule, sorted by pass then ID.
func All() []*Rule { return ruleset.All() }

// IDs returns the IDs of the rules of pass.
func IDs(pass string) []string { return ruleset.IDs(pass) }
