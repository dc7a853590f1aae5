package directives

import (
	"github.com/ndislint/ndislint/rules"
	"golang.org/x/tools/go/analysis"

	"github.com/ndislint/ndislint/analyzers/internal/directive"
	"github.com/ndislint/ndislint/analyzers/internal/ndisfacts"
)

// Rule IDs reported by this pass.
const (
	RuleMalformed     = "directive-malformed"
	RuleUnknownRule   = "directive-unknown-rule"
	RuleMissingReason = "ignore-missing-reason"
)

// Analyzer checks the shape of ndislint's directive comments.
var Analyzer = &analysis.Analyzer{
	Name:     rules.PassDirectives,
	Doc:      doc,
	URL:      "https://github.com/ndislint/ndislint/tree/main/analyzers/directives",
	Run:      run,
	Requires: []*analysis.Analyzer{ndisfacts.Analyzer},
}

const doc = `check the shape of //ndis: and //ndislint: directive comments

Reports, in packages that use the NDIS runtime or carry an //ndis: or
//ndislint: directive, each malformed //ndis:role,
//ndis:irql, //ndis:pageable or //ndislint:ignore comment
(directive-malformed), each //ndislint:ignore naming a rule ID that no pass
reports (directive-unknown-rule) and each //ndislint:ignore with no reason
(ignore-missing-reason). Run 'ndislint help RULE' for a rule's details.`

func run(pass *analysis.Pass) (any, error) {
	front := ndisfacts.Of(pass)
	if !front.Analysed && !front.HasDirectives {
		return nil, nil // no runtime, no directive: nothing to check
	}
	rep := front.Reporter(pass, rules.RuleIDs(rules.PassDirectives))
	for _, m := range front.Malformed {
		rep.Reportf(RuleMalformed, m.Pos, m.End, nil, "%s", m.Msg)
	}
	for _, f := range pass.Files {
		for _, d := range front.Directives[f] {
			if d.Key() == directive.ToolNdislint+":ignore" {
				checkIgnore(rep, d)
			}
		}
	}
	rep.Finish()
	return nil, nil
}
