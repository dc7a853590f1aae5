package directives

import (
	"go/token"
	"strings"

	"github.com/ndislint/ndislint/analyzers/internal/directive"
	"github.com/ndislint/ndislint/analyzers/internal/suppress"
	"github.com/ndislint/ndislint/rules"
)

// checkIgnore reports the unknown rule IDs of one //ndislint:ignore
// directive, each at its own place in the comment, and a missing reason.
func checkIgnore(rep *suppress.Reporter, d directive.Directive) {
	ids, reason := suppress.ParseIgnore(d)
	for _, id := range idSpans(d) {
		if rules.LookupRule(id.name) != nil {
			continue
		}
		msg := "//ndislint:ignore names unknown rule " + quote(id.name)
		if near := nearestRule(id.name); near != "" {
			msg += "; did you mean " + near + "?"
		} else {
			msg += "; run 'ndislint help' for the rule IDs"
		}
		rep.Reportf(rules.RuleDirectiveUnknownRule, id.pos, id.end, nil, "%s", msg)
	}
	if reason == "" && len(ids) > 0 {
		rep.Reportf(rules.RuleIgnoreMissingReason, d.Pos, d.End, nil,
			"//ndislint:ignore %s has no reason: say why after the rule IDs", strings.Join(ids, ","))
	}
}

// span is one rule ID of an ignore directive and where it is written.
type span struct {
	name     string
	pos, end token.Pos
}

// idSpans returns the rule IDs of d's first argument (comma-separated), the
// way suppress.ParseIgnore reads them, with their positions.
func idSpans(d directive.Directive) []span {
	fields := strings.Fields(d.Args)
	if len(fields) == 0 {
		return nil
	}
	list := fields[0]
	base := strings.Index(d.Args, list)
	var out []span
	off := 0
	for _, part := range strings.Split(list, ",") {
		name := strings.TrimSpace(part)
		if name != "" {
			at := base + off + strings.Index(part, name)
			p := d.ArgsPos + token.Pos(at)
			out = append(out, span{name: name, pos: p, end: p + token.Pos(len(name))})
		}
		off += len(part) + 1
	}
	return out
}

// quote puts a rule ID in double quotes, as go vet quotes names.
func quote(s string) string { return `"` + s + `"` }
