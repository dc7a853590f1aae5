package directives

import (
	"strings"

	"github.com/ndislint/ndislint/analyzers/internal/directive"
	"github.com/ndislint/ndislint/analyzers/internal/suppress"
	"github.com/ndislint/ndislint/rules"
)

// checkIgnore reports the unknown rule IDs of one well-formed
// //ndislint:ignore directive, each at its own place in the comment, and a
// missing reason. A directive whose rule list is malformed never gets here:
// the parser returns it as malformed, and run reports it so.
func checkIgnore(rep *suppress.Reporter, d directive.Directive) {
	ids, reason, problem := directive.ParseIgnore(d)
	if problem != "" {
		return
	}
	var names []string
	for _, id := range ids {
		names = append(names, id.ID)
		if rules.LookupRule(id.ID) != nil {
			continue
		}
		msg := "//ndislint:ignore names unknown rule " + quote(id.ID)
		if near := nearestRule(id.ID); near != "" {
			msg += "; did you mean " + near + "?"
		} else {
			msg += "; run 'ndislint help' for the rule IDs"
		}
		rep.Reportf(rules.RuleDirectiveUnknownRule, id.Pos, id.End, nil, "%s", msg)
	}
	if reason == "" {
		rep.Reportf(rules.RuleIgnoreMissingReason, d.Pos, d.End, nil,
			"//ndislint:ignore %s has no reason: say why after the rule IDs", strings.Join(names, ","))
	}
}

// quote puts a rule ID in double quotes, as go vet quotes names.
func quote(s string) string { return `"` + s + `"` }
