// Package suppress implements //ndislint:ignore for every pass, inside the
// pass itself, so that suppression works under every driver (standalone,
// go vet, golangci-lint, nogo, gopls).
//
// A directive `//ndislint:ignore RULE[,RULE...] reason` suppresses a
// diagnostic of one of those rules reported on the directive's own line or
// on the line below it. Each pass reports, for its own rules, suppressions
// that matched nothing (rule "unused-ignore"); the directives pass reports
// malformed ones and those with no reason.
package suppress

import (
	"fmt"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/ndislint/ndislint/analyzers/internal/directive"
)

// RuleUnusedIgnore is the rule ID of an ignore directive that matched no
// diagnostic.
const RuleUnusedIgnore = "unused-ignore"

// Ignore is one parsed //ndislint:ignore directive.
type Ignore struct {
	Rules  []string
	Reason string
	Pos    token.Pos
	End    token.Pos
	File   string
	Line   int
	used   map[string]bool
}

// ParseIgnore reads the arguments of an ignore directive.
func ParseIgnore(d directive.Directive) (rules []string, reason string) {
	fields := strings.Fields(d.Args)
	if len(fields) == 0 {
		return nil, ""
	}
	for _, r := range strings.Split(fields[0], ",") {
		if r = strings.TrimSpace(r); r != "" {
			rules = append(rules, r)
		}
	}
	return rules, strings.TrimSpace(strings.TrimPrefix(d.Args, fields[0]))
}

// Reporter reports a pass's diagnostics through the ignore directives.
type Reporter struct {
	pass    *analysis.Pass
	own     map[string]bool
	ignores []*Ignore
}

// New returns a Reporter for pass, whose rules are own.
func New(pass *analysis.Pass, own []string) *Reporter {
	r := &Reporter{pass: pass, own: map[string]bool{}}
	for _, id := range own {
		r.own[id] = true
	}
	for _, f := range pass.Files {
		ds, _ := directive.Parse(f)
		for _, d := range ds {
			if d.Key() != "ndislint:ignore" {
				continue
			}
			rules, reason := ParseIgnore(d)
			p := pass.Fset.Position(d.Pos)
			r.ignores = append(r.ignores, &Ignore{Rules: rules, Reason: reason, Pos: d.Pos, End: d.End,
				File: p.Filename, Line: p.Line, used: map[string]bool{}})
		}
	}
	return r
}

// Report reports d unless an ignore directive covers it. d.Category must be
// the rule ID; the message gets " (RULE)" appended so that every driver's
// output names the rule.
func (r *Reporter) Report(d analysis.Diagnostic) {
	p := r.pass.Fset.Position(d.Pos)
	for _, ig := range r.ignores {
		if ig.File == p.Filename && (ig.Line == p.Line || ig.Line == p.Line-1) && contains(ig.Rules, d.Category) {
			ig.used[d.Category] = true
			return
		}
	}
	if !strings.HasSuffix(d.Message, ")") || !strings.HasSuffix(d.Message, "("+d.Category+")") {
		d.Message = fmt.Sprintf("%s (%s)", d.Message, d.Category)
	}
	r.pass.Report(d)
}

// Reportf reports a diagnostic of rule at [pos, end) with related positions.
func (r *Reporter) Reportf(rule string, pos, end token.Pos, related []analysis.RelatedInformation, format string, args ...any) {
	r.Report(analysis.Diagnostic{Pos: pos, End: end, Category: rule, Message: fmt.Sprintf(format, args...), Related: related})
}

// Finish reports the ignore directives naming this pass's rules that
// suppressed nothing. Call it once, at the end of the pass's run.
func (r *Reporter) Finish() {
	for _, ig := range r.ignores {
		for _, id := range ig.Rules {
			if r.own[id] && !ig.used[id] {
				r.pass.Report(analysis.Diagnostic{Pos: ig.Pos, End: ig.End, Category: RuleUnusedIgnore,
					Message: fmt.Sprintf("//ndislint:ignore %s suppresses nothing here (%s)", id, RuleUnusedIgnore)})
			}
		}
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
