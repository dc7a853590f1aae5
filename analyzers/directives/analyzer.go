package directives

import (
	"github.com/ndislint/ndislint/rules"
	"golang.org/x/tools/go/analysis"

	"github.com/ndislint/ndislint/analyzers/internal/directive"
	"github.com/ndislint/ndislint/analyzers/internal/ndisapi"
	"github.com/ndislint/ndislint/analyzers/internal/suppress"
)

// Rule IDs reported by this pass.
const (
	RuleMalformed     = "directive-malformed"
	RuleUnknownRule   = "directive-unknown-rule"
	RuleMissingReason = "ignore-missing-reason"
)

// Analyzer checks the shape of ndislint's directive comments.
var Analyzer = &analysis.Analyzer{
	Name: rules.PassDirectives,
	Doc:  doc,
	URL:  "https://github.com/ndislint/ndislint/tree/main/analyzers/directives",
	Run:  run,
}

const doc = `check the shape of //ndis: and //ndislint: directive comments

Reports, in packages that use the NDIS runtime, each malformed //ndis:role,
//ndis:irql, //ndis:pageable or //ndislint:ignore comment
(directive-malformed), each //ndislint:ignore naming a rule ID that no pass
reports (directive-unknown-rule) and each //ndislint:ignore with no reason
(ignore-missing-reason). Run 'ndislint help RULE' for a rule's details.`

func run(pass *analysis.Pass) (any, error) {
	api, err := ndisapi.For(pass.Pkg)
	if err != nil {
		return nil, err
	}
	if api == nil {
		return nil, nil
	}
	rep := suppress.New(pass, rules.RuleIDs(rules.PassDirectives))
	for _, f := range pass.Files {
		ds, bad := directive.Parse(f)
		for _, m := range bad {
			rep.Reportf(RuleMalformed, m.Pos, m.End, nil, "%s", m.Msg)
		}
		for _, d := range ds {
			if d.Key() == directive.ToolNdislint+":ignore" {
				checkIgnore(rep, d)
			}
		}
	}
	rep.Finish()
	return nil, nil
}
